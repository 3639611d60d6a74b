import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import { signIn, waitForShell } from './support/flows.js';

/** The text of one column of the audit table, row by row. */
async function column(page: Page, index: number): Promise<string[]> {
  const rows = page.getByRole('table', { name: 'Audit entries' }).locator('tbody').getByRole('row');
  return rows.evaluateAll((elements, cell) => elements.map((row) => (row.querySelectorAll('td')[cell]?.textContent ?? '').trim()), index);
}

async function pick(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('the audit trail', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('lets an auditor filter, sort and export the trail, and verify the chain', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, 'auditor@lantern.test');
    await waitForShell(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' }).click();
    await page.getByRole('heading', { name: 'Audit trail', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Audit entries' }).waitFor();
    await screenshot(page, 'audit-trail');

    // Successful sign-ins since 2020: the auditor's own sign-in is one of them.
    await pick(page, 'Action', 'Sign-in');
    await pick(page, 'Outcome', 'Success');
    await page.getByLabel(/^From/).fill('2020-01-01T00:00');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(async () => new Set(await column(page, 2))).toEqual(new Set(['Sign-in']));
    expect(await column(page, 3)).not.toContain('Failure');
    expect((await column(page, 1)).some((cell) => cell.includes('auditor@lantern.test'))).toBe(true);
    await screenshot(page, 'audit-trail-filtered');

    // Narrow to the auditor from the table, then flip the order.
    await page.getByRole('button', { name: 'Filter by auditor@lantern.test' }).first().click();
    await expect.poll(async () => (await column(page, 1)).every((cell) => cell.startsWith('auditor@lantern.test'))).toBe(true);
    const newestFirst = await column(page, 0);
    await page.getByText('Oldest first').click();
    await expect.poll(() => column(page, 0)).not.toEqual(newestFirst.length > 1 ? newestFirst : ['(one row: any order)']);

    // The export carries the same filters.
    const exportLink = page.getByRole('link', { name: 'Export CSV' });
    const href = (await exportLink.getAttribute('href')) ?? '';
    expect(href).toContain('action=login');
    expect(href).toContain('outcome=success');
    expect(href).toContain('sort=oldest');
    const [download] = await Promise.all([page.waitForEvent('download'), exportLink.click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\n')[0]).toMatch(/seq/i);
    expect(csv).toContain('auditor@lantern.test');

    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByText('Audit chain intact').waitFor();
    await screenshot(page, 'audit-trail-verified');
    await context.close();
  });
});
