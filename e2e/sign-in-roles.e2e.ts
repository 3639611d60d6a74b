import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../packages/server/src/features/demo/seed.js';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import { navItems, signIn, signOut, waitForShell } from './support/flows.js';
import { expectedNav } from './support/nav.js';

describe('signing in as each demo role', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('sends a signed-out visitor to sign-in, remembering where they were going', async () => {
    const { context, page } = await openPage(browser);
    await page.goto('/audit');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/sign-in');
    expect(url.searchParams.get('next')).toBe('/audit');
    await screenshot(page, 'sign-in');
    await page.getByLabel('E-mail').fill('nobody@lantern.test');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('E-mail or password is incorrect.').waitFor();
    await screenshot(page, 'sign-in-error');
    await context.close();
  });

  it.each(DEMO_ACCOUNTS.map((account) => [account.email, account] as const))('%s sees the demo banner and exactly their navigation', async (_email, account) => {
    const { context, page } = await openPage(browser);
    await signIn(page, account.email);
    await waitForShell(page);

    const banner = page.getByRole('status').filter({ hasText: 'Demo clinic: not for real patient data' });
    expect(await banner.isVisible()).toBe(true);
    await expect.poll(() => navItems(page)).toEqual(expectedNav(account.roles));
    const accountButton = page.getByRole('button', { name: /^Account menu/ });
    expect(await accountButton.getAttribute('aria-label')).toContain(account.displayName);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await screenshot(page, `home-${account.email.split('@')[0] ?? 'user'}`);

    await signOut(page);
    await page.getByText('You have signed out.').waitFor();
    // Signed out means signed out: the app sends the visitor back to sign-in.
    await page.goto('/patients');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await context.close();
  });
});
