import { defaultEligibilityPolicy, inquirySubmission, type InquirySubmissionInput } from '@lantern/core';
import type { Executor } from '../../platform/db/index.js';
import { clinicToday } from '../../platform/public-clinic.js';
import { assessSubmission } from './assess-submission.js';
import { newInquiryReference } from './reference-code.js';
import { insertInquiry } from './submission-repo.js';

/**
 * Fictional inquiries so the demo clinic's intake queue is not empty: some ready for evaluation,
 * some likely ineligible (a minor, a pregnancy, uncontrolled blood pressure), a couple, a religious
 * trauma referral, one already contacted, one with its evaluation booked, one closed. None is urgent (urgent alerts come from a
 * real submission, as the browser test shows). Any likeness to real people is coincidence.
 */
const DEMO_INQUIRIES: readonly { readonly hoursAgo: number; readonly status: string; readonly submission: InquirySubmissionInput }[] = [
  {
    hoursAgo: 3,
    status: 'new',
    submission: {
      givenName: 'Solveig',
      familyName: 'Haugen',
      email: 'solveig.haugen@example.test',
      phone: '612-555-0131',
      preferredContact: 'email',
      reason: 'Depression on and off since college. Two antidepressants helped a little. My therapist suggested I ask about KAP.',
      modality: 'individual',
      heardFrom: 'therapist_referral',
      dateOfBirth: '1984-09-22',
      prescreen: { phq9: [2, 2, 2, 1, 1, 2, 1, 0, 0], gad7: [1, 1, 2, 1, 0, 1, 1], cssrs: { wishToBeDead: false, activeSuicidalThoughts: false, suicidalBehavior: false }, medicationClasses: ['antidepressant'] },
    },
  },
  {
    hoursAgo: 20,
    status: 'new',
    submission: {
      givenName: 'Darnell',
      familyName: 'Okoro',
      phone: '651-555-0178',
      preferredContact: 'text',
      reason: 'PTSD after military service. Panic attacks most weeks.',
      modality: 'group',
      heardFrom: 'event',
      ageYears: 41,
      prescreen: { gad7: [3, 2, 2, 3, 1, 2, 2], conditions: ['uncontrolled_hypertension'], medicationClasses: ['benzodiazepine'], currentMedications: 'Clonazepam 1 mg twice a day' },
    },
  },
  {
    hoursAgo: 48,
    status: 'contacted',
    submission: {
      givenName: 'Lucia',
      familyName: 'Ferrante',
      email: 'lucia.ferrante@example.test',
      phone: '763-555-0144',
      preferredContact: 'phone',
      reason: 'Grieving my mother, and scared of my own diagnosis. I would like to talk about the grief program.',
      modality: 'grief',
      heardFrom: 'friend_family',
      dateOfBirth: '1962-01-08',
    },
  },
  {
    hoursAgo: 72,
    status: 'new',
    submission: {
      givenName: 'Maya',
      familyName: 'Lindahl',
      email: 'maya.lindahl@example.test',
      preferredContact: 'email',
      reason: 'We are expecting our first child and I have struggled with anxiety. Is this an option now or later?',
      modality: 'couples_family',
      heardFrom: 'search',
      dateOfBirth: '1993-06-30',
      prescreen: { pregnant: true, gad7: [2, 2, 2, 1, 1, 1, 2] },
    },
  },
  {
    hoursAgo: 5,
    status: 'new',
    submission: {
      givenName: 'Ezra',
      familyName: 'Whitlock',
      email: 'ezra.whitlock@example.test',
      preferredContact: 'email',
      reason: 'Left the church I grew up in two years ago. Nightmares, shame, and I cannot sit in a room with my family.',
      modality: 'religious_trauma',
      heardFrom: 'social_media',
      dateOfBirth: '1996-04-17',
      prescreen: { phq9: [2, 1, 3, 2, 1, 2, 1, 1, 0], gad7: [2, 2, 2, 2, 1, 1, 2], cssrs: { wishToBeDead: false, activeSuicidalThoughts: false, suicidalBehavior: false } },
    },
  },
  {
    hoursAgo: 30,
    status: 'new',
    submission: {
      givenName: 'Nora',
      familyName: 'Blackwood',
      phone: '952-555-0119',
      preferredContact: 'phone',
      reason: 'Asking for my daughter, who is 16 and has had depression for two years.',
      modality: 'individual',
      heardFrom: 'search',
      ageYears: 16,
    },
  },
  {
    hoursAgo: 96,
    status: 'evaluation_scheduled',
    submission: {
      givenName: 'Percival',
      familyName: 'Amundsen',
      email: 'percy.amundsen@example.test',
      phone: '612-555-0162',
      preferredContact: 'email',
      reason: 'Treatment-resistant depression, referred by my psychiatrist. Four medications over ten years.',
      modality: 'individual',
      heardFrom: 'clinician_referral',
      dateOfBirth: '1974-12-03',
      prescreen: { phq9: [2, 3, 2, 2, 2, 2, 1, 1, 0], medicationClasses: ['antidepressant', 'psychostimulant'], currentMedications: 'Bupropion 300 mg; methylphenidate 20 mg' },
    },
  },
  {
    hoursAgo: 240,
    status: 'closed',
    submission: {
      givenName: 'Wendell',
      familyName: 'Ashby',
      phone: '651-555-0103',
      preferredContact: 'text',
      reason: 'Curious whether this is covered by my insurance.',
      modality: 'not_sure',
      heardFrom: 'friend_family',
      ageYears: 52,
    },
  },
];

/** Seeds the demo clinic's intake queue. */
export async function seedDemoInquiries(tx: Executor, options: { readonly clinicId: string; readonly now: Date; readonly timeZone: string }): Promise<void> {
  const policy = defaultEligibilityPolicy();
  for (const demo of DEMO_INQUIRIES) {
    const submission = inquirySubmission.parse(demo.submission);
    const at = new Date(options.now.getTime() - demo.hoursAgo * 3_600_000);
    const assessed = assessSubmission({ clinicId: options.clinicId, submission, policy, today: clinicToday(at, options.timeZone) });
    await insertInquiry(tx, {
      clinicId: options.clinicId,
      reference: newInquiryReference(),
      givenName: submission.givenName,
      familyName: submission.familyName,
      preferredName: null,
      email: submission.email ?? null,
      phone: submission.phone ?? null,
      preferredContact: submission.preferredContact,
      reason: submission.reason,
      modality: submission.modality,
      heardFrom: submission.heardFrom ?? null,
      heardFromDetail: null,
      dateOfBirth: submission.dateOfBirth ?? null,
      ageYears: submission.ageYears ?? null,
      prescreen: submission.prescreen ?? null,
      scores: assessed.scores,
      triage: assessed.triage,
      triageReasons: assessed.reasons,
      urgent: assessed.urgent,
      policyVersion: 1,
      status: demo.status,
      contentHash: assessed.contentHash,
      idempotencyKey: null,
      source: 'api',
      createdAt: at,
      updatedAt: at,
    });
  }
}
