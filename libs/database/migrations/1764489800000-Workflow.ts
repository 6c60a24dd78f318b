import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The enforced selection workflow: posts, motion, work plan, recommendations, target meeting,
 * per-candidate inspection records, waivers, deliberation, votes (secret ballots), appointments.
 * Every record keeps the date it states (`held_at`) apart from when it was entered (`recorded_at`).
 */
export class Workflow1764489800000 implements MigrationInterface {
  name = 'Workflow1764489800000';

  async up(q: QueryRunner): Promise<void> {
    const recorded = `
        recorded_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL`;
    await q.query(`
      CREATE TABLE selection_post (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        selection_id uuid NOT NULL REFERENCES selection(id) ON DELETE RESTRICT,
        title text NOT NULL,
        unit_id uuid NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,
        count integer NOT NULL CHECK (count > 0),
        position integer NOT NULL
      )`);
    await q.query(`CREATE INDEX selection_post_selection_idx ON selection_post(selection_id)`);
    await q.query(`
      CREATE TABLE motion (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        selection_id uuid NOT NULL UNIQUE REFERENCES selection(id) ON DELETE RESTRICT,
        direction text NOT NULL,
        criteria text NOT NULL,
        requirements text NOT NULL,
        proposed_by text NOT NULL,${recorded}
      )`);
    await q.query(`
      CREATE TABLE work_plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        selection_id uuid NOT NULL UNIQUE REFERENCES selection(id) ON DELETE RESTRICT,
        conditions text NOT NULL,
        pool text NOT NULL,
        method text NOT NULL,
        timetable text NOT NULL,${recorded}
      )`);
    await q.query(`
      CREATE TABLE recommendation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        selection_id uuid NOT NULL REFERENCES selection(id) ON DELETE RESTRICT,
        kind text NOT NULL CHECK (kind IN ('meeting','talk')),
        held_at timestamptz NOT NULL,
        participants integer,
        -- [{candidateId, count}]: votes (meeting) or mentions (talk)
        results jsonb NOT NULL,${recorded}
      )`);
    await q.query(`CREATE INDEX recommendation_selection_idx ON recommendation(selection_id)`);
    for (const table of ['target_meeting', 'deliberation']) {
      await q.query(`
        CREATE TABLE ${table} (
          id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
          selection_id uuid NOT NULL REFERENCES selection(id) ON DELETE RESTRICT,
          held_at timestamptz NOT NULL,
          minutes text NOT NULL,
          candidate_ids uuid[] NOT NULL,${recorded}
        )`);
      await q.query(`CREATE INDEX ${table}_selection_idx ON ${table}(selection_id)`);
    }

    // Per-candidate inspection records carry selection_id too: a checklist loads each table once.
    const perCandidate = `
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        selection_id uuid NOT NULL REFERENCES selection(id) ON DELETE RESTRICT,
        candidate_id uuid NOT NULL REFERENCES candidate(id) ON DELETE RESTRICT,`;
    await q.query(`
      CREATE TABLE interview (${perCandidate}
        category text NOT NULL CHECK (category IN ('leadership_team','staff','superior_leader','service_recipients',
          'party_delegates','npc_deputies','cppcc_members')),
        interviewee_name text NOT NULL,
        interviewee_post text NOT NULL,
        held_at timestamptz NOT NULL,
        summary text NOT NULL,${recorded}
      )`);
    await q.query(`
      CREATE TABLE inspection_check (${perCandidate}
        item text NOT NULL CHECK (item IN ('neighbourhood','training','annual_appraisals','personnel_file',
          'public_opinion','petitions')),
        finding text NOT NULL,
        evidence text NOT NULL,${recorded}
      )`);
    await q.query(`
      CREATE TABLE democratic_evaluation (${perCandidate}
        held_at timestamptz NOT NULL,
        participants integer NOT NULL CHECK (participants >= 0),
        excellent integer NOT NULL CHECK (excellent >= 0),
        competent integer NOT NULL CHECK (competent >= 0),
        basically_competent integer NOT NULL CHECK (basically_competent >= 0),
        incompetent integer NOT NULL CHECK (incompetent >= 0),${recorded}
      )`);
    await q.query(`
      CREATE TABLE extended_inspection (${perCandidate}
        unit_id uuid NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,
        summary text NOT NULL,${recorded}
      )`);
    await q.query(`
      CREATE TABLE personal_matters_verification (${perCandidate}
        finding text NOT NULL,${recorded}
      )`);
    for (const t of ['interview', 'inspection_check', 'democratic_evaluation', 'extended_inspection', 'personal_matters_verification']) {
      await q.query(`CREATE INDEX ${t}_selection_idx ON ${t}(selection_id)`);
      await q.query(`CREATE INDEX ${t}_candidate_idx ON ${t}(candidate_id)`);
    }

    await q.query(`
      CREATE TABLE waiver (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        selection_id uuid NOT NULL REFERENCES selection(id) ON DELETE RESTRICT,
        rule text NOT NULL,
        candidate_id uuid REFERENCES candidate(id) ON DELETE RESTRICT,
        reason text NOT NULL,
        requested_by uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
        requested_at timestamptz NOT NULL,
        approved_by uuid REFERENCES app_user(id) ON DELETE RESTRICT,
        approved_at timestamptz,
        -- four eyes: the database refuses a self-approval even if a code path forgets
        CHECK (approved_by IS NULL OR approved_by <> requested_by)
      )`);
    await q.query(`CREATE INDEX waiver_selection_idx ON waiver(selection_id)`);

    await q.query(`
      CREATE TABLE vote (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        selection_id uuid NOT NULL REFERENCES selection(id) ON DELETE RESTRICT,
        round integer NOT NULL,
        held_at timestamptz NOT NULL,
        mode text NOT NULL CHECK (mode IN ('tally','electronic')),
        posts integer NOT NULL CHECK (posts > 0),
        agenda uuid[] NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed','void')),
        tie jsonb,
        closed_at timestamptz,${recorded},
        UNIQUE (selection_id, round)
      )`);
    await q.query(`
      CREATE TABLE vote_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        vote_id uuid NOT NULL REFERENCES vote(id) ON DELETE RESTRICT,
        position integer NOT NULL,
        user_id uuid REFERENCES app_user(id) ON DELETE RESTRICT,
        name text NOT NULL,
        present boolean NOT NULL,
        recused_candidate_ids uuid[] NOT NULL DEFAULT '{}',
        absent_reason text,
        is_secretary boolean NOT NULL DEFAULT false,
        UNIQUE (vote_id, user_id)
      )`);
    await q.query(`CREATE INDEX vote_member_vote_idx ON vote_member(vote_id)`);
    await q.query(`
      CREATE TABLE vote_result (
        vote_id uuid NOT NULL REFERENCES vote(id) ON DELETE RESTRICT,
        candidate_id uuid NOT NULL REFERENCES candidate(id) ON DELETE RESTRICT,
        agree integer NOT NULL CHECK (agree >= 0),
        disagree integer NOT NULL CHECK (disagree >= 0),
        defer integer NOT NULL CHECK (defer >= 0),
        approved boolean,
        elected boolean NOT NULL DEFAULT false,
        PRIMARY KEY (vote_id, candidate_id)
      )`);
    // A ballot says how, never who: no voter, no timestamp, random id (no order to correlate).
    await q.query(`
      CREATE TABLE ballot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        vote_id uuid NOT NULL REFERENCES vote(id) ON DELETE RESTRICT,
        candidate_id uuid NOT NULL REFERENCES candidate(id) ON DELETE RESTRICT,
        choice text NOT NULL CHECK (choice IN ('agree','disagree','defer'))
      )`);
    await q.query(`CREATE INDEX ballot_vote_idx ON ballot(vote_id)`);
    // Who voted on which candidate (never how): stops double voting and orders the secretary last.
    await q.query(`
      CREATE TABLE vote_participation (
        seq bigserial PRIMARY KEY,
        vote_id uuid NOT NULL REFERENCES vote(id) ON DELETE RESTRICT,
        candidate_id uuid NOT NULL REFERENCES candidate(id) ON DELETE RESTRICT,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
        member_id uuid NOT NULL REFERENCES vote_member(id) ON DELETE RESTRICT,
        UNIQUE (vote_id, candidate_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE appointment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        selection_id uuid NOT NULL REFERENCES selection(id) ON DELETE RESTRICT,
        candidate_id uuid NOT NULL UNIQUE REFERENCES candidate(id) ON DELETE RESTRICT,
        effective_on date NOT NULL,
        trial_period text,${recorded}
      )`);
    await q.query(`CREATE INDEX appointment_selection_idx ON appointment(selection_id)`);
    await q.query(`CREATE INDEX vote_selection_idx ON vote(selection_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'appointment',
      'vote_participation',
      'ballot',
      'vote_result',
      'vote_member',
      'vote',
      'waiver',
      'personal_matters_verification',
      'extended_inspection',
      'democratic_evaluation',
      'inspection_check',
      'interview',
      'deliberation',
      'target_meeting',
      'recommendation',
      'work_plan',
      'motion',
      'selection_post',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
