import type { AppointmentKind, AppointmentType } from './schemas.js';

const therapistFromCareTeam = { anyOf: ['therapist' as const], fromCareTeam: true };
const medicalMonitor = { anyOf: ['nurse' as const, 'physician' as const] };

/**
 * The appointment types a new clinic starts with, one per kind; the clinic edits them. Durations
 * follow program.md (a medicine session lasts 2–3 hours; CTP/Wolfson sessions run 2.5 h or more,
 * clinical.md §1.5) and issue #5 (medicine: a care-team therapist, a nurse or physician to monitor,
 * a dosing room, three hours).
 */
export function defaultAppointmentTypes(): Record<AppointmentKind, AppointmentType> {
  return {
    evaluation: {
      id: 'evaluation', kind: 'evaluation', name: 'Therapist evaluation', durationMinutes: 90,
      staff: [therapistFromCareTeam], roomCapability: 'therapy', bufferAfterMinutes: 15,
    },
    physician_exam: {
      id: 'physician_exam', kind: 'physician_exam', name: 'Physician exam', durationMinutes: 60,
      staff: [{ anyOf: ['physician'], fromCareTeam: true }], roomCapability: 'therapy', bufferAfterMinutes: 10,
    },
    preparation: {
      id: 'preparation', kind: 'preparation', name: 'Preparation session', durationMinutes: 60,
      staff: [therapistFromCareTeam], roomCapability: 'therapy', bufferAfterMinutes: 10, telehealthAllowed: true,
    },
    medicine_oral: {
      id: 'medicine_oral', kind: 'medicine_oral', name: 'Medicine session (oral)', durationMinutes: 180,
      staff: [therapistFromCareTeam, medicalMonitor], roomCapability: 'dosing',
      bufferBeforeMinutes: 15, bufferAfterMinutes: 30,
    },
    medicine_im: {
      id: 'medicine_im', kind: 'medicine_im', name: 'Medicine session (IM)', durationMinutes: 180,
      staff: [therapistFromCareTeam, medicalMonitor], roomCapability: 'dosing',
      bufferBeforeMinutes: 15, bufferAfterMinutes: 30,
    },
    integration: {
      id: 'integration', kind: 'integration', name: 'Integration session', durationMinutes: 60,
      staff: [therapistFromCareTeam], roomCapability: 'therapy', bufferAfterMinutes: 10, telehealthAllowed: true,
    },
    couples_joint: {
      id: 'couples_joint', kind: 'couples_joint', name: 'Couples joint session', durationMinutes: 90,
      staff: [therapistFromCareTeam], roomCapability: 'therapy', bufferAfterMinutes: 15,
    },
    group: {
      id: 'group', kind: 'group', name: 'Group session', durationMinutes: 120,
      staff: [{ anyOf: ['therapist'] }], roomCapability: 'group', bufferBeforeMinutes: 15, bufferAfterMinutes: 15,
    },
    follow_up: {
      id: 'follow_up', kind: 'follow_up', name: 'Follow-up', durationMinutes: 50,
      staff: [therapistFromCareTeam], roomCapability: 'therapy', bufferAfterMinutes: 10, telehealthAllowed: true,
    },
  };
}
