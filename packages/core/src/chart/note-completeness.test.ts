import { describe, expect, it } from 'vitest';
import { physicianExamDraft, therapistEvaluationDraft } from '../schemas/note-content.js';
import { completeEvaluation, completeExam } from './fixtures.js';
import { noteSignUnmet } from './note-completeness.js';

describe('whether a note may be signed', () => {
  it('accepts complete notes of both templates', () => {
    expect(noteSignUnmet('therapist_evaluation', completeEvaluation())).toEqual([]);
    expect(noteSignUnmet('physician_exam', completeExam())).toEqual([]);
  });

  it('lists each incomplete section of the exam once, in the order of clinical.md §2.4', () => {
    const unmet = noteSignUnmet('physician_exam', { vitals: { systolicMmHg: 120 }, thyroid: { hyperthyroidism: 'none', notes: '' } });
    expect(unmet.map((u) => u.message.split(':')[0])).toEqual([
      '1. Psychiatric history',
      '2. Suicide risk (C-SSRS) and safety plan',
      '3. Substance use',
      '4. Cardiovascular',
      '5. Neurological and ophthalmic',
      '6. Hepatic and urologic',
      '8. Pregnancy and breastfeeding',
      '9. Medication reconciliation',
      '10. Baseline vitals, height and weight',
      '11. Allergies',
      '12. Escort and transport plan',
      '13. Determination',
    ]);
    expect(unmet.find((u) => u.message.startsWith('10.'))?.message).toMatch(/diastolic mm hg, heart rate, spo2, height cm and 2 more/);
    expect(unmet.every((u) => u.code === 'note_section_incomplete')).toBe(true);
  });

  it('needs the medication list reconciled and the allergies reviewed, and the C-SSRS skip rule kept', () => {
    const exam = completeExam({ medicationReconciliation: { reconciled: false, notes: '' }, allergies: { reviewed: false, ketamineAllergy: false, notes: '' } });
    expect(noteSignUnmet('physician_exam', exam).map((u) => u.message)).toEqual([
      '9. Medication reconciliation: reconciled (Reconcile the medication list)',
      '11. Allergies: reviewed (Review the allergies)',
    ]);
    const evaluation = completeEvaluation({ risk: { ...completeEvaluation().risk, cssrs: { wishToBeDead: true, activeSuicidalThoughts: true, suicidalBehavior: false } } });
    expect(noteSignUnmet('therapist_evaluation', evaluation)).toEqual([expect.objectContaining({ message: expect.stringMatching(/^Risk assessment \(C-SSRS\): cssrs thoughts of method/) })]);
  });

  it('takes a half-answered draft, which is not yet signable', () => {
    const draft = { risk: { cssrs: { wishToBeDead: true } }, diagnoses: { codes: ['F33.1'] } };
    expect(therapistEvaluationDraft.safeParse(draft).success).toBe(true);
    expect(physicianExamDraft.safeParse({}).success).toBe(true);
    expect(therapistEvaluationDraft.safeParse({ diagnoses: { codes: ['F99.9'] } }).success).toBe(false);
    expect(therapistEvaluationDraft.safeParse({ unknownSection: {} }).success).toBe(false);
    expect(noteSignUnmet('therapist_evaluation', draft).length).toBeGreaterThan(0);
  });
});

describe('lists a clinician leaves empty', () => {
  it('count as "none" in a signable exam', () => {
    const { substanceUse, cardiovascular, ...rest } = completeExam();
    const { substances: _s, ...substanceSection } = substanceUse;
    const { events: _e, ...cardiovascularSection } = cardiovascular;
    expect(noteSignUnmet('physician_exam', { ...rest, substanceUse: substanceSection, cardiovascular: cardiovascularSection })).toEqual([]);
  });
});

describe('dates in a signed exam', () => {
  it('may not lie after the day it is signed', () => {
    const exam = completeExam({
      cardiovascular: { ...completeExam().cardiovascular, events: [{ event: 'stroke', date: '2026-11-29' }] },
      substanceUse: { ...completeExam().substanceUse, substances: [{ substance: 'alcohol', lastUseDate: '2026-11-28', problematic: true, inSupervisedTreatment: false }] },
    });
    expect(noteSignUnmet('physician_exam', exam)).toEqual([]);
    expect(noteSignUnmet('physician_exam', exam, '2026-11-28').map((u) => u.message)).toEqual(['4. Cardiovascular: a heart attack or stroke date is in the future']);
  });
});
