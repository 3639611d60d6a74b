import type { z } from 'zod';
import { inquirySubmission, type InquirySubmission, type InquirySubmissionInput } from '@lantern/core';

/**
 * The no-JavaScript inquiry form speaks in flat fields (`phq9_3=2`, `cssrs_intentToAct=yes`,
 * repeated `condition=...`); this turns them into the JSON API's shape, so one schema judges both,
 * and turns the schema's error paths back into form field names.
 */
export type FormFields = Readonly<Record<string, string | readonly string[] | undefined>>;

export const PHQ9_ITEMS = 9;
export const GAD7_ITEMS = 7;
export const CSSRS_KEYS = ['wishToBeDead', 'activeSuicidalThoughts', 'thoughtsOfMethod', 'intentToAct', 'planWithIntent', 'suicidalBehavior', 'behaviorWithinPastThreeMonths'] as const;

/** The one value of a field (the first, if sent twice), trimmed; undefined when blank. */
export function one(fields: FormFields, name: string): string | undefined {
  const raw = fields[name];
  const value = typeof raw === 'string' ? raw : raw?.[0];
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Every value of a repeated field (checkboxes). */
export function many(fields: FormFields, name: string): string[] {
  const raw = fields[name];
  if (raw === undefined) return [];
  return (typeof raw === 'string' ? [raw] : [...raw]).map((value) => value.trim()).filter(Boolean);
}

/** 'yes' → true, 'no' → false, blank → undefined; anything else is passed on for the schema to refuse. */
function yesNo(value: string | undefined): boolean | string | undefined {
  if (value === undefined) return undefined;
  if (value === 'yes') return true;
  if (value === 'no') return false;
  return value;
}

/** An answer 0–3 as a number; blank stays undefined (never zero), other text is passed on to be refused. */
function frequency(value: string | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  return /^[0-3]$/.test(value) ? Number(value) : value;
}

/** A questionnaire left wholly blank was not taken; one partly answered is sent on, holes and all, to be refused. */
function questionnaire(fields: FormFields, prefix: string, count: number): (number | string | undefined)[] | undefined {
  const answers = Array.from({ length: count }, (_, index) => frequency(one(fields, `${prefix}_${index + 1}`)));
  return answers.every((answer) => answer === undefined) ? undefined : answers;
}

function cssrs(fields: FormFields): Record<string, unknown> | undefined {
  const entries = CSSRS_KEYS.map((key) => [key, yesNo(one(fields, `cssrs_${key}`))] as const).filter(([, value]) => value !== undefined);
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

function defined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}

/** The pre-screen part, or undefined when nothing in it was answered. */
function prescreen(fields: FormFields): Record<string, unknown> | undefined {
  const value = defined({
    phq9: questionnaire(fields, 'phq9', PHQ9_ITEMS),
    gad7: questionnaire(fields, 'gad7', GAD7_ITEMS),
    cssrs: cssrs(fields),
    conditions: many(fields, 'condition'),
    medicationClasses: many(fields, 'medicationClass'),
    currentMedications: one(fields, 'currentMedications'),
    pregnant: yesNo(one(fields, 'pregnant')),
    breastfeeding: yesNo(one(fields, 'breastfeeding')),
  });
  const empty = (Object.keys(value) as (keyof typeof value)[]).every((key) => Array.isArray(value[key]) && (value[key] as unknown[]).length === 0);
  return empty ? undefined : value;
}

/** The form's fields in the JSON API's shape (unvalidated). The form token's nonce becomes the idempotency key. */
export function submissionFromForm(fields: FormFields, idempotencyKey: string | undefined): Record<string, unknown> {
  const age = one(fields, 'ageYears');
  return defined({
    givenName: one(fields, 'givenName') ?? '',
    familyName: one(fields, 'familyName') ?? '',
    preferredName: one(fields, 'preferredName'),
    email: one(fields, 'email'),
    phone: one(fields, 'phone'),
    preferredContact: one(fields, 'preferredContact') ?? '',
    reason: one(fields, 'reason') ?? '',
    modality: one(fields, 'modality') ?? '',
    heardFrom: one(fields, 'heardFrom'),
    heardFromDetail: one(fields, 'heardFromDetail'),
    dateOfBirth: one(fields, 'dateOfBirth'),
    ageYears: age === undefined ? undefined : /^\d{1,3}$/.test(age) ? Number(age) : age,
    prescreen: prescreen(fields),
    idempotencyKey,
    website: one(fields, 'website'),
  } satisfies Record<keyof InquirySubmissionInput, unknown>);
}

/** The form field a schema error path points at: `['prescreen','phq9',4]` → `phq9_5`. */
export function fieldOf(path: readonly PropertyKey[]): string {
  const parts = path[0] === 'prescreen' ? path.slice(1) : path;
  const [head, next] = parts;
  if ((head === 'phq9' || head === 'gad7') && typeof next === 'number') return `${head}_${next + 1}`;
  if (head === 'cssrs' && typeof next === 'string') return `cssrs_${next}`;
  if (head === 'conditions') return 'condition';
  if (head === 'medicationClasses') return 'medicationClass';
  return typeof head === 'string' ? head : 'form';
}

/** Field name → the first message about it, in the order the schema found them. */
export type FieldErrors = ReadonlyMap<string, string>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors = new Map<string, string>();
  for (const issue of error.issues) {
    const field = fieldOf(issue.path);
    if (!errors.has(field)) errors.set(field, issue.message);
  }
  return errors;
}

export type ParsedForm = { readonly ok: true; readonly submission: InquirySubmission } | { readonly ok: false; readonly errors: FieldErrors; readonly input: Record<string, unknown> };

/** Validates the form with the API's schema. */
export function parseInquiryForm(fields: FormFields, idempotencyKey: string | undefined): ParsedForm {
  const input = submissionFromForm(fields, idempotencyKey);
  const parsed = inquirySubmission.safeParse(input);
  return parsed.success ? { ok: true, submission: parsed.data } : { ok: false, errors: fieldErrors(parsed.error), input };
}
