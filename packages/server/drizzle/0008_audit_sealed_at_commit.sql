ALTER TABLE "audit_event" DROP CONSTRAINT "audit_event_pkey";--> statement-breakpoint
ALTER TABLE "audit_event" DROP CONSTRAINT "audit_event_id_unique";--> statement-breakpoint
ALTER TABLE "audit_event" ADD PRIMARY KEY ("id");--> statement-breakpoint
ALTER TABLE "audit_event" ALTER COLUMN "seq" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_event" ALTER COLUMN "prev_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_event" ALTER COLUMN "hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_seq_unique" UNIQUE("seq");--> statement-breakpoint
-- One field of the hashed content: its UTF-8 length, a colon, the text; '~' for null. Length
-- prefixes make the concatenation unambiguous (no shifting text between neighbouring fields).
CREATE FUNCTION audit_field(v text) RETURNS text IMMUTABLE LANGUAGE sql AS $$
  SELECT CASE WHEN v IS NULL THEN '~' ELSE octet_length(v)::text || ':' || v END
$$;--> statement-breakpoint
-- The hashed content of a row: every column but the chain columns, in a fixed order. The verifier
-- (platform/audit/chain.ts, auditContent) builds the same text independently.
CREATE FUNCTION audit_content(e audit_event) RETURNS text STABLE LANGUAGE sql AS $$
  SELECT audit_field(e.id::text) || audit_field(to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
      || audit_field(e.clinic_id::text) || audit_field(e.user_id::text) || audit_field(e.user_roles)
      || audit_field(e.action) || audit_field(e.outcome) || audit_field(e.patient_id::text)
      || audit_field(e.resource_type) || audit_field(e.resource_id) || audit_field(e.source_ip)
      || audit_field(e.user_agent) || audit_field(e.request_id) || audit_field(e.break_glass_reason)
      || audit_field(e.detail::text)
$$;--> statement-breakpoint
-- Seals one row at commit: advance the head (its row lock orders concurrent committers), then
-- write the row's place and hashes. hash(n) = SHA-256(hash(n-1) || content(n)).
CREATE FUNCTION audit_event_seal() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head record;
BEGIN
  UPDATE audit_chain_head
     SET seq = seq + 1,
         prev_hash = hash,
         hash = encode(sha256(convert_to(hash || audit_content(NEW), 'UTF8')), 'hex')
   WHERE id = 'audit'
  RETURNING seq, prev_hash, hash INTO head;
  UPDATE audit_event SET seq = head.seq, prev_hash = head.prev_hash, hash = head.hash WHERE id = NEW.id;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_event_seal AFTER INSERT ON audit_event
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_event_seal();--> statement-breakpoint
-- Append-only, except for sealing: an unsealed row may receive its chain columns once, with every
-- other column unchanged. Anything else is refused.
CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND OLD.hash IS NULL AND NEW.seq IS NOT NULL AND NEW.hash IS NOT NULL
     AND (to_jsonb(OLD) - 'seq' - 'prev_hash' - 'hash') = (to_jsonb(NEW) - 'seq' - 'prev_hash' - 'hash') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
