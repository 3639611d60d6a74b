import { and, desc, eq } from 'drizzle-orm';
import type { EligibilityOutcome, PhysicianExam, TherapistEvaluation } from '@lantern/core';
import type { Db } from '../../platform/db/index.js';
import { clinic, consentDocument } from '../../platform/db/schema/index.js';
import * as notes from '../notes/service.js';
import { recordDecision } from '../eligibility/decision-service.js';
import { signConsent } from '../consent/service.js';
import { DemoClinic } from '../course/demo-courses.js';
import { demoEvaluation, demoExam } from './demo-notes.js';

/**
 * The demo clinic's people in phase 1 (issue #3), beside the courses of demo-courses.ts: charts in
 * evaluation (the therapist's note signed, the exam to come), evaluated and waiting for the decision,
 * eligible and waiting for a plan, eligible with conditions, and not eligible, each with its own
 * fictional history. Every step goes through the services (and rules) the API uses.
 */

const DAY = 86_400_000;
const T1 = 'therapist@lantern.test';
const T2 = 'therapist2@lantern.test';
const MD = 'physician@lantern.test';

type Stage = 'in_evaluation' | 'ready_for_decision' | 'decided';

interface Person {
  readonly given: string;
  readonly family: string;
  readonly dob: string;
  readonly therapist: typeof T1 | typeof T2;
  readonly stage: Stage;
  readonly evaluation: Parameters<typeof demoEvaluation>[0];
  readonly exam?: Parameters<typeof demoExam>[0];
  readonly decision?: { readonly outcome: EligibilityOutcome; readonly conditions?: readonly string[] };
}

const NOT_SUITABLE_SCREEN: Partial<TherapistEvaluation['screening']> = { primaryPsychoticDisorder: true, psychosisHistory: true, notes: 'Two admissions for psychosis; on a long-acting antipsychotic.' };

const PEOPLE: readonly Person[] = [
  {
    given: 'Priya', family: 'Raman', dob: '1989-02-11', therapist: T2, stage: 'in_evaluation',
    evaluation: {
      presentingConcerns: { summary: 'Nightmares, startle and avoidance of driving since a highway collision eighteen months ago.' },
      history: { trauma: 'Collision in which a passenger was badly hurt.', social: 'Graduate student; lives alone; close to her sister.' },
      diagnoses: { codes: ['F43.10'], formulation: 'Post-traumatic stress disorder after a motor vehicle collision; partial response to prolonged exposure.' },
      goals: { goals: ['Drive to work without panic', 'Sleep through most nights'] },
    },
  },
  {
    given: 'Mateo', family: 'Alvarez', dob: '1975-08-19', therapist: T1, stage: 'in_evaluation',
    evaluation: {
      presentingConcerns: { summary: 'Severe depressive episodes most winters for fifteen years; current episode since October.' },
      diagnoses: { codes: ['F33.2'], formulation: 'Recurrent major depression, severe, without psychotic features; four adequate medication trials.' },
      risk: { protectiveFactors: 'Two children, a brother he speaks to daily.', safetyPlan: 'Passive thoughts in past episodes, none with intent; safety plan with his brother as contact.' },
    },
  },
  {
    given: 'Greta', family: 'Hoffmann', dob: '1957-05-30', therapist: T1, stage: 'in_evaluation',
    evaluation: {
      presentingConcerns: { summary: 'Worry that fills the day and low mood since retiring; widowed three years ago.' },
      history: { social: 'Retired teacher; lives alone; volunteers at the library.' },
      diagnoses: { codes: ['F41.1', 'F33.1'], formulation: 'Generalized anxiety with recurrent depression; grief contributes.' },
    },
  },
  {
    given: 'Kwame', family: 'Mensah', dob: '1993-10-04', therapist: T2, stage: 'ready_for_decision',
    evaluation: {
      presentingConcerns: { summary: 'Intrusive memories and irritability after six years as a paramedic.' },
      history: { trauma: 'Repeated exposure to deaths on shift, one involving a child.', social: 'Now works in dispatch; engaged.' },
      diagnoses: { codes: ['F43.10'], formulation: 'Post-traumatic stress disorder, occupational.' },
    },
  },
  {
    given: 'Ingrid', family: 'Solheim', dob: '1982-03-27', therapist: T1, stage: 'ready_for_decision',
    evaluation: { presentingConcerns: { summary: 'Depression since the birth of her second child, six years ago; functioning but joyless.' } },
    exam: { reproductive: { pregnancyStatus: 'not_pregnant', contraceptionCounselled: true, notes: 'IUD in place.' }, vitals: { systolicMmHg: 116, diastolicMmHg: 72, heartRate: 68, spo2: 99, heightCm: 168, weightKg: 61, acuteInfection: false } },
  },
  {
    given: 'Desmond', family: 'Clarke', dob: '1970-12-15', therapist: T2, stage: 'ready_for_decision',
    evaluation: { diagnoses: { codes: ['F32.2'], formulation: 'Single severe depressive episode after a business failure.' } },
    exam: { cardiovascular: { hypertension: 'controlled', notes: 'On amlodipine 5 mg; home readings 128/82.' }, vitals: { systolicMmHg: 132, diastolicMmHg: 84, heartRate: 76, spo2: 97, heightCm: 181, weightKg: 94, acuteInfection: false } },
  },
  {
    given: 'Yara', family: 'Haddad', dob: '1991-07-08', therapist: T2, stage: 'decided',
    evaluation: {
      presentingConcerns: { summary: 'Shame and panic around sexuality and faith after leaving a high-control congregation.' },
      history: { trauma: 'Years of public confession and shunning in adolescence.' },
      diagnoses: { codes: ['F43.10', 'F41.1'], formulation: 'Complex trauma from a high-control religious community; generalized anxiety.' },
    },
    decision: { outcome: 'eligible' },
  },
  {
    given: 'Benedikt', family: 'Vogel', dob: '1985-01-23', therapist: T1, stage: 'decided',
    evaluation: { presentingConcerns: { summary: 'Low mood and poor concentration for years; worse since a layoff.' } },
    decision: { outcome: 'eligible' },
  },
  {
    given: 'Lorraine', family: 'Whitfield', dob: '1961-09-02', therapist: T1, stage: 'decided',
    evaluation: { presentingConcerns: { summary: 'Grief after her son died two years ago; days spent in bed.' }, diagnoses: { codes: ['F33.1', 'F43.81'], formulation: 'Prolonged grief with recurrent depression.' } },
    exam: {
      cardiovascular: { hypertension: 'uncontrolled', notes: 'Readings 158/96 and 162/98 today; medication recently changed.' },
      vitals: { systolicMmHg: 160, diastolicMmHg: 97, heartRate: 80, spo2: 97, heightCm: 163, weightKg: 77, acuteInfection: false },
      determination: { recommendation: 'eligible_with_conditions', rationale: 'Eligible once blood pressure is controlled; dose only below the pre-dose threshold.' },
    },
    decision: { outcome: 'eligible_with_conditions', conditions: ['Pre-dose blood pressure below 150/95 at every medicine session', 'Primary-care review of antihypertensives before the first IM session'] },
  },
  {
    given: 'Arjun', family: 'Mehta', dob: '1979-04-14', therapist: T2, stage: 'decided',
    evaluation: { history: { substanceUse: 'Alcohol use disorder, in sustained remission for three years; attends meetings weekly.' } },
    exam: { substanceUse: { auditC: 0, dast10: 1, notes: 'Alcohol use disorder in sustained remission.' }, determination: { recommendation: 'eligible_with_conditions', rationale: 'Remission is solid; dose only in clinic, with a relapse plan.' } },
    decision: { outcome: 'eligible_with_conditions', conditions: ['Medicine in clinic only; no take-home doses', 'Relapse-prevention plan reviewed at each integration session'] },
  },
  {
    given: 'Cyrus', family: 'Bell', dob: '1988-06-21', therapist: T1, stage: 'decided',
    evaluation: {
      presentingConcerns: { summary: 'Persistent low mood and isolation; referred by his community mental-health team.' },
      diagnoses: { codes: ['F20.9', 'F32.1'], formulation: 'Schizophrenia, stable on treatment, with a depressive episode.' },
      screening: NOT_SUITABLE_SCREEN,
      suitability: { recommendation: 'not_suitable', rationale: 'A primary psychotic disorder is an exclusion for ketamine; referred back with a summary.' },
    },
    exam: {
      psychiatricHistory: { summary: 'Schizophrenia; two admissions, stable for three years.', primaryPsychoticDisorder: true, psychosisHistory: true },
      determination: { recommendation: 'not_eligible', rationale: 'Primary psychotic disorder (absolute exclusion).' },
    },
    decision: { outcome: 'not_eligible' },
  },
  {
    given: 'Helena', family: 'Markovic', dob: '1990-11-09', therapist: T2, stage: 'decided',
    evaluation: { presentingConcerns: { summary: 'Anxiety and low mood; twelve weeks pregnant.' }, diagnoses: { codes: ['F41.1'], formulation: 'Generalized anxiety in pregnancy.' } },
    exam: {
      reproductive: { pregnancyStatus: 'pregnant', notes: 'Twelve weeks; under obstetric care.' },
      determination: { recommendation: 'not_eligible', rationale: 'Pregnancy; revisit after delivery and breastfeeding. Referred for perinatal psychotherapy meanwhile.' },
    },
    decision: { outcome: 'not_eligible' },
  },
];

/** The evaluations and decisions, two to three weeks before `now`, as the care team. */
export async function seedDemoPopulation(db: Db, now: Date): Promise<void> {
  const [row] = await db.select({ id: clinic.id }).from(clinic).limit(1);
  if (!row) return;
  const demo = await DemoClinic.open(db, row.id);
  const [kap] = await db
    .select({ id: consentDocument.id, hash: consentDocument.contentHash })
    .from(consentDocument)
    .where(and(eq(consentDocument.clinicId, row.id), eq(consentDocument.kind, 'kap_treatment')))
    .orderBy(desc(consentDocument.version))
    .limit(1);
  for (const [index, person] of PEOPLE.entries()) {
    const at = (days: number): Date => new Date(now.getTime() - (21 - index) * DAY + days * DAY);
    const chart = await demo.patient(person, person.therapist, at(0), 'evaluation');
    await signed(demo, person.therapist, chart.id, at(1), { kind: 'therapist_evaluation', content: demoEvaluation(person.evaluation) });
    if (person.stage === 'in_evaluation') continue;
    await signed(demo, MD, chart.id, at(3), { kind: 'physician_exam', content: examOf(person) });
    if (!person.decision) continue;
    await recordDecision(demo.deps, demo.as(MD, at(4)), chart.id, { outcome: person.decision.outcome, conditions: [...(person.decision.conditions ?? [])], supersedes: null });
    if (person.decision.outcome !== 'not_eligible' && kap) {
      await signConsent(demo.deps, demo.as('nurse@lantern.test', at(5)), chart.id, { documentId: kap.id, documentHash: kap.hash, typedName: `${person.given} ${person.family}`, acknowledged: true });
    }
  }
}

function examOf(person: Person): PhysicianExam {
  return demoExam({ psychiatricHistory: { summary: person.evaluation?.presentingConcerns?.summary ?? 'See the therapist evaluation.' }, ...person.exam });
}

async function signed(demo: DemoClinic, email: string, patientId: string, at: Date, note: Parameters<typeof notes.createNote>[3]): Promise<void> {
  const draft = await notes.createNote(demo.deps, demo.as(email, at), patientId, note);
  await notes.signNote(demo.deps, demo.as(email, at), draft.id, { version: draft.version });
}
