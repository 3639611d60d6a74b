-- No double booking, even under concurrent requests (issue #5): two holds on one person or room may
-- not overlap. btree_gist lets a GiST index compare the uuid with `=` beside the range with `&&`;
-- it is a trusted extension (PostgreSQL 13+), and PGlite loads it from its contrib bundle.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "schedule_hold" ADD CONSTRAINT "schedule_hold_no_overlap"
  EXCLUDE USING gist ("resource_id" WITH =, "during" WITH &&);
--> statement-breakpoint
ALTER TABLE "schedule_hold" ADD CONSTRAINT "schedule_hold_range_ck" CHECK (NOT isempty("during") AND NOT lower_inf("during") AND NOT upper_inf("during"));
--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_span_ck" CHECK ("ends_at" > "starts_at");
--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_status_ck"
  CHECK ("status" IN ('proposed', 'booked', 'arrived', 'in_progress', 'fulfilled', 'cancelled', 'no_show'));
