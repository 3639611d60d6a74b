import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AppointmentView, PatientHeader } from '@lantern/core';
import { apiSession, reconsentIfBlocked } from './support/api.js';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import { signIn, waitForShell } from './support/flows.js';

/** Steps the day view forward until its title is a weekday the therapists work (Monday to Thursday). */
async function toNextWorkingDay(page: Page): Promise<void> {
  for (let i = 0; i < 8; i++) {
    await page.getByRole('button', { name: 'Next' }).click();
    const title = await page.getByText(/^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d+ \w+$/).innerText();
    if (/^(Monday|Tuesday|Wednesday|Thursday)/.test(title)) return;
  }
  throw new Error('no working day within a week');
}

async function choose(page: Page, label: string, search: string, option: RegExp): Promise<void> {
  const input = page.getByRole('dialog').getByRole('combobox', { name: label, exact: true });
  await input.click();
  if (search) await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

describe('the clinic calendar', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('books a medicine session from an empty cell with the slot finder\'s suggestions, and moves it with a live check', async () => {
    const api = await apiSession('frontdesk@lantern.test');
    const patients = await api.get<PatientHeader[]>('/api/patients?q=Marchetti');
    const lena = patients[0];
    if (!lena) throw new Error('The demo seed has no patient ready for a medicine session');
    await reconsentIfBlocked(lena.id, 'Lena Marchetti');
    const { page } = await openPage(browser);
    await signIn(page, 'frontdesk@lantern.test');
    await waitForShell(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    await page.getByRole('heading', { name: 'Calendar' }).waitFor();
    await toNextWorkingDay(page);
    await page.getByRole('region', { name: 'Calendar' }).waitFor();
    await screenshot(page, 'scheduling-day-by-staff');

    // A patient still in evaluation gets no medicine slots, and the reasons say why.
    await page.getByRole('button', { name: /^Book .* 10:00 with Jonah Feld/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Book an appointment' });
    await choose(page, 'Patient', 'Castellanos', /Castellanos/);
    await choose(page, 'Appointment type', '', /^Medicine session \(oral\)/);
    await dialog.getByText('No medicine session can be booked yet').waitFor();
    await screenshot(page, 'scheduling-book-not-eligible');

    // The patient ready for a first medicine session gets suggested slots: therapist + monitor + dosing room.
    await choose(page, 'Patient', 'Marchetti', /Marchetti/);
    const suggestions = dialog.getByRole('radiogroup', { name: 'Suggested times' });
    await suggestions.waitFor();
    const first = suggestions.getByRole('radio').first();
    const label = (await first.getAttribute('aria-label')) ?? (await dialog.locator('label').filter({ hasText: ' · ' }).first().innerText());
    expect(label).toMatch(/ · \d{2}:\d{2} · .+ \+ .+ · (Aspen|Birch)/);
    await first.check();
    await screenshot(page, 'scheduling-book-suggestions');
    await dialog.getByRole('button', { name: 'Book', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    const booked = (await api.get<AppointmentView[]>(`/api/appointments?from=2026-01-01&to=2027-12-31&patientId=${lena.id}`)).filter((a) => a.kind === 'medicine_oral' && a.status === 'booked');
    expect(booked).toHaveLength(1);
    const session = booked[0] as AppointmentView;
    expect(session.participants.filter((p) => p.kind === 'staff')).toHaveLength(2);

    // Show the day it landed on and find the block there.
    const title = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(`${session.localDate}T12:00:00Z`));
    for (let i = 0; i < 30 && (await page.getByText(title, { exact: true }).count()) === 0; i++) {
      await page.getByRole('button', { name: 'Next' }).click();
    }
    const block = page.getByRole('button', { name: /^Medicine session \(oral\), .*Lena/ }).first();
    await block.waitFor();
    await screenshot(page, 'scheduling-booked-by-staff');
    await page.getByText('By room', { exact: true }).click();
    await block.waitFor();
    await screenshot(page, 'scheduling-booked-by-room');

    // Drag it to the same time in the other dosing room: the move dialog checks the new place live.
    const other = session.roomName?.startsWith('Aspen') ? 'Birch \\(dosing\\)' : 'Aspen \\(dosing\\)';
    const target = page.getByRole('button', { name: new RegExp(`^Book .* ${session.localTime} with ${other}$`) });
    await block.dragTo(target);
    const move = page.getByRole('dialog', { name: 'Move medicine session (oral)' });
    await move.waitFor();
    await move.getByText(/^This time (works|does not work)$/).waitFor();
    await screenshot(page, 'scheduling-move-live-check');
    const movable = await move.getByRole('button', { name: 'Move', exact: true }).isEnabled();
    if (movable) {
      await move.getByRole('button', { name: 'Move', exact: true }).click();
      await move.waitFor({ state: 'hidden' });
      const after = await api.get<AppointmentView>(`/api/appointments/${session.id}`);
      expect(after.localTime).toBe(session.localTime);
      expect(after.roomId).not.toBe(session.roomId);
      expect(after.version).toBe(2);
    } else {
      await move.getByRole('button', { name: 'Keep it where it is' }).click();
    }

    await page.getByText('Week', { exact: true }).click();
    await page.getByRole('textbox', { name: 'Room' }).or(page.getByRole('combobox', { name: 'Room' })).waitFor();
    await screenshot(page, 'scheduling-week-by-room');
    await page.getByText('Month', { exact: true }).click();
    await page.getByRole('region', { name: 'Month' }).waitFor();
    await screenshot(page, 'scheduling-month');
  });

  it('gives the front desk a check-in board and each clinician their agenda on the home screen', async () => {
    const { page } = await openPage(browser);
    await signIn(page, 'frontdesk@lantern.test');
    await waitForShell(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Check-in' }).click();
    await page.getByRole('heading', { name: 'Check-in board' }).waitFor();
    // The demo books Monday to Saturday; on those days the board has visits to check in.
    const checkIn = page.getByRole('button', { name: /^Check in: / }).first();
    if (await checkIn.count()) {
      const arrived = page.getByRole('region', { name: 'Arrived' });
      const before = await arrived.locator('.mantine-Card-root').count();
      await checkIn.click();
      await expect.poll(() => arrived.locator('.mantine-Card-root').count()).toBe(before + 1);
    } else {
      await page.getByRole('region', { name: 'Expected' }).or(page.getByRole('heading', { name: 'Nothing booked today' })).waitFor();
    }
    await screenshot(page, 'scheduling-check-in-board');

    const therapist = await openPage(browser);
    await signIn(therapist.page, 'therapist@lantern.test');
    await waitForShell(therapist.page);
    await therapist.page.getByRole('region', { name: "Today's agenda" }).waitFor();
    await screenshot(therapist.page, 'scheduling-home-agenda');
  });
});
