import { describe, expect, it } from 'vitest';
import { auditSearchParams, filterProblems, NO_FILTERS } from './audit-filters';

const USER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('auditSearchParams', () => {
  it('sends only the filters that are set, with the sort', () => {
    expect(auditSearchParams({ ...NO_FILTERS, action: 'login', outcome: 'failure' }, 'America/Chicago')).toEqual({ sort: 'newest', action: 'login', outcome: 'failure' });
  });

  it('reads the dates in the clinic zone and includes the whole "to" minute', () => {
    const params = auditSearchParams({ ...NO_FILTERS, from: '2026-07-01T08:00', to: '2026-07-01T17:30' }, 'America/Chicago');
    expect(params.from).toBe('2026-07-01T13:00:00.000Z');
    expect(params.to).toBe('2026-07-01T22:30:59.999Z');
  });

  it('leaves out an ID that is not a UUID rather than sending a request the server refuses', () => {
    expect(auditSearchParams({ ...NO_FILTERS, userId: 'jonah' }, 'UTC')).toEqual({ sort: 'newest' });
    expect(auditSearchParams({ ...NO_FILTERS, userId: USER }, 'UTC').userId).toBe(USER);
  });
});

describe('filterProblems', () => {
  it('names the fields the server would refuse', () => {
    expect(filterProblems({ ...NO_FILTERS, patientId: 'L100001', from: '2026-02-02T00:00', to: '2026-02-01T00:00' })).toEqual({
      patientId: 'Enter a patient ID (a UUID)',
      to: 'The end must be after the start',
    });
  });
});
