import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PhaseListItem } from '@lantern/core';
import { patientChartTabPath } from '../packages/web/src/app/paths.js';
import { apiSession, reconsentIfBlocked } from './support/api.js';
import { launchBrowser, openPage, screenshot } from './support/browser.js';
import { signIn, waitForShell } from './support/flows.js';

const THERAPIST = 'therapist@lantern.test';

/** The reasons listed under "What blocks it" on the course tab. */
async function blockers(page: Page): Promise<string[]> {
  const list = page.getByRole('list', { name: 'What blocks it' });
  if ((await list.count()) === 0) return [];
  return list.getByRole('listitem').allInnerTexts();
}

describe('the course engine in the browser', () => {
  let browser: Browser;
  let noah: PhaseListItem;

  beforeAll(async () => {
    browser = await launchBrowser();
    // The demo clinic has Noah Feldstein in preparation: eligible, consent signed, 2 of 3 sessions signed.
    const therapist = await apiSession(THERAPIST);
    const courses = await therapist.get<PhaseListItem[]>('/api/courses');
    const found = courses.find((c) => c.name === 'Noah Feldstein');
    if (!found) throw new Error('The demo clinic lacks its patient in preparation');
    noah = found;
    await reconsentIfBlocked(noah.patientId, 'Noah Feldstein');
  });
  afterAll(async () => {
    await browser.close();
  });

  it('lists the clinic by phase and shows overdue integration on the home screen', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, THERAPIST);
    await waitForShell(page);
    await page.getByRole('alert').filter({ hasText: 'Integration overdue' }).waitFor();
    await expect.poll(() => page.getByRole('list', { name: 'Patients with overdue integration' }).getByRole('listitem').allInnerTexts()).toEqual([expect.stringContaining('Clara Brandt')]);
    await screenshot(page, 'course-home-overdue');
    await page.getByRole('link', { name: 'Courses' }).click();
    await page.getByRole('heading', { name: 'Courses by phase', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Preparation courses' }).waitFor();
    await expect.poll(() => page.getByRole('table', { name: 'Integration courses' }).getByRole('row').count()).toBeGreaterThan(1);
    await screenshot(page, 'course-by-phase');
    await context.close();
  });

  it('walks a patient from preparation to their first medicine session being allowed, blockers shrinking', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, THERAPIST);
    await waitForShell(page);
    await page.goto(patientChartTabPath(noah.patientId, 'course'));
    await page.getByRole('heading', { name: 'Preparation', level: 2 }).waitFor();
    await expect.poll(() => blockers(page)).toEqual(['2 of 3 preparation sessions signed', 'The therapist has not yet attested that the patient is ready for a medicine session']);
    await screenshot(page, 'course-preparation-blocked');

    // Trying the medicine session now is refused with the same reasons.
    await page.getByRole('button', { name: 'Medicine session' }).click();
    await page.getByRole('list', { name: 'Refused: these conditions are not met' }).waitFor();
    expect(await page.getByRole('list', { name: 'Refused: these conditions are not met' }).getByRole('listitem').allInnerTexts()).toEqual([
      '2 of 3 preparation sessions signed',
      'The therapist has not yet attested that the patient is ready for a medicine session',
    ]);
    await screenshot(page, 'course-medicine-refused');

    // The third preparation session: record it, write and sign its note.
    await page.getByRole('button', { name: 'Preparation session' }).click();
    const note = page.getByRole('dialog', { name: 'Preparation session note' });
    await note.waitFor();
    await note.getByRole('textbox', { name: 'Intentions explored', exact: false }).fill('To meet the grief with curiosity rather than fear.');
    await note.getByRole('textbox', { name: 'Expectations and fears', exact: false }).fill('Afraid of losing control; we rehearsed asking for support.');
    await note.getByRole('textbox', { name: 'Orientation to the medicine experience', exact: false }).fill('Walked through the dosing room, monitoring and music.');
    await screenshot(page, 'course-preparation-note');
    await note.getByRole('button', { name: 'Sign note' }).click();
    await note.waitFor({ state: 'hidden' });
    await expect.poll(() => blockers(page)).toEqual(['The therapist has not yet attested that the patient is ready for a medicine session']);
    await screenshot(page, 'course-preparation-one-blocker');

    await page.getByRole('button', { name: 'Attest readiness' }).click();
    await page.getByText('Nothing blocks it').waitFor();
    expect(await blockers(page)).toEqual([]);
    await page.getByText('Preparation: 3 of 3 sessions signed').waitFor();
    await screenshot(page, 'course-medicine-allowed');
    await context.close();
  });

  it('shows a group member who may dose, and lets the physician see an integration that is due', async () => {
    const physician = await apiSession('physician@lantern.test');
    const courses = await physician.get<PhaseListItem[]>('/api/courses');
    const member = courses.find((c) => c.modality === 'group' && c.phase === 'integration');
    if (!member) throw new Error('The demo group has no member after a medicine session');
    const { context, page } = await openPage(browser);
    await signIn(page, 'physician@lantern.test');
    await waitForShell(page);
    await page.goto(patientChartTabPath(member.patientId, 'course'));
    await page.getByRole('heading', { name: 'Integration', level: 2 }).waitFor();
    const roster = page.getByRole('list', { name: 'Who may dose now' });
    await roster.waitFor();
    expect(await roster.getByRole('listitem').count()).toBe(6);
    await page.getByRole('list', { name: 'Who may dose now' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'course-group-roster');
    await context.close();
  });
});
