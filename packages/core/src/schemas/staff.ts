import { z } from 'zod';
import { email, uuid } from './common.js';
import { displayName } from './auth.js';
import { staffRole } from '../roles.js';

const roles = z
  .array(staffRole)
  .min(1, 'Give at least one role')
  .max(7)
  .refine((list) => new Set(list).size === list.length, 'Each role once');

export const createStaffRequest = z.strictObject({
  email,
  displayName,
  roles,
});
export type CreateStaffRequest = z.infer<typeof createStaffRequest>;

export const updateRolesRequest = z.strictObject({ roles });

export const staffMember = z.object({
  id: uuid,
  email: z.string(),
  displayName: z.string(),
  roles: z.array(staffRole),
  active: z.boolean(),
  mfaEnabled: z.boolean(),
  mfaExempt: z.boolean(),
  locked: z.boolean(),
  lastLoginAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type StaffMember = z.infer<typeof staffMember>;

export const createStaffResponse = z.object({
  staff: staffMember,
  /** A one-time link the new member opens to set a password; also sent through the outbox. */
  inviteUrl: z.string(),
  inviteExpiresAt: z.iso.datetime(),
});

export const staffIdParams = z.strictObject({ id: uuid });
