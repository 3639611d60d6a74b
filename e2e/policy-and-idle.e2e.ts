import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { ClinicPolicy } from '@lantern/core';
import { apiSession } from './support/api.js';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import { signIn, waitForShell } from './support/flows.js';

interface PolicyVersion {
  version: number;
  policy: ClinicPolicy;
}

describe('clinic policy and automatic sign-out', () => {
  let browser: Browser;
  let original: PolicyVersion;
  beforeAll(async () => {
    browser = await launchBrowser();
    original = await (await apiSession('admin@lantern.test')).get<PolicyVersion>('/api/admin/policy');
  });
  afterAll(async () => {
    // Put the idle timeout back, whatever happened, so no other test meets a one-minute timeout.
    const admin = await apiSession('admin@lantern.test');
    await admin.send('PUT', '/api/admin/policy', { policy: original.policy, note: 'e2e: restore after idle test' });
    await browser.close();
  });

  it('lets an admin shorten the idle timeout, which then warns and signs people out', { timeout: 120_000 }, async () => {
    const admin = await openPage(browser);
    await signIn(admin.page, 'admin@lantern.test');
    await waitForShell(admin.page);
    await admin.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Policy' }).click();
    await admin.page.getByRole('heading', { name: 'Clinic policy' }).waitFor();
    await admin.page.getByText(`Version ${original.version}`, { exact: true }).waitFor();
    await screenshot(admin.page, 'admin-policy');
    const idle = admin.page.getByRole('textbox', { name: 'Idle sign-out' });
    await idle.fill('1');
    await admin.page.getByRole('textbox', { name: 'Note for this version' }).fill('Testing automatic sign-out');
    await admin.page.getByRole('button', { name: `Save as version ${original.version + 1}` }).click();
    await admin.page.getByText(`Version ${original.version + 1}`, { exact: true }).waitFor();
    expect(await admin.page.getByRole('textbox', { name: 'Idle sign-out' }).inputValue()).toBe('1');
    // The admin's own session now runs on the one-minute timeout too: the warning is already up.
    await admin.page.getByRole('dialog', { name: 'Are you still there?' }).getByRole('button', { name: 'Sign out now' }).click();
    await admin.page.getByText('You have signed out.').waitFor();
    await admin.context.close();

    // With a one-minute timeout, the warning is up straight after sign-in and counts down.
    const nurse = await openPage(browser);
    await signIn(nurse.page, 'nurse@lantern.test');
    const warning = nurse.page.getByRole('dialog', { name: 'Are you still there?' });
    await warning.waitFor();
    const timer = warning.getByRole('timer');
    expect(await timer.innerText()).toMatch(/Signing out in 0:\d\d/);
    await screenshot(nurse.page, 'idle-warning');
    await warning.getByRole('button', { name: 'Stay signed in' }).click();
    expect(await nurse.page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);

    // Nobody touches anything: at the deadline the app signs out and says why.
    await nurse.page.getByText('You were signed out after a period of inactivity').waitFor({ timeout: 60_000 });
    expect(new URL(nurse.page.url()).pathname).toBe('/sign-in');
    await screenshot(nurse.page, 'idle-signed-out');
    await nurse.context.close();
  });
});
