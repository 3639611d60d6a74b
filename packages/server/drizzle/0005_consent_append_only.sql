-- Signed consents are never edited in place or deleted (architecture.md, "Nothing clinical is ever
-- edited in place once signed"): a published document version, a patient's signature and its
-- revocation are append-only, enforced by the database whatever the application does.
CREATE FUNCTION consent_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER consent_document_no_update_delete BEFORE UPDATE OR DELETE ON consent_document
  FOR EACH ROW EXECUTE FUNCTION consent_refuse_change();
--> statement-breakpoint
CREATE TRIGGER patient_consent_no_update_delete BEFORE UPDATE OR DELETE ON patient_consent
  FOR EACH ROW EXECUTE FUNCTION consent_refuse_change();
--> statement-breakpoint
CREATE TRIGGER consent_revocation_no_update_delete BEFORE UPDATE OR DELETE ON consent_revocation
  FOR EACH ROW EXECUTE FUNCTION consent_refuse_change();
