import { MigrationInterface, QueryRunner } from 'typeorm';

/** Identity, units, the append-only audit chain and the transactional outbox. */
export class Platform1764489600000 implements MigrationInterface {
  name = 'Platform1764489600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('discipline_commission','procuratorate','political_legal_committee',
          'audit_bureau','health_commission','community','work_unit','supervising_unit')),
        webhook_url text,
        webhook_secret_enc text,
        email text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL DEFAULT '{}',
        unit_id uuid REFERENCES unit(id) ON DELETE RESTRICT,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- 三员分立: no account holds two of the three administrator roles.
        CONSTRAINT app_user_separated_admins CHECK (
          (('system_admin' = ANY(roles))::int + ('security_admin' = ANY(roles))::int + ('audit_admin' = ANY(roles))::int) <= 1)
      )`);
    await q.query(`CREATE INDEX app_user_unit_idx ON app_user(unit_id)`);

    await q.query(`
      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        chain_key text NOT NULL,
        seq integer NOT NULL,
        selection_id uuid,
        actor_id uuid,
        actor_username text,
        actor_roles text[] NOT NULL DEFAULT '{}',
        action text NOT NULL,
        entity text NOT NULL,
        entity_id text,
        before jsonb,
        after jsonb,
        request_id text,
        ip text,
        user_agent text,
        occurred_at timestamptz NOT NULL,
        hash_alg text NOT NULL CHECK (hash_alg IN ('sha256','sm3')),
        prev_hash text NOT NULL,
        hash text NOT NULL,
        UNIQUE (chain_key, seq)
      )`);
    await q.query(`CREATE INDEX audit_event_selection_idx ON audit_event(selection_id, seq)`);
    await q.query(`CREATE INDEX audit_event_entity_idx ON audit_event(entity, entity_id)`);
    // The trail is evidence: the database itself refuses to change or remove it.
    await q.query(`
      CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`);

    await q.query(`
      CREATE TABLE outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        queue text NOT NULL,
        job_name text NOT NULL,
        payload jsonb NOT NULL,
        run_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        enqueued_at timestamptz,
        done_at timestamptz,
        failed_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox(run_at) WHERE enqueued_at IS NULL`);
    await q.query(`CREATE INDEX outbox_unfinished_idx ON outbox(enqueued_at) WHERE enqueued_at IS NOT NULL AND done_at IS NULL AND failed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox`);
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_refuse_change`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE unit`);
  }
}
