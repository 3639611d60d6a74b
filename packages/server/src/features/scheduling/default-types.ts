import { defaultAppointmentTypes, type AppointmentKind, type AppointmentPhase } from '@lantern/core';
import type { Executor } from '../../platform/db/index.js';
import { appointmentType } from '../../platform/db/schema/index.js';
import { newId } from '../../platform/ids.js';

/** What the engine's defaults leave to the clinic's set-up: phase, seats, colour and billing codes. */
const EXTRAS: Record<AppointmentKind, { phase: AppointmentPhase; capacity: number; color: string; billingCodes: string[] }> = {
  // CPT codes as billing will first propose them (psychiatric evaluation, psychotherapy, E/M,
  // injection, family and group psychotherapy); the clinic's biller confirms them per payer.
  evaluation: { phase: 'evaluation', capacity: 1, color: 'grape', billingCodes: ['90791'] },
  physician_exam: { phase: 'evaluation', capacity: 1, color: 'violet', billingCodes: ['99204'] },
  preparation: { phase: 'preparation', capacity: 1, color: 'blue', billingCodes: ['90837'] },
  medicine_oral: { phase: 'medicine', capacity: 1, color: 'orange', billingCodes: ['90837'] },
  medicine_im: { phase: 'medicine', capacity: 1, color: 'red', billingCodes: ['96372', '90837'] },
  integration: { phase: 'integration', capacity: 1, color: 'teal', billingCodes: ['90837'] },
  couples_joint: { phase: 'other', capacity: 2, color: 'pink', billingCodes: ['90847'] },
  group: { phase: 'other', capacity: 8, color: 'cyan', billingCodes: ['90853'] },
  follow_up: { phase: 'other', capacity: 1, color: 'gray', billingCodes: ['99213'] },
};

/** Gives a new clinic the standard appointment types (issue #5); the clinic edits them after. */
export async function seedAppointmentTypes(tx: Executor, clinicId: string, now: Date): Promise<Map<AppointmentKind, string>> {
  const ids = new Map<AppointmentKind, string>();
  const rows = Object.values(defaultAppointmentTypes()).map((type) => {
    const id = newId();
    ids.set(type.kind, id);
    const extra = EXTRAS[type.kind];
    return {
      id,
      clinicId,
      kind: type.kind,
      name: type.name,
      phase: extra.phase,
      durationMinutes: type.durationMinutes,
      staff: type.staff.map((s) => ({ anyOf: s.anyOf, fromCareTeam: s.fromCareTeam ?? false })),
      roomCapability: type.roomCapability,
      bufferBeforeMinutes: type.bufferBeforeMinutes ?? 0,
      bufferAfterMinutes: type.bufferAfterMinutes ?? 0,
      telehealthAllowed: type.telehealthAllowed ?? false,
      capacity: extra.capacity,
      billingCodes: extra.billingCodes,
      color: extra.color,
      reminderTemplate: null,
      active: true,
      version: 1,
      updatedAt: now,
    };
  });
  await tx.insert(appointmentType).values(rows);
  return ids;
}
