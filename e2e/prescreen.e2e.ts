import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import { signIn, waitForShell } from './support/flows.js';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../.artifacts/screenshots');
/** A common phone: the public pages must read well at this width. */
const PHONE = { width: 390, height: 844 } as const;
const VISITOR = { given: 'Wren', family: 'Castellano', email: 'wren.castellano@example.test', dob: '1991-04-18' } as const;

/** The whole page, top to bottom, for looking at layout (the support helper captures the viewport). */
async function fullPage(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function phone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: inject('baseUrl'), viewport: PHONE, isMobile: true, hasTouch: true, locale: 'en-US' });
  context.setDefaultTimeout(15_000);
  return { context, page: await context.newPage() };
}

describe('the public pre-screen and the staff intake queue', () => {
  let browser: Browser;
  let reference = '';
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('serves the program pages without JavaScript, on a tablet and on a phone', async () => {
    for (const [device, open] of [['tablet', openPage], ['phone', phone]] as const) {
      const { context, page } = await open(browser);
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: 'Therapy first, with a medicine that can open the way' }).waitFor();
      expect(await page.locator('script').count()).toBe(0);
      await fullPage(page, `public-home-${device}`);
      await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'The program' }).click();
      await page.getByRole('heading', { level: 1, name: 'How the program works' }).waitFor();
      await fullPage(page, `public-program-${device}`);
      await context.close();
    }
  });

  it('shows a visitor with a high-risk answer crisis resources at once', async () => {
    const { context, page } = await phone(browser);
    await page.goto('/inquire');
    await page.getByLabel('First name').fill(VISITOR.given);
    await page.getByLabel('Last name').fill(VISITOR.family);
    await page.getByLabel('Date of birth').fill(VISITOR.dob);
    await page.getByRole('textbox', { name: 'E-mail' }).fill(VISITOR.email);
    await page.getByRole('group', { name: 'How should we contact you?' }).getByLabel('E-mail').check();
    await page.getByLabel('What would you like help with?').fill('Depression for years. Lately it has been very dark.');
    await page.getByRole('group', { name: 'What kind of care are you interested in?' }).getByLabel('Individual therapy').check();
    await page.getByText('Optional pre-screen (about 10 minutes)').click();
    const cssrs = page.getByRole('group', { name: 'Thoughts of suicide' });
    const answer = async (question: RegExp, choice: 'Yes' | 'No'): Promise<void> => {
      await cssrs.getByRole('group', { name: question }).getByLabel(choice, { exact: true }).check();
    };
    await answer(/^1\. In the past month, have you wished you were dead/, 'Yes');
    await answer(/^2\. In the past month, have you had any actual thoughts/, 'Yes');
    await answer(/^3\. Have you been thinking about how/, 'Yes');
    await answer(/^4\. Have you had these thoughts and had some intention/, 'Yes');
    await answer(/^5\. Have you started to work out/, 'No');
    await answer(/^6\. Have you ever done anything/, 'No');
    await fullPage(page, 'public-inquire-phone');
    await page.getByRole('button', { name: 'Send my inquiry' }).click();

    const crisis = page.getByRole('alert').filter({ hasText: 'Please reach out for support now' });
    await crisis.waitFor();
    expect(await crisis.getByRole('link', { name: 'Call 988' }).getAttribute('href')).toBe('tel:988');
    expect(await crisis.getByRole('link', { name: 'Text 988' }).getAttribute('href')).toBe('sms:988');
    expect(await crisis.getByRole('link', { name: 'Call 911' }).getAttribute('href')).toBe('tel:911');
    // Crisis resources are the first thing on the page, above the confirmation.
    const crisisBox = await crisis.boundingBox();
    const thanks = await page.getByRole('heading', { name: 'Thank you, we have your inquiry' }).boundingBox();
    expect(crisisBox && thanks && crisisBox.y < thanks.y).toBe(true);
    expect((crisisBox?.y ?? 999)).toBeLessThan(PHONE.height);
    reference = (await page.locator('.reference').innerText()).trim();
    expect(reference).toMatch(/^LQ-/);
    await screenshot(page, 'public-crisis-phone');
    await fullPage(page, 'public-crisis-phone-full');
    await context.close();
  });

  it('shows staff the urgent alert, and lets them triage the inquiry and convert it to a patient', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, 'frontdesk@lantern.test');
    await waitForShell(page);
    const alert = page.getByRole('alert').filter({ hasText: `Urgent safety screen on inquiry ${reference}` });
    await alert.waitFor();
    await screenshot(page, 'staff-home-urgent-alert');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Intake' }).click();
    const table = page.getByRole('table', { name: 'Inquiries' });
    await table.waitFor();
    const firstRow = table.getByRole('row').nth(1);
    await firstRow.getByText(`${VISITOR.given} ${VISITOR.family}`).waitFor();
    await firstRow.getByText('Urgent: safety').waitFor();
    await screenshot(page, 'staff-intake-queue');

    await firstRow.getByRole('link', { name: `${VISITOR.given} ${VISITOR.family}` }).click();
    await page.getByRole('heading', { level: 1, name: `${VISITOR.given} ${VISITOR.family}` }).waitFor();
    await page.getByText('Safety: act today').waitFor();
    await page.getByText(/C-SSRS screener: high risk/).first().waitFor();
    await screenshot(page, 'staff-inquiry-top');
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Contacted' }).click();
    await page.getByText('Contacted', { exact: true }).first().waitFor();
    await page.getByLabel('Add a note').fill('Called at once; safety plan made; crisis line numbers confirmed.');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByText('Called at once; safety plan made').last().waitFor();
    await screenshot(page, 'staff-inquiry-detail');

    await page.getByRole('button', { name: 'Convert to patient' }).click();
    const dialog = page.getByRole('dialog', { name: 'Convert to patient' });
    await dialog.getByText(`${VISITOR.given} ${VISITOR.family}`).waitFor();
    await screenshot(page, 'staff-convert-dialog');
    await dialog.getByRole('button', { name: 'Create chart' }).click();
    await page.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: `${VISITOR.given} ${VISITOR.family}` }).waitFor();
    await screenshot(page, 'staff-converted-chart');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await alert.getByRole('button', { name: /Acknowledge/ }).click();
    await alert.waitFor({ state: 'detached' });
    await context.close();
  });

  it('lets an admin edit a public page with a preview', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, 'admin@lantern.test');
    await waitForShell(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Public pages' }).click();
    await page.getByRole('navigation', { name: 'Public pages' }).getByText('Frequently asked questions').click();
    const text = page.getByLabel('Page text (Markdown)');
    await text.waitFor();
    await text.fill('# Frequently asked questions\n\n### Do you take new clients?\n\nYes, <b>always</b>. [Start an inquiry](/inquire).');
    await page.getByRole('tab', { name: 'Preview' }).click();
    await page.getByLabel('Preview').getByRole('heading', { name: 'Do you take new clients?' }).waitFor();
    await screenshot(page, 'staff-public-page-preview');
    await page.getByRole('button', { name: 'Save page' }).click();
    await page.getByText('Page saved').waitFor();
    const visitor = await context.newPage();
    await visitor.goto('/faq');
    await visitor.getByRole('heading', { name: 'Do you take new clients?' }).waitFor();
    expect(await visitor.getByText('Yes, <b>always</b>.').count()).toBe(1);
    await context.close();
  });
});
