import { z } from 'zod';
import { calendarDate } from '../intake/dates.js';
import { cssrsAnswers } from '../intake/questionnaires/cssrs.js';
import { gad7Answers } from '../intake/questionnaires/gad7.js';
import { phq9Answers } from '../intake/questionnaires/phq9.js';
import { text } from './common.js';
import { SELF_REPORT_CONDITION_IDS, SELF_REPORT_MEDICATION_IDS } from './inquiry-self-report.js';

/**
 * A public inquiry: who is asking, how to reach them, what brings them, and an optional pre-screen
 * (issue #3). The same schema serves the JSON API and the no-JavaScript form, which the server
 * flattens into this shape first, so both refuse exactly the same input.
 */

export const MODALITIES = ['individual', 'couples_family', 'group', 'grief', 'religious_trauma', 'not_sure'] as const;
export const modality = z.enum(MODALITIES, { error: 'Choose the kind of care you are interested in' });
export type Modality = z.infer<typeof modality>;
export const MODALITY_LABELS: Record<Modality, string> = {
  individual: 'Individual therapy',
  couples_family: 'Couples, family or relationship',
  group: 'Group',
  grief: 'Grief, illness and fear of death',
  religious_trauma: 'Religious trauma',
  not_sure: 'Not sure yet',
};

export const CONTACT_METHODS = ['email', 'phone', 'text'] as const;
export const contactMethod = z.enum(CONTACT_METHODS, { error: 'Choose how we should contact you' });
export type ContactMethod = z.infer<typeof contactMethod>;
export const CONTACT_METHOD_LABELS: Record<ContactMethod, string> = { email: 'E-mail', phone: 'Phone call', text: 'Text message' };

export const HEARD_FROM = ['search', 'friend_family', 'clinician_referral', 'therapist_referral', 'social_media', 'event', 'other'] as const;
export const heardFrom = z.enum(HEARD_FROM, { error: 'Choose one of the options' });
export type HeardFrom = z.infer<typeof heardFrom>;
export const HEARD_FROM_LABELS: Record<HeardFrom, string> = {
  search: 'A web search',
  friend_family: 'A friend or family member',
  clinician_referral: 'My doctor or prescriber',
  therapist_referral: 'My therapist',
  social_media: 'Social media',
  event: 'A talk or event',
  other: 'Somewhere else',
};

/** Digits, spaces and the usual phone punctuation, with at least 7 digits. */
const phone = text(40).refine((value) => /^[+()\d\s.-]+$/.test(value) && value.replace(/\D/g, '').length >= 7, {
  message: 'Enter a phone number with at least 7 digits',
});

/** The optional pre-screen. A questionnaire is sent whole or not at all; a partial one is refused. */
export const inquiryPrescreen = z.strictObject({
  phq9: phq9Answers.optional(),
  gad7: gad7Answers.optional(),
  cssrs: cssrsAnswers.optional(),
  conditions: z.array(z.enum(SELF_REPORT_CONDITION_IDS)).max(SELF_REPORT_CONDITION_IDS.length).default([]),
  medicationClasses: z.array(z.enum(SELF_REPORT_MEDICATION_IDS)).max(SELF_REPORT_MEDICATION_IDS.length).default([]),
  currentMedications: text(2000).optional(),
  pregnant: z.boolean().optional(),
  breastfeeding: z.boolean().optional(),
});
export type InquiryPrescreen = z.infer<typeof inquiryPrescreen>;

export const inquirySubmission = z
  .strictObject({
    givenName: text(100).min(1, 'Enter your first name'),
    familyName: text(100).min(1, 'Enter your last name'),
    preferredName: text(100).optional(),
    email: z.email({ error: 'Enter an e-mail address like name@example.com' }).max(254).optional(),
    phone: phone.optional(),
    preferredContact: contactMethod,
    reason: text(4000).min(1, 'Tell us a little about what brings you here'),
    modality,
    heardFrom: heardFrom.optional(),
    heardFromDetail: text(200).optional(),
    dateOfBirth: calendarDate.optional(),
    ageYears: z.number({ error: 'Enter your age in years' }).int('Enter your age in whole years').min(0).max(120).optional(),
    prescreen: inquiryPrescreen.optional(),
    /** A client-chosen key: sending the same inquiry again with it returns the first answer. */
    idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,100}$/, 'Use 16–100 letters, digits, - or _').optional(),
    /** Honeypot: people never see this field; software that fills it in is thanked and ignored. */
    website: z.string().max(500).optional(),
  })
  .superRefine((value, ctx) => {
    if (!value.email && !value.phone) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'Give us an e-mail address or a phone number' });
    }
    if (value.preferredContact === 'email' && !value.email) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'Enter the e-mail address we should use' });
    }
    if (value.preferredContact !== 'email' && !value.phone) {
      ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Enter the phone number we should call or text' });
    }
  });
export type InquirySubmission = z.infer<typeof inquirySubmission>;
export type InquirySubmissionInput = z.input<typeof inquirySubmission>;

export const crisisResourceView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  contacts: z.array(z.object({ kind: z.enum(['call', 'text', 'chat']), label: z.string(), href: z.string() })),
});

/** What the visitor gets back: a reference to keep and, when the screen is urgent, crisis resources now. */
export const inquiryReceipt = z.object({
  reference: z.string(),
  urgent: z.boolean(),
  crisisMessage: z.string().nullable(),
  crisisResources: z.array(crisisResourceView),
  /** True when this answers a repeat of an inquiry already received (same key, or the same answers minutes apart). */
  replayed: z.boolean(),
});
export type InquiryReceipt = z.infer<typeof inquiryReceipt>;
