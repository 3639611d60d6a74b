import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clinicalScope, demographicScope, mayBreakGlass, scopeAdmits, type Principal } from './access.js';
import { STAFF_ROLES, type StaffRole } from './roles.js';

const staff = (roles: StaffRole[], userId = 'u1'): Principal => ({ userId, kind: 'staff', roles, patientId: null });
const onTeam = { id: 'p1', active: true, careTeam: ['u1'] };
const offTeam = { id: 'p2', active: true, careTeam: ['someone-else'] };
const discharged = { id: 'p3', active: false, careTeam: ['u1'] };

describe('clinical chart scope', () => {
  it('lets physicians and nurses read every active patient of the clinic, but not discharged ones', () => {
    for (const role of ['physician', 'nurse'] as const) {
      const scope = clinicalScope(staff([role]));
      expect(scopeAdmits(scope, onTeam)).toBe(true);
      expect(scopeAdmits(scope, offTeam)).toBe(true);
      expect(scopeAdmits(scope, discharged)).toBe(false);
    }
  });

  it('limits a therapist to the patients whose care team includes them, discharged or not', () => {
    const scope = clinicalScope(staff(['therapist']));
    expect(scopeAdmits(scope, onTeam)).toBe(true);
    expect(scopeAdmits(scope, discharged)).toBe(true);
    expect(scopeAdmits(scope, offTeam)).toBe(false);
  });

  it('gives front desk, billing, admins and auditors no clinical chart at all', () => {
    for (const role of ['front_desk', 'billing', 'admin', 'auditor'] as const) {
      expect(clinicalScope(staff([role]))).toEqual({ kind: 'none' });
    }
  });

  it('gives a patient their own chart only', () => {
    const patient: Principal = { userId: 'u9', kind: 'patient', roles: [], patientId: 'p1' };
    expect(scopeAdmits(clinicalScope(patient), onTeam)).toBe(true);
    expect(scopeAdmits(clinicalScope(patient), offTeam)).toBe(false);
  });

  it('gives a patient account without a linked chart nothing', () => {
    expect(clinicalScope({ userId: 'u9', kind: 'patient', roles: [], patientId: null })).toEqual({ kind: 'none' });
  });
});

describe('demographic scope', () => {
  it('shows every patient of the clinic to front desk, billing, admins, physicians and nurses', () => {
    for (const role of ['front_desk', 'billing', 'admin', 'physician', 'nurse'] as const) {
      const scope = demographicScope(staff([role]));
      expect(scopeAdmits(scope, offTeam)).toBe(true);
      expect(scopeAdmits(scope, discharged)).toBe(true);
    }
  });

  it('shows a therapist only their care-team patients, and an auditor none', () => {
    expect(scopeAdmits(demographicScope(staff(['therapist'])), offTeam)).toBe(false);
    expect(demographicScope(staff(['auditor']))).toEqual({ kind: 'none' });
  });

  it('combines roles to the broadest scope (a therapist who also works the front desk sees every header)', () => {
    expect(scopeAdmits(demographicScope(staff(['therapist', 'front_desk'])), offTeam)).toBe(true);
    // …but the clinical chart stays limited to the care team.
    expect(scopeAdmits(clinicalScope(staff(['therapist', 'front_desk'])), offTeam)).toBe(false);
  });

  it('never gives an unrelated role more clinical access than demographic access', () => {
    fc.assert(
      fc.property(fc.subarray([...STAFF_ROLES]), fc.boolean(), fc.boolean(), (roles, active, member) => {
        const patient = { id: 'p', active, careTeam: member ? ['u1'] : [] };
        const principal = staff(roles);
        if (scopeAdmits(clinicalScope(principal), patient)) {
          expect(scopeAdmits(demographicScope(principal), patient)).toBe(true);
        }
      }),
    );
  });
});

describe('break-glass eligibility', () => {
  it('is open to physicians, nurses and therapists only', () => {
    expect(mayBreakGlass(staff(['physician']))).toBe(true);
    expect(mayBreakGlass(staff(['nurse']))).toBe(true);
    expect(mayBreakGlass(staff(['therapist']))).toBe(true);
    expect(mayBreakGlass(staff(['front_desk', 'billing', 'admin', 'auditor']))).toBe(false);
    expect(mayBreakGlass({ userId: 'x', kind: 'patient', roles: [], patientId: 'p' })).toBe(false);
  });
});
