import { describe, expect, it } from 'vitest';
import type { PatientStatus } from '../schemas/patients.js';
import { patientStatusAfter } from './patient-status.js';

const ALL: readonly PatientStatus[] = ['inquiry', 'evaluation', 'active', 'inactive', 'discharged'];

describe('patientStatusAfter', () => {
  it('starts the evaluation of an inquiry, and leaves every other status alone', () => {
    expect(ALL.map((s) => patientStatusAfter(s, { kind: 'evaluation_started' }))).toEqual(['evaluation', 'evaluation', 'active', 'inactive', 'discharged']);
  });

  it('makes a person in inquiry or evaluation active on an eligible decision, with or without conditions', () => {
    for (const outcome of ['eligible', 'eligible_with_conditions'] as const) {
      expect(ALL.map((s) => patientStatusAfter(s, { kind: 'eligibility_decided', outcome }))).toEqual(['active', 'active', 'active', 'inactive', 'discharged']);
    }
  });

  it('never moves a chart on a not-eligible decision (the decision shows on the header; discharge is deliberate)', () => {
    expect(ALL.map((s) => patientStatusAfter(s, { kind: 'eligibility_decided', outcome: 'not_eligible' }))).toEqual(ALL);
  });
});
