import {
  courseCategory,
  PolicyBlocked,
  violations,
  type AppointmentType,
  type SchedulingPolicy,
  type Unmet,
} from '@lantern/core';
import type { Tx } from '../../platform/db/index.js';
import { conflictsWith, type Hold } from './appointments-repo.js';
import { medicineUnmet } from './course-state.js';
import { engineType, type AppointmentTypeRow } from './setup-repo.js';
import { loadSlotQuery } from './slot-context.js';

const MS_PER_MINUTE = 60_000;
const BUSY_CODES = new Set(['staff_busy', 'room_busy', 'patient_busy']);

/** Where and with whom an appointment is to happen. */
export interface Placement {
  readonly start: number;
  readonly staffIds: readonly string[];
  readonly roomId: string | null;
  /** Patients who take a seat (a waitlist holds no time). */
  readonly patientIds: readonly string[];
}

/** A double booking named: what is in the way and the appointment holding it. */
export interface BookingConflict extends Unmet {
  readonly appointmentId: string;
}

/** The engine's type for this placement: a telehealth visit (no room) of a type that allows it needs no room. */
export function typeFor(row: AppointmentTypeRow, roomId: string | null): AppointmentType {
  const type = engineType(row);
  return roomId === null && row.telehealthAllowed ? { ...type, roomCapability: null } : type;
}

export function endOf(row: AppointmentTypeRow, start: number): number {
  return start + row.durationMinutes * MS_PER_MINUTE;
}

/**
 * The time each person and room is held: staff with the type's buffers, the room with at least the
 * policy's turnover after it, the patients for the appointment itself (the same spans the slot
 * finder keeps free, so the database constraint and the engine agree).
 */
export function holdsFor(row: AppointmentTypeRow, policy: SchedulingPolicy, placement: Placement): Hold[] {
  const start = placement.start;
  const end = endOf(row, start);
  const before = row.bufferBeforeMinutes * MS_PER_MINUTE;
  const after = row.bufferAfterMinutes * MS_PER_MINUTE;
  const roomAfter = Math.max(row.bufferAfterMinutes, policy.roomTurnoverMinutes) * MS_PER_MINUTE;
  return [
    ...placement.staffIds.map((id): Hold => ({ kind: 'staff', resourceId: id, start: new Date(start - before), end: new Date(end + after) })),
    ...(placement.roomId ? [{ kind: 'room' as const, resourceId: placement.roomId, start: new Date(start - before), end: new Date(end + roomAfter) }] : []),
    ...placement.patientIds.map((id): Hold => ({ kind: 'patient', resourceId: id, start: new Date(start), end: new Date(end) })),
  ];
}

/** The engine names people and rooms by id ("Staff 0193…", "patient 0193…"); messages name them in words. */
function named(message: string, names: ReadonlyMap<string, string>): string {
  let out = message;
  for (const [id, name] of names) out = out.replace(new RegExp(`(?:(?:Staff|Room|patient) )?${id}`, 'g'), name);
  return out.replace(/^(the patient|patient \d+)/, (start) => start.charAt(0).toUpperCase() + start.slice(1));
}

/** Turns the holds in the way into messages that name the booking holding each. */
export async function conflictMessages(tx: Tx, holds: readonly Hold[], except?: string, names: ReadonlyMap<string, string> = new Map()): Promise<BookingConflict[]> {
  const found = await conflictsWith(tx, holds, except);
  const what = { staff: 'A staff member', room: 'The room', patient: 'The patient' } as const;
  return found.map((c) => ({
    code: 'double_booking',
    message: `${c.kind === 'patient' ? what.patient : (names.get(c.resourceId) ?? what[c.kind])} is already booked then (appointment ${c.appointmentId})`,
    appointmentId: c.appointmentId,
  }));
}

/**
 * Revalidates a placement inside the booking's transaction, as the front desk's screen cannot know
 * what changed since it searched: the medicine gates from the course engine, then every constraint
 * of the slot finder (hours, notice, roles, care team, room capability, buffers, course rules).
 * Throws 409 with every reason; a double booking names the appointment in the way.
 */
export async function assertPlaceable(
  tx: Tx,
  input: { clinicId: string; policy: SchedulingPolicy; type: AppointmentTypeRow; placement: Placement; now: Date; rescheduling?: string },
): Promise<void> {
  const { type, placement } = input;
  const engine = typeFor(type, placement.roomId);
  const category = courseCategory(engine.kind);
  if (category === 'medicine') {
    const route = engine.kind === 'medicine_im' ? 'im' : 'oral';
    const unmet: Unmet[] = [];
    for (const patientId of placement.patientIds) unmet.push(...(await medicineUnmet(tx, input.clinicId, patientId, new Date(placement.start), route)));
    if (unmet.length > 0) throw new PolicyBlocked('The patient may not have a medicine session yet: a course gate is not met', unmet);
  }
  const { query, names } = await loadSlotQuery(tx, {
    clinicId: input.clinicId,
    policy: input.policy,
    type: engine,
    patientIds: placement.patientIds,
    now: input.now,
    range: { around: placement.start },
    ...(input.rescheduling ? { reschedulingBookingId: input.rescheduling } : {}),
  });
  const broken: Unmet[] = violations(
    { start: placement.start, end: endOf(type, placement.start), staff: placement.staffIds.map((staffId) => ({ staffId })), roomId: placement.roomId },
    query,
  );
  if (broken.some((v) => BUSY_CODES.has(v.code))) {
    broken.push(...(await conflictMessages(tx, holdsFor(type, input.policy, placement), input.rescheduling, names)));
  }
  if (broken.length > 0) throw new PolicyBlocked(`This ${type.name.toLowerCase()} cannot be booked then`, broken.map((v) => ({ ...v, message: named(v.message, names) })));
}
