import { boolean, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** A clinic (tenant). One deployment may host several; every row hangs off one. */
export const clinic = pgTable('clinic', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  addressLine1: text('address_line1').notNull(),
  addressLine2: text('address_line2'),
  city: text('city').notNull(),
  state: text('state').notNull(),
  postalCode: text('postal_code').notNull(),
  phone: text('phone'),
  timeZone: text('time_zone').notNull().default('America/Chicago'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Versioned clinic policy; a new version is a new row, and decisions record the version they used. */
export const clinicPolicy = pgTable(
  'clinic_policy',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
    version: integer('version').notNull(),
    body: jsonb('body').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('clinic_policy_version_uq').on(t.clinicId, t.version)],
);

export const room = pgTable('room', {
  id: uuid('id').primaryKey(),
  clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
  name: text('name').notNull(),
  /** dosing | therapy | group */
  kind: text('kind').notNull(),
  capabilities: text('capabilities').array().notNull().default([]),
  capacity: integer('capacity').notNull().default(1),
  active: boolean('active').notNull().default(true),
});

/** Outbound messages: sent by SMTP when configured, otherwise kept here for admins to read. */
export const outboxMessage = pgTable('outbox_message', {
  id: uuid('id').primaryKey(),
  clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  status: text('status').notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
});
