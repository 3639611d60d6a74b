import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '../roles.js';
import { mayEditStaffHours } from './staff-hours-access.js';

const ME = '01900000-0000-7000-8000-00000000000a';
const SOMEONE_ELSE = '01900000-0000-7000-8000-00000000000b';

describe('who may edit staff hours', () => {
  it("lets the admin and the front desk edit anyone's hours", () => {
    expect(mayEditStaffHours({ id: ME, roles: ['admin'] }, SOMEONE_ELSE)).toBe(true);
    expect(mayEditStaffHours({ id: ME, roles: ['front_desk'] }, SOMEONE_ELSE)).toBe(true);
  });

  it('lets each clinician edit their own hours and nobody else’s', () => {
    for (const role of ['physician', 'nurse', 'therapist'] as const) {
      expect(mayEditStaffHours({ id: ME, roles: [role] }, ME)).toBe(true);
      expect(mayEditStaffHours({ id: ME, roles: [role] }, SOMEONE_ELSE)).toBe(false);
    }
  });

  it('gives billing and auditors no hours to edit, not even their own', () => {
    expect(mayEditStaffHours({ id: ME, roles: ['billing'] }, ME)).toBe(false);
    expect(mayEditStaffHours({ id: ME, roles: ['auditor'] }, ME)).toBe(false);
  });

  it('grants the own-hours capability to exactly the roles that hold clinical time', () => {
    expect(STAFF_ROLES.filter((role) => mayEditStaffHours({ id: ME, roles: [role] }, ME) && !mayEditStaffHours({ id: ME, roles: [role] }, SOMEONE_ELSE))).toEqual(['physician', 'nurse', 'therapist']);
  });
});
