import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Secret electronic ballots as counters. A row per ballot, however anonymous its columns, is
 * written in the voter's own transaction (its xmin matches the voter's participation row) and in
 * cast order (its physical position matches the participation sequence): either links a choice to
 * a voter. A per-candidate ballot box incremented in place keeps only totals.
 */
export class BallotBox1764490300000 implements MigrationInterface {
  name = 'BallotBox1764490300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ballot_box (
        vote_id uuid NOT NULL REFERENCES vote(id) ON DELETE RESTRICT,
        candidate_id uuid NOT NULL REFERENCES candidate(id) ON DELETE RESTRICT,
        agree integer NOT NULL DEFAULT 0 CHECK (agree >= 0),
        disagree integer NOT NULL DEFAULT 0 CHECK (disagree >= 0),
        defer integer NOT NULL DEFAULT 0 CHECK (defer >= 0),
        PRIMARY KEY (vote_id, candidate_id)
      )`);
    await q.query(`
      INSERT INTO ballot_box (vote_id, candidate_id, agree, disagree, defer)
      SELECT vote_id, candidate_id,
             count(*) FILTER (WHERE choice = 'agree'),
             count(*) FILTER (WHERE choice = 'disagree'),
             count(*) FILTER (WHERE choice = 'defer')
      FROM ballot GROUP BY vote_id, candidate_id`);
    await q.query(`DROP TABLE ballot`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ballot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        vote_id uuid NOT NULL REFERENCES vote(id) ON DELETE RESTRICT,
        candidate_id uuid NOT NULL REFERENCES candidate(id) ON DELETE RESTRICT,
        choice text NOT NULL CHECK (choice IN ('agree','disagree','defer'))
      )`);
    await q.query(`CREATE INDEX ballot_vote_idx ON ballot(vote_id)`);
    for (const choice of ['agree', 'disagree', 'defer']) {
      await q.query(
        `INSERT INTO ballot (vote_id, candidate_id, choice)
         SELECT b.vote_id, b.candidate_id, '${choice}' FROM ballot_box b, generate_series(1, b.${choice})`,
      );
    }
    await q.query(`DROP TABLE ballot_box`);
  }
}
