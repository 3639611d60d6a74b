import { describe, expect, it } from 'vitest';
import { can, CAPABILITIES, STAFF_ROLES } from './roles.js';

describe('capabilities', () => {
  it('grants staff management to admins only', () => {
    expect(STAFF_ROLES.filter((role) => can([role], 'staff.manage'))).toEqual(['admin']);
  });

  it('grants the audit trail to auditors and admins, and never clinical charts to auditors', () => {
    expect(can(['auditor'], 'audit.read')).toBe(true);
    expect(can(['therapist'], 'audit.read')).toBe(false);
    expect(can(['auditor'], 'patients.clinical')).toBe(false);
    expect(can(['auditor'], 'patients.demographics')).toBe(false);
  });

  it('combines several roles', () => {
    expect(can(['therapist', 'auditor'], 'audit.read')).toBe(true);
    expect(can([], 'patients.demographics')).toBe(false);
  });

  it('names only known roles in the table', () => {
    for (const roles of Object.values(CAPABILITIES)) for (const role of roles) expect(STAFF_ROLES).toContain(role);
  });
});
