import type { AppointmentView } from '@lantern/core';

type Participant = AppointmentView['participants'][number];

/** A group session's patients as the front desk thinks of them: seated, waiting (in order), withdrawn. */
export interface GroupRoster {
  readonly seated: readonly Participant[];
  /** First come, first served: the server seats them in this order. */
  readonly waitlist: readonly Participant[];
  readonly withdrawn: readonly Participant[];
  readonly capacity: number;
}

export function groupRoster(appointment: AppointmentView): GroupRoster {
  const patients = appointment.participants.filter((p) => p.kind === 'patient');
  return {
    seated: patients.filter((p) => p.status === 'booked'),
    waitlist: patients.filter((p) => p.status === 'waitlisted'),
    withdrawn: patients.filter((p) => p.status === 'withdrawn'),
    capacity: appointment.capacity,
  };
}

/** "6 of 8 seats taken · 2 on the waitlist". */
export function seatsSummary(roster: GroupRoster): string {
  const waiting = roster.waitlist.length === 0 ? 'no waitlist' : `${roster.waitlist.length} on the waitlist`;
  return `${roster.seated.length} of ${roster.capacity} seats taken · ${waiting}`;
}

function nameOf(p: Participant | undefined): string {
  return p?.name ?? 'A patient outside your care team';
}

/** What adding `patientId` did, from the group as the server answered. */
export function joinedMessage(after: AppointmentView, patientId: string): string {
  const member = after.participants.find((p) => p.kind === 'patient' && p.refId === patientId);
  if (member?.status === 'waitlisted') {
    const place = groupRoster(after).waitlist.findIndex((p) => p.refId === patientId) + 1;
    return `The session is full: ${nameOf(member)} is number ${place} on the waitlist and gets the first seat that frees up.`;
  }
  return `${nameOf(member)} has a seat in this session.`;
}

/**
 * What withdrawing `patientId` did: who, if anyone, moved up from the waitlist into the freed seat
 * (the server skips someone who has another appointment then).
 */
export function withdrawnMessage(before: AppointmentView, after: AppointmentView, patientId: string): string {
  const leaving = before.participants.find((p) => p.kind === 'patient' && p.refId === patientId);
  const waitingBefore = new Set(groupRoster(before).waitlist.map((p) => p.refId));
  const promoted = groupRoster(after).seated.filter((p) => waitingBefore.has(p.refId));
  const withdrawn = `${nameOf(leaving)} was withdrawn from the session.`;
  if (leaving?.status !== 'booked') return withdrawn;
  if (promoted.length > 0) return `${withdrawn} ${promoted.map(nameOf).join(' and ')} moved up from the waitlist and has the seat.`;
  if (waitingBefore.size > 0) return `${withdrawn} Nobody on the waitlist is free at that time, so the seat stays open.`;
  return `${withdrawn} A seat is free.`;
}
