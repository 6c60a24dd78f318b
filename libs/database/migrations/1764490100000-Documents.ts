import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issued documents (考察材料, notices, …): every rendering is a new row and nothing is ever
 * overwritten; a newer version supersedes an older one by a status change only. The bytes live
 * in their own table so listings never drag PDFs along.
 */
export class Documents1764490100000 implements MigrationInterface {
  name = 'Documents1764490100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('advance_notice','inspection_notice','performance_notice','pre_appointment_notice',
          'consultation_letter','dossier','vote_result','appointment_notice','documentary_record')),
        selection_id uuid NOT NULL REFERENCES selection(id) ON DELETE RESTRICT,
        candidate_id uuid REFERENCES candidate(id) ON DELETE RESTRICT,
        notice_id uuid,
        -- the subject a version number counts within: the candidate, the notice or the selection
        subject_key uuid NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        status text NOT NULL CHECK (status IN ('rendering','draft','final','superseded','revoked','failed')),
        failure_reason text,
        sha256 text CHECK (sha256 IS NULL OR sha256 ~ '^[0-9a-f]{64}$'),
        verification_code text NOT NULL UNIQUE,
        issued_at timestamptz NOT NULL,
        rendered_at timestamptz,
        draft_of uuid REFERENCES document(id) ON DELETE RESTRICT,
        final_document_id uuid REFERENCES document(id) ON DELETE RESTRICT,
        -- the data the definition was built from, so a final repeats exactly what was signed
        data jsonb,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- only a rendering or failed row lacks bytes: superseded and revoked ones were issued first
        CHECK (status IN ('rendering','failed') OR sha256 IS NOT NULL),
        CHECK (status <> 'failed' OR failure_reason IS NOT NULL)
      )`);
    // A draft and its final share the version number; two renderings never do.
    await q.query(`CREATE UNIQUE INDEX document_subject_version_uq ON document(kind, subject_key, version, (draft_of IS NOT NULL))`);
    await q.query(`CREATE UNIQUE INDEX document_one_final_per_draft_uq ON document(draft_of) WHERE draft_of IS NOT NULL AND status <> 'failed'`);
    await q.query(`CREATE INDEX document_candidate_idx ON document(candidate_id) WHERE candidate_id IS NOT NULL`);
    await q.query(`CREATE INDEX document_selection_idx ON document(selection_id)`);
    await q.query(`CREATE INDEX document_sha256_idx ON document(sha256) WHERE sha256 IS NOT NULL`);

    await q.query(`
      CREATE TABLE document_blob (
        document_id uuid PRIMARY KEY REFERENCES document(id) ON DELETE RESTRICT,
        pdf bytea NOT NULL,
        size integer NOT NULL
      )`);

    await q.query(`
      CREATE TABLE document_sign_off (
        document_id uuid NOT NULL REFERENCES document(id) ON DELETE RESTRICT,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE RESTRICT,
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        signed_at timestamptz NOT NULL,
        PRIMARY KEY (document_id, user_id)
      )`);

    // 优点、缺点和结论: written by the inspection team, printed in the dossier.
    await q.query(`
      CREATE TABLE dossier_assessment (
        candidate_id uuid PRIMARY KEY REFERENCES candidate(id) ON DELETE RESTRICT,
        selection_id uuid NOT NULL REFERENCES selection(id) ON DELETE RESTRICT,
        strengths text[] NOT NULL DEFAULT '{}',
        shortcomings text[] NOT NULL DEFAULT '{}',
        conclusion text NOT NULL DEFAULT '',
        updated_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS dossier_assessment`);
    await q.query(`DROP TABLE IF EXISTS document_sign_off`);
    await q.query(`DROP TABLE IF EXISTS document_blob`);
    await q.query(`DROP TABLE IF EXISTS document`);
  }
}
