-- The controlled-substance ledger is append-only (issue #6; 21 CFR 1304.04: records kept at least two
-- years, readily retrievable): entries, products, lots, counts, discrepancies and their resolutions,
-- inventories and loss reports are never edited or deleted, whatever the application does. A
-- correction is a reversing entry. Nothing here can be purged, so nothing is lost before two years.
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_product_no_update_delete BEFORE UPDATE OR DELETE ON ledger_product
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_lot_no_update_delete BEFORE UPDATE OR DELETE ON ledger_lot
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_count_no_update_delete BEFORE UPDATE OR DELETE ON ledger_count
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_discrepancy_no_update_delete BEFORE UPDATE OR DELETE ON ledger_discrepancy
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_discrepancy_resolution_no_update_delete BEFORE UPDATE OR DELETE ON ledger_discrepancy_resolution
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_inventory_no_update_delete BEFORE UPDATE OR DELETE ON ledger_inventory
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_loss_report_no_update_delete BEFORE UPDATE OR DELETE ON ledger_loss_report
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_loss_step_done_no_update_delete BEFORE UPDATE OR DELETE ON ledger_loss_step_done
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
-- Containers, draws and locations are projections and names that change (a balance, a location), but
-- are never deleted: every entry points at them.
CREATE TRIGGER ledger_container_no_delete BEFORE DELETE ON ledger_container
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_draw_no_delete BEFORE DELETE ON ledger_draw
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_location_no_delete BEFORE DELETE ON ledger_location
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
-- Entries: append-only, except that an unsealed row receives its chain columns once at commit, with
-- every other column unchanged (as audit_event, migration 0008).
CREATE FUNCTION ledger_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND OLD.hash IS NULL AND NEW.seq IS NOT NULL AND NEW.hash IS NOT NULL
     AND (to_jsonb(OLD) - 'seq' - 'prev_hash' - 'hash') = (to_jsonb(NEW) - 'seq' - 'prev_hash' - 'hash') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'ledger_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entry_no_update_delete BEFORE UPDATE OR DELETE ON ledger_entry
  FOR EACH ROW EXECUTE FUNCTION ledger_entry_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_refuse_change();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON ledger_entry FROM PUBLIC;
--> statement-breakpoint
-- The chain starts from a fixed genesis hash (64 zeros).
INSERT INTO ledger_chain_head (id, seq, hash, prev_hash) VALUES ('ledger', 0, repeat('0', 64), repeat('0', 64));
--> statement-breakpoint
-- Seals one entry at commit: advance the head (its row lock orders concurrent committers, held only
-- while the database commits), then write the entry's place and hashes.
-- hash(n) = SHA-256(hash(n-1) || content(n)), content being the entry's canonical JSON
-- (packages/core/src/ledger/canonical.ts), which the verifier recomputes from the parsed entry.
CREATE FUNCTION ledger_entry_seal() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head record;
BEGIN
  UPDATE ledger_chain_head
     SET seq = seq + 1,
         prev_hash = hash,
         hash = encode(sha256(convert_to(hash || NEW.content, 'UTF8')), 'hex')
   WHERE id = 'ledger'
  RETURNING seq, prev_hash, hash INTO head;
  UPDATE ledger_entry SET seq = head.seq, prev_hash = head.prev_hash, hash = head.hash WHERE id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ledger_entry_seal AFTER INSERT ON ledger_entry
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_seal();
