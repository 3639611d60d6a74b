-- Audit rows are sealed into the hash chain in batches shortly after they commit, instead of one
-- by one at commit. Sealing at commit held the chain head's row lock across every writer's WAL
-- flush, so audited requests committed one at a time (about 450 a second on a 2-core machine);
-- a batch takes the lock once and flushes once for hundreds of rows, and writers never wait.
-- An unsealed row is still append-only (the refuse-change trigger lets only the sealer fill in
-- its chain columns, once) and is sealed by the next batch: the server runs one every few hundred
-- milliseconds and when it stops, and `lantern audit verify` seals what is pending before it checks.
DROP TRIGGER audit_event_seal ON audit_event;--> statement-breakpoint
DROP FUNCTION audit_event_seal();--> statement-breakpoint
CREATE INDEX audit_event_unsealed_idx ON audit_event (at, id) WHERE seq IS NULL;--> statement-breakpoint
-- Seals up to max_rows committed, unsealed rows, oldest first, under the chain head's row lock
-- (concurrent sealers queue; each sees what the one before it sealed). Returns how many it sealed.
-- hash(n) = SHA-256(hash(n-1) || audit_content(row n)), as before.
CREATE FUNCTION audit_seal_pending(max_rows integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  head audit_chain_head;
  e audit_event;
  prev text;
  sealed integer := 0;
BEGIN
  SELECT * INTO head FROM audit_chain_head WHERE id = 'audit' FOR UPDATE;
  FOR e IN SELECT * FROM audit_event WHERE seq IS NULL ORDER BY at, id LIMIT max_rows LOOP
    prev := head.hash;
    head.seq := head.seq + 1;
    head.prev_hash := prev;
    head.hash := encode(sha256(convert_to(prev || audit_content(e), 'UTF8')), 'hex');
    UPDATE audit_event SET seq = head.seq, prev_hash = prev, hash = head.hash WHERE id = e.id;
    sealed := sealed + 1;
  END LOOP;
  IF sealed > 0 THEN
    UPDATE audit_chain_head SET seq = head.seq, prev_hash = head.prev_hash, hash = head.hash WHERE id = 'audit';
  END IF;
  RETURN sealed;
END;
$$;
