CREATE TABLE "clinical_note" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"signed_by" uuid,
	"signed_by_roles" text[],
	"signed_at" timestamp with time zone,
	"content_hash" text
);
--> statement-breakpoint
CREATE TABLE "note_addendum" (
	"id" uuid PRIMARY KEY NOT NULL,
	"note_id" uuid NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"author_roles" text[] NOT NULL,
	"text" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"content_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "allergy" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"replaces_id" uuid,
	"reason" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"substance" text NOT NULL,
	"reaction" text,
	"severity" text NOT NULL,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "body_measurement" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"replaces_id" uuid,
	"reason" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"measured_on" date NOT NULL,
	"height_cm" numeric(5, 1),
	"weight_kg" numeric(5, 1),
	"source" text NOT NULL,
	"note_id" uuid,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "chart_finding" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"replaces_id" uuid,
	"reason" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"condition" text NOT NULL,
	"note" text,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "diagnosis" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"replaces_id" uuid,
	"reason" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"code" text NOT NULL,
	"status" text NOT NULL,
	"onset_date" date,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "medication" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"replaces_id" uuid,
	"reason" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"name" text NOT NULL,
	"drug_class" text NOT NULL,
	"daily_dose_mg" numeric(12, 3),
	"started_on" date,
	"stopped_on" date,
	"status" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "contraindication_resolution" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"rule_id" text NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"resolved_by" uuid NOT NULL,
	"resolved_by_roles" text[] NOT NULL,
	"resolved_at" timestamp with time zone NOT NULL,
	"policy_version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eligibility_decision" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"supersedes_id" uuid,
	"outcome" text NOT NULL,
	"conditions" text[] DEFAULT '{}' NOT NULL,
	"therapist_evaluation_id" uuid NOT NULL,
	"physician_exam_id" uuid NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_by_roles" text[] NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"policy_version" integer NOT NULL,
	"assessment" jsonb NOT NULL,
	"overrides" jsonb NOT NULL,
	"clearances" jsonb NOT NULL,
	"content_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eligibility_reopening" (
	"id" uuid PRIMARY KEY NOT NULL,
	"decision_id" uuid NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"reopened_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"changes" jsonb NOT NULL,
	"triggered_by" uuid
);
--> statement-breakpoint
ALTER TABLE "patient" ADD COLUMN "address_line1" text;--> statement-breakpoint
ALTER TABLE "patient" ADD COLUMN "address_line2" text;--> statement-breakpoint
ALTER TABLE "patient" ADD COLUMN "address_city" text;--> statement-breakpoint
ALTER TABLE "patient" ADD COLUMN "address_state" text;--> statement-breakpoint
ALTER TABLE "patient" ADD COLUMN "address_postal_code" text;--> statement-breakpoint
ALTER TABLE "patient" ADD COLUMN "emergency_contact" jsonb;--> statement-breakpoint
ALTER TABLE "patient" ADD COLUMN "escorts" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "patient" ADD COLUMN "pharmacy_name" text;--> statement-breakpoint
ALTER TABLE "patient" ADD COLUMN "pharmacy_phone" text;--> statement-breakpoint
ALTER TABLE "patient" ADD COLUMN "pharmacy_address" text;--> statement-breakpoint
ALTER TABLE "patient" ADD COLUMN "insurance_payer" text;--> statement-breakpoint
ALTER TABLE "patient" ADD COLUMN "insurance_member_id" text;--> statement-breakpoint
ALTER TABLE "patient" ADD COLUMN "insurance_group_number" text;--> statement-breakpoint
ALTER TABLE "patient" ADD COLUMN "intake_self_report" jsonb;--> statement-breakpoint
ALTER TABLE "patient" ADD COLUMN "profile_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "clinical_note" ADD CONSTRAINT "clinical_note_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_note" ADD CONSTRAINT "clinical_note_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_note" ADD CONSTRAINT "clinical_note_author_id_app_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_note" ADD CONSTRAINT "clinical_note_signed_by_app_user_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_addendum" ADD CONSTRAINT "note_addendum_note_id_clinical_note_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."clinical_note"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_addendum" ADD CONSTRAINT "note_addendum_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_addendum" ADD CONSTRAINT "note_addendum_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_addendum" ADD CONSTRAINT "note_addendum_author_id_app_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allergy" ADD CONSTRAINT "allergy_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allergy" ADD CONSTRAINT "allergy_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allergy" ADD CONSTRAINT "allergy_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allergy" ADD CONSTRAINT "allergy_replaces_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."allergy"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_measurement" ADD CONSTRAINT "body_measurement_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_measurement" ADD CONSTRAINT "body_measurement_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_measurement" ADD CONSTRAINT "body_measurement_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_measurement" ADD CONSTRAINT "body_measurement_note_id_clinical_note_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."clinical_note"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_measurement" ADD CONSTRAINT "body_measurement_replaces_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."body_measurement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chart_finding" ADD CONSTRAINT "chart_finding_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chart_finding" ADD CONSTRAINT "chart_finding_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chart_finding" ADD CONSTRAINT "chart_finding_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chart_finding" ADD CONSTRAINT "chart_finding_replaces_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."chart_finding"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnosis" ADD CONSTRAINT "diagnosis_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnosis" ADD CONSTRAINT "diagnosis_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnosis" ADD CONSTRAINT "diagnosis_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnosis" ADD CONSTRAINT "diagnosis_replaces_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."diagnosis"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medication" ADD CONSTRAINT "medication_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medication" ADD CONSTRAINT "medication_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medication" ADD CONSTRAINT "medication_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medication" ADD CONSTRAINT "medication_replaces_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."medication"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contraindication_resolution" ADD CONSTRAINT "contraindication_resolution_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contraindication_resolution" ADD CONSTRAINT "contraindication_resolution_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contraindication_resolution" ADD CONSTRAINT "contraindication_resolution_resolved_by_app_user_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_decision" ADD CONSTRAINT "eligibility_decision_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_decision" ADD CONSTRAINT "eligibility_decision_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_decision" ADD CONSTRAINT "eligibility_decision_therapist_evaluation_id_clinical_note_id_fk" FOREIGN KEY ("therapist_evaluation_id") REFERENCES "public"."clinical_note"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_decision" ADD CONSTRAINT "eligibility_decision_physician_exam_id_clinical_note_id_fk" FOREIGN KEY ("physician_exam_id") REFERENCES "public"."clinical_note"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_decision" ADD CONSTRAINT "eligibility_decision_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_decision" ADD CONSTRAINT "eligibility_decision_supersedes_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."eligibility_decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_reopening" ADD CONSTRAINT "eligibility_reopening_decision_id_eligibility_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."eligibility_decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_reopening" ADD CONSTRAINT "eligibility_reopening_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_reopening" ADD CONSTRAINT "eligibility_reopening_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_reopening" ADD CONSTRAINT "eligibility_reopening_triggered_by_app_user_id_fk" FOREIGN KEY ("triggered_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clinical_note_patient_idx" ON "clinical_note" USING btree ("patient_id","kind","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "clinical_note_one_draft_uq" ON "clinical_note" USING btree ("patient_id","kind") WHERE "clinical_note"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "note_addendum_note_idx" ON "note_addendum" USING btree ("note_id","signed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "allergy_replaces_uq" ON "allergy" USING btree ("replaces_id");--> statement-breakpoint
CREATE INDEX "allergy_patient_idx" ON "allergy" USING btree ("patient_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "body_measurement_replaces_uq" ON "body_measurement" USING btree ("replaces_id");--> statement-breakpoint
CREATE INDEX "body_measurement_patient_idx" ON "body_measurement" USING btree ("patient_id","measured_on");--> statement-breakpoint
CREATE UNIQUE INDEX "chart_finding_replaces_uq" ON "chart_finding" USING btree ("replaces_id");--> statement-breakpoint
CREATE INDEX "chart_finding_patient_idx" ON "chart_finding" USING btree ("patient_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "diagnosis_replaces_uq" ON "diagnosis" USING btree ("replaces_id");--> statement-breakpoint
CREATE INDEX "diagnosis_patient_idx" ON "diagnosis" USING btree ("patient_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "medication_replaces_uq" ON "medication" USING btree ("replaces_id");--> statement-breakpoint
CREATE INDEX "medication_patient_idx" ON "medication" USING btree ("patient_id","recorded_at");--> statement-breakpoint
CREATE INDEX "contraindication_resolution_patient_idx" ON "contraindication_resolution" USING btree ("patient_id","rule_id","resolved_at");--> statement-breakpoint
CREATE UNIQUE INDEX "eligibility_decision_supersedes_uq" ON "eligibility_decision" USING btree ("supersedes_id");--> statement-breakpoint
CREATE UNIQUE INDEX "eligibility_decision_first_uq" ON "eligibility_decision" USING btree ("patient_id") WHERE "eligibility_decision"."supersedes_id" IS NULL;--> statement-breakpoint
CREATE INDEX "eligibility_decision_patient_idx" ON "eligibility_decision" USING btree ("patient_id","decided_at");--> statement-breakpoint
CREATE UNIQUE INDEX "eligibility_reopening_decision_uq" ON "eligibility_reopening" USING btree ("decision_id");