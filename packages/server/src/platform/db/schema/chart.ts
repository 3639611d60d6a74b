import { date, foreignKey, index, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinic } from './clinic.js';
import { appUser } from './identity.js';
import { clinicalNote } from './notes.js';
import { patient } from './patients.js';

/**
 * The clinical sections of a chart (issue #3). Every table is append-only and versioned: a change is a
 * new row whose `replaces_id` names the row it replaces, with the reason; the current entries are the
 * rows nothing replaces. The unique index on `replaces_id` means two people correcting the same version
 * at once cannot both succeed. Triggers in the chart-records migration refuse UPDATE and DELETE outright.
 */
function versionColumns() {
  return {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinic.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patient.id),
    replacesId: uuid('replaces_id'),
    /** Why this version replaced the previous one; null on a first entry. */
    reason: text('reason'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => appUser.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  };
}

/** Diagnoses, ICD-10-CM from the bundled list (FHIR Condition). status: active | resolved | entered_in_error. */
export const diagnosis = pgTable(
  'diagnosis',
  {
    ...versionColumns(),
    code: text('code').notNull(),
    status: text('status').notNull(),
    onsetDate: date('onset_date'),
    note: text('note'),
  },
  (t) => [
    foreignKey({ name: 'diagnosis_replaces_fk', columns: [t.replacesId], foreignColumns: [t.id] }),
    uniqueIndex('diagnosis_replaces_uq').on(t.replacesId),
    index('diagnosis_patient_idx').on(t.patientId, t.recordedAt),
  ],
);

/**
 * Medications (FHIR MedicationStatement); stopped, never deleted. `drug_class` feeds the ketamine
 * interaction rules (clinical.md §2.3); the dose is in mg per day, exactly (numeric).
 * status: active | stopped | entered_in_error.
 */
export const medication = pgTable(
  'medication',
  {
    ...versionColumns(),
    name: text('name').notNull(),
    drugClass: text('drug_class').notNull(),
    dailyDoseMg: numeric('daily_dose_mg', { precision: 12, scale: 3, mode: 'number' }),
    startedOn: date('started_on'),
    stoppedOn: date('stopped_on'),
    status: text('status').notNull(),
    note: text('note'),
  },
  (t) => [
    foreignKey({ name: 'medication_replaces_fk', columns: [t.replacesId], foreignColumns: [t.id] }),
    uniqueIndex('medication_replaces_uq').on(t.replacesId),
    index('medication_patient_idx').on(t.patientId, t.recordedAt),
  ],
);

/** Allergies and intolerances (FHIR AllergyIntolerance). status: active | resolved | entered_in_error. */
export const allergy = pgTable(
  'allergy',
  {
    ...versionColumns(),
    substance: text('substance').notNull(),
    reaction: text('reaction'),
    severity: text('severity').notNull(),
    status: text('status').notNull(),
  },
  (t) => [
    foreignKey({ name: 'allergy_replaces_fk', columns: [t.replacesId], foreignColumns: [t.id] }),
    uniqueIndex('allergy_replaces_uq').on(t.replacesId),
    index('allergy_patient_idx').on(t.patientId, t.recordedAt),
  ],
);

/**
 * Height and weight (LOINC 8302-2, 29463-7); BMI is derived, never stored. A measurement taken in a
 * signed physician exam names the note. source: clinic | physician_exam.
 */
export const bodyMeasurement = pgTable(
  'body_measurement',
  {
    ...versionColumns(),
    measuredOn: date('measured_on').notNull(),
    heightCm: numeric('height_cm', { precision: 5, scale: 1, mode: 'number' }),
    weightKg: numeric('weight_kg', { precision: 5, scale: 1, mode: 'number' }),
    source: text('source').notNull(),
    noteId: uuid('note_id').references(() => clinicalNote.id),
    note: text('note'),
  },
  (t) => [
    foreignKey({ name: 'body_measurement_replaces_fk', columns: [t.replacesId], foreignColumns: [t.id] }),
    uniqueIndex('body_measurement_replaces_uq').on(t.replacesId),
    index('body_measurement_patient_idx').on(t.patientId, t.measuredOn),
  ],
);

/**
 * Conditions reported on the chart outside the evaluation notes (a pregnancy, a condition in an
 * outside record), named by the contraindication rule they feed. status: active | resolved | entered_in_error.
 */
export const chartFinding = pgTable(
  'chart_finding',
  {
    ...versionColumns(),
    condition: text('condition').notNull(),
    note: text('note'),
    status: text('status').notNull(),
  },
  (t) => [
    foreignKey({ name: 'chart_finding_replaces_fk', columns: [t.replacesId], foreignColumns: [t.id] }),
    uniqueIndex('chart_finding_replaces_uq').on(t.replacesId),
    index('chart_finding_patient_idx').on(t.patientId, t.recordedAt),
  ],
);
