CREATE TABLE "clinic_alert" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"title" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"inquiry_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid
);
--> statement-breakpoint
CREATE TABLE "inquiry" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"preferred_name" text,
	"email" text,
	"phone" text,
	"preferred_contact" text NOT NULL,
	"reason" text NOT NULL,
	"modality" text NOT NULL,
	"heard_from" text,
	"heard_from_detail" text,
	"date_of_birth" date,
	"age_years" integer,
	"prescreen" jsonb,
	"scores" jsonb NOT NULL,
	"triage" text NOT NULL,
	"triage_reasons" jsonb NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"policy_version" integer NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"assigned_to" uuid,
	"patient_id" uuid,
	"content_hash" text NOT NULL,
	"idempotency_key" text,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inquiry_note" (
	"id" uuid PRIMARY KEY NOT NULL,
	"inquiry_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_page" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "clinic_alert" ADD CONSTRAINT "clinic_alert_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_alert" ADD CONSTRAINT "clinic_alert_inquiry_id_inquiry_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_alert" ADD CONSTRAINT "clinic_alert_acknowledged_by_app_user_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry" ADD CONSTRAINT "inquiry_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry" ADD CONSTRAINT "inquiry_assigned_to_app_user_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry" ADD CONSTRAINT "inquiry_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_note" ADD CONSTRAINT "inquiry_note_inquiry_id_inquiry_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_note" ADD CONSTRAINT "inquiry_note_author_id_app_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_page" ADD CONSTRAINT "public_page_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_page" ADD CONSTRAINT "public_page_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clinic_alert_open_idx" ON "clinic_alert" USING btree ("clinic_id","acknowledged_at","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "inquiry_reference_uq" ON "inquiry" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "inquiry_idempotency_uq" ON "inquiry" USING btree ("clinic_id","idempotency_key") WHERE "inquiry"."idempotency_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "inquiry_content_idx" ON "inquiry" USING btree ("clinic_id","content_hash","created_at");--> statement-breakpoint
CREATE INDEX "inquiry_queue_idx" ON "inquiry" USING btree ("clinic_id","status","created_at");--> statement-breakpoint
CREATE INDEX "inquiry_note_inquiry_idx" ON "inquiry_note" USING btree ("inquiry_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "public_page_clinic_slug_uq" ON "public_page" USING btree ("clinic_id","slug");