CREATE TABLE "consent_document" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"content_hash" text NOT NULL,
	"change_note" text,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid
);
--> statement-breakpoint
CREATE TABLE "consent_revocation" (
	"consent_id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"revoked_at" timestamp (3) with time zone NOT NULL,
	"revoked_on" date NOT NULL,
	"revoked_by" uuid NOT NULL,
	"revoked_by_name" text NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patient_consent" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"document_version" integer NOT NULL,
	"document_hash" text NOT NULL,
	"typed_name" text NOT NULL,
	"signature_png" "bytea",
	"signed_at" timestamp (3) with time zone NOT NULL,
	"signed_on" date NOT NULL,
	"source_ip" text,
	"user_agent" text,
	"witness_id" uuid NOT NULL,
	"witness_name" text NOT NULL,
	"release_recipient" text,
	"release_scope" text,
	"release_purpose" text,
	"release_expires_on" date
);
--> statement-breakpoint
ALTER TABLE "consent_document" ADD CONSTRAINT "consent_document_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_document" ADD CONSTRAINT "consent_document_published_by_app_user_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_revocation" ADD CONSTRAINT "consent_revocation_consent_id_patient_consent_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."patient_consent"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_revocation" ADD CONSTRAINT "consent_revocation_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_revocation" ADD CONSTRAINT "consent_revocation_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_revocation" ADD CONSTRAINT "consent_revocation_revoked_by_app_user_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_consent" ADD CONSTRAINT "patient_consent_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_consent" ADD CONSTRAINT "patient_consent_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_consent" ADD CONSTRAINT "patient_consent_document_id_consent_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."consent_document"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_consent" ADD CONSTRAINT "patient_consent_witness_id_app_user_id_fk" FOREIGN KEY ("witness_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consent_document_version_uq" ON "consent_document" USING btree ("clinic_id","kind","version");--> statement-breakpoint
CREATE INDEX "patient_consent_patient_idx" ON "patient_consent" USING btree ("patient_id","kind","signed_at");