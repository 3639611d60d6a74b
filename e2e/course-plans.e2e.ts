import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { PatientHeader } from '@lantern/core';
import { patientChartTabPath } from '../packages/web/src/app/paths.js';
import { apiSession, type ApiSession } from './support/api.js';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import { signIn, waitForShell } from './support/flows.js';

const THERAPIST = 'therapist@lantern.test';
const ADMIN = 'admin@lantern.test';

interface AdminTemplate {
  kind: string;
  version: number;
  fields: { key: string; label: string; required: boolean }[];
}

/** Two demo patients on the therapist's care team who have no course yet. */
async function twoWithoutCourse(therapist: ApiSession): Promise<PatientHeader[]> {
  const patients = await therapist.get<PatientHeader[]>('/api/patients?limit=200');
  const free: PatientHeader[] = [];
  for (const patient of patients) {
    if (free.length === 2) break;
    const hasCourse = await therapist.get(`/api/patients/${patient.id}/course`).then(
      () => true,
      (error: Error) => {
        if (!error.message.includes(' 404 ')) throw error;
        return false;
      },
    );
    if (!hasCourse) free.push(patient);
  }
  if (free.length < 2) throw new Error('The demo clinic lacks two patients without a course');
  return free;
}

describe('couples plans and note templates in the browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('lets a therapist draft a couples plan for two patients, refusing one participant, and opens the course', async () => {
    const therapist = await apiSession(THERAPIST);
    const [first, second] = await twoWithoutCourse(therapist);
    if (!first || !second) throw new Error('unreachable');
    const { context, page } = await openPage(browser);
    await signIn(page, THERAPIST);
    await waitForShell(page);
    await page.getByRole('link', { name: 'Courses' }).click();
    await page.getByRole('heading', { name: 'Courses by phase', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'New plan' }).click();
    await page.getByRole('heading', { name: 'New treatment plan', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'New treatment plan' });
    // A group takes a capacity and facilitators (the signed-in therapist by default).
    await form.locator('label', { hasText: /^Group$/ }).click();
    expect(await form.getByRole('radio', { name: 'Group' }).isChecked()).toBe(true);
    await form.getByRole('textbox', { name: 'Capacity' }).waitFor();
    await form.getByRole('combobox', { name: 'Facilitators' }).waitFor();
    await screenshot(page, 'course-new-plan-group');

    // The first participant's course tab has no course yet and links to the plan form with them chosen.
    await page.goto(patientChartTabPath(first.id, 'course'));
    await page.getByRole('link', { name: 'Plan a couples, family or group course instead' }).click();
    await page.getByRole('heading', { name: 'New treatment plan', level: 1 }).waitFor();
    await form.getByText(first.mrn, { exact: false }).waitFor();
    expect(await form.getByRole('radio', { name: 'Couples / family' }).isChecked()).toBe(true);
    await form.getByRole('textbox', { name: 'Title', exact: true }).fill('The e2e partners');
    await form.getByRole('combobox', { name: 'Focus', exact: true }).click();
    await page.getByRole('option', { name: 'Grief', exact: true }).click();
    const participants = form.getByRole('combobox', { name: 'Participants (two or more)' });
    await screenshot(page, 'course-new-plan-form');
    await form.getByRole('textbox', { name: 'Goals' }).fill('Grieve the loss together\nRebuild trust');
    await form.getByRole('textbox', { name: 'Intentions' }).fill('To be able to talk about the loss without blame.');

    // One participant only: the server's reason shows at the participants field, and nothing is created.
    await form.getByRole('button', { name: 'Create plan' }).click();
    await form.getByText('A couples or family plan links two or more patients').waitFor();
    await screenshot(page, 'course-new-plan-refused');
    await expect(therapist.get(`/api/patients/${first.id}/course`)).rejects.toThrow(/ 404 /);

    await participants.fill(second.mrn);
    await page.getByRole('option', { name: new RegExp(second.mrn) }).click();
    await page.keyboard.press('Escape');
    // Changing the participants clears the refusal.
    await form.getByText('A couples or family plan links two or more patients').waitFor({ state: 'detached' });
    await screenshot(page, 'course-new-plan-couples');

    // The planned counts start from the clinic policy; a minimum above its maximum is caught in the form.
    const counts = form.getByRole('region', { name: 'Planned sessions per phase' });
    const prepMin = counts.getByRole('textbox', { name: 'Preparation sessions, minimum' });
    const prepMax = counts.getByRole('textbox', { name: 'Preparation sessions, maximum' });
    expect(await prepMin.inputValue()).toBe('3');
    expect(await prepMax.inputValue()).toBe('4');
    await prepMin.fill('6');
    await counts.getByText('The maximum cannot be below the minimum').waitFor();
    await form.getByRole('button', { name: 'Create plan' }).click();
    await form.getByText('The plan was not created: check the planned session counts.').waitFor();
    await expect(therapist.get(`/api/patients/${first.id}/course`)).rejects.toThrow(/ 404 /);
    await counts.scrollIntoViewIfNeeded();
    await screenshot(page, 'course-new-plan-counts-refused');
    await prepMax.fill('8');
    await counts.getByText('The maximum cannot be below the minimum').waitFor({ state: 'detached' });
    await counts.getByRole('textbox', { name: 'Medicine sessions, maximum' }).fill('2');
    await counts.getByRole('textbox', { name: 'Integration per medicine session, minimum' }).fill('2');
    await screenshot(page, 'course-new-plan-counts');
    await form.getByRole('button', { name: 'Create plan' }).click();

    // The first participant's course tab: an evaluation course of the couples plan, awaiting co-signature.
    await page.waitForURL(/\/patients\/[^/]+\?tab=course$/);
    await page.getByText('Couples: The e2e partners', { exact: false }).waitFor();
    await page.getByText('Awaiting physician co-signature', { exact: true }).waitFor();
    await page.getByText('Planned: preparation 6–8, medicine 2–2, integration 2–3 after each medicine session', { exact: true }).waitFor();
    await screenshot(page, 'course-new-plan-created');
    const course = await therapist.get<{ plan: { modality: string; focus: string; members: { patientId: string }[]; revisions: { content: { goals: string[]; plannedCounts: { preparation: unknown; medicine: unknown; integrationPerMedicine: unknown } } }[] } }>(`/api/patients/${second.id}/course`);
    expect(course.plan.modality).toBe('couples');
    expect(course.plan.focus).toBe('grief');
    expect(course.plan.members.map((m) => m.patientId).sort()).toEqual([first.id, second.id].sort());
    expect(course.plan.revisions[0]?.content.goals).toEqual(['Grieve the loss together', 'Rebuild trust']);
    expect(course.plan.revisions[0]?.content.plannedCounts).toMatchObject({ preparation: { min: 6, max: 8 }, medicine: { min: 2, max: 2 }, integrationPerMedicine: { min: 2, max: 3 } });
    await context.close();
  });

  it('lets an administrator add, reorder and save a template field as a new version', async () => {
    const admin = await apiSession(ADMIN);
    const before = (await admin.get<AdminTemplate[]>('/api/admin/note-templates')).find((t) => t.kind === 'follow_up');
    if (!before) throw new Error('No follow-up template');
    const { context, page } = await openPage(browser);
    await signIn(page, ADMIN);
    await waitForShell(page);
    await page.getByRole('link', { name: 'Note templates' }).click();
    await page.getByRole('heading', { name: 'Note templates', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'Template', exact: true }).click();
    await page.getByRole('option', { name: /^Follow-up note · version/ }).click();
    const editor = page.getByRole('form', { name: 'Follow-up note template' });
    await editor.getByRole('heading', { name: 'Follow-up note' }).waitFor();
    await editor.getByText(`Version ${before.version}`, { exact: true }).waitFor();

    // A new field with a bad key is refused in place, then fixed, moved to the top and saved.
    await editor.getByRole('button', { name: 'Add field' }).click();
    const row = before.fields.length + 1;
    await editor.getByRole('textbox', { name: `Key of field ${row}` }).fill('9sleep');
    await editor.getByRole('textbox', { name: `Label of field ${row}` }).fill('Sleep since the last session');
    await editor.getByRole('button', { name: `Save as version ${before.version + 1}` }).click();
    await editor.getByText('A letter, then letters, digits or _ (up to 40)').waitFor();
    await editor.getByRole('textbox', { name: `Key of field ${row}` }).fill('sleep');
    await editor.getByRole('checkbox', { name: 'Sleep since the last session is required' }).check();
    for (let i = 0; i < before.fields.length; i++) await editor.getByRole('button', { name: 'Move Sleep since the last session up' }).click();
    await screenshot(page, 'note-template-editing');
    await editor.getByRole('button', { name: `Save as version ${before.version + 1}` }).click();

    await editor.getByText(`Version ${before.version + 1}`, { exact: true }).waitFor();
    await editor.getByText(/saved by .* on /).waitFor();
    await screenshot(page, 'note-template-saved');
    const after = (await admin.get<AdminTemplate[]>('/api/admin/note-templates')).find((t) => t.kind === 'follow_up');
    expect(after?.version).toBe(before.version + 1);
    expect(after?.fields).toEqual([{ key: 'sleep', label: 'Sleep since the last session', required: true }, ...before.fields]);
    await context.close();
  });
});
