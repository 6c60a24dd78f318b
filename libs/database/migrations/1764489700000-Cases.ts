import { MigrationInterface, QueryRunner } from 'typeorm';

/** The cadre registry and the spine every feature hangs on: selections, candidates, team, supervisors. */
export class Cases1764489700000 implements MigrationInterface {
  name = 'Cases1764489700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cadre (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        gender text NOT NULL CHECK (gender IN ('male','female')),
        birth_date date NOT NULL,
        id_number_enc text NOT NULL,
        -- keyed hash of the ID number: finds duplicates without decrypting every row
        id_number_digest text NOT NULL UNIQUE,
        ethnicity text,
        education text,
        current_post text NOT NULL,
        unit_id uuid NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX cadre_name_idx ON cadre(name)`);
    await q.query(`
      CREATE TABLE cadre_post (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cadre_id uuid NOT NULL REFERENCES cadre(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,
        title text NOT NULL,
        from_date date NOT NULL,
        to_date date,
        CHECK (to_date IS NULL OR to_date >= from_date)
      )`);
    await q.query(`CREATE INDEX cadre_post_cadre_idx ON cadre_post(cadre_id)`);

    await q.query(`
      CREATE TABLE selection (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        rulebook_version text NOT NULL,
        stage text NOT NULL DEFAULT 'motion' CHECK (stage IN ('motion','nomination','recommendation','targets','inspection',
          'deliberation','decision','pre_appointment_notice','appointment','closed')),
        closed_reason text,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        stage_changed_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX selection_stage_idx ON selection(stage)`);
    await q.query(`
      CREATE TABLE selection_team_member (
        selection_id uuid NOT NULL REFERENCES selection(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
        PRIMARY KEY (selection_id, user_id)
      )`);
    await q.query(`CREATE INDEX selection_team_member_user_idx ON selection_team_member(user_id)`);
    await q.query(`
      CREATE TABLE selection_supervisor (
        selection_id uuid NOT NULL REFERENCES selection(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (selection_id, user_id)
      )`);
    await q.query(`CREATE INDEX selection_supervisor_user_idx ON selection_supervisor(user_id)`);

    await q.query(`
      CREATE TABLE candidate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        selection_id uuid NOT NULL REFERENCES selection(id) ON DELETE RESTRICT,
        cadre_id uuid NOT NULL REFERENCES cadre(id) ON DELETE RESTRICT,
        state text NOT NULL DEFAULT 'active' CHECK (state IN ('active','on_hold','excluded','not_selected','withdrawn','appointed')),
        state_reason text,
        state_rule text,
        state_changed_at timestamptz NOT NULL DEFAULT now(),
        nominator_name text NOT NULL,
        nominator_post text NOT NULL,
        nominator_team text NOT NULL,
        responsibility_statement text NOT NULL,
        proposed_post_id uuid,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (selection_id, cadre_id)
      )`);
    await q.query(`CREATE INDEX candidate_selection_idx ON candidate(selection_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['candidate', 'selection_supervisor', 'selection_team_member', 'selection', 'cadre_post', 'cadre']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
