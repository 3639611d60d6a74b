import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { PatientHeader } from '@lantern/core';
import { apiSession } from './support/api.js';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import { signIn, waitForShell } from './support/flows.js';

const THERAPIST = 'therapist@lantern.test';
const REASON = 'Patient called in crisis; covering for their therapist who is away today.';

describe('break-glass access', () => {
  let browser: Browser;
  let outsider: PatientHeader;
  beforeAll(async () => {
    browser = await launchBrowser();
    // Front desk sees the whole clinic; the therapist sees only their care team (and live grants).
    const everyone = await (await apiSession('frontdesk@lantern.test')).get<PatientHeader[]>('/api/patients');
    const visible = new Set((await (await apiSession(THERAPIST)).get<PatientHeader[]>('/api/patients')).map((patient) => patient.id));
    const found = everyone.find((patient) => !visible.has(patient.id));
    if (!found) throw new Error('The demo seed has no patient outside the therapist’s care team');
    outsider = found;
  });
  afterAll(async () => {
    await browser.close();
  });

  it('lets a therapist open a chart outside their care team with a reason', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, THERAPIST);
    await waitForShell(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    const table = page.getByRole('table', { name: 'Patients' });
    await table.waitFor();
    expect(await table.getByText(outsider.legalName).count()).toBe(0);
    await screenshot(page, 'patients-therapist');

    await page.goto(`/patients/${outsider.id}`);
    await page.getByText('This patient is not on your care team').waitFor();
    await screenshot(page, 'patient-out-of-scope');
    await page.getByRole('button', { name: 'Break glass' }).click();
    const dialog = page.getByRole('dialog', { name: 'Emergency access to this chart' });
    const open = dialog.getByRole('button', { name: 'Open chart with emergency access' });
    await dialog.getByLabel('Reason for emergency access').fill('too short');
    expect(await open.isDisabled()).toBe(true);
    await dialog.getByLabel('Reason for emergency access').fill(REASON);
    await screenshot(page, 'break-glass-dialog');
    await open.click();

    await page.getByRole('heading', { name: outsider.legalName, level: 1 }).waitFor();
    await page.getByText(outsider.mrn, { exact: true }).waitFor();
    await page.getByRole('status').filter({ hasText: 'break-glass access' }).waitFor();
    await screenshot(page, 'patient-chart-break-glass');
    await context.close();
  });

  it('lists the access for an auditor to review', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, 'auditor@lantern.test');
    await waitForShell(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Break-glass review' }).click();
    const row = page.getByRole('row').filter({ hasText: outsider.mrn }).filter({ hasText: REASON }).first();
    await row.waitFor();
    await screenshot(page, 'break-glass-review');
    await row.getByRole('button', { name: /^Review access/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Review emergency access' });
    await dialog.getByLabel('Review note').fill('Confirmed with the care team: justified crisis cover.');
    await dialog.getByRole('button', { name: 'Record review' }).click();
    await page.getByText('Review recorded').waitFor();
    await page.getByText('All', { exact: true }).click();
    await page.getByRole('row').filter({ hasText: 'justified crisis cover' }).first().getByText('Reviewed', { exact: true }).waitFor();
    await context.close();
  });
});
