import { z } from 'zod';
import { calendarDate } from '../intake/dates.js';
import { findIcd10, icd10Code } from '../intake/icd10/search.js';
import { reportableCondition } from '../intake/contraindications/chart.js';
import { DRUG_CLASSES } from '../intake/contraindications/rule-ids.js';
import { text, uuid } from './common.js';

/**
 * The clinical sections of a chart (issue #3): diagnoses, medications, allergies, height and weight,
 * and reported conditions such as pregnancy. Every entry is versioned: nothing is edited in place; a
 * change (a medication stopped, a diagnosis resolved, a weight corrected) is a new version that
 * replaces the old one and carries its reason (architecture.md, "Nothing clinical is ever edited in place").
 */

/** Why a version replaced the one before; every change after the first entry gives one. */
export const changeReason = text(500).min(3, 'Give the reason for the change (at least 3 characters)');

/** A diagnosis code that is in Lantern's bundled ICD-10-CM list (clinical.md §5.5); others are refused. */
export const bundledIcd10Code = icd10Code.refine((code) => findIcd10(code) !== undefined, {
  message: 'This code is not in the bundled ICD-10-CM list; search the list for the code to use',
});

/** The same, for stored content that is sent back (already normalized, so no transform). */
export const storedIcd10Code = z
  .string()
  .max(12)
  .refine((code) => findIcd10(code) !== undefined, { message: 'This code is not in the bundled ICD-10-CM list' });

/** Who recorded a version, and why it replaced the previous one. */
const versionFields = {
  id: uuid,
  /** The version this one replaced; null for the first. */
  replacesId: uuid.nullable(),
  reason: z.string().nullable(),
  recordedAt: z.iso.datetime(),
  recordedBy: z.object({ userId: uuid, displayName: z.string() }),
};

export const entryIdParams = z.strictObject({ id: uuid });

// Diagnoses (FHIR Condition, category problem-list-item; clinical.md §8.2).
export const diagnosisStatus = z.enum(['active', 'resolved', 'entered_in_error']);
export type DiagnosisStatus = z.infer<typeof diagnosisStatus>;

export const addDiagnosisRequest = z.strictObject({
  code: bundledIcd10Code,
  onsetDate: calendarDate.nullable().default(null),
  note: text(1000).nullable().default(null),
});
export type AddDiagnosisRequest = z.infer<typeof addDiagnosisRequest>;

export const reviseDiagnosisRequest = z.strictObject({
  status: diagnosisStatus,
  note: text(1000).nullable().default(null),
  reason: changeReason,
});
export type ReviseDiagnosisRequest = z.infer<typeof reviseDiagnosisRequest>;

export const diagnosisView = z.object({
  ...versionFields,
  code: z.string(),
  label: z.string(),
  status: diagnosisStatus,
  onsetDate: z.string().nullable(),
  note: z.string().nullable(),
});
export type DiagnosisView = z.infer<typeof diagnosisView>;

export const icd10SearchQuery = z.strictObject({ q: text(100).min(1, 'Type a code or words to search') });
export const icd10Entry = z.object({ code: z.string(), label: z.string(), group: z.string(), target: z.boolean(), verified: z.boolean() });
export type Icd10EntryView = z.infer<typeof icd10Entry>;

// Medications (FHIR MedicationStatement). Stopped, never deleted.
export const drugClass = z.enum(DRUG_CLASSES);
export const medicationStatus = z.enum(['active', 'stopped', 'entered_in_error']);
export type MedicationStatus = z.infer<typeof medicationStatus>;

const medicationFields = {
  /** The generic name where known ('clonazepam'); brand names are recognized for benzodiazepines. */
  name: text(200).min(1, 'Enter the medication name'),
  drugClass,
  /** Total mg per day; null when unknown (a benzodiazepine without a dose is flagged for review). */
  dailyDoseMg: z.number().positive('The daily dose must be above 0 mg').max(100_000).nullable(),
  startedOn: calendarDate.nullable(),
};

export const addMedicationRequest = z.strictObject({ ...medicationFields, note: text(1000).nullable().default(null) });
export type AddMedicationRequest = z.infer<typeof addMedicationRequest>;

export const correctMedicationRequest = z.strictObject({ ...medicationFields, note: text(1000).nullable().default(null), reason: changeReason });
export type CorrectMedicationRequest = z.infer<typeof correctMedicationRequest>;

export const stopMedicationRequest = z.strictObject({
  stoppedOn: calendarDate,
  /** True when the entry was a mistake rather than a medication the person stopped taking. */
  enteredInError: z.boolean().default(false),
  reason: changeReason,
});
export type StopMedicationRequest = z.infer<typeof stopMedicationRequest>;

/** An interaction flag on a medication (clinical.md §2.3; FHIR DetectedIssue). */
export const interactionFlag = z.object({
  ruleId: z.string(),
  level: z.enum(['absolute', 'relative', 'clear']),
  severity: z.enum(['high', 'moderate', 'low']).nullable(),
  reason: z.string(),
});
export type InteractionFlag = z.infer<typeof interactionFlag>;

export const medicationView = z.object({
  ...versionFields,
  name: z.string(),
  drugClass,
  dailyDoseMg: z.number().nullable(),
  startedOn: z.string().nullable(),
  stoppedOn: z.string().nullable(),
  status: medicationStatus,
  note: z.string().nullable(),
  /** The interaction rules this medication triggers, computed by the core rules over the active list. */
  flags: z.array(interactionFlag),
});
export type MedicationView = z.infer<typeof medicationView>;

export const medicationList = z.object({
  medications: z.array(medicationView),
  /** Benzodiazepines summed as diazepam-equivalents (clinical.md §2.3), when any are active. */
  benzodiazepineDiazepamEquivalentMgPerDay: z.number().nullable(),
});
export type MedicationList = z.infer<typeof medicationList>;

// Allergies (FHIR AllergyIntolerance).
export const allergyStatus = z.enum(['active', 'resolved', 'entered_in_error']);
export const allergySeverity = z.enum(['mild', 'moderate', 'severe', 'unknown']);

export const addAllergyRequest = z.strictObject({
  substance: text(200).min(1, 'Enter the substance'),
  reaction: text(500).nullable().default(null),
  severity: allergySeverity.default('unknown'),
});
export type AddAllergyRequest = z.infer<typeof addAllergyRequest>;

export const reviseAllergyRequest = z.strictObject({ status: allergyStatus, reason: changeReason });
export type ReviseAllergyRequest = z.infer<typeof reviseAllergyRequest>;

export const allergyView = z.object({
  ...versionFields,
  substance: z.string(),
  reaction: z.string().nullable(),
  severity: allergySeverity,
  status: allergyStatus,
});
export type AllergyView = z.infer<typeof allergyView>;

// Height and weight (LOINC 8302-2, 29463-7; BMI 39156-5 derived). Weight drives mg/kg (clinical.md §2.4 item 10).
const heightCm = z.number().min(50, 'Height must be at least 50 cm').max(250, 'Height must be at most 250 cm');
const weightKg = z.number().min(20, 'Weight must be at least 20 kg').max(350, 'Weight must be at most 350 kg');

export const addMeasurementRequest = z
  .strictObject({ measuredOn: calendarDate, heightCm: heightCm.nullable(), weightKg: weightKg.nullable(), note: text(500).nullable().default(null) })
  .refine((value) => value.heightCm !== null || value.weightKg !== null, { message: 'Enter a height, a weight or both', path: ['weightKg'] });
export type AddMeasurementRequest = z.infer<typeof addMeasurementRequest>;

export const amendMeasurementRequest = z
  .strictObject({ heightCm: heightCm.nullable(), weightKg: weightKg.nullable(), reason: changeReason })
  .refine((value) => value.heightCm !== null || value.weightKg !== null, { message: 'Enter a height, a weight or both', path: ['weightKg'] });
export type AmendMeasurementRequest = z.infer<typeof amendMeasurementRequest>;

export const measurementView = z.object({
  ...versionFields,
  measuredOn: z.string(),
  heightCm: z.number().nullable(),
  weightKg: z.number().nullable(),
  /** Derived: weight over the height measured that day or most recently before it. */
  bmi: z.number().nullable(),
  source: z.enum(['clinic', 'physician_exam']),
  noteId: uuid.nullable(),
  note: z.string().nullable(),
});
export type MeasurementView = z.infer<typeof measurementView>;

// Reported conditions (pregnancy, a new cardiac history…): findings the contraindication rules read.
export const findingStatus = z.enum(['active', 'resolved', 'entered_in_error']);

export const addFindingRequest = z.strictObject({ condition: reportableCondition, note: text(500).nullable().default(null) });
export type AddFindingRequest = z.infer<typeof addFindingRequest>;

export const reviseFindingRequest = z.strictObject({ status: findingStatus, reason: changeReason });
export type ReviseFindingRequest = z.infer<typeof reviseFindingRequest>;

export const findingView = z.object({
  ...versionFields,
  condition: reportableCondition,
  note: z.string().nullable(),
  status: findingStatus,
});
export type FindingView = z.infer<typeof findingView>;
