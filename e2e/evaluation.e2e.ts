import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { CareTeamCandidate, PatientHeader } from '@lantern/core';
import { patientChartTabPath } from '../packages/web/src/app/paths.js';
import { apiSession } from './support/api.js';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import { signIn, waitForShell } from './support/flows.js';

const THERAPIST = 'therapist@lantern.test';
const PHYSICIAN = 'physician@lantern.test';

/** Answers every yes/no question in `region` with `answer` (questions already answered are re-answered). */
async function answerAll(region: Locator, answer: 'Yes' | 'No'): Promise<void> {
  const groups = region.getByRole('radiogroup');
  for (let index = 0; index < (await groups.count()); index += 1) {
    const option = groups.nth(index).getByRole('radio', { name: answer, exact: true });
    if ((await option.count()) === 1) await option.check();
  }
}

/** Waits for the toasts to close by themselves and scrolls to the top, so a screenshot shows the chart header. */
async function settle(page: Page, top = true): Promise<void> {
  await expect.poll(() => page.getByRole('button', { name: 'Dismiss notification' }).count(), { timeout: 10_000 }).toBe(0);
  if (top) await page.evaluate('window.scrollTo(0, 0)');
}

function section(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title, exact: true });
}

async function choose(region: Locator, group: string, option: string): Promise<void> {
  await region.getByRole('radiogroup', { name: group }).getByRole('radio', { name: option, exact: true }).check();
}

async function signNote(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('list', { name: 'Before this note can be signed' }).count()).toBe(0);
  await page.getByRole('button', { name: 'Sign note' }).click();
  await page.getByRole('dialog', { name: 'Sign and lock this note?' }).getByRole('button', { name: 'Sign and lock' }).click();
  await page.getByText('Signed and locked', { exact: true }).waitFor();
}

describe('the evaluation phase in the browser', () => {
  let browser: Browser;
  let patient: PatientHeader;

  beforeAll(async () => {
    browser = await launchBrowser();
    // A demo patient referred for evaluation, with the demo therapist and physician on the care team.
    const desk = await apiSession('frontdesk@lantern.test');
    const clinicians = await desk.get<CareTeamCandidate[]>('/api/care-team/candidates');
    const therapist = clinicians.find((c) => c.displayName.startsWith('Jonah Feld'));
    const physician = clinicians.find((c) => c.displayName === 'Dr. Samuel Reyes');
    if (!therapist || !physician) throw new Error('The demo clinic lacks its therapist or physician');
    patient = await desk.send<PatientHeader>('POST', '/api/patients', {
      legalGivenName: 'Juniper',
      legalFamilyName: 'Ashby-Okonkwo',
      preferredName: 'June',
      pronouns: 'she/her',
      dateOfBirth: '1984-08-19',
      careTeam: [
        { userId: therapist.userId, role: 'therapist' },
        { userId: physician.userId, role: 'physician' },
      ],
    });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('has the therapist complete and sign the diagnostic evaluation', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, THERAPIST);
    await waitForShell(page);
    await page.goto(patientChartTabPath(patient.id, 'profile'));
    await page.getByRole('heading', { name: 'Juniper Ashby-Okonkwo', level: 1 }).waitFor();
    await page.getByLabel('Eligibility: Evaluation not started').first().waitFor();
    await screenshot(page, 'chart-profile');

    await page.getByRole('tab', { name: 'Evaluations' }).click();
    await page.getByRole('button', { name: 'Start therapist diagnostic evaluation' }).click();
    await section(page, 'Presenting concerns').waitFor();
    await section(page, 'Presenting concerns').getByRole('textbox', { name: 'Presenting concerns' }).fill('Six years of recurrent low mood; <b>two</b> SSRIs without lasting benefit. Wants to return to work.');
    const history = section(page, 'History');
    await history.getByRole('textbox', { name: 'Psychiatric history' }).fill('Major depression since 2020; no hospitalization, mania or psychosis.');
    await history.getByRole('textbox', { name: 'Substance use history' }).fill('Wine at weekends (two glasses); no other substances.');
    const diagnoses = section(page, 'Diagnoses');
    await diagnoses.getByLabel('Add a diagnosis', { exact: true }).fill('F33');
    await page.getByRole('option', { name: /^F33\.1 — / }).click();
    await diagnoses.getByText('F33.1 Major depressive disorder, recurrent, moderate').waitFor();
    await diagnoses.getByRole('textbox', { name: 'Formulation' }).fill('Recurrent major depression, moderate, not responding to two adequate trials.');
    await answerAll(section(page, 'Psychiatric screen'), 'No');
    const risk = section(page, 'Risk assessment (C-SSRS)');
    await answerAll(risk, 'No');
    await risk.getByText('C-SSRS risk: none').waitFor();
    await risk.getByRole('textbox', { name: 'Safety plan' }).fill('Safety plan written together; 988 and the clinic line on the card.');
    await screenshot(page, 'evaluation-editor');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft saved').waitFor();
    const goals = section(page, 'Goals');
    await goals.getByRole('button', { name: 'Add a goal' }).click();
    await goals.getByRole('textbox', { name: 'Goal 1' }).fill('Fewer days lost to low mood');
    await choose(section(page, 'Suitability for KAP'), 'Suitability for KAP', 'Suitable');
    await section(page, 'Suitability for KAP').getByRole('textbox', { name: 'Rationale' }).fill('Motivated, well supported, no psychotic or manic history.');
    await signNote(page);
    await page.getByText('Six years of recurrent low mood; <b>two</b> SSRIs').waitFor();
    await settle(page);
    await screenshot(page, 'evaluation-signed');
    await page.getByLabel('Eligibility: In evaluation').first().waitFor();

    // The evaluation's diagnosis is on the problem list; the decision waits for the physician exam.
    await page.getByRole('tab', { name: 'Diagnoses' }).click();
    await page.getByRole('table', { name: 'Diagnoses' }).getByText('F33.1', { exact: true }).waitFor();
    await settle(page);
    await screenshot(page, 'chart-diagnoses');
    await page.getByRole('tab', { name: 'Eligibility' }).click();
    await page.getByRole('list', { name: 'Before a physician can record the decision' }).getByText('The physician exam must be signed by a physician').waitFor();
    await screenshot(page, 'eligibility-waiting');
    await context.close();
  });

  it('has the physician reconcile medications, complete and sign the exam, and record the decision', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, PHYSICIAN);
    await waitForShell(page);
    await page.goto(patientChartTabPath(patient.id, 'medications'));
    const addMedication = page.getByRole('form', { name: 'Add a medication' });
    await addMedication.getByRole('textbox', { name: 'Medication', exact: true }).fill('lorazepam');
    await addMedication.getByLabel(/^Class/).click();
    await page.getByRole('option', { name: 'Benzodiazepine' }).click();
    await addMedication.getByRole('textbox', { name: 'Total daily dose' }).fill('0.5');
    await addMedication.getByRole('button', { name: 'Add medication' }).click();
    const table = page.getByRole('table', { name: 'Medications' });
    await table.getByText('Low interaction · flag only').waitFor();
    await page.getByText('Benzodiazepines: 5 mg diazepam-equivalent a day', { exact: true }).waitFor();
    await settle(page);
    await screenshot(page, 'chart-medications');

    await page.getByRole('tab', { name: 'Evaluations' }).click();
    await page.getByRole('button', { name: 'Start physician medical eligibility exam' }).click();
    await section(page, '1. Psychiatric history').waitFor();
    for (const title of ['1. Psychiatric history', '2. Suicide risk (C-SSRS) and safety plan', '3. Substance use', '4. Cardiovascular', '5. Neurological and ophthalmic', '6. Hepatic and urologic', '8. Pregnancy and breastfeeding', '10. Baseline vitals, height and weight', '11. Allergies', '12. Escort and transport plan']) {
      await answerAll(section(page, title), 'No');
    }
    await section(page, '1. Psychiatric history').getByRole('textbox', { name: 'Psychiatric history and diagnoses' }).fill('Recurrent major depression; no psychosis, mania or dissociation.');
    await section(page, '2. Suicide risk (C-SSRS) and safety plan').getByRole('textbox', { name: 'Safety plan' }).fill('Reviewed the safety plan from the evaluation.');
    const substance = section(page, '3. Substance use');
    await substance.getByLabel('AUDIT-C total').fill('2');
    await substance.getByLabel('DAST-10 total').fill('0');
    const heart = section(page, '4. Cardiovascular');
    await choose(heart, 'Hypertension', 'None');
    await choose(heart, 'EKG', 'Not indicated');
    await heart.scrollIntoViewIfNeeded();
    await screenshot(page, 'exam-cardiovascular');
    await choose(section(page, '6. Hepatic and urologic'), 'Child-Pugh class', 'Not assessed');
    await choose(section(page, '7. Thyroid'), 'Hyperthyroidism', 'None');
    const reproductive = section(page, '8. Pregnancy and breastfeeding');
    await choose(reproductive, 'Pregnancy status', 'Not pregnant');
    await choose(reproductive, 'Contraception counselling given', 'Yes');
    await section(page, '9. Medication reconciliation').getByLabel('I have reconciled the medication list with the patient').check();
    const vitals = section(page, '10. Baseline vitals, height and weight');
    for (const [label, value] of [['Systolic blood pressure', '124'], ['Diastolic blood pressure', '80'], ['Heart rate', '70'], ['SpO2', '98'], ['Height', '168'], ['Weight', '64.5']] as const) {
      await vitals.getByLabel(label).fill(value);
    }
    await section(page, '11. Allergies').getByLabel('I have reviewed the allergies with the patient').check();
    const escort = section(page, '12. Escort and transport plan');
    await choose(escort, 'An escort will take the patient home after each session', 'Yes');
    await escort.getByRole('textbox', { name: 'Transport plan' }).fill('Her sister drives her home after every medicine session.');
    const determination = section(page, '13. Determination');
    await choose(determination, 'Recommendation', 'Eligible');
    await determination.getByRole('textbox', { name: 'Rationale' }).fill('No contraindication found; lorazepam below the clinic threshold.');
    await screenshot(page, 'exam-editor');
    await signNote(page);
    await settle(page, false);
    await screenshot(page, 'exam-signed');

    await page.getByRole('tab', { name: 'Contraindications' }).click();
    await page.getByText('No contraindication found').waitFor();
    await settle(page);
    await screenshot(page, 'chart-contraindications');

    await page.getByRole('tab', { name: 'Eligibility' }).click();
    await page.getByLabel('Eligibility: Ready for decision').first().waitFor();
    const form = page.getByRole('form', { name: 'Record the eligibility decision' });
    await choose(form, 'Determination', 'Eligible with conditions');
    await form.getByRole('textbox', { name: 'Condition 1' }).fill('Oral route for the first two medicine sessions');
    await screenshot(page, 'eligibility-form');
    await form.getByRole('button', { name: 'Sign decision' }).click();
    await page.getByRole('dialog', { name: 'Sign the eligibility decision?' }).getByRole('button', { name: 'Sign decision' }).click();
    await page.getByRole('article', { name: 'Current decision' }).getByText('Oral route for the first two medicine sessions').waitFor();
    await page.getByLabel('Eligibility: Eligible with conditions').first().waitFor();
    await settle(page);
    await screenshot(page, 'eligibility-recorded');

    // New contraindicating information re-opens the decision, visibly.
    await page.getByRole('tab', { name: 'Contraindications' }).click();
    const report = page.getByRole('form', { name: 'Report a condition' });
    await report.getByLabel(/^Condition/).click();
    await page.getByRole('option', { name: 'Pregnancy', exact: true }).click();
    await report.getByRole('textbox', { name: 'Note' }).fill('Positive test reported by phone');
    await report.getByRole('button', { name: 'Report condition' }).click();
    await page.getByLabel('Eligibility: Eligibility re-opened').first().waitFor();
    await page.getByRole('article', { name: 'Absolute: pregnancy' }).waitFor();
    await settle(page);
    await screenshot(page, 'eligibility-reopened');
    await context.close();
  });

  it('shows front desk the header, the eligibility badge and the profile, never the clinical tabs', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, 'frontdesk@lantern.test');
    await waitForShell(page);
    await page.goto(patientChartTabPath(patient.id, 'evaluations'));
    await page.getByRole('heading', { name: 'Juniper Ashby-Okonkwo', level: 1 }).waitFor();
    await page.getByLabel('Eligibility: Eligibility re-opened').first().waitFor();
    const tabs = page.getByRole('tablist', { name: 'Chart sections' }).getByRole('tab');
    expect(await tabs.allInnerTexts()).toEqual(['Profile']);
    await page.getByRole('button', { name: 'Edit profile' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit profile' });
    await dialog.getByRole('textbox', { name: 'Street address' }).fill('2210 Minnehaha Ave');
    await dialog.getByRole('textbox', { name: 'City' }).fill('Minneapolis');
    await dialog.getByRole('textbox', { name: 'State' }).fill('MN');
    await dialog.getByRole('textbox', { name: 'Postal code' }).fill('55404');
    await dialog.getByRole('textbox', { name: 'Emergency contact: name' }).fill('Ada Ashby');
    await dialog.getByRole('textbox', { name: 'Emergency contact: phone' }).fill('612-555-0188');
    await dialog.getByRole('button', { name: 'Add escort' }).click();
    await dialog.getByRole('textbox', { name: 'Escort 1: name' }).fill('Ada Ashby');
    await dialog.getByRole('textbox', { name: 'Escort 1: relationship' }).fill('sister');
    await dialog.getByRole('textbox', { name: 'Escort 1: phone' }).fill('612-555-0188');
    await dialog.getByRole('textbox', { name: 'Insurance payer' }).fill('Medica');
    await dialog.getByRole('textbox', { name: 'Member id' }).fill('MED-4471902');
    await screenshot(page, 'profile-edit');
    await dialog.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Medica · member MED-4471902').waitFor();
    await settle(page);
    await screenshot(page, 'chart-front-desk');
    await context.close();
  });
});
