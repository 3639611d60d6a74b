-- The course engine's records are never edited in place (issue #4, architecture.md "Nothing clinical
-- is ever edited in place"): events, sessions, attendance, acknowledgements, addenda and template
-- versions are append-only; a plan revision takes its physician co-signature once; a course changes
-- only its status; a session note is a draft until signed, then takes only its co-signature.
CREATE TRIGGER care_plan_no_update_delete BEFORE UPDATE OR DELETE ON care_plan
  FOR EACH ROW EXECUTE FUNCTION chart_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER plan_acknowledgement_no_update_delete BEFORE UPDATE OR DELETE ON plan_acknowledgement
  FOR EACH ROW EXECUTE FUNCTION chart_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER course_event_no_update_delete BEFORE UPDATE OR DELETE ON course_event
  FOR EACH ROW EXECUTE FUNCTION chart_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER plan_session_no_update_delete BEFORE UPDATE OR DELETE ON plan_session
  FOR EACH ROW EXECUTE FUNCTION chart_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER session_attendance_no_update_delete BEFORE UPDATE OR DELETE ON session_attendance
  FOR EACH ROW EXECUTE FUNCTION chart_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER session_note_addendum_no_update_delete BEFORE UPDATE OR DELETE ON session_note_addendum
  FOR EACH ROW EXECUTE FUNCTION chart_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER note_template_no_update_delete BEFORE UPDATE OR DELETE ON note_template
  FOR EACH ROW EXECUTE FUNCTION chart_record_refuse_change();
--> statement-breakpoint
CREATE FUNCTION care_plan_revision_cosign_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.cosigned_by IS NOT NULL
     OR NEW.content IS DISTINCT FROM OLD.content OR NEW.version <> OLD.version OR NEW.plan_id <> OLD.plan_id
     OR NEW.drafted_by <> OLD.drafted_by OR NEW.drafted_at <> OLD.drafted_at THEN
    RAISE EXCEPTION 'care_plan_revision takes only its co-signature: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER care_plan_revision_cosign_only BEFORE UPDATE OR DELETE ON care_plan_revision
  FOR EACH ROW EXECUTE FUNCTION care_plan_revision_cosign_only();
--> statement-breakpoint
CREATE FUNCTION course_status_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.status = 'completed' OR NEW.plan_id <> OLD.plan_id OR NEW.patient_id <> OLD.patient_id
     OR NEW.opened_at <> OLD.opened_at OR NEW.opened_by <> OLD.opened_by THEN
    RAISE EXCEPTION 'course changes only its status, until completed: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER course_status_only BEFORE UPDATE OR DELETE ON course
  FOR EACH ROW EXECUTE FUNCTION course_status_only();
--> statement-breakpoint
CREATE FUNCTION session_note_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'session_note is never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.status = 'signed' AND (
       OLD.cosigned_by IS NOT NULL OR NEW.status <> 'signed' OR NEW.content IS DISTINCT FROM OLD.content
       OR NEW.private <> OLD.private OR NEW.version <> OLD.version OR NEW.signed_by IS DISTINCT FROM OLD.signed_by
       OR NEW.signed_at IS DISTINCT FROM OLD.signed_at OR NEW.content_hash IS DISTINCT FROM OLD.content_hash) THEN
    RAISE EXCEPTION 'session_note is locked once signed (only a co-signature is added): % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER session_note_locked_when_signed BEFORE UPDATE OR DELETE ON session_note
  FOR EACH ROW EXECUTE FUNCTION session_note_refuse_change();
