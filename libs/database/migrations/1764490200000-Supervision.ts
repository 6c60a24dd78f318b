import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Volunteer supervision (义务监督): supervisor profiles, remarks and their answers, who attended
 * which activity, and the log of watermarked copies handed out. Remarks, answers and attendance
 * are evidence for the documentary record: the database refuses to change or remove them.
 */
export class Supervision1764490200000 implements MigrationInterface {
  name = 'Supervision1764490200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE supervisor_profile (
        user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE RESTRICT,
        -- personal data: FieldCipher (AES-256-GCM) at rest
        phone_enc text,
        occupation text,
        affiliation text,
        term_from date,
        term_to date,
        updated_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (term_to IS NULL OR term_from IS NULL OR term_to >= term_from)
      )`);

    await q.query(`
      CREATE TABLE supervision_remark (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        selection_id uuid NOT NULL REFERENCES selection(id) ON DELETE RESTRICT,
        candidate_id uuid REFERENCES candidate(id) ON DELETE RESTRICT,
        kind text NOT NULL DEFAULT 'question' CHECK (kind IN ('objection','question','procedure')),
        follows_up_id uuid REFERENCES supervision_remark(id) ON DELETE RESTRICT,
        content text NOT NULL CHECK (char_length(content) > 0),
        stage text NOT NULL,
        filed_by uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
        filed_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX supervision_remark_selection_idx ON supervision_remark(selection_id, filed_at)`);
    await q.query(`CREATE INDEX supervision_remark_candidate_idx ON supervision_remark(candidate_id) WHERE candidate_id IS NOT NULL`);
    await q.query(`CREATE INDEX supervision_remark_follows_up_idx ON supervision_remark(follows_up_id) WHERE follows_up_id IS NOT NULL`);

    // One answer per remark, in its own table: a remark row is never updated, not even to answer it.
    await q.query(`
      CREATE TABLE supervision_remark_answer (
        remark_id uuid PRIMARY KEY REFERENCES supervision_remark(id) ON DELETE RESTRICT,
        content text NOT NULL CHECK (char_length(content) > 0),
        answered_by uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
        answered_at timestamptz NOT NULL
      )`);

    await q.query(`
      CREATE TABLE supervisor_attendance (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        selection_id uuid NOT NULL REFERENCES selection(id) ON DELETE RESTRICT,
        activity text NOT NULL CHECK (activity IN ('interview','recommendation_meeting','talk_recommendation','target_meeting',
          'deliberation','vote_count','other')),
        -- the interview, meeting or vote attended; records live in other modules' tables, so it is
        -- checked against the selection's audit chain when written, not by a foreign key
        record_id uuid,
        held_at timestamptz NOT NULL,
        note text,
        recorded_by uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX supervisor_attendance_selection_idx ON supervisor_attendance(selection_id, held_at)`);
    await q.query(`
      CREATE TABLE supervisor_attendance_member (
        attendance_id uuid NOT NULL REFERENCES supervisor_attendance(id) ON DELETE RESTRICT,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
        PRIMARY KEY (attendance_id, user_id)
      )`);
    await q.query(`CREATE INDEX supervisor_attendance_member_user_idx ON supervisor_attendance_member(user_id)`);

    await q.query(`
      CREATE TABLE document_copy (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES document(id) ON DELETE RESTRICT,
        copy_number integer NOT NULL CHECK (copy_number > 0),
        selection_id uuid NOT NULL REFERENCES selection(id) ON DELETE RESTRICT,
        candidate_id uuid REFERENCES candidate(id) ON DELETE RESTRICT,
        recipient_id uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
        recipient_name text NOT NULL,
        made_at timestamptz NOT NULL,
        -- the copy's own bytes are not kept; their hash identifies a copy that turns up elsewhere
        sha256 text NOT NULL,
        size integer NOT NULL,
        UNIQUE (document_id, copy_number)
      )`);
    await q.query(`CREATE INDEX document_copy_recipient_idx ON document_copy(recipient_id)`);

    await q.query(`
      CREATE FUNCTION supervision_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME;
      END $$`);
    for (const t of ['supervision_remark', 'supervision_remark_answer', 'supervisor_attendance', 'supervisor_attendance_member', 'document_copy']) {
      await q.query(`
        CREATE TRIGGER ${t}_immutable BEFORE UPDATE OR DELETE ON ${t}
        FOR EACH ROW EXECUTE FUNCTION supervision_refuse_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'document_copy',
      'supervisor_attendance_member',
      'supervisor_attendance',
      'supervision_remark_answer',
      'supervision_remark',
      'supervisor_profile',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`DROP FUNCTION supervision_refuse_change`);
  }
}
