CREATE TABLE "note_template" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"fields" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_note" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"patient_id" uuid,
	"kind" text NOT NULL,
	"template_version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"private" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"signed_by" uuid,
	"signed_at" timestamp with time zone,
	"content_hash" text,
	"cosign_required" boolean DEFAULT false NOT NULL,
	"cosigned_by" uuid,
	"cosigned_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "session_note_addendum" (
	"id" uuid PRIMARY KEY NOT NULL,
	"note_id" uuid NOT NULL,
	"clinic_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"text" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"content_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_plan" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"modality" text NOT NULL,
	"focus" text NOT NULL,
	"title" text NOT NULL,
	"capacity" integer,
	"facilitators" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"policy_version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_plan_revision" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"clinic_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"drafted_by" uuid NOT NULL,
	"drafted_at" timestamp with time zone NOT NULL,
	"cosigned_by" uuid,
	"cosigned_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "course" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"opened_by" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "course_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text,
	"subject_id" uuid,
	"reason" text,
	"by_user" uuid NOT NULL,
	"by_roles" text[] NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"policy_version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_acknowledgement" (
	"id" uuid PRIMARY KEY NOT NULL,
	"revision_id" uuid NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"typed_name" text NOT NULL,
	"witness_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_session" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"format" text NOT NULL,
	"route" text,
	"held_at" timestamp with time zone NOT NULL,
	"appointment_id" uuid,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"policy_version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_attendance" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"clinic_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"present" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "note_template" ADD CONSTRAINT "note_template_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_template" ADD CONSTRAINT "note_template_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_note" ADD CONSTRAINT "session_note_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_note" ADD CONSTRAINT "session_note_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_note" ADD CONSTRAINT "session_note_author_id_app_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_note" ADD CONSTRAINT "session_note_signed_by_app_user_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_note" ADD CONSTRAINT "session_note_cosigned_by_app_user_id_fk" FOREIGN KEY ("cosigned_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_note_addendum" ADD CONSTRAINT "session_note_addendum_note_id_session_note_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."session_note"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_note_addendum" ADD CONSTRAINT "session_note_addendum_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_note_addendum" ADD CONSTRAINT "session_note_addendum_author_id_app_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan" ADD CONSTRAINT "care_plan_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan" ADD CONSTRAINT "care_plan_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_revision" ADD CONSTRAINT "care_plan_revision_plan_id_care_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."care_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_revision" ADD CONSTRAINT "care_plan_revision_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_revision" ADD CONSTRAINT "care_plan_revision_drafted_by_app_user_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_revision" ADD CONSTRAINT "care_plan_revision_cosigned_by_app_user_id_fk" FOREIGN KEY ("cosigned_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course" ADD CONSTRAINT "course_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course" ADD CONSTRAINT "course_plan_id_care_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."care_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course" ADD CONSTRAINT "course_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course" ADD CONSTRAINT "course_opened_by_app_user_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_event" ADD CONSTRAINT "course_event_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_event" ADD CONSTRAINT "course_event_course_id_course_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."course"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_event" ADD CONSTRAINT "course_event_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_event" ADD CONSTRAINT "course_event_by_user_app_user_id_fk" FOREIGN KEY ("by_user") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_acknowledgement" ADD CONSTRAINT "plan_acknowledgement_revision_id_care_plan_revision_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."care_plan_revision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_acknowledgement" ADD CONSTRAINT "plan_acknowledgement_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_acknowledgement" ADD CONSTRAINT "plan_acknowledgement_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_acknowledgement" ADD CONSTRAINT "plan_acknowledgement_witness_id_app_user_id_fk" FOREIGN KEY ("witness_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_session" ADD CONSTRAINT "plan_session_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_session" ADD CONSTRAINT "plan_session_plan_id_care_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."care_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_session" ADD CONSTRAINT "plan_session_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_session_id_plan_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."plan_session"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_course_id_course_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."course"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "note_template_version_uq" ON "note_template" USING btree ("clinic_id","kind","version");--> statement-breakpoint
CREATE INDEX "session_note_patient_idx" ON "session_note" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE INDEX "session_note_session_idx" ON "session_note" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "session_note_addendum_note_idx" ON "session_note_addendum" USING btree ("note_id","signed_at");--> statement-breakpoint
CREATE INDEX "care_plan_clinic_idx" ON "care_plan" USING btree ("clinic_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "care_plan_revision_version_uq" ON "care_plan_revision" USING btree ("plan_id","version");--> statement-breakpoint
CREATE INDEX "course_plan_idx" ON "course" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "course_one_open_uq" ON "course" USING btree ("patient_id") WHERE "course"."status" <> 'completed';--> statement-breakpoint
CREATE INDEX "course_event_course_idx" ON "course_event" USING btree ("course_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_acknowledgement_uq" ON "plan_acknowledgement" USING btree ("revision_id","patient_id");--> statement-breakpoint
CREATE INDEX "plan_session_plan_idx" ON "plan_session" USING btree ("plan_id","held_at");--> statement-breakpoint
CREATE UNIQUE INDEX "session_attendance_uq" ON "session_attendance" USING btree ("session_id","patient_id");--> statement-breakpoint
CREATE INDEX "session_attendance_course_idx" ON "session_attendance" USING btree ("course_id","held_at");