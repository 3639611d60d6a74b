CREATE TABLE "ledger_chain_head" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"prev_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_container" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"label" text NOT NULL,
	"balance_hundredths" bigint NOT NULL,
	"opened" boolean DEFAULT false NOT NULL,
	"receipt_entry_id" uuid NOT NULL,
	CONSTRAINT "ledger_container_balance_ck" CHECK ("ledger_container"."balance_hundredths" >= 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_count" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"location_id" uuid NOT NULL,
	"counted_on" date NOT NULL,
	"counted_at" timestamp (3) with time zone NOT NULL,
	"first_counter_id" uuid NOT NULL,
	"second_counter_id" uuid NOT NULL,
	"lines" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_discrepancy" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"count_id" uuid NOT NULL,
	"container_id" uuid NOT NULL,
	"found_on" date NOT NULL,
	"expected_hundredths" bigint NOT NULL,
	"counted_hundredths" bigint NOT NULL,
	"difference_hundredths" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_discrepancy_resolution" (
	"discrepancy_id" uuid PRIMARY KEY NOT NULL,
	"resolution" text NOT NULL,
	"reason" text NOT NULL,
	"adjustment_entry_id" uuid,
	"loss_entry_id" uuid,
	"resolved_by" uuid NOT NULL,
	"resolved_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_draw" (
	"entry_id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"medicine_session_id" uuid NOT NULL,
	"administration_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"container_id" uuid NOT NULL,
	"amount_hundredths" bigint NOT NULL,
	"wasted_hundredths" bigint DEFAULT 0 NOT NULL,
	"returned_hundredths" bigint DEFAULT 0 NOT NULL,
	"closed_by_entry_id" uuid,
	CONSTRAINT "ledger_draw_accounted_ck" CHECK ("ledger_draw"."wasted_hundredths" >= 0 AND "ledger_draw"."returned_hundredths" >= 0 AND "ledger_draw"."wasted_hundredths" + "ledger_draw"."returned_hundredths" <= "ledger_draw"."amount_hundredths")
);
--> statement-breakpoint
CREATE TABLE "ledger_entry" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint,
	"clinic_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"local_date" date NOT NULL,
	"actor_id" uuid NOT NULL,
	"witness_id" uuid,
	"container_id" uuid,
	"lot_id" uuid,
	"patient_id" uuid,
	"source_type" text,
	"source_id" text,
	"reverses_entry_id" uuid,
	"content" text NOT NULL,
	"prev_hash" text,
	"hash" text,
	CONSTRAINT "ledger_entry_seq_unique" UNIQUE("seq")
);
--> statement-breakpoint
CREATE TABLE "ledger_inventory" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"taken_on" date NOT NULL,
	"timing" text NOT NULL,
	"location_id" uuid,
	"lines" jsonb NOT NULL,
	"signed_by" uuid NOT NULL,
	"signed_by_name" text NOT NULL,
	"signed_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_location" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_loss_report" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"discovered_on" date NOT NULL,
	"loss_kind" text NOT NULL,
	"amount_hundredths" bigint NOT NULL,
	"loss_entry_ids" jsonb NOT NULL,
	"reasons" jsonb NOT NULL,
	"steps" jsonb NOT NULL,
	"opened_by" uuid NOT NULL,
	"opened_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_loss_step_done" (
	"id" uuid PRIMARY KEY NOT NULL,
	"loss_report_id" uuid NOT NULL,
	"step" text NOT NULL,
	"completed_on" date NOT NULL,
	"reference" text,
	"completed_by" uuid NOT NULL,
	"completed_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_lot" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"lot_number" text NOT NULL,
	"expires_on" date NOT NULL,
	"supplier_name" text NOT NULL,
	"supplier_address" text NOT NULL,
	"supplier_dea_number" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_product" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "ledger_container" ADD CONSTRAINT "ledger_container_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_container" ADD CONSTRAINT "ledger_container_lot_id_ledger_lot_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."ledger_lot"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_container" ADD CONSTRAINT "ledger_container_product_id_ledger_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."ledger_product"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_container" ADD CONSTRAINT "ledger_container_location_id_ledger_location_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."ledger_location"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_count" ADD CONSTRAINT "ledger_count_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_count" ADD CONSTRAINT "ledger_count_location_id_ledger_location_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."ledger_location"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_count" ADD CONSTRAINT "ledger_count_first_counter_id_app_user_id_fk" FOREIGN KEY ("first_counter_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_count" ADD CONSTRAINT "ledger_count_second_counter_id_app_user_id_fk" FOREIGN KEY ("second_counter_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_discrepancy" ADD CONSTRAINT "ledger_discrepancy_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_discrepancy" ADD CONSTRAINT "ledger_discrepancy_count_id_ledger_count_id_fk" FOREIGN KEY ("count_id") REFERENCES "public"."ledger_count"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_discrepancy" ADD CONSTRAINT "ledger_discrepancy_container_id_ledger_container_id_fk" FOREIGN KEY ("container_id") REFERENCES "public"."ledger_container"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_discrepancy_resolution" ADD CONSTRAINT "ledger_discrepancy_resolution_discrepancy_id_ledger_discrepancy_id_fk" FOREIGN KEY ("discrepancy_id") REFERENCES "public"."ledger_discrepancy"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_discrepancy_resolution" ADD CONSTRAINT "ledger_discrepancy_resolution_adjustment_entry_id_ledger_entry_id_fk" FOREIGN KEY ("adjustment_entry_id") REFERENCES "public"."ledger_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_discrepancy_resolution" ADD CONSTRAINT "ledger_discrepancy_resolution_loss_entry_id_ledger_entry_id_fk" FOREIGN KEY ("loss_entry_id") REFERENCES "public"."ledger_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_discrepancy_resolution" ADD CONSTRAINT "ledger_discrepancy_resolution_resolved_by_app_user_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_draw" ADD CONSTRAINT "ledger_draw_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_draw" ADD CONSTRAINT "ledger_draw_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_draw" ADD CONSTRAINT "ledger_draw_container_id_ledger_container_id_fk" FOREIGN KEY ("container_id") REFERENCES "public"."ledger_container"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_witness_id_app_user_id_fk" FOREIGN KEY ("witness_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_inventory" ADD CONSTRAINT "ledger_inventory_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_inventory" ADD CONSTRAINT "ledger_inventory_location_id_ledger_location_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."ledger_location"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_inventory" ADD CONSTRAINT "ledger_inventory_signed_by_app_user_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_location" ADD CONSTRAINT "ledger_location_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_loss_report" ADD CONSTRAINT "ledger_loss_report_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_loss_report" ADD CONSTRAINT "ledger_loss_report_opened_by_app_user_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_loss_step_done" ADD CONSTRAINT "ledger_loss_step_done_loss_report_id_ledger_loss_report_id_fk" FOREIGN KEY ("loss_report_id") REFERENCES "public"."ledger_loss_report"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_loss_step_done" ADD CONSTRAINT "ledger_loss_step_done_completed_by_app_user_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_lot" ADD CONSTRAINT "ledger_lot_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_lot" ADD CONSTRAINT "ledger_lot_product_id_ledger_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."ledger_product"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_product" ADD CONSTRAINT "ledger_product_clinic_id_clinic_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_product" ADD CONSTRAINT "ledger_product_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_container_lot_idx" ON "ledger_container" USING btree ("lot_id");--> statement-breakpoint
CREATE INDEX "ledger_container_location_idx" ON "ledger_container" USING btree ("clinic_id","location_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_count_scheduled_uq" ON "ledger_count" USING btree ("clinic_id","location_id","kind","counted_on") WHERE "ledger_count"."kind" <> 'ad_hoc';--> statement-breakpoint
CREATE INDEX "ledger_count_on_idx" ON "ledger_count" USING btree ("clinic_id","counted_on");--> statement-breakpoint
CREATE INDEX "ledger_discrepancy_found_idx" ON "ledger_discrepancy" USING btree ("clinic_id","found_on");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_draw_administration_uq" ON "ledger_draw" USING btree ("administration_id") WHERE "ledger_draw"."closed_by_entry_id" IS NULL;--> statement-breakpoint
CREATE INDEX "ledger_draw_session_idx" ON "ledger_draw" USING btree ("medicine_session_id");--> statement-breakpoint
CREATE INDEX "ledger_entry_clinic_at_idx" ON "ledger_entry" USING btree ("clinic_id","at");--> statement-breakpoint
CREATE INDEX "ledger_entry_container_idx" ON "ledger_entry" USING btree ("container_id");--> statement-breakpoint
CREATE INDEX "ledger_entry_lot_idx" ON "ledger_entry" USING btree ("lot_id");--> statement-breakpoint
CREATE INDEX "ledger_entry_source_idx" ON "ledger_entry" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entry_reverses_uq" ON "ledger_entry" USING btree ("reverses_entry_id");--> statement-breakpoint
CREATE INDEX "ledger_inventory_taken_idx" ON "ledger_inventory" USING btree ("clinic_id","taken_on");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_location_name_uq" ON "ledger_location" USING btree ("clinic_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_loss_step_done_uq" ON "ledger_loss_step_done" USING btree ("loss_report_id","step");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_lot_number_uq" ON "ledger_lot" USING btree ("clinic_id","product_id","lot_number");