import type { Gad7Answers, InquirySubmissionInput, Phq9Answers } from '@lantern/core';

/** PHQ-9 with every item answered; item 9 last. */
export const PHQ9_CALM: Phq9Answers = [1, 1, 0, 1, 0, 0, 1, 0, 0];
export const PHQ9_ITEM9: Phq9Answers = [2, 2, 1, 2, 1, 1, 1, 0, 1];
export const GAD7_MODERATE: Gad7Answers = [2, 2, 1, 2, 1, 1, 2];
export const CSSRS_NONE = { wishToBeDead: false, activeSuicidalThoughts: false, suicidalBehavior: false };
export const CSSRS_HIGH = { wishToBeDead: true, activeSuicidalThoughts: true, thoughtsOfMethod: true, intentToAct: true, planWithIntent: false, suicidalBehavior: false };

/** A valid inquiry for the JSON API, with a pre-screen that is not urgent; override anything. */
export function inquiryJson(overrides: Partial<InquirySubmissionInput> = {}): InquirySubmissionInput {
  return {
    givenName: 'Maren',
    familyName: 'Solberg',
    email: 'maren.solberg@example.test',
    phone: '612-555-0199',
    preferredContact: 'email',
    reason: 'Years of depression; two medicines have not helped much.',
    modality: 'individual',
    heardFrom: 'therapist_referral',
    dateOfBirth: '1988-03-14',
    prescreen: { phq9: PHQ9_CALM, gad7: GAD7_MODERATE, cssrs: CSSRS_NONE, conditions: [], medicationClasses: [] },
    ...overrides,
  };
}

/** The same inquiry as the no-JavaScript form sends it (urlencoded fields). */
export function inquiryForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    givenName: 'Maren',
    familyName: 'Solberg',
    email: 'maren.solberg@example.test',
    phone: '612-555-0199',
    preferredContact: 'email',
    reason: 'Years of depression; two medicines have not helped much.',
    modality: 'individual',
    dateOfBirth: '1988-03-14',
    ...overrides,
  };
}

/** Urlencodes form fields, repeating keys for arrays (checkboxes). */
export function urlencoded(fields: Record<string, string | string[]>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) search.append(key, item);
  return search.toString();
}

/** The form token in a rendered form. */
export function formTokenIn(page: string): string {
  const match = /name="formToken" value="([^"]+)"/.exec(page);
  if (!match?.[1]) throw new Error('no form token on the page');
  return match[1];
}
