import { z } from 'zod';
import { uuid } from './common.js';

/** Actions recorded in the audit trail (clinical.md §7.2: C/R/U/D/execute/export/print/query, plus sign-in events). */
export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'mfa_enrolled',
  'mfa_reset',
  'create',
  'read',
  'update',
  'delete',
  'query',
  'export',
  'print',
  'execute',
  'break_glass',
] as const;
export const auditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditAction>;

export const auditOutcome = z.enum(['success', 'failure']);
export type AuditOutcome = z.infer<typeof auditOutcome>;

export const auditQuery = z.strictObject({
  userId: uuid.optional(),
  patientId: uuid.optional(),
  action: auditAction.optional(),
  outcome: auditOutcome.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  sort: z.enum(['newest', 'oldest']).default('newest'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEventView = z.object({
  seq: z.number().int(),
  id: uuid,
  at: z.iso.datetime(),
  userId: uuid.nullable(),
  userEmail: z.string().nullable(),
  userRoles: z.string(),
  action: auditAction,
  outcome: auditOutcome,
  patientId: uuid.nullable(),
  patientMrn: z.string().nullable(),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  sourceIp: z.string().nullable(),
  requestId: z.string().nullable(),
  breakGlassReason: z.string().nullable(),
});
export type AuditEventView = z.infer<typeof auditEventView>;

export const auditPage = z.object({ total: z.number().int(), events: z.array(auditEventView) });
