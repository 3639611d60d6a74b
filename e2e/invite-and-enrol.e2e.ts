import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { generate } from 'otplib';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import { navItems, signIn, signOut, waitForShell } from './support/flows.js';
import { expectedNav } from './support/nav.js';

describe('inviting a staff member', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('takes a new nurse from invitation through MFA enrolment to home', async () => {
    const email = `casey.nurse.${Date.now()}@lantern.test`;
    const password = 'quiet harbour lantern light';

    // The admin invites them.
    const admin = await openPage(browser);
    await signIn(admin.page, 'admin@lantern.test');
    await waitForShell(admin.page);
    await admin.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staff' }).click();
    await admin.page.getByRole('table', { name: 'Staff members' }).waitFor();
    await screenshot(admin.page, 'admin-staff');
    await admin.page.getByRole('button', { name: 'Invite staff member' }).click();
    const dialog = admin.page.getByRole('dialog');
    await dialog.getByLabel('E-mail').fill(email);
    await dialog.getByLabel('Full name').fill('Casey Morgan, RN');
    await dialog.getByRole('combobox', { name: 'Roles' }).click();
    await admin.page.getByRole('option', { name: 'Nurse' }).click();
    await admin.page.keyboard.press('Escape');
    await screenshot(admin.page, 'admin-invite-form');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    const link = dialog.getByRole('textbox', { name: 'Invitation link' });
    await link.waitFor();
    const inviteUrl = await link.inputValue();
    expect(inviteUrl).toMatch(/\/invite#.{20,}/);
    await screenshot(admin.page, 'admin-invite-link');
    await dialog.getByRole('button', { name: 'Done' }).click();
    const row = admin.page.getByRole('row').filter({ hasText: email });
    await row.getByText('Invited', { exact: true }).waitFor();
    await signOut(admin.page);
    await admin.context.close();

    // The new nurse opens the link and sets a password.
    const nurse = await openPage(browser);
    await nurse.page.goto(inviteUrl);
    await nurse.page.getByRole('heading', { name: 'Welcome to Lantern' }).waitFor();
    expect(nurse.page.url()).not.toContain('#');
    await nurse.page.getByRole('textbox', { name: 'New password', exact: true }).fill(password);
    await nurse.page.getByLabel('Confirm new password').fill(password);
    await screenshot(nurse.page, 'invite-set-password');
    await nurse.page.getByRole('button', { name: 'Set password' }).click();
    await nurse.page.getByRole('heading', { name: 'Your password is set' }).waitFor();
    await nurse.page.getByRole('link', { name: 'Continue to sign in' }).click();

    // Signing in sends them to MFA enrolment before anything else.
    await signIn(nurse.page, email, password);
    await nurse.page.getByRole('heading', { name: 'Set up two-factor authentication' }).waitFor();
    expect(new URL(nurse.page.url()).pathname).toBe('/mfa-enrol');
    await nurse.page.getByRole('img', { name: /QR code/ }).waitFor();
    await screenshot(nurse.page, 'mfa-enrol');
    const secret = (await nurse.page.getByRole('textbox', { name: 'Setup key' }).inputValue()).replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) });
    await nurse.page.getByLabel('6-digit code from the app').fill(code);
    await nurse.page.getByRole('button', { name: 'Confirm' }).click();

    // Recovery codes: shown once, copied or downloaded, acknowledged.
    await nurse.page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    const codes = await nurse.page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').allInnerTexts();
    expect(codes).toHaveLength(10);
    const continueButton = nurse.page.getByRole('button', { name: 'Continue to Lantern' });
    expect(await continueButton.isDisabled()).toBe(true);
    await screenshot(nurse.page, 'mfa-recovery-codes');
    const [download] = await Promise.all([nurse.page.waitForEvent('download'), nurse.page.getByRole('button', { name: 'Download .txt' }).click()]);
    expect(download.suggestedFilename()).toBe('lantern-recovery-codes.txt');
    const saved = readFileSync(await download.path(), 'utf8');
    for (const recoveryCode of codes) expect(saved).toContain(recoveryCode.trim());
    await nurse.page.getByLabel('I have saved these recovery codes somewhere safe').check();
    await continueButton.click();

    await waitForShell(nurse.page);
    await nurse.page.getByRole('heading', { name: /Casey/ }).waitFor();
    await expect.poll(() => navItems(nurse.page)).toEqual(expectedNav(['nurse']));
    await screenshot(nurse.page, 'home-new-nurse');
    await nurse.context.close();
  });
});
