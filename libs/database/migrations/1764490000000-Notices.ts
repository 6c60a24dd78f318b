import { MigrationInterface, QueryRunner } from 'typeorm';

/** 三公示 and the 考察预告 (public notices) and 两个一律 report intake (举报) with findings. */
export class Notices1764490000000 implements MigrationInterface {
  name = 'Notices1764490000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        selection_id uuid NOT NULL REFERENCES selection(id) ON DELETE RESTRICT,
        kind text NOT NULL CHECK (kind IN ('advance','inspection','performance','pre_appointment')),
        status text NOT NULL CHECK (status IN ('scheduled','open','closed','closed_with_open_reports')),
        starts_on date NOT NULL,
        working_days integer NOT NULL CHECK (working_days >= 1),
        ends_on date NOT NULL,
        -- 24:00 Asia/Shanghai of ends_on: reports are in time until this instant
        closes_at timestamptz NOT NULL,
        -- some day of the period lies in a year the official calendar does not know yet
        provisional boolean NOT NULL DEFAULT false,
        inspection_starts_on date,
        title text NOT NULL,
        body text NOT NULL,
        published_at timestamptz NOT NULL,
        closed_at timestamptz,
        -- set once the notice is issued as a sealed document (documents module)
        verification_code text UNIQUE,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on >= starts_on),
        CHECK ((kind = 'advance') = (inspection_starts_on IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX notice_selection_idx ON notice(selection_id)`);
    await q.query(`CREATE INDEX notice_public_idx ON notice(status, starts_on, closes_at)`);
    await q.query(`
      CREATE TABLE notice_candidate (
        notice_id uuid NOT NULL REFERENCES notice(id) ON DELETE CASCADE,
        candidate_id uuid NOT NULL REFERENCES candidate(id) ON DELETE RESTRICT,
        position integer NOT NULL,
        -- what was published, frozen: a later edit of the registry never rewrites a public notice
        name text NOT NULL,
        gender text NOT NULL,
        birth_date date NOT NULL,
        current_post text NOT NULL,
        proposed_post text,
        PRIMARY KEY (notice_id, candidate_id)
      )`);
    await q.query(`CREATE INDEX notice_candidate_candidate_idx ON notice_candidate(candidate_id)`);
    await q.query(`
      CREATE TABLE report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        selection_id uuid NOT NULL REFERENCES selection(id) ON DELETE RESTRICT,
        candidate_id uuid NOT NULL REFERENCES candidate(id) ON DELETE RESTRICT,
        notice_id uuid REFERENCES notice(id) ON DELETE RESTRICT,
        channel text NOT NULL CHECK (channel IN ('public_notice','letter','phone_12380','visit','other')),
        received_at timestamptz NOT NULL,
        received_on date NOT NULL,
        late boolean NOT NULL DEFAULT false,
        content text NOT NULL,
        -- FieldCipher (AES-256-GCM): shown to org_admin only, every view audited
        contact_enc text,
        receipt_code text NOT NULL UNIQUE,
        status text NOT NULL DEFAULT 'received' CHECK (status IN ('received','investigating','closed')),
        investigating_at timestamptz,
        finding text CHECK (finding IN ('unfounded','minor','serious','unverifiable')),
        finding_detail text,
        referral text,
        finding_at timestamptz,
        finding_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        decision_due_on date,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'closed') = (finding IS NOT NULL)),
        CHECK (finding IS DISTINCT FROM 'serious' OR referral IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX report_selection_idx ON report(selection_id)`);
    await q.query(`CREATE INDEX report_candidate_idx ON report(candidate_id)`);
    await q.query(`CREATE INDEX report_notice_idx ON report(notice_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['report', 'notice_candidate', 'notice']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
