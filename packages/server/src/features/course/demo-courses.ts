import { and, desc, eq } from 'drizzle-orm';
import type { CycleDecision, PatientStatus, StaffRole } from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Db } from '../../platform/db/index.js';
import { appUser, careTeamMember, clinic, consentDocument, patient } from '../../platform/db/schema/index.js';
import { newId } from '../../platform/ids.js';
import { PolicyStore } from '../../platform/policy.js';
import { nextMrn } from '../patients/repo.js';
import * as notes from '../notes/service.js';
import * as sessionNotes from '../notes/session-notes.js';
import { recordDecision } from '../eligibility/decision-service.js';
import { signConsent } from '../consent/service.js';
import * as course from './service.js';
import { demoEvaluation, demoExam } from '../demo/demo-notes.js';

/**
 * The demo clinic's courses (issue #4): a patient in every phase, one couple and one group of six. Every
 * step goes through the same services (and gates) as the API, as the care team on a clock that runs
 * from weeks ago to `now`, so the timeline reads like a real one. Other seeds can call `DemoClinic`'s
 * helpers to grow the population.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Person {
  readonly given: string;
  readonly family: string;
  readonly dob: string;
}

/** A clinic's demo cast and a clock the seed moves; each call acts as the named staff member at that instant. */
export class DemoClinic {
  private constructor(
    readonly deps: AppDeps,
    readonly clinicId: string,
    private readonly staff: Map<string, { id: string; email: string; displayName: string; roles: StaffRole[] }>,
  ) {}

  static async open(db: Db, clinicId: string): Promise<DemoClinic> {
    const deps = { db, policies: new PolicyStore(db, 0), clock: () => new Date() } as unknown as AppDeps;
    const rows = await db.select().from(appUser).where(and(eq(appUser.clinicId, clinicId), eq(appUser.kind, 'staff')));
    return new DemoClinic(deps, clinicId, new Map(rows.map((r) => [r.email, { id: r.id, email: r.email, displayName: r.displayName, roles: r.roles as StaffRole[] }])));
  }

  userId(email: string): string {
    const user = this.staff.get(email);
    if (!user) throw new Error(`no demo account ${email}`);
    return user.id;
  }

  /** The request context of `email` acting at `at`. */
  as(email: string, at: Date): AuthedContext {
    const user = this.staff.get(email);
    if (!user) throw new Error(`no demo account ${email}`);
    const sessionUser = { ...user, clinicId: this.clinicId, kind: 'staff' as const, patientId: null, mfaEnabled: false, mfaExempt: true, isDemo: true };
    return {
      requestId: newId(),
      now: at,
      sourceIp: null,
      userAgent: 'lantern seed-demo',
      auth: {
        sessionId: 'seed',
        user: sessionUser,
        principal: { userId: user.id, kind: 'staff', roles: user.roles, patientId: null },
        mfa: 'exempt',
        csrfToken: '',
        createdAt: at,
        lastSeenAt: at,
      },
    };
  }

  /** A new patient (active unless told otherwise) with the therapist, physician and nurse on the care team. */
  async patient(person: Person, therapist: string, at: Date, status: PatientStatus = 'active'): Promise<{ id: string; name: string }> {
    const id = newId();
    await this.deps.db.transaction(async (tx) => {
      await tx.insert(patient).values({ id, clinicId: this.clinicId, mrn: await nextMrn(tx), legalGivenName: person.given, legalFamilyName: person.family, dateOfBirth: person.dob, status, createdAt: at, updatedAt: at });
      for (const [email, role] of [[therapist, 'therapist'], ['physician@lantern.test', 'physician'], ['nurse@lantern.test', 'nurse']] as const) {
        await tx.insert(careTeamMember).values({ patientId: id, userId: this.userId(email), role, addedAt: at });
      }
    });
    return { id, name: `${person.given} ${person.family}` };
  }

  /** Evaluation notes signed and an "eligible" decision, then (unless told otherwise) the KAP consent signed. */
  async evaluate(patientId: string, therapist: string, at: Date, options: { consent?: boolean } = {}): Promise<void> {
    const evaluation = await notes.createNote(this.deps, this.as(therapist, at), patientId, { kind: 'therapist_evaluation', content: demoEvaluation() });
    await notes.signNote(this.deps, this.as(therapist, at), evaluation.id, { version: evaluation.version });
    const exam = await notes.createNote(this.deps, this.as('physician@lantern.test', at), patientId, { kind: 'physician_exam', content: demoExam() });
    await notes.signNote(this.deps, this.as('physician@lantern.test', at), exam.id, { version: exam.version });
    await recordDecision(this.deps, this.as('physician@lantern.test', at), patientId, { outcome: 'eligible', conditions: [], supersedes: null });
    if (options.consent === false) return;
    const [kap] = await this.deps.db
      .select({ id: consentDocument.id, hash: consentDocument.contentHash })
      .from(consentDocument)
      .where(and(eq(consentDocument.clinicId, this.clinicId), eq(consentDocument.kind, 'kap_treatment')))
      .orderBy(desc(consentDocument.version))
      .limit(1);
    if (kap) await signConsent(this.deps, this.as('nurse@lantern.test', at), patientId, { documentId: kap.id, documentHash: kap.hash, typedName: 'Signed in clinic', acknowledged: true });
  }

  /** Records a session as `email` and signs (and, where required, co-signs) every note it starts. */
  async session(email: string, planId: string, at: Date, input: { kind: 'preparation' | 'medicine' | 'integration' | 'follow_up'; format: 'individual' | 'joint' | 'group'; attendees: string[]; route?: 'oral' | 'im' }): Promise<void> {
    const { noteIds } = await course.recordSession(this.deps, this.as(email, at), planId, { ...input, heldAt: at.toISOString() });
    const signAt = new Date(at.getTime() + HOUR);
    for (const id of noteIds) {
      const note = await sessionNotes.getSessionNote(this.deps, this.as(email, signAt), id);
      const fields = Object.fromEntries(note.template.map((f) => [f.key, DEMO_FIELD_TEXT[f.key] ?? 'Discussed; see the free text.']));
      const saved = await sessionNotes.updateSessionNote(this.deps, this.as(email, signAt), id, { version: note.version, content: { fields, text: 'Session held as planned.' } });
      const signed = await sessionNotes.signSessionNote(this.deps, this.as(email, signAt), id, saved.version);
      if (signed.cosignRequired) {
        const cosigner = email === 'physician@lantern.test' ? 'director@lantern.test' : 'physician@lantern.test';
        await sessionNotes.cosignSessionNote(this.deps, this.as(cosigner, signAt), id);
      }
    }
  }

  async readiness(therapist: string, patientId: string, at: Date): Promise<void> {
    const timeline = await course.patientCourse(this.deps, this.as(therapist, at), patientId);
    await course.courseStep(this.deps, this.as(therapist, at), timeline.courseId, { kind: 'readiness', note: null });
  }

  async decide(therapist: string, patientId: string, decision: CycleDecision, at: Date): Promise<void> {
    const timeline = await course.patientCourse(this.deps, this.as(therapist, at), patientId);
    await course.courseStep(this.deps, this.as(therapist, at), timeline.courseId, { kind: 'cycle_decision', decision, note: null });
  }

  async plan(therapist: string, at: Date, input: { modality: 'individual' | 'couples' | 'group'; focus: string; title: string; patientIds: string[]; capacity?: number }): Promise<string> {
    const view = await course.createPlan(this.deps, this.as(therapist, at), {
      ...input,
      content: { targetConditions: ['F33.1'], goals: ['Fewer days lost to low mood'], intentions: 'To feel connected again', careTeam: [this.userId(therapist), this.userId('physician@lantern.test')] },
      ...(input.modality === 'group' ? { facilitators: [this.userId(therapist)] } : {}),
    });
    await course.changePlan(this.deps, this.as('physician@lantern.test', at), view.id, { kind: 'cosign', version: 1 });
    return view.id;
  }
}

const DEMO_FIELD_TEXT: Record<string, string> = {
  intentions: 'To meet grief with less fear and more curiosity.',
  expectations: 'Worried about losing control; reviewed what the session will feel like.',
  orientation: 'Walked through the room, the monitoring and the music.',
  setAndSetting: 'Calm, eyeshades and music; partner waiting.',
  experience: 'Settled after ten minutes; spoke of his father.',
  response: 'Well tolerated; mild nausea; BP back to baseline at 60 minutes.',
  insights: 'Felt compassion for the younger self.',
  practices: 'Daily ten-minute walk and a journal entry.',
  risk: 'Mood steady; no thoughts of self-harm.',
};

const T1 = 'therapist@lantern.test';
const T2 = 'therapist2@lantern.test';
const MD = 'physician@lantern.test';

/** Fictional people; any likeness is coincidence. */
const PEOPLE = {
  evaluation: { given: 'Iris', family: 'Castellanos', dob: '1990-06-02' },
  preparation: { given: 'Noah', family: 'Feldstein', dob: '1984-01-19' },
  ready: { given: 'Lena', family: 'Marchetti', dob: '1977-10-08' },
  integration: { given: 'Owen', family: 'Oyelaran', dob: '1969-03-23' },
  overdue: { given: 'Clara', family: 'Brandt', dob: '1995-12-11' },
  medicine: { given: 'Felix', family: 'Haugen', dob: '1981-08-30' },
  maintenance: { given: 'Miriam', family: 'Sorensen', dob: '1963-04-17' },
  completed: { given: 'Tobias', family: 'Wainwright', dob: '1966-02-05' },
  coupleA: { given: 'Sam', family: 'Okonkwo', dob: '1987-09-14' },
  coupleB: { given: 'Jordan', family: 'Okonkwo', dob: '1988-11-02' },
} satisfies Record<string, Person>;

const GROUP: readonly Person[] = [
  { given: 'Beatrix', family: 'Holm', dob: '1972-05-21' },
  { given: 'Caleb', family: 'Ferreira', dob: '1983-07-07' },
  { given: 'Dana', family: 'Kowalczyk', dob: '1979-01-30' },
  { given: 'Elliot', family: 'Nguyen', dob: '1991-10-12' },
  { given: 'Farah', family: 'Siddiqui', dob: '1986-03-03' },
  { given: 'Gideon', family: 'Lund', dob: '1968-12-24' },
];

/**
 * Seeds the demo clinic's courses, ending at `now`: a patient in evaluation, in preparation (two of
 * three sessions signed: the browser walk-through finishes it), ready for a first medicine session,
 * in integration (one due, one overdue), waiting for the next medicine session, in maintenance,
 * completed; a couple in preparation; a grief group of six after its first medicine session.
 */
export async function seedDemoCourses(db: Db, now: Date): Promise<void> {
  const [row] = await db.select({ id: clinic.id }).from(clinic).limit(1);
  if (!row) return;
  const demo = await DemoClinic.open(db, row.id);
  const start = new Date(now.getTime() - 40 * DAY);
  const day = (n: number, hour = 15): Date => new Date(start.getTime() + n * DAY + (hour - 15) * HOUR);

  const individual = async (person: Person, therapist: string, opts: { consent?: boolean; evaluate?: boolean } = {}): Promise<{ id: string; planId: string }> => {
    const p = await demo.patient(person, therapist, day(0));
    if (opts.evaluate !== false) await demo.evaluate(p.id, therapist, day(1), { consent: opts.consent ?? true });
    const planId = await demo.plan(therapist, day(2), { modality: 'individual', focus: 'general', title: p.name, patientIds: [p.id] });
    return { id: p.id, planId };
  };
  const prepare = async (therapist: string, planId: string, ids: string[], count: number, format: 'individual' | 'joint' | 'group' = 'individual'): Promise<void> => {
    for (let i = 0; i < count; i++) await demo.session(therapist, planId, day(3 + i * 3), { kind: 'preparation', format, attendees: ids });
  };
  const firstMedicine = async (therapist: string, planId: string, ids: string[], at: Date, format: 'individual' | 'joint' | 'group' = 'individual'): Promise<void> => {
    for (const id of ids) await demo.readiness(therapist, id, day(12));
    await demo.session(MD, planId, at, { kind: 'medicine', format, route: 'oral', attendees: ids });
  };

  const evaluation = await demo.patient(PEOPLE.evaluation, T2, day(30));
  await demo.plan(T2, day(31), { modality: 'individual', focus: 'religious_trauma', title: evaluation.name, patientIds: [evaluation.id] });

  const preparation = await individual(PEOPLE.preparation, T1);
  await prepare(T1, preparation.planId, [preparation.id], 2);

  const ready = await individual(PEOPLE.ready, T1);
  await prepare(T1, ready.planId, [ready.id], 3);
  await demo.readiness(T1, ready.id, day(12));

  const integration = await individual(PEOPLE.integration, T1);
  await prepare(T1, integration.planId, [integration.id], 3);
  await firstMedicine(T1, integration.planId, [integration.id], new Date(now.getTime() - 2 * DAY));

  const overdue = await individual(PEOPLE.overdue, T1);
  await prepare(T1, overdue.planId, [overdue.id], 3);
  await firstMedicine(T1, overdue.planId, [overdue.id], new Date(now.getTime() - 10 * DAY));

  const medicine = await individual(PEOPLE.medicine, T2);
  await prepare(T2, medicine.planId, [medicine.id], 3);
  await firstMedicine(T2, medicine.planId, [medicine.id], day(14));
  await demo.session(T2, medicine.planId, day(16), { kind: 'integration', format: 'individual', attendees: [medicine.id] });
  await demo.decide(T2, medicine.id, 'another_medicine', day(16, 16));

  const maintenance = await individual(PEOPLE.maintenance, T2);
  await prepare(T2, maintenance.planId, [maintenance.id], 3);
  await firstMedicine(T2, maintenance.planId, [maintenance.id], day(14));
  await demo.session(T2, maintenance.planId, day(16), { kind: 'integration', format: 'individual', attendees: [maintenance.id] });
  await demo.decide(T2, maintenance.id, 'another_medicine', day(16, 16));
  await demo.session(MD, maintenance.planId, day(22), { kind: 'medicine', format: 'individual', route: 'im', attendees: [maintenance.id] });
  await demo.session(T2, maintenance.planId, day(24), { kind: 'integration', format: 'individual', attendees: [maintenance.id] });
  await demo.decide(T2, maintenance.id, 'maintenance', day(24, 16));

  const completed = await individual(PEOPLE.completed, T1);
  await prepare(T1, completed.planId, [completed.id], 3);
  await firstMedicine(T1, completed.planId, [completed.id], day(14));
  await demo.session(T1, completed.planId, day(15), { kind: 'integration', format: 'individual', attendees: [completed.id] });
  await demo.decide(T1, completed.id, 'complete', day(15, 16));

  const a = await demo.patient(PEOPLE.coupleA, T1, day(0));
  const b = await demo.patient(PEOPLE.coupleB, T1, day(0));
  await demo.evaluate(a.id, T1, day(1));
  await demo.evaluate(b.id, T1, day(1), { consent: false });
  const couple = await demo.plan(T1, day(2), { modality: 'couples', focus: 'general', title: 'The Okonkwos', patientIds: [a.id, b.id] });
  await prepare(T1, couple, [a.id, b.id], 2, 'joint');

  const members: string[] = [];
  for (const person of GROUP) {
    const p = await demo.patient(person, T2, day(0));
    await demo.evaluate(p.id, T2, day(1));
    members.push(p.id);
  }
  const group = await demo.plan(T2, day(2), { modality: 'group', focus: 'grief', title: 'Thursday grief circle', patientIds: members, capacity: 8 });
  await prepare(T2, group, members, 3, 'group');
  await firstMedicine(T2, group, members.slice(0, 5), new Date(now.getTime() - 3 * DAY), 'group');
}
