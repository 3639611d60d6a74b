import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { CountSheetView, PatientHeader, StockView } from '@lantern/core';
import { apiSession, type ApiSession } from './support/api.js';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import { DEMO_PASSWORD, signIn, waitForShell } from './support/flows.js';

/**
 * The ledger's corrections and rarer entries on the clinic tablet (issue #6): transfer, return to
 * stock and to the supplier, destruction on Form 41 with a witness, a theft and its loss checklist,
 * a count's discrepancy resolved by a physician's adjustment, and a reversal from the activity list.
 * Each test works on its own lots, received through the API, so it does not depend on the demo's.
 */

/** Picks an option of a Mantine select by its label, typing `search` first when given. */
async function choose(scope: Locator | Page, page: Page, label: string, option: RegExp, search = ''): Promise<void> {
  const input = scope.getByRole('combobox', { name: label, exact: true });
  await input.click();
  if (search) await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

async function openLedger(page: Page, email: string): Promise<void> {
  await signIn(page, email);
  await waitForShell(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Controlled substances' }).click();
  await page.getByRole('heading', { name: 'Controlled substances', level: 1 }).waitFor();
}

async function otherEntry(page: Page, item: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Other entries' }).click();
  await page.getByRole('menuitem', { name: item }).click();
  return page.getByRole('dialog');
}

const RUN = Date.now().toString(36).toUpperCase();
const VIALS = `CORR-V-${RUN}`;
const TROCHES = `CORR-T-${RUN}`;

describe('ledger corrections on the clinic tablet', () => {
  let browser: Browser;
  let nurseApi: ApiSession;
  let stock: StockView;
  let lockboxId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    nurseApi = await apiSession('nurse@lantern.test');
    stock = await nurseApi.get<StockView>('/api/ledger/stock');
    const safe = stock.locations.find((l) => l.name.startsWith('Safe A'));
    lockboxId = stock.locations.find((l) => l.name.startsWith('Procedure room lockbox'))?.id ?? '';
    const vial = stock.products.find((p) => p.form === 'injection_solution');
    const troche = stock.products.find((p) => p.form === 'troche');
    if (!safe || !vial || !troche || !lockboxId) throw new Error('The demo ledger is missing its locations or products');
    const receive = (productId: string, lotNumber: string, containerCount: number): Promise<unknown> =>
      nurseApi.send('POST', '/api/ledger/entries', {
        entry: {
          kind: 'receipt',
          lot: { id: crypto.randomUUID(), productId, lotNumber, expiresOn: '2028-06-30', supplier: { name: 'Great Plains Medical Supply', address: '2400 Distribution Way, Omaha, NE 68110', deaNumber: 'PG4382014' } },
          locationId: safe.id,
          invoiceNumber: `INV-${lotNumber}`,
          receivedOn: stock.today,
          containerCount,
        },
        witness: null,
      });
    await receive(vial.id, VIALS, 2);
    await receive(troche.id, TROCHES, 1);
    stock = await nurseApi.get<StockView>('/api/ledger/stock');
    // Two troches drawn for a session that is then cancelled before dosing.
    const [patient] = await nurseApi.get<PatientHeader[]>('/api/patients?q=Lindgren&limit=1');
    const bottle = stock.containers.find((c) => c.label === `${TROCHES} #1`);
    if (!patient || !bottle) throw new Error('No demo patient or troche bottle to draw for');
    await nurseApi.send('POST', '/api/ledger/entries', {
      entry: { kind: 'draw', containerId: bottle.id, locationId: bottle.locationId, amount: { units: 2 }, medicineSessionId: crypto.randomUUID(), administrationId: crypto.randomUUID(), patientId: patient.id },
      witness: null,
    });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('transfers a vial, returns a cancelled session’s troches to stock, and reverses a return to the supplier', async () => {
    const { context, page } = await openPage(browser);
    await openLedger(page, 'nurse@lantern.test');
    await page.getByRole('region', { name: /^Stock at Safe A/ }).waitFor();
    // The header's five actions fit the tablet without pushing the page sideways.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1024);
    await screenshot(page, 'ledger-corrections-header');

    // A nurse is not offered the adjustment: only physicians and administrators adjust.
    await page.getByRole('button', { name: 'Other entries' }).click();
    await page.getByRole('menuitem', { name: 'Transfer between locations' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Adjust a balance' }).count()).toBe(0);
    await page.keyboard.press('Escape');

    // Transfer vial #1 to the procedure-room lockbox.
    const transfer = await otherEntry(page, 'Transfer between locations');
    await choose(transfer, page, 'Container', new RegExp(`^${VIALS} #1,`));
    await expect.poll(() => transfer.getByRole('textbox', { name: 'From' }).inputValue()).toMatch(/^Safe A/);
    await choose(transfer, page, 'To', /Procedure room lockbox/);
    await screenshot(page, 'ledger-transfer');
    await transfer.getByRole('button', { name: 'Record transfer' }).click();
    await transfer.waitFor({ state: 'hidden' });
    await page.getByRole('region', { name: /^Stock at Procedure room lockbox/ }).getByTestId(`container-${VIALS} #1`).waitFor();

    // The session was cancelled: both troches go back, witnessed by the physician.
    const back = await otherEntry(page, 'Return a draw to stock');
    await choose(back, page, 'Draw', new RegExp(`^${TROCHES} #1: drawn 200.00 mg`));
    await expect.poll(() => back.getByRole('textbox', { name: /^Amount returned \(mg\)/ }).inputValue()).toBe('200.00');
    await choose(back, page, 'Witness', /Dr\. Samuel Reyes/);
    await back.getByLabel("Witness's password").fill(DEMO_PASSWORD);
    await screenshot(page, 'ledger-return-to-stock');
    await back.getByRole('button', { name: 'Return to stock' }).click();
    await back.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId(`container-${TROCHES} #1`).innerText()).toContain('3000.00 mg');

    // Return 1 mL of vial #2 to the supplier: a mistyped DEA number is refused with its reason, in the form.
    const supplier = await otherEntry(page, 'Return to supplier');
    await choose(supplier, page, 'Container', new RegExp(`^${VIALS} #2,`));
    await supplier.getByRole('textbox', { name: /^Amount returned \(mL\)/ }).fill('1');
    expect(await supplier.getByRole('textbox', { name: /^Supplier name/ }).inputValue()).toBe('Great Plains Medical Supply');
    await supplier.getByRole('textbox', { name: /^Supplier address/ }).fill('2400 Distribution Way, Omaha, NE 68110');
    await supplier.getByRole('textbox', { name: /^Supplier DEA number/ }).fill('PG4382015');
    await supplier.getByRole('textbox', { name: /^Return authorisation or invoice/ }).fill(`RA-${RUN}`);
    await supplier.getByRole('button', { name: 'Record return to supplier' }).click();
    const refused = supplier.getByRole('alert').filter({ hasText: 'The return was not recorded' });
    await refused.getByText(/DEA number:/).waitFor();
    await screenshot(page, 'ledger-return-to-supplier-refused');
    await supplier.getByRole('textbox', { name: /^Supplier DEA number/ }).fill('PG4382014');
    await supplier.getByRole('button', { name: 'Record return to supplier' }).click();
    await supplier.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId(`container-${VIALS} #2`).innerText()).toContain('900.00 mg (9.000 mL)');

    // It should not have gone: reverse it from the activity list, seeing what will be undone first.
    await page.getByRole('tab', { name: 'Activity' }).click();
    const entries = page.getByRole('table', { name: 'Ledger entries' });
    const row = entries.getByRole('row').filter({ hasText: `RA-${RUN}` });
    await row.getByRole('button', { name: /^Reverse return to supplier/ }).click();
    const reversal = page.getByRole('dialog', { name: 'Reverse an entry' });
    await expect.poll(() => reversal.getByRole('list', { name: 'What will be undone' }).innerText()).toContain(`${VIALS} #2: the balance changes by +100.00 mg.`);
    await reversal.getByRole('textbox', { name: /^Reason for the reversal/ }).fill(`Supplier declined the return (run ${RUN}); the vial stays in Safe A`);
    await screenshot(page, 'ledger-reversal');
    await reversal.getByRole('button', { name: 'Record reversal' }).click();
    await reversal.waitFor({ state: 'hidden' });
    await row.getByText('reversed').waitFor();
    expect(await row.getByRole('button', { name: /^Reverse/ }).count()).toBe(0);
    await entries.getByText(`Reversal of an earlier entry: Supplier declined the return (run ${RUN})`).waitFor();
    await screenshot(page, 'ledger-activity-reversed');
    await page.getByRole('tab', { name: 'Stock' }).click();
    await expect.poll(() => page.getByTestId(`container-${VIALS} #2`).innerText()).toContain('1000.00 mg (10.000 mL)');
    await context.close();
  });

  it('destroys stock through a reverse distributor with a witness, records a theft and works through its loss checklist', async () => {
    const { context, page } = await openPage(browser);
    await openLedger(page, 'nurse@lantern.test');

    const destruction = await otherEntry(page, 'Destruction (DEA Form 41)');
    await choose(destruction, page, 'Container', new RegExp(`^${VIALS} #2,`));
    await destruction.getByRole('textbox', { name: /^Amount destroyed \(mL\)/ }).fill('1');
    await destruction.getByRole('textbox', { name: /^DEA Form 41 reference/ }).fill(`F41-${RUN}`);
    await destruction.getByRole('textbox', { name: /^Reverse distributor name/ }).fill('Northstar Returns');
    await destruction.getByRole('textbox', { name: /^Reverse distributor DEA number/ }).fill('RM7193054');
    await destruction.getByRole('textbox', { name: /^Reverse distributor address/ }).fill('88 Cedar Ave, Minneapolis, MN 55404');
    await choose(destruction, page, 'Witness', /Dr\. Samuel Reyes/);
    await destruction.getByLabel("Witness's password").fill(DEMO_PASSWORD);
    await screenshot(page, 'ledger-destruction');
    await destruction.getByRole('button', { name: 'Record destruction' }).click();
    await destruction.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId(`container-${VIALS} #2`).innerText()).toContain('900.00 mg (9.000 mL)');

    // Two troches are missing from the bottle: a theft, and straight on to its checklist.
    const theft = await otherEntry(page, 'Loss or theft (DEA Form 106)');
    await choose(theft, page, 'Container', new RegExp(`^${TROCHES} #1,`));
    await theft.getByText('Theft', { exact: true }).click();
    await theft.getByRole('textbox', { name: /^Amount lost \(units\)/ }).fill('2');
    await screenshot(page, 'ledger-loss-theft');
    await theft.getByRole('button', { name: 'Record theft' }).click();
    await theft.getByRole('status').getByText('Theft recorded').waitFor();
    await screenshot(page, 'ledger-loss-theft-recorded');
    await theft.getByRole('button', { name: 'Open the loss checklist' }).click();
    await theft.waitFor({ state: 'hidden' });

    await page.getByRole('tab', { name: 'Losses', selected: true }).waitFor();
    const report = page.getByRole('region', { name: /^Theft of 200\.00 mg, discovered/ }).first();
    const checklist = report.getByRole('table');
    await checklist.getByText('Notify the DEA Field Division in writing').waitFor();
    expect(await checklist.getByText(/due (today|tomorrow|in \d+ days)/).count()).toBeGreaterThanOrEqual(4);
    await screenshot(page, 'ledger-loss-report');

    await report.getByRole('button', { name: 'Mark done: Notify the DEA Field Division in writing' }).click();
    const step = page.getByRole('dialog', { name: 'Mark a checklist step done' });
    expect(await step.getByLabel('Done on').inputValue()).toBe(stock.today);
    await step.getByRole('textbox', { name: /^Letter or e-mail reference/ }).fill(`DEA-FD-${RUN}`);
    await screenshot(page, 'ledger-loss-step');
    await step.getByRole('button', { name: 'Mark done' }).click();
    await step.waitFor({ state: 'hidden' });
    const deaRow = checklist.getByRole('row').filter({ hasText: 'Notify the DEA Field Division in writing' });
    await deaRow.getByText(`ref. DEA-FD-${RUN}`).waitFor();
    await deaRow.getByText('by Grace Whitehorse, RN').waitFor();
    expect(await deaRow.getByRole('button', { name: /^Mark done/ }).count()).toBe(0);

    // Form 106 cannot be marked done without its confirmation number: the form says so before sending.
    await report.getByRole('button', { name: 'Mark done: File DEA Form 106 electronically' }).click();
    const form106 = page.getByRole('dialog', { name: 'Mark a checklist step done' });
    await form106.getByText('Still needed: form 106 confirmation number').waitFor();
    expect(await form106.getByRole('button', { name: 'Mark done' }).isDisabled()).toBe(true);
    await form106.getByRole('button', { name: 'Cancel' }).click();
    await form106.waitFor({ state: 'hidden' });

    // A report can also be opened from the Losses tab for entries already recorded, but each loss is
    // reported once: the theft is on its report already, so only a loss recorded since is offered.
    await page.getByRole('button', { name: 'Open a loss report' }).click();
    let opening = page.getByRole('dialog', { name: 'Open a loss report' });
    await opening.getByText(/^Every recorded loss or theft is already on a report or was reversed/).waitFor();
    await opening.getByRole('button', { name: 'Cancel' }).click();
    await opening.waitFor({ state: 'hidden' });
    const lost = await otherEntry(page, 'Loss or theft (DEA Form 106)');
    await choose(lost, page, 'Container', new RegExp(`^${TROCHES} #1,`));
    await lost.getByRole('textbox', { name: /^Amount lost \(units\)/ }).fill('1');
    await lost.getByRole('button', { name: 'Record loss' }).click();
    await lost.getByRole('status').getByText('Loss recorded').waitFor();
    await lost.getByRole('button', { name: 'Not now' }).click();
    await lost.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Open a loss report' }).click();
    opening = page.getByRole('dialog', { name: 'Open a loss report' });
    await opening.getByRole('checkbox', { name: new RegExp(`^${TROCHES} #1: Loss of 100 mg`) }).waitFor();
    expect(await opening.getByRole('checkbox', { name: new RegExp(`^${TROCHES} #1: Theft of 200 mg`) }).count()).toBe(0);
    await screenshot(page, 'ledger-open-loss-report');
    await opening.getByRole('button', { name: 'Cancel' }).click();
    await context.close();
  });

  it('lets a physician resolve a count’s shortfall with an adjustment and adjust a balance from the menu', async () => {
    const { context, page } = await openPage(browser);
    await openLedger(page, 'physician@lantern.test');

    // An unscheduled count of the lockbox finds vial #1 short by 0.1 mL; the nurse confirms as second counter.
    await page.getByRole('tab', { name: 'Count' }).click();
    await choose(page, page, 'Location', /Procedure room lockbox/);
    await choose(page, page, 'Count', /Unscheduled/);
    const sheet = await nurseApi.get<CountSheetView>(`/api/ledger/count-sheet?locationId=${lockboxId}`);
    for (const line of sheet.lines) {
      const unit = line.expectedMl !== null ? 'mL' : 'units';
      const expected = line.expectedMl ?? String(Number(line.expectedMg) / 100);
      const counted = line.label === `${VIALS} #1` ? '9.9' : expected;
      await page.getByRole('textbox', { name: `Counted ${unit} in ${line.label}` }).fill(counted);
    }
    await choose(page, page, 'Second counter', /Grace Whitehorse/);
    await page.getByLabel("Second counter's password").fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Record count' }).click();
    await page.getByRole('status', { name: 'Count result' }).getByText('1 discrepancy').waitFor();

    const open = page.getByRole('region', { name: 'Discrepancies to resolve' });
    await open.scrollIntoViewIfNeeded();
    await screenshot(page, 'ledger-discrepancies');
    await open.getByRole('button', { name: new RegExp(`^Resolve the discrepancy of ${VIALS} #1 counted on `) }).click();
    const resolve = page.getByRole('dialog', { name: 'Resolve a discrepancy' });
    await resolve.getByRole('radio', { name: /^Adjusted/ }).check();
    await resolve.getByRole('textbox', { name: /^What caused the difference/ }).fill('0.1 mL lost in the hub of a syringe when drawing up');
    await expect.poll(() => resolve.getByRole('combobox', { name: 'Adjustment entry', exact: true }).inputValue()).toBe('Record an adjustment now: decrease by 10.00 mg');
    await screenshot(page, 'ledger-resolve-discrepancy');
    await resolve.getByRole('button', { name: 'Resolve discrepancy' }).click();
    await resolve.waitFor({ state: 'hidden' });
    await expect.poll(() => open.getByRole('button', { name: new RegExp(`^Resolve the discrepancy of ${VIALS} #1`) }).count()).toBe(0);

    await page.getByRole('tab', { name: 'Stock' }).click();
    await expect.poll(() => page.getByTestId(`container-${VIALS} #1`).innerText()).toContain('990.00 mg (9.900 mL)');

    // A physician may also adjust from the menu, with a reason.
    const adjust = await otherEntry(page, 'Adjust a balance');
    await choose(adjust, page, 'Container', new RegExp(`^${VIALS} #2,`));
    await adjust.getByText('Increase the balance', { exact: true }).click();
    await adjust.getByRole('textbox', { name: /^Amount \(mL\)/ }).fill('0.5');
    await adjust.getByRole('textbox', { name: /^Reason/ }).fill('Destruction recorded 0.5 mL too much: the reverse distributor’s receipt says 0.5 mL');
    await screenshot(page, 'ledger-adjustment');
    await adjust.getByRole('button', { name: 'Record adjustment' }).click();
    await adjust.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId(`container-${VIALS} #2`).innerText()).toContain('950.00 mg (9.500 mL)');

    await page.getByRole('tab', { name: 'Activity' }).click();
    await page.getByRole('table', { name: 'Ledger entries' }).getByText('Adjusted down by 10 mg (0.1 mL): 0.1 mL lost in the hub of a syringe when drawing up').first().waitFor();
    await context.close();
  });
});
