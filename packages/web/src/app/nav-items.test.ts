import { describe, expect, it } from 'vitest';
import { activeItem, navFor } from './nav-items';

const labels = (roles: Parameters<typeof navFor>[0]): string[] => navFor(roles).flatMap((section) => section.items.map((item) => item.label));

describe('navFor', () => {
  it('gives an auditor the audit screens and no patient list', () => {
    expect(labels(['auditor'])).toEqual(['Home', 'Controlled substances', 'Audit trail', 'Break-glass review']);
  });

  it('gives a therapist the clinical screens and no administration', () => {
    expect(labels(['therapist'])).toEqual(['Home', 'Patients', 'Courses', 'Intake', 'Calendar', 'Check-in']);
  });

  it('unites the items of several roles without repeating any', () => {
    expect(labels(['admin', 'physician'])).toEqual([
      'Home',
      'Patients',
      'Courses',
      'Intake',
      'Calendar',
      'Check-in',
      'Controlled substances',
      'Staff',
      'Schedule set-up',
      'Policy',
      'Note templates',
      'Outbox',
      'Public pages',
      'Consent documents',
      'Audit trail',
      'Break-glass review',
    ]);
  });

  it('gives the front desk the schedule set-up and no other administration', () => {
    expect(navFor(['front_desk']).find((section) => section.label === 'Administration')?.items.map((item) => item.label)).toEqual(['Schedule set-up']);
  });

  it('drops sections left empty', () => {
    expect(navFor(['billing']).map((section) => section.label)).toEqual([null]);
  });
});

describe('activeItem', () => {
  const items = navFor(['admin']).flatMap((section) => section.items);

  it('picks the most specific item for a nested path', () => {
    expect(activeItem('/audit/break-glass', items)?.label).toBe('Break-glass review');
    expect(activeItem('/patients/0190a1b2-0000-7000-8000-000000000000', items)?.label).toBe('Patients');
  });

  it('marks home only on the home page itself', () => {
    expect(activeItem('/home', items)?.label).toBe('Home');
    expect(activeItem('/home/elsewhere', items)?.label).toBe('Home');
    expect(activeItem('/nowhere', items)).toBeUndefined();
  });
});
