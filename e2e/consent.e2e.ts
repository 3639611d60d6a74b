import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addClinicMonths, type PatientConsentsResponse, type PatientHeader } from '@lantern/core';
import { consentSigningPath, patientConsentsPath } from '../packages/web/src/app/paths.js';
import { apiSession } from './support/api.js';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import { signIn, waitForShell } from './support/flows.js';

const ARTIFACTS = path.resolve(import.meta.dirname, '../.artifacts');

/** Draws a signature on the pad with the mouse: a looping first name, a line through, a flourish. */
async function drawSignature(page: Page): Promise<void> {
  const pad = page.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('the signature pad is not on screen');
  const at = (x: number, y: number): [number, number] => [box.x + box.width * x, box.y + box.height * y];
  const strokes: [number, number][][] = [
    Array.from({ length: 40 }, (_, i) => [0.08 + i * 0.012, 0.55 - Math.sin(i / 3) * 0.22]),
    [[0.1, 0.72], [0.35, 0.68], [0.6, 0.7]],
    Array.from({ length: 20 }, (_, i) => [0.62 + i * 0.015, 0.5 + Math.cos(i / 2) * 0.15]),
  ];
  for (const stroke of strokes) {
    const [first, ...rest] = stroke.map(([x, y]) => at(x, y));
    if (!first) continue;
    await page.mouse.move(...first);
    await page.mouse.down();
    for (const point of rest) await page.mouse.move(...point, { steps: 3 });
    await page.mouse.up();
  }
}

describe('informed consent on the clinic tablet', () => {
  let browser: Browser;
  let patient: PatientHeader;
  beforeAll(async () => {
    browser = await launchBrowser();
    const patients = await (await apiSession('frontdesk@lantern.test')).get<PatientHeader[]>('/api/patients');
    const found = patients.find((candidate) => candidate.status === 'active') ?? patients[0];
    if (!found) throw new Error('The demo seed has no patients');
    patient = found;
  });
  afterAll(async () => {
    await browser.close();
  });

  it('lets staff hand over the tablet, the patient draw and sign the KAP consent, and the PDF download', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, 'nurse@lantern.test');
    await waitForShell(page);
    await page.goto(patientConsentsPath(patient.id));
    await page.getByRole('table', { name: 'Consent status' }).waitFor();
    await page.getByText(/^KAP consent v1 not yet signed$/).waitFor();
    await screenshot(page, 'consent-panel-before');

    await page.getByRole('link', { name: 'Present for signing: KAP treatment consent' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(consentSigningPath(patient.id, 'kap_treatment'));
    const firstName = patient.preferredName ?? patient.legalName;
    await page.getByRole('heading', { name: `Please hand the tablet to ${firstName}` }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await screenshot(page, 'consent-handover');

    await page.getByRole('button', { name: 'Start reading' }).click();
    await page.getByRole('heading', { name: 'Informed Consent for Ketamine-Assisted Psychotherapy' }).waitFor();
    await page.getByText('Do not drive, ride a bicycle or operate machinery for 24 hours').waitFor();
    await screenshot(page, 'consent-signing-document');

    const sign = page.getByRole('button', { name: /^Sign / });
    await page.getByLabel('Type your full name').fill(patient.legalName);
    expect(await sign.isDisabled()).toBe(true);
    await drawSignature(page);
    await expect.poll(() => page.getByRole('img', { name: 'Signature pad, with a drawn signature' }).count()).toBe(1);
    // Undo takes back the last stroke; the rest of the signature stays.
    await page.getByRole('button', { name: 'Undo last stroke' }).click();
    await page.getByRole('img', { name: 'Signature pad, with a drawn signature' }).waitFor();
    await page.getByRole('checkbox', { name: /I have read this document/ }).check();
    expect(await sign.isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'Clear signature' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'consent-signing-signature');
    await sign.click();

    await page.getByRole('heading', { name: `Thank you, ${firstName}` }).waitFor();
    await screenshot(page, 'consent-signed');
    await page.getByRole('button', { name: 'Staff: back to the consents' }).click();
    await page.getByText('KAP consent is current').waitFor();
    const kapRow = page.getByRole('table', { name: 'Consent status' }).getByRole('row').filter({ hasText: 'KAP treatment consent' });
    await kapRow.getByText('Current', { exact: true }).waitFor();
    await page.getByRole('table', { name: 'Signing history' }).getByText('with drawn signature').waitFor();
    await screenshot(page, 'consent-panel-after');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      kapRow.getByRole('link', { name: /^Download PDF of the signed KAP treatment consent/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^consent-kap_treatment-v1-[0-9a-f]{8}\.pdf$/);
    mkdirSync(ARTIFACTS, { recursive: true });
    const saved = path.join(ARTIFACTS, 'consent-kap-signed.pdf');
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const status = await (await apiSession('nurse@lantern.test')).get<PatientConsentsResponse>(`/api/patients/${patient.id}/consents`);
    expect(status.kapConsent).toBeNull();
    expect(status.consents[0]).toMatchObject({ kind: 'kap_treatment', typedName: patient.legalName, hasDrawnSignature: true, witness: { name: 'Grace Whitehorse, RN' } });
    await context.close();
  });

  it('takes a release authorization signed with the keyboard only, valid for one year by default', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, 'frontdesk@lantern.test');
    await waitForShell(page);
    await page.goto(consentSigningPath(patient.id, 'mhra_release'));
    await page.getByRole('button', { name: 'Start reading' }).click();
    await page.getByLabel('Who may receive the records').fill('Dr. Ana Lee, Northside Family Medicine');
    await page.getByLabel('Which records may be released').fill('Treatment summary and current medication list');
    await page.getByLabel('Type your full name').fill(patient.legalName);
    await page.getByRole('checkbox', { name: /I have read this document/ }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: /^Sign / }).focus();
    await screenshot(page, 'consent-release-signing');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Thank you/ }).waitFor();
    await page.getByRole('button', { name: 'Staff: back to the consents' }).click();
    const row = page.getByRole('table', { name: 'Release authorizations' }).getByRole('row').filter({ hasText: 'Dr. Ana Lee' });
    await row.getByText('Active', { exact: true }).waitFor();
    const status = await (await apiSession('frontdesk@lantern.test')).get<PatientConsentsResponse>(`/api/patients/${patient.id}/consents`);
    const release = status.releases.find((item) => item.recipient.startsWith('Dr. Ana Lee'));
    expect(release?.expiresOn).toBe(addClinicMonths(release?.signedOn ?? '', 12));
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'consent-release-listed');
    await context.close();
  });

  it('asks for re-consent once an admin publishes a new version', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, 'admin@lantern.test');
    await waitForShell(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Consent documents' }).click();
    await page.getByRole('heading', { name: 'Consent documents', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Versions' }).getByText('Version 1').waitFor();
    await page.getByRole('button', { name: 'Write version 2' }).click();
    const text = page.getByLabel('Text (Markdown)');
    await text.fill(`${await text.inputValue()}\n\n## Music during sessions\nWe play music through headphones during medicine sessions; tell us if you would rather not.`);
    await page.getByLabel('What changed (optional)').fill('Added the section on music');
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'consent-document-editor');
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish version 2?' });
    await dialog.getByText('must re-consent before their next medicine session').waitFor();
    await dialog.getByRole('button', { name: 'Publish version 2' }).click();
    await page.getByRole('navigation', { name: 'Versions' }).getByText('Version 2').waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'consent-document-versions');
    await context.close();

    const nurse = await openPage(browser);
    await signIn(nurse.page, 'nurse@lantern.test');
    await waitForShell(nurse.page);
    await nurse.page.goto(patientConsentsPath(patient.id));
    await nurse.page.getByText(/^KAP consent v2 not yet signed \(v1 signed on/).waitFor();
    await nurse.page.getByRole('table', { name: 'Consent status' }).getByText('Re-consent needed').waitFor();
    await screenshot(nurse.page, 'consent-panel-reconsent');
    await nurse.context.close();
  });
});
