import { z } from 'zod';
import { eligibilityPolicy } from './intake/policy.js';
import { ledgerPolicy } from './ledger/policy.js';
import { schedulingPolicy, withoutMovedSpacing } from './scheduling/policy.js';
import { consentPolicy } from './consent/policy.js';
import { coursePolicy } from './course/policy.js';

/**
 * The clinic's versioned policy: every clinical or security threshold lives here, edited by the
 * medical director (admin), never hard-coded (clinical.md, "How to read this document").
 * Each section has defaults so a new clinic starts from a safe baseline; later issues add sections.
 */
export const securityPolicy = z.strictObject({
  /** HIPAA §164.312(a)(2)(iii) automatic logoff; 10–15 min suits shared clinic workstations (clinical.md §7.1). */
  idleTimeoutMinutes: z.number().int().min(1).max(240).default(15),
  /** Absolute session lifetime, whatever the activity. */
  sessionLifetimeHours: z.number().int().min(1).max(72).default(12),
  /** Failed sign-ins in a row before the account locks. */
  lockoutThreshold: z.number().int().min(3).max(20).default(5),
  /** How long a lock lasts; 0 means until an administrator unlocks it. */
  lockoutMinutes: z.number().int().min(0).max(1440).default(30),
  /** How long a break-glass grant keeps a chart open. */
  breakGlassMinutes: z.number().int().min(5).max(480).default(60),
  /** Minimum password length for staff accounts (NIST SP 800-63B asks for at least 8; we ask more). */
  minPasswordLength: z.number().int().min(8).max(128).default(12),
});
export type SecurityPolicy = z.infer<typeof securityPolicy>;

export const clinicPolicy = z.strictObject({
  security: securityPolicy.default(() => securityPolicy.parse({})),
  /** Intake and eligibility: contraindication levels, screening thresholds (issue #3). */
  eligibility: eligibilityPolicy,
  /** Controlled-substance ledger: counts, loss thresholds, inventories (issue #6). */
  ledger: ledgerPolicy.default(() => ledgerPolicy.parse({})),
  /** Scheduling: notice, granularity, medicine intervals, integration windows (issue #5). */
  scheduling: schedulingPolicy.default(() => schedulingPolicy.parse({})),
  /** Consents: how long an MHRA release runs by default and at most (issue #3, clinical.md §7.4). */
  consent: consentPolicy.default(() => consentPolicy.parse({})),
  /** The course engine: preparation minimum, medicine interval, integration window, planned counts (issue #4). */
  course: coursePolicy.default(() => coursePolicy.parse({})),
});
export type ClinicPolicy = z.infer<typeof clinicPolicy>;

/** The policy a new clinic starts with. */
export function defaultPolicy(): ClinicPolicy {
  return clinicPolicy.parse({});
}

/** Reads a stored policy version, including versions saved before a setting moved between sections. */
export function parseStoredPolicy(body: unknown): ClinicPolicy {
  const stored = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  return clinicPolicy.parse('scheduling' in stored ? { ...stored, scheduling: withoutMovedSpacing(stored.scheduling) } : stored);
}

/** A stored policy version, as the server hands it to rules (each decision records `version`). */
export interface PolicyVersion {
  readonly version: number;
  readonly policy: ClinicPolicy;
}
