import { z } from 'zod';
import { calendarDate } from '../intake/dates.js';
import { text, uuid } from './common.js';
import { careTeamRole, patientHeader } from './patients.js';

/**
 * The chart profile (issue #3): who the person is, how to reach them and the people around them,
 * their pharmacy and insurance. Demographic, not clinical: front desk and billing may read and edit
 * it; it changes in place (with an optimistic `version` and an audit entry naming the fields changed).
 */

/** An optional free-text field; the server stores a blank one as null ("not recorded"). */
function optionalText(max: number): z.ZodNullable<z.ZodString> {
  return text(max).nullable();
}

export const postalAddress = z.strictObject({
  line1: text(200).min(1, 'Enter the street address'),
  line2: optionalText(200),
  city: text(100).min(1, 'Enter the city'),
  state: text(50).min(1, 'Enter the state'),
  postalCode: text(20).min(1, 'Enter the postal code'),
});
export type PostalAddress = z.infer<typeof postalAddress>;

/** Someone to call: an emergency contact, or an escort who drives the person home after dosing (clinical.md §1.8). */
export const personalContact = z.strictObject({
  name: text(120).min(1, 'Enter the name'),
  relationship: optionalText(60),
  phone: text(40).min(1, 'Enter a phone number'),
});
export type PersonalContact = z.infer<typeof personalContact>;

export const pharmacy = z.strictObject({
  name: text(120).min(1, 'Enter the pharmacy name'),
  phone: optionalText(40),
  address: optionalText(300),
});
export type Pharmacy = z.infer<typeof pharmacy>;

export const insurance = z.strictObject({
  payer: text(120).min(1, 'Enter the payer'),
  memberId: text(60).min(1, 'Enter the member id'),
  groupNumber: optionalText(60),
});
export type Insurance = z.infer<typeof insurance>;

/** The editable profile; a PUT replaces it whole. */
export const patientProfileFields = z.strictObject({
  legalGivenName: text(100).min(1, 'Enter the given name'),
  legalFamilyName: text(100).min(1, 'Enter the family name'),
  preferredName: optionalText(100),
  pronouns: optionalText(40),
  dateOfBirth: calendarDate,
  email: z.email().max(254).nullable(),
  phone: optionalText(40),
  address: postalAddress.nullable(),
  emergencyContact: personalContact.nullable(),
  escorts: z.array(personalContact).max(5, 'List at most 5 escorts'),
  pharmacy: pharmacy.nullable(),
  insurance: insurance.nullable(),
});
export type PatientProfileFields = z.infer<typeof patientProfileFields>;

export const updateProfileRequest = patientProfileFields.extend({
  /** The version the editor loaded; a stale one is refused with 409, so two edits never silently overwrite. */
  version: z.number().int().min(1),
});
export type UpdateProfileRequest = z.infer<typeof updateProfileRequest>;

export const patientProfile = patientProfileFields.extend({
  id: uuid,
  mrn: z.string(),
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type PatientProfile = z.infer<typeof patientProfile>;

export const updateCareTeamRequest = z.strictObject({
  members: z
    .array(z.strictObject({ userId: uuid, role: careTeamRole }))
    .max(10)
    .refine((members) => new Set(members.map((m) => `${m.userId}:${m.role}`)).size === members.length, 'List each person in each role once'),
});
export type UpdateCareTeamRequest = z.infer<typeof updateCareTeamRequest>;

export const careTeam = patientHeader.shape.careTeam;
export type CareTeam = z.infer<typeof careTeam>;

/** A clinician who can be put on a care team, with the care roles they hold. */
export const careTeamCandidate = z.object({ userId: uuid, displayName: z.string(), roles: z.array(careTeamRole) });
export type CareTeamCandidate = z.infer<typeof careTeamCandidate>;
