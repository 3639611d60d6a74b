import type { AppointmentKind, AppointmentPhase, RoomCapability } from '@lantern/core';

export const KIND_LABELS: Record<AppointmentKind, string> = {
  evaluation: 'Evaluation',
  physician_exam: 'Physician exam',
  preparation: 'Preparation',
  medicine_oral: 'Medicine session (oral)',
  medicine_im: 'Medicine session (IM)',
  integration: 'Integration',
  couples_joint: 'Couples joint session',
  group: 'Group session',
  follow_up: 'Follow-up',
};

export const PHASE_LABELS: Record<AppointmentPhase, string> = {
  evaluation: 'Evaluation',
  preparation: 'Preparation',
  medicine: 'Medicine',
  integration: 'Integration',
  other: 'Other',
};

export const ROOM_CAPABILITY_LABELS: Record<RoomCapability, string> = {
  dosing: 'Dosing room',
  therapy: 'Therapy room',
  group: 'Group room',
};

/** Mantine palette colours an appointment type may take (the calendar paints blocks with them). */
export const TYPE_COLORS = ['blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange', 'red', 'pink', 'grape', 'violet', 'indigo', 'gray'] as const;
