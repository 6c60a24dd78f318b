import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `('discipline_commission','procuratorate','political_legal_committee','audit_bureau','health_commission','community')`;

/**
 * 六征求: one letter per selection and consulted unit, one request per letter and candidate, the
 * deliveries of each request per channel (the delivery id is the webhook's Idempotency-Key), and
 * the opinions — immutable; a correction is a new row that supersedes the earlier one.
 */
export class Consultations1764489900000 implements MigrationInterface {
  name = 'Consultations1764489900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE consultation_letter (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        selection_id uuid NOT NULL REFERENCES selection(id) ON DELETE RESTRICT,
        unit_kind text NOT NULL CHECK (unit_kind IN ${KINDS}),
        -- null when no unit of this kind is configured: the requests exist and show as undeliverable
        unit_id uuid REFERENCES unit(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE NULLS NOT DISTINCT (selection_id, unit_kind, unit_id)
      )`);
    await q.query(`
      CREATE TABLE consultation_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        letter_id uuid NOT NULL REFERENCES consultation_letter(id) ON DELETE RESTRICT,
        selection_id uuid NOT NULL REFERENCES selection(id) ON DELETE RESTRICT,
        candidate_id uuid NOT NULL REFERENCES candidate(id) ON DELETE RESTRICT,
        unit_kind text NOT NULL CHECK (unit_kind IN ${KINDS}),
        unit_id uuid REFERENCES unit(id) ON DELETE RESTRICT,
        status text NOT NULL CHECK (status IN ('pending','answered','overdue','delivery_failed','undeliverable','stopped')),
        requested_on date NOT NULL,
        due_on date NOT NULL,
        due_at timestamptz NOT NULL,
        reminded_at timestamptz,
        overdue_at timestamptz,
        answered_at timestamptz,
        stopped_at timestamptz,
        stop_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (letter_id, candidate_id),
        CHECK ((unit_id IS NULL) = (status = 'undeliverable') OR status = 'stopped')
      )`);
    await q.query(`CREATE INDEX consultation_request_unit_status_idx ON consultation_request(unit_id, status, due_on)`);
    await q.query(`CREATE INDEX consultation_request_status_idx ON consultation_request(status, due_on)`);
    await q.query(`CREATE INDEX consultation_request_selection_idx ON consultation_request(selection_id)`);
    await q.query(`CREATE INDEX consultation_request_candidate_idx ON consultation_request(candidate_id)`);
    await q.query(`
      CREATE TABLE consultation_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES consultation_request(id) ON DELETE RESTRICT,
        channel text NOT NULL CHECK (channel IN ('webhook','email')),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','delivered','failed','skipped')),
        attempts integer NOT NULL DEFAULT 0,
        response_status integer,
        last_error text,
        delivered_at timestamptz,
        failed_at timestamptz,
        requested_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX consultation_delivery_request_idx ON consultation_delivery(request_id)`);
    await q.query(`
      CREATE TABLE consultation_opinion (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES consultation_request(id) ON DELETE RESTRICT,
        verdict text NOT NULL CHECK (verdict IN ('no_adverse','adverse','under_investigation')),
        detail text,
        -- a correction names the opinion it replaces and why; each opinion is replaced at most once
        supersedes_id uuid UNIQUE REFERENCES consultation_opinion(id) ON DELETE RESTRICT,
        reason text,
        answered_by uuid REFERENCES app_user(id) ON DELETE RESTRICT,
        answered_at timestamptz NOT NULL,
        CHECK (verdict = 'no_adverse' OR (detail IS NOT NULL AND detail <> '')),
        CHECK ((supersedes_id IS NULL) = (reason IS NULL))
      )`);
    // The first opinion of a request is unique: "answered twice" is refused by the database too.
    await q.query(`CREATE UNIQUE INDEX consultation_opinion_first_idx ON consultation_opinion(request_id) WHERE supersedes_id IS NULL`);
    await q.query(`
      CREATE TABLE consultation_attachment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        opinion_id uuid NOT NULL UNIQUE REFERENCES consultation_opinion(id) ON DELETE RESTRICT,
        filename text NOT NULL,
        content_type text NOT NULL,
        size integer NOT NULL CHECK (size > 0 AND size <= 10485760),
        sha256 text NOT NULL,
        content bytea NOT NULL
      )`);
    await q.query(`
      CREATE FUNCTION consultation_opinion_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'consultation opinions are immutable: a correction is a new opinion';
      END $$`);
    for (const t of ['consultation_opinion', 'consultation_attachment']) {
      await q.query(`
        CREATE TRIGGER ${t}_immutable BEFORE UPDATE OR DELETE ON ${t}
        FOR EACH ROW EXECUTE FUNCTION consultation_opinion_refuse_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['consultation_attachment', 'consultation_opinion', 'consultation_delivery', 'consultation_request', 'consultation_letter']) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`DROP FUNCTION consultation_opinion_refuse_change`);
  }
}
