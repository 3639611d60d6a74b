import { describe, expect, it } from 'vitest';
import type { AppointmentView } from '@lantern/core';
import { groupRoster, joinedMessage, seatsSummary, withdrawnMessage } from './group-members';

type Participant = AppointmentView['participants'][number];

const id = (n: number): string => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;

function member(n: number, name: string | null, status: Participant['status']): Participant {
  return { id: id(100 + n), kind: 'patient', refId: id(n), name, role: 'patient', status, attendance: null };
}

function group(participants: Participant[], capacity = 2): AppointmentView {
  const therapist: Participant = { id: id(99), kind: 'staff', refId: id(98), name: 'Jonah Feld, LMFT', role: 'therapist', status: 'booked', attendance: null };
  return {
    id: id(1000), appointmentTypeId: id(1001), typeName: 'Integration circle', kind: 'group', color: 'cyan', status: 'booked',
    start: '2026-12-01T22:00:00.000Z', end: '2026-12-01T23:30:00.000Z', localDate: '2026-12-01', localTime: '16:00',
    roomId: null, roomName: 'Willow', telehealthUrl: null, staffNotes: null, capacity, seriesId: null, seriesIndex: null,
    seriesException: false, cancelReason: null, lateCancelFee: false, version: 1, participants: [therapist, ...participants],
  };
}

describe('a group session’s members', () => {
  it('counts seats and the waitlist, staff left out', () => {
    const roster = groupRoster(group([member(1, 'Avery Lindgren', 'booked'), member(2, 'Theo Banks', 'booked'), member(3, 'Rowan Ostrowski', 'waitlisted'), member(4, 'Harold Nakamura', 'withdrawn')]));
    expect(roster.seated.map((p) => p.name)).toEqual(['Avery Lindgren', 'Theo Banks']);
    expect(roster.waitlist.map((p) => p.name)).toEqual(['Rowan Ostrowski']);
    expect(roster.withdrawn.map((p) => p.name)).toEqual(['Harold Nakamura']);
    expect(seatsSummary(roster)).toBe('2 of 2 seats taken · 1 on the waitlist');
    expect(seatsSummary(groupRoster(group([member(1, 'Avery Lindgren', 'booked')], 8)))).toBe('1 of 8 seats taken · no waitlist');
  });

  it('says whether a new member got a seat or their place on the waitlist', () => {
    expect(joinedMessage(group([member(1, 'Avery Lindgren', 'booked')]), id(1))).toBe('Avery Lindgren has a seat in this session.');
    const full = group([member(1, 'Avery Lindgren', 'booked'), member(2, 'Theo Banks', 'booked'), member(3, 'Rowan Ostrowski', 'waitlisted'), member(4, 'Harold Nakamura', 'waitlisted')]);
    expect(joinedMessage(full, id(4))).toBe('The session is full: Harold Nakamura is number 2 on the waitlist and gets the first seat that frees up.');
  });

  it('names who moved up from the waitlist when a seated member is withdrawn', () => {
    const before = group([member(1, 'Avery Lindgren', 'booked'), member(2, 'Theo Banks', 'booked'), member(3, 'Rowan Ostrowski', 'waitlisted')]);
    const after = group([member(1, 'Avery Lindgren', 'withdrawn'), member(2, 'Theo Banks', 'booked'), member(3, 'Rowan Ostrowski', 'booked')]);
    expect(withdrawnMessage(before, after, id(1))).toBe('Avery Lindgren was withdrawn from the session. Rowan Ostrowski moved up from the waitlist and has the seat.');
  });

  it('says the seat stays open when nobody waiting is free, and says nothing of seats when someone waiting leaves', () => {
    const before = group([member(1, 'Avery Lindgren', 'booked'), member(2, 'Theo Banks', 'booked'), member(3, 'Rowan Ostrowski', 'waitlisted')]);
    const busy = group([member(1, 'Avery Lindgren', 'withdrawn'), member(2, 'Theo Banks', 'booked'), member(3, 'Rowan Ostrowski', 'waitlisted')]);
    expect(withdrawnMessage(before, busy, id(1))).toBe('Avery Lindgren was withdrawn from the session. Nobody on the waitlist is free at that time, so the seat stays open.');
    const left = group([member(1, 'Avery Lindgren', 'booked'), member(2, 'Theo Banks', 'booked'), member(3, 'Rowan Ostrowski', 'withdrawn')]);
    expect(withdrawnMessage(before, left, id(3))).toBe('Rowan Ostrowski was withdrawn from the session.');
    const open = group([member(1, 'Avery Lindgren', 'withdrawn')], 8);
    expect(withdrawnMessage(group([member(1, 'Avery Lindgren', 'booked')], 8), open, id(1))).toBe('Avery Lindgren was withdrawn from the session. A seat is free.');
  });
});
