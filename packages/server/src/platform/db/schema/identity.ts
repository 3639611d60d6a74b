import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinic } from './clinic.js';

/**
 * Everyone who signs in: staff and (later) patients in the portal. One mechanism; a patient
 * account carries `patientId` and is scoped to it.
 */
export const appUser = pgTable(
  'app_user',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id').notNull().references(() => clinic.id),
    kind: text('kind').notNull().default('staff'),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    /** argon2id hash; null until an invited user sets a password. */
    passwordHash: text('password_hash'),
    roles: text('roles').array().notNull().default([]),
    patientId: uuid('patient_id'),
    active: boolean('active').notNull().default(true),
    /** TOTP secret, encrypted with the server's secret key (AES-256-GCM). */
    mfaSecret: text('mfa_secret'),
    mfaPendingSecret: text('mfa_pending_secret'),
    mfaEnabledAt: timestamp('mfa_enabled_at', { withTimezone: true }),
    /** Only demo accounts in demo mode; production refuses to start while any exist. */
    mfaExempt: boolean('mfa_exempt').notNull().default(false),
    isDemo: boolean('is_demo').notNull().default(false),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lockedManual: boolean('locked_manual').notNull().default(false),
    lastTotpStep: integer('last_totp_step'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('app_user_email_uq').on(sql`lower(${t.email})`)],
);

export const recoveryCode = pgTable(
  'recovery_code',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull().references(() => appUser.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('recovery_code_user_idx').on(t.userId)],
);

/** One-time links with which invited staff set their first password. */
export const inviteToken = pgTable('invite_token', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => appUser.id),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Server-side sessions; the cookie carries a random token whose SHA-256 is stored here. */
export const userSession = pgTable(
  'user_session',
  {
    id: uuid('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id').notNull().references(() => appUser.id),
    csrfToken: text('csrf_token').notNull(),
    mfaSatisfied: boolean('mfa_satisfied').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    sourceIp: text('source_ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('user_session_user_idx').on(t.userId)],
);
