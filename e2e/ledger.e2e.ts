import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { LedgerVerifyView, StockView } from '@lantern/core';
import { apiSession } from './support/api.js';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import { DEMO_PASSWORD, signIn, waitForShell } from './support/flows.js';

/** Picks an option of a Mantine select by its label, typing `search` first when given. */
async function choose(scope: Locator | Page, page: Page, label: string, option: RegExp, search = ''): Promise<void> {
  const input = scope.getByRole('combobox', { name: label, exact: true });
  await input.click();
  if (search) await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

const LOT = `E2E-${Date.now().toString(36).toUpperCase()}`;

describe('the controlled-substance ledger on the clinic tablet', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('receives stock, draws for a session, records witnessed waste and takes the end-of-day count', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, 'nurse@lantern.test');
    await waitForShell(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Controlled substances' }).click();
    await page.getByRole('heading', { name: 'Controlled substances', level: 1 }).waitFor();
    await page.getByRole('region', { name: /^Stock at Safe A/ }).waitFor();
    await screenshot(page, 'ledger-stock');

    // Receive two vials of a new lot.
    await page.getByRole('button', { name: 'Receive stock' }).click();
    const receipt = page.getByRole('dialog', { name: 'Receive stock' });
    await choose(receipt, page, 'Product', /100 mg\/mL, 10 mL vial/);
    await receipt.getByRole('textbox', { name: 'Lot number', exact: false }).fill(LOT);
    await receipt.getByLabel('Expires on').fill('2028-06-30');
    await receipt.getByRole('textbox', { name: 'Containers', exact: false }).fill('2');
    await choose(receipt, page, 'Store in', /Safe A/);
    await receipt.getByRole('textbox', { name: 'Invoice or packing slip', exact: false }).fill('INV-77120');
    await receipt.getByRole('textbox', { name: 'Supplier', exact: false }).first().fill('Great Plains Medical Supply');
    await receipt.getByRole('textbox', { name: 'Supplier DEA number', exact: false }).fill('PG4382014');
    await receipt.getByRole('textbox', { name: 'Supplier address', exact: false }).fill('2400 Distribution Way, Omaha, NE 68110');
    await screenshot(page, 'ledger-receive');
    await receipt.getByRole('button', { name: 'Record receipt' }).click();
    await receipt.waitFor({ state: 'hidden' });
    const firstVial = page.getByTestId(`container-${LOT} #1`);
    await expect.poll(() => firstVial.innerText()).toContain('1000.00 mg (10.000 mL)');

    // Draw 0.6 mL for a patient's medicine session.
    await page.getByRole('button', { name: 'Draw', exact: true }).click();
    const draw = page.getByRole('dialog', { name: 'Draw for a medicine session' });
    await choose(draw, page, 'Container', new RegExp(`^${LOT} #1`));
    await draw.getByText('mL', { exact: true }).click();
    await draw.getByRole('textbox', { name: 'Amount in mL', exact: false }).fill('0.6');
    await choose(draw, page, 'Patient', /Lindgren/, 'Lindgren');
    await screenshot(page, 'ledger-draw');
    await draw.getByRole('button', { name: 'Record draw' }).click();
    await draw.waitFor({ state: 'hidden' });
    await expect.poll(() => firstVial.innerText()).toContain('940.00 mg (9.400 mL)');

    // 0.5 mL given; the 10 mg left in the syringe is wasted in front of the physician, who signs in on this tablet.
    await page.getByRole('button', { name: 'Witnessed waste' }).click();
    const waste = page.getByRole('dialog', { name: 'Witnessed waste' });
    await choose(waste, page, 'Draw', new RegExp(`^${LOT} #1: drawn 60.00 mg`));
    await waste.getByRole('textbox', { name: 'Amount wasted (mg)', exact: false }).fill('10');
    await choose(waste, page, 'Witness', /Dr\. Samuel Reyes/);
    await waste.getByLabel("Witness's password").fill(DEMO_PASSWORD);
    await screenshot(page, 'ledger-waste-witness');
    await waste.getByRole('button', { name: 'Record witnessed waste' }).click();
    await waste.waitFor({ state: 'hidden' });
    await page.getByRole('tab', { name: 'Activity' }).click();
    const entries = page.getByRole('table', { name: 'Ledger entries' });
    await entries.getByText('witness: Dr. Samuel Reyes').first().waitFor();
    await screenshot(page, 'ledger-activity');

    // End-of-day count at Safe A: the counters enter what they find; the physician confirms as second counter.
    await page.getByRole('tab', { name: 'Count' }).click();
    await choose(page, page, 'Location', /Safe A/);
    await choose(page, page, 'Count', /End of day/);
    const stock = await (await apiSession('nurse@lantern.test')).get<StockView>('/api/ledger/stock');
    for (const container of stock.containers.filter((c) => c.locationName.startsWith('Safe A'))) {
      const unit = container.balanceMl !== null ? 'mL' : 'units';
      const value = container.balanceMl ?? String(Number(container.balanceMg) / 100);
      await page.getByRole('textbox', { name: `Counted ${unit} in ${container.label}` }).fill(value);
    }
    await choose(page, page, 'Second counter', /Dr\. Samuel Reyes/);
    await page.getByLabel("Second counter's password").fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Record count' }).click();
    const result = page.getByRole('status', { name: 'Count result' });
    await result.getByText('All match').waitFor();
    await expect.poll(() => result.innerText()).toContain('Count recorded by Grace Whitehorse, RN and Dr. Samuel Reyes');
    await screenshot(page, 'ledger-count');

    await page.getByRole('tab', { name: 'Reports' }).click();
    await page.getByRole('link', { name: 'Dispensing / administration log as PDF' }).waitFor();
    await screenshot(page, 'ledger-reports');
    await page.getByRole('button', { name: 'Verify ledger' }).click();
    await page.getByText('Ledger intact').waitFor();
    const verdict = await (await apiSession('auditor@lantern.test')).get<LedgerVerifyView>('/api/ledger/verify');
    expect(verdict.ok).toBe(true);
    await context.close();
  });
});
