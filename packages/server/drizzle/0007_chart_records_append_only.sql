-- Clinical facts are never edited in place (architecture.md, "Nothing clinical is ever edited in
-- place once signed"). Chart entries are versioned (a change is a new row that replaces the old one),
-- addenda, eligibility decisions, their re-openings and contraindication clearances are append-only,
-- and a signed note is locked: the database refuses the change whatever the application does.
CREATE FUNCTION chart_record_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER diagnosis_no_update_delete BEFORE UPDATE OR DELETE ON diagnosis
  FOR EACH ROW EXECUTE FUNCTION chart_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER medication_no_update_delete BEFORE UPDATE OR DELETE ON medication
  FOR EACH ROW EXECUTE FUNCTION chart_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER allergy_no_update_delete BEFORE UPDATE OR DELETE ON allergy
  FOR EACH ROW EXECUTE FUNCTION chart_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER body_measurement_no_update_delete BEFORE UPDATE OR DELETE ON body_measurement
  FOR EACH ROW EXECUTE FUNCTION chart_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER chart_finding_no_update_delete BEFORE UPDATE OR DELETE ON chart_finding
  FOR EACH ROW EXECUTE FUNCTION chart_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER note_addendum_no_update_delete BEFORE UPDATE OR DELETE ON note_addendum
  FOR EACH ROW EXECUTE FUNCTION chart_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER eligibility_decision_no_update_delete BEFORE UPDATE OR DELETE ON eligibility_decision
  FOR EACH ROW EXECUTE FUNCTION chart_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER eligibility_reopening_no_update_delete BEFORE UPDATE OR DELETE ON eligibility_reopening
  FOR EACH ROW EXECUTE FUNCTION chart_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER contraindication_resolution_no_update_delete BEFORE UPDATE OR DELETE ON contraindication_resolution
  FOR EACH ROW EXECUTE FUNCTION chart_record_refuse_change();
--> statement-breakpoint
-- A note is a draft until signed: its author may save it (UPDATE) until then; a signed note, or any
-- note, is never deleted.
CREATE FUNCTION clinical_note_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.status = 'signed' THEN
    RAISE EXCEPTION 'clinical_note is locked once signed: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER clinical_note_locked_when_signed BEFORE UPDATE OR DELETE ON clinical_note
  FOR EACH ROW EXECUTE FUNCTION clinical_note_refuse_change();
