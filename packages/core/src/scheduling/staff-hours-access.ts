import { can, type StaffRole } from '../roles.js';

/** Who is asking, as far as the rule needs to know. */
export interface StaffHoursActor {
  readonly id: string;
  readonly roles: readonly StaffRole[];
}

/**
 * Whether `actor` may change the weekly hours, date exceptions and time off of staff member
 * `staffId`: whoever holds `schedule.manage` (admin, front desk) may change anyone's; a clinician
 * (`schedule.own_hours`) only their own.
 */
export function mayEditStaffHours(actor: StaffHoursActor, staffId: string): boolean {
  if (can(actor.roles, 'schedule.manage')) return true;
  return actor.id === staffId && can(actor.roles, 'schedule.own_hours');
}
