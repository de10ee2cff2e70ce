import type { Migration } from './Migration.js';

/**
 * The audit log is append-only in the database itself and hash-chained per organization:
 * a BEFORE INSERT trigger numbers each row within its chain and hashes it together with the
 * previous row's hash, under an advisory lock so concurrent writers cannot fork the chain.
 * audit_log_digest() is the single definition of what a row's hash covers; the verifier
 * recomputes it, so editing any covered field (even by a superuser bypassing the triggers)
 * breaks the chain at that row.
 */
export const auditLog: Migration = {
  name: '202611280002-audit-log',
  up: `
    CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      chain text NOT NULL,
      seq bigint NOT NULL,
      organization_id uuid,
      user_id uuid,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text,
      ip_address text,
      user_agent text,
      details jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      prev_hash text NOT NULL,
      hash text NOT NULL,
      UNIQUE (chain, seq)
    );
    CREATE INDEX audit_log_org_time_idx ON audit_log (organization_id, created_at);
    CREATE INDEX audit_log_org_entity_idx ON audit_log (organization_id, entity_type, entity_id);
    CREATE INDEX audit_log_org_user_idx ON audit_log (organization_id, user_id, created_at);
    CREATE INDEX audit_log_org_student_idx ON audit_log (organization_id, (details->>'studentId'));

    CREATE FUNCTION audit_log_digest(r audit_log) RETURNS text
    LANGUAGE sql STABLE AS $fn$
      SELECT encode(sha256(convert_to(concat_ws(E'\\x1f',
        r.chain, r.seq::text, coalesce(r.organization_id::text, ''), coalesce(r.user_id::text, ''),
        r.action, r.entity_type, coalesce(r.entity_id, ''), coalesce(r.ip_address, ''),
        coalesce(r.user_agent, ''), r.details::text,
        to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        r.prev_hash), 'UTF8')), 'hex')
    $fn$;

    CREATE FUNCTION audit_log_chain() RETURNS trigger
    LANGUAGE plpgsql AS $fn$
    DECLARE
      last_seq bigint;
      last_hash text;
    BEGIN
      NEW.chain := coalesce(NEW.organization_id::text, 'system');
      PERFORM pg_advisory_xact_lock(hashtextextended('audit_log:' || NEW.chain, 0));
      SELECT seq, hash INTO last_seq, last_hash
        FROM audit_log WHERE chain = NEW.chain ORDER BY seq DESC LIMIT 1;
      NEW.seq := coalesce(last_seq, 0) + 1;
      NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
      NEW.created_at := clock_timestamp();
      NEW.hash := audit_log_digest(NEW);
      RETURN NEW;
    END
    $fn$;

    CREATE FUNCTION audit_log_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $fn$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END
    $fn$;

    CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
    CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
  `,
  down: `
    DROP TABLE audit_log;
    DROP FUNCTION audit_log_refuse_change();
    DROP FUNCTION audit_log_chain();
  `,
};
