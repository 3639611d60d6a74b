import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { PatientHeader, SchedulingSetup, SlotSearchResponse } from '@lantern/core';
import { apiSession, type ApiSession } from './support/api.js';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import { nextWeekday } from './support/dates.js';
import { signIn, waitForShell } from './support/flows.js';

describe('schedule set-up', () => {
  let browser: Browser;
  let admin: ApiSession;
  let setup: SchedulingSetup;
  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await apiSession('admin@lantern.test');
    setup = await admin.get<SchedulingSetup>('/api/scheduling/setup');
  });
  afterAll(async () => {
    await browser.close();
  });

  it("edits a therapist's weekly hours, adds a day off and changes a type's duration, and slot search follows", async () => {
    const priya = setup.staff.find((s) => s.displayName.startsWith('Priya Natarajan'));
    const followUp = setup.appointmentTypes.find((t) => t.kind === 'follow_up');
    const [marisol] = await admin.get<PatientHeader[]>('/api/patients?q=Quintero');
    if (!priya || !followUp || !marisol) throw new Error('The demo seed lacks Priya Natarajan, the follow-up type or Marisol Quintero');
    const monday = nextWeekday(1, 8);
    const tuesday = nextWeekday(2, 15);
    const slotsOn = (date: string): Promise<SlotSearchResponse> =>
      admin.send<SlotSearchResponse>('POST', '/api/scheduling/slot-search', { appointmentTypeId: followUp.id, patientIds: [marisol.id], from: date, to: date, limit: 50 });
    // Priya (Marisol's therapist) does not work Mondays and works Tuesdays.
    expect((await slotsOn(monday)).slots).toHaveLength(0);
    expect((await slotsOn(tuesday)).slots.length).toBeGreaterThan(0);

    const { page } = await openPage(browser);
    await signIn(page, 'admin@lantern.test');
    await waitForShell(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule set-up' }).click();
    await page.getByRole('heading', { name: 'Schedule set-up' }).waitFor();
    await page.getByRole('textbox', { name: 'Staff member' }).or(page.getByRole('combobox', { name: 'Staff member' })).first().click();
    await page.getByRole('option', { name: /^Priya Natarajan/ }).click();
    await page.getByRole('button', { name: /^Save hours of Priya Natarajan/ }).waitFor();

    // Monday 10:00–16:00; an overlapping second stretch is refused before anything is sent.
    await page.getByRole('button', { name: 'Add hours on Monday' }).click();
    await page.getByLabel('Monday from', { exact: true }).fill('10:00');
    await page.getByLabel('Monday until', { exact: true }).fill('16:00');
    await page.getByRole('button', { name: 'Add hours on Monday' }).click();
    await page.getByLabel('Monday from 2', { exact: true }).fill('15:00');
    await page.getByText('Overlaps 10:00–16:00').waitFor();
    const save = page.getByRole('button', { name: /^Save hours of Priya Natarajan/ });
    expect(await save.isDisabled()).toBe(true);
    await screenshot(page, 'schedule-setup-overlap-refused');
    await page.getByRole('button', { name: /^Remove Monday 15:00/ }).click();
    await save.click();
    await page.getByText('Hours saved').waitFor();
    await screenshot(page, 'schedule-setup-staff-hours');

    // A whole day off on a Tuesday she works.
    await page.getByLabel('First day off').fill(tuesday);
    await page.getByLabel('Last day off').fill(tuesday);
    await page.getByLabel('Note (optional)').fill('Conference');
    await page.getByRole('button', { name: 'Add time off' }).click();
    await page.getByRole('table', { name: /^Time off of Priya/ }).getByRole('cell', { name: 'Conference' }).waitFor();
    await page.getByRole('heading', { name: 'Time off' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'schedule-setup-time-off');

    const mondaySlots = (await slotsOn(monday)).slots;
    expect(mondaySlots.length).toBeGreaterThan(0);
    expect(mondaySlots.every((s) => s.staff.some((p) => p.staffId === priya.id))).toBe(true);
    expect(mondaySlots[0]?.localTime).toBe('10:00');
    expect(mondaySlots.every((s) => s.localTime >= '10:00' && s.localTime < '16:00')).toBe(true);
    expect((await slotsOn(tuesday)).slots).toHaveLength(0);

    // Follow-ups become 45 minutes; a bad billing code is refused by the server, shown beside the field.
    await page.getByRole('tab', { name: 'Appointment types' }).click();
    await page.getByRole('table', { name: 'Appointment types' }).waitFor();
    await screenshot(page, 'schedule-setup-types');
    await page.getByRole('button', { name: 'Edit Follow-up' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Follow-up' });
    await dialog.getByLabel('Duration (minutes)').fill('45');
    const codes = dialog.getByLabel('Billing codes (CPT/HCPCS)');
    await codes.fill('9921');
    await codes.press('Enter');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.getByText('A CPT/HCPCS code is five letters or digits').first().waitFor();
    await screenshot(page, 'schedule-setup-type-refused');
    expect((await admin.get<SchedulingSetup>('/api/scheduling/setup')).appointmentTypes.find((t) => t.id === followUp.id)?.durationMinutes).toBe(followUp.durationMinutes);
    await dialog.getByRole('button', { name: /^Remove 9921/ }).or(dialog.locator('.mantine-Pill-remove').last()).first().click();
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('row', { name: /^Follow-up .* 45 / }).waitFor();
    await screenshot(page, 'schedule-setup-type-saved');

    const after = (await slotsOn(monday)).slots;
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((s) => Date.parse(s.end) - Date.parse(s.start) === 45 * 60_000)).toBe(true);

    // Put the shared demo clinic back for the other browser tests (the day off stays: it is in the past for them).
    await admin.send('PUT', `/api/scheduling/staff/${priya.id}/availability`, { weekly: priya.weekly, overrides: priya.overrides });
    const { id: _id, version: _version, ...type } = followUp;
    await admin.send('PUT', `/api/scheduling/appointment-types/${followUp.id}`, type);
  });

  it('lets the front desk see the opening hours and add a room, and is not offered to a therapist', async () => {
    const { page } = await openPage(browser);
    await signIn(page, 'frontdesk@lantern.test');
    await waitForShell(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule set-up' }).click();
    await page.getByRole('tab', { name: 'Opening hours and holidays' }).click();
    await page.getByRole('button', { name: 'Save opening hours' }).waitFor();
    expect(await page.getByLabel('Saturday from', { exact: true }).inputValue()).toBe('09:00');
    await screenshot(page, 'schedule-setup-clinic-hours');
    await page.getByRole('tab', { name: 'Rooms' }).click();
    const rooms = page.getByRole('table', { name: 'Rooms' });
    await rooms.getByRole('cell', { name: /dosing/i }).first().waitFor();

    // A new room needs something it can be booked for; then it is listed, and can be taken out of service.
    await page.getByRole('button', { name: 'Add a room' }).click();
    const add = page.getByRole('dialog', { name: 'Add a room' });
    await add.getByRole('textbox', { name: 'Name', exact: true }).fill('Juniper (therapy)');
    await add.getByRole('checkbox', { name: 'Therapy room' }).uncheck();
    await add.getByText('Pick at least one').waitFor();
    expect(await add.getByRole('button', { name: 'Add room' }).isDisabled()).toBe(true);
    await add.getByRole('checkbox', { name: 'Therapy room' }).check();
    await add.getByRole('checkbox', { name: 'Recliner' }).check();
    await add.getByLabel('Seats (patients)').fill('2');
    await screenshot(page, 'schedule-setup-room-add');
    await add.getByRole('button', { name: 'Add room' }).click();
    await add.waitFor({ state: 'hidden' });
    await rooms.getByRole('row', { name: /^Juniper \(therapy\) Therapy room Recliner 2 In use/ }).waitFor();
    await page.getByRole('button', { name: 'Edit Juniper (therapy)' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Juniper (therapy)' });
    await edit.getByRole('switch', { name: 'In use (offered for booking)' }).uncheck();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'hidden' });
    await rooms.getByRole('row', { name: /^Juniper \(therapy\) .*Out of service/ }).waitFor();
    await screenshot(page, 'schedule-setup-rooms');

    const therapist = await openPage(browser);
    await signIn(therapist.page, 'therapist@lantern.test');
    await waitForShell(therapist.page);
    expect(await therapist.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule set-up' }).count()).toBe(0);
  });

  it('lets the front desk withdraw time off, after a confirmation, and the hours are bookable again', async () => {
    const jonah = setup.staff.find((s) => s.displayName.startsWith('Jonah Feld'));
    if (!jonah) throw new Error('The demo seed lacks Jonah Feld');
    const day = nextWeekday(3, 22);
    const start = new Date(`${day}T15:00:00Z`).toISOString();
    const end = new Date(`${day}T23:00:00Z`).toISOString();
    const { id } = await admin.send<{ id: string }>('POST', `/api/scheduling/staff/${jonah.id}/time-off`, { start, end, note: 'Retreat' });

    const { page } = await openPage(browser);
    await signIn(page, 'frontdesk@lantern.test');
    await waitForShell(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule set-up' }).click();
    await page.getByRole('textbox', { name: 'Staff member' }).or(page.getByRole('combobox', { name: 'Staff member' })).first().click();
    await page.getByRole('option', { name: /^Jonah Feld/ }).click();
    const table = page.getByRole('table', { name: /^Time off of Jonah Feld/ });
    const row = table.getByRole('row').filter({ hasText: 'Retreat' });
    await row.getByRole('button', { name: /^Withdraw time off from / }).click();
    const confirm = page.getByRole('dialog', { name: 'Withdraw this time off?' });
    await confirm.getByText(/Jonah Feld, LMFT can be booked in those hours again/).waitFor();
    await screenshot(page, 'schedule-setup-time-off-withdraw-confirm');
    await confirm.getByRole('button', { name: 'Withdraw time off' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByRole('alert').filter({ hasText: 'Time off withdrawn' }).waitFor();
    expect(await table.getByRole('row').filter({ hasText: 'Retreat' }).count()).toBe(0);
    await page.getByRole('heading', { name: 'Time off' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'schedule-setup-time-off-withdrawn');
    const after = await admin.get<SchedulingSetup>('/api/scheduling/setup');
    expect(after.staff.find((s) => s.id === jonah.id)?.timeOff.map((o) => o.id)).not.toContain(id);
  });

  it('lets a therapist keep their own hours and time off from home, and nobody else’s', async () => {
    const jonah = setup.staff.find((s) => s.displayName.startsWith('Jonah Feld'));
    const priya = setup.staff.find((s) => s.displayName.startsWith('Priya Natarajan'));
    if (!jonah || !priya) throw new Error('The demo seed lacks Jonah Feld or Priya Natarajan');
    const { page } = await openPage(browser);
    await signIn(page, 'therapist@lantern.test');
    await waitForShell(page);
    await page.getByRole('region', { name: "Today's agenda" }).getByRole('link', { name: 'My hours' }).waitFor();
    await screenshot(page, 'my-hours-from-home');
    await page.getByRole('region', { name: "Today's agenda" }).getByRole('link', { name: 'My hours' }).click();
    await page.getByRole('heading', { name: 'My hours', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'My weekly hours' }).waitFor();
    await screenshot(page, 'my-hours');

    // Fridays until 16:00 instead of 13:00.
    await page.getByLabel('Friday until', { exact: true }).fill('16:00');
    await page.getByRole('button', { name: 'Save my hours' }).click();
    await page.getByText('Hours saved').waitFor();
    await screenshot(page, 'my-hours-saved');
    const saved = (await admin.get<SchedulingSetup>('/api/scheduling/setup')).staff.find((s) => s.id === jonah.id);
    expect(saved?.weekly.friday).toEqual([{ start: '09:00', end: '16:00' }]);

    // A day off, recorded and then withdrawn again.
    const day = nextWeekday(4, 23);
    await page.getByLabel('First day off').fill(day);
    await page.getByLabel('Last day off').fill(day);
    await page.getByLabel('Note (optional)').fill('Dentist');
    await page.getByRole('button', { name: 'Add time off' }).click();
    const mine = page.getByRole('table', { name: 'My time off' });
    await mine.getByRole('cell', { name: 'Dentist' }).waitFor();
    await page.getByRole('heading', { name: 'Time off' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'my-hours-time-off');
    await mine.getByRole('row').filter({ hasText: 'Dentist' }).getByRole('button', { name: /^Withdraw time off from / }).click();
    const confirm = page.getByRole('dialog', { name: 'Withdraw this time off?' });
    await confirm.getByText(/You can be booked in those hours again/).waitFor();
    await confirm.getByRole('button', { name: 'Withdraw time off' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await mine.getByRole('row').filter({ hasText: 'Dentist' }).waitFor({ state: 'detached' });

    // The calendar offers the same page.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    await page.getByRole('heading', { name: 'Calendar' }).waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'my-hours-from-calendar');
    await page.getByRole('main').getByRole('link', { name: 'My hours' }).click();
    await page.getByRole('heading', { name: 'My hours', level: 1 }).waitFor();

    // The server keeps a therapist to their own hours.
    const therapist = await apiSession('therapist@lantern.test');
    await expect(therapist.send('PUT', `/api/scheduling/staff/${priya.id}/availability`, { weekly: {} })).rejects.toThrow(/ 403 /);
    await admin.send('PUT', `/api/scheduling/staff/${jonah.id}/availability`, { weekly: jonah.weekly, overrides: jonah.overrides });
  });
});
