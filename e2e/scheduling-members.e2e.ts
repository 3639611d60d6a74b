import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { AppointmentTypeView, AppointmentView, PatientHeader, SlotSearchResponse } from '@lantern/core';
import { apiSession, type ApiSession } from './support/api.js';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import { addDays, clinicToday, daysBetween } from './support/dates.js';
import { signIn, waitForShell } from './support/flows.js';

/** A two-seat group type of the test's own, so the third member waits without touching the demo's groups. */
const SMALL_GROUP = {
  kind: 'group',
  name: 'Integration circle (two seats)',
  phase: 'other',
  durationMinutes: 90,
  staff: [{ anyOf: ['therapist'], fromCareTeam: false }],
  roomCapability: 'group',
  capacity: 2,
  color: 'cyan',
} as const;

async function patientNamed(api: ApiSession, family: string): Promise<PatientHeader> {
  const [found] = await api.get<PatientHeader[]>(`/api/patients?q=${family}`);
  if (!found) throw new Error(`The demo seed has no patient called ${family}`);
  return found;
}

describe('group session members', () => {
  let browser: Browser;
  let frontDesk: ApiSession;
  let admin: ApiSession;
  let type: AppointmentTypeView;
  let group: AppointmentView;
  beforeAll(async () => {
    browser = await launchBrowser();
    frontDesk = await apiSession('frontdesk@lantern.test');
    admin = await apiSession('admin@lantern.test');
  });
  afterAll(async () => {
    // Leave the shared demo clinic as it was: the session cancelled, the test's type retired.
    if (group) await frontDesk.send('POST', `/api/appointments/${group.id}/cancel`, { reason: 'other', note: 'Browser test' });
    if (type) {
      const { id: _id, version: _version, ...body } = type;
      await admin.send('PUT', `/api/scheduling/appointment-types/${type.id}`, { ...body, active: false });
    }
    await browser.close();
  });

  it('adds a member to a full group (waitlisted), withdraws a seated one, and shows the waitlist moving up', async () => {
    const [avery, theo, rowan] = [await patientNamed(frontDesk, 'Lindgren'), await patientNamed(frontDesk, 'Banks'), await patientNamed(frontDesk, 'Ostrowski')];
    type = await admin.send<AppointmentTypeView>('POST', '/api/scheduling/appointment-types', SMALL_GROUP);
    // A time all three are free (the third joins later), at least two days out.
    const from = addDays(clinicToday(), 2);
    const { slots } = await frontDesk.send<SlotSearchResponse>('POST', '/api/scheduling/slot-search', { appointmentTypeId: type.id, patientIds: [avery.id, theo.id, rowan.id], from, to: addDays(from, 21), limit: 1 });
    const slot = slots[0];
    if (!slot) throw new Error('No time for a group of three in three weeks');
    const booked = await frontDesk.send<{ appointments: AppointmentView[] }>('POST', '/api/appointments', {
      appointmentTypeId: type.id,
      patientIds: [avery.id, theo.id],
      start: { date: slot.localDate, time: slot.localTime },
      staffIds: slot.staff.map((s) => s.staffId),
      roomId: slot.roomId,
    });
    const first = booked.appointments[0];
    if (!first) throw new Error('The group session was not booked');
    group = first;

    const { page } = await openPage(browser);
    await signIn(page, 'frontdesk@lantern.test');
    await waitForShell(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    await page.getByRole('heading', { name: 'Calendar' }).waitFor();
    for (let i = 0; i < daysBetween(clinicToday(), slot.localDate); i++) await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: new RegExp(`^${SMALL_GROUP.name.replace(/[()]/g, '\\$&')}, `) }).first().click();
    const drawer = page.getByRole('dialog', { name: SMALL_GROUP.name });
    const members = drawer.getByRole('region', { name: 'Group members' });
    await members.getByText('2 of 2 seats taken · no waitlist').waitFor();

    // The group is full: Rowan joins the waitlist.
    const add = members.getByRole('combobox', { name: 'Add a member' });
    await add.click();
    await add.fill('Ostrowski');
    await page.getByRole('option', { name: /Rowan Ostrowski/ }).click();
    await members.getByRole('button', { name: 'Add to group' }).click();
    await members.getByText(/The session is full: Rowan Ostrowski is number 1 on the waitlist/).waitFor();
    await members.getByText('2 of 2 seats taken · 1 on the waitlist').waitFor();
    await members.getByText('Waitlist 1').waitFor();
    await screenshot(page, 'scheduling-group-waitlisted');

    // Avery withdraws (after a confirmation); Rowan moves up into the seat.
    await members.getByRole('button', { name: 'Withdraw Avery Lindgren' }).click();
    const confirm = page.getByRole('dialog', { name: 'Withdraw from the group session?' });
    await confirm.getByText(/The seat goes to the first person on the waitlist/).waitFor();
    await screenshot(page, 'scheduling-group-withdraw-confirm');
    await confirm.getByRole('button', { name: 'Withdraw', exact: true }).click();
    await confirm.waitFor({ state: 'hidden' });
    await members.getByText('Avery Lindgren was withdrawn from the session. Rowan Ostrowski moved up from the waitlist and has the seat.').waitFor();
    await members.getByText('2 of 2 seats taken · no waitlist').waitFor();
    await members.getByText('Withdrawn: Avery Lindgren').waitFor();
    await screenshot(page, 'scheduling-group-promoted');

    const after = await frontDesk.get<AppointmentView>(`/api/appointments/${group.id}`);
    const statusOf = (id: string): string | undefined => after.participants.find((p) => p.refId === id)?.status;
    expect([statusOf(avery.id), statusOf(theo.id), statusOf(rowan.id)]).toEqual(['withdrawn', 'booked', 'booked']);
  });
});
