import { asc, eq, inArray } from 'drizzle-orm';
import {
  dateOfDay,
  dayNumber,
  defaultPolicy,
  findSlots,
  instantToLocal,
  localTimeToInstant,
  type AppointmentKind,
  type ExistingBooking,
  type MedicineSessionRecord,
  type SlotQuery,
  type StaffRole,
  schedulingPolicyOf,
} from '@lantern/core';
import type { Executor } from '../../platform/db/index.js';
import { appUser, careTeamMember, clinicSchedule, patient, staffAvailability } from '../../platform/db/schema/index.js';
import { newId } from '../../platform/ids.js';
import { insertAppointment, insertHolds } from './appointments-repo.js';
import { seedAppointmentTypes } from './default-types.js';
import { holdsFor } from './placement.js';
import { appointmentTypeRows, bookableRooms, engineType, roomRows, staffCalendars } from './setup-repo.js';

type Week = Partial<Record<'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday', { start: string; end: string }[]>>;
const range = (start: string, end: string): { start: string; end: string }[] => [{ start, end }];

const CLINIC_HOURS: Week = {
  monday: range('08:00', '18:00'), tuesday: range('08:00', '18:00'), wednesday: range('08:00', '18:00'),
  thursday: range('08:00', '19:00'), friday: range('08:00', '17:00'), saturday: range('09:00', '13:00'),
};

/** Weekly templates of the demo staff, by e-mail (demo/seed.ts accounts). */
const TEMPLATES: Record<string, Week> = {
  'therapist@lantern.test': { monday: range('09:00', '17:00'), tuesday: range('09:00', '17:00'), wednesday: range('09:00', '17:00'), thursday: range('09:00', '17:00'), friday: range('09:00', '13:00') },
  'therapist2@lantern.test': { tuesday: range('10:00', '18:00'), wednesday: range('10:00', '18:00'), thursday: range('10:00', '19:00'), friday: range('10:00', '17:00'), saturday: range('09:00', '13:00') },
  'physician@lantern.test': { monday: range('08:00', '16:00'), wednesday: range('08:00', '16:00'), friday: range('08:00', '16:00') },
  'director@lantern.test': { tuesday: range('08:00', '12:00'), thursday: range('08:00', '12:00') },
  'nurse@lantern.test': { monday: range('08:00', '17:00'), tuesday: range('08:00', '17:00'), wednesday: range('08:00', '17:00'), thursday: range('08:00', '17:00'), friday: range('08:00', '17:00') },
};

/** The demo week, booked this week and next: who comes for what, on which weekday (0 = Monday), from what time. */
const WEEK: readonly { patient: string; kind: AppointmentKind; day: number; from: string; with?: string[] }[] = [
  { patient: 'Lindgren', kind: 'preparation', day: 0, from: '09:00' },
  { patient: 'Banks', kind: 'medicine_oral', day: 0, from: '09:00' },
  { patient: 'Quintero', kind: 'evaluation', day: 1, from: '10:00' },
  { patient: 'Ostrowski', kind: 'preparation', day: 1, from: '13:00' },
  { patient: 'Banks', kind: 'integration', day: 1, from: '14:00' },
  { patient: 'Nakamura', kind: 'medicine_im', day: 2, from: '09:00' },
  { patient: 'Quintero', kind: 'physician_exam', day: 2, from: '13:00' },
  { patient: 'Lindgren', kind: 'follow_up', day: 2, from: '15:00' },
  { patient: 'Nakamura', kind: 'integration', day: 3, from: '10:00' },
  { patient: 'Lindgren', kind: 'group', day: 3, from: '16:00', with: ['Banks', 'Ostrowski', 'Nakamura'] },
  { patient: 'Ostrowski', kind: 'medicine_oral', day: 4, from: '09:00' },
  { patient: 'Quintero', kind: 'follow_up', day: 5, from: '09:00' },
  { patient: 'Ostrowski', kind: 'integration', day: 5, from: '11:00' },
];

/**
 * The demo clinic's schedule (issue #5): clinic hours, weekly templates for the clinical staff, the
 * standard appointment types, and two weeks of bookings from this week's Monday placed by the slot
 * finder (so each keeps every rule); those already over are fulfilled. Demo data only.
 */
export async function seedDemoSchedule(tx: Executor, input: { clinicId: string; now: Date; timeZone: string }): Promise<void> {
  const { clinicId, now, timeZone } = input;
  await tx.insert(clinicSchedule).values({ clinicId, weekly: CLINIC_HOURS, overrides: [], holidays: ['2026-12-25', '2027-01-01', '2027-05-31', '2027-07-05'], updatedAt: now });
  const staff = await tx.select({ id: appUser.id, email: appUser.email }).from(appUser).where(eq(appUser.clinicId, clinicId));
  for (const member of staff) {
    const weekly = TEMPLATES[member.email];
    if (weekly) await tx.insert(staffAvailability).values({ userId: member.id, clinicId, weekly, overrides: [], updatedAt: now });
  }
  await seedAppointmentTypes(tx, clinicId, now);
  const types = await appointmentTypeRows(tx, clinicId);
  const patients = await tx.select({ id: patient.id, family: patient.legalFamilyName }).from(patient).where(eq(patient.clinicId, clinicId)).orderBy(asc(patient.mrn));
  const idOf = (family: string): string | undefined => patients.find((p) => p.family === family)?.id;
  const today = dayNumber(instantToLocal(now.getTime(), timeZone).date);
  const monday = today - ((today + 3) % 7); // 1970-01-05 (day 4) was a Monday
  const weekStart = new Date(localTimeToInstant(dateOfDay(monday), '00:00', timeZone));
  const policy = schedulingPolicyOf(defaultPolicy());
  const calendar = { timeZone, hours: { weekly: CLINIC_HOURS }, holidays: [] };
  const rooms = bookableRooms(await roomRows(tx, clinicId));
  const calendars = (await staffCalendars(tx, clinicId, { from: weekStart, to: new Date(weekStart.getTime() + 14 * 86_400_000) })).map(({ displayName: _n, ...c }) => c);
  const bookings: ExistingBooking[] = [];
  const medicine = new Map<string, MedicineSessionRecord[]>();
  for (const plan of [...WEEK, ...WEEK.map((p) => ({ ...p, day: p.day + 7 }))]) {
    const patientIds = [plan.patient, ...(plan.with ?? [])].map(idOf).filter((id): id is string => id !== undefined);
    const type = types.find((t) => t.kind === plan.kind);
    if (!type || patientIds.length === 0) continue;
    const team = await tx.select({ userId: careTeamMember.userId, role: careTeamMember.role }).from(careTeamMember).where(inArray(careTeamMember.patientId, patientIds));
    const date = dateOfDay(monday + plan.day);
    const query: SlotQuery = {
      clinic: calendar,
      policy: { ...policy, minimumNoticeMinutes: 0 },
      appointmentType: engineType(type),
      staff: calendars,
      rooms,
      bookings,
      patientIds,
      careTeam: team.sort((a, b) => Number(b.role === 'therapist') - Number(a.role === 'therapist')).map((m) => m.userId),
      courses: patientIds.map((id) => ({ patientId: id, medicineGatesOpenFrom: 0, medicineSessions: medicine.get(id) ?? [] })),
      // The demo places the whole week, including the days already past.
      now: weekStart.getTime(),
      range: { from: date, to: date },
      notBefore: localTimeToInstant(date, plan.from, timeZone),
    };
    const [slot] = findSlots(query, 1);
    if (!slot) continue;
    const id = newId();
    const status = slot.end <= now.getTime() ? 'fulfilled' : 'booked';
    const roles = new Map((await tx.select({ id: appUser.id, roles: appUser.roles }).from(appUser).where(inArray(appUser.id, slot.staff.map((s) => s.staffId)))).map((r) => [r.id, r.roles as StaffRole[]]));
    await insertAppointment(
      tx,
      {
        id, clinicId, appointmentTypeId: type.id, seriesId: null, seriesIndex: null, seriesException: false,
        startsAt: new Date(slot.start), endsAt: new Date(slot.end), status, roomId: slot.roomId, telehealthUrl: null,
        staffNotes: plan.kind === 'medicine_im' ? 'Escort: spouse, pick-up at 12:30.' : null,
        cancelReason: null, cancelNote: null, cancelledAt: null, cancelledBy: null, lateCancelFee: false,
        policyVersion: 1, version: 1, createdAt: now, createdBy: null, updatedAt: now,
      },
      [
        ...slot.staff.map((s, seat) => ({ userId: s.staffId, patientId: null, role: roles.get(s.staffId)?.includes(s.role) ? s.role : 'staff', seat, status: 'booked', attendance: null, addedAt: now })),
        ...patientIds.map((p) => ({ userId: null, patientId: p, role: 'patient', seat: null, status: 'booked', attendance: status === 'fulfilled' ? 'attended' : null, addedAt: now })),
      ],
    );
    await insertHolds(tx, clinicId, id, holdsFor(type, policy, { start: slot.start, staffIds: slot.staff.map((s) => s.staffId), roomId: slot.roomId, patientIds }));
    if (plan.kind === 'medicine_oral' || plan.kind === 'medicine_im') {
      for (const p of patientIds) medicine.set(p, [...(medicine.get(p) ?? []), { start: slot.start, end: slot.end, route: plan.kind === 'medicine_im' ? 'im' : 'oral', bookingId: id }]);
    }
    bookings.push({
      id,
      start: slot.start, end: slot.end, staffIds: slot.staff.map((s) => s.staffId), roomId: slot.roomId, patientIds,
      bufferBeforeMinutes: type.bufferBeforeMinutes, bufferAfterMinutes: type.bufferAfterMinutes,
    });
  }
}
