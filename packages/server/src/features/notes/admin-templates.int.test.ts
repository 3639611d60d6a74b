import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_NOTE_KINDS } from '@lantern/core';
import { testApp, type TestApp } from '../../../test/harness.js';
import { chartCast, type ChartCast } from '../../../test/chart-fixtures.js';

let t: TestApp;
let cast: ChartCast;

beforeAll(async () => {
  t = await testApp({ config: {} });
  cast = await chartCast(t);
});
afterAll(async () => t.close());

interface AdminTemplate {
  kind: string;
  version: number;
  fields: { key: string; label: string; required: boolean }[];
  savedBy: string | null;
  savedAt: string | null;
}

async function adminList(): Promise<AdminTemplate[]> {
  const res = await cast.as.admin.get('/api/admin/note-templates');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as AdminTemplate[];
}

describe('the administrator’s note-template list', () => {
  it('lists every kind at version 0 (the built-in default) with nobody as its author', async () => {
    const list = await adminList();
    expect(list.map((tpl) => tpl.kind)).toEqual([...SESSION_NOTE_KINDS]);
    expect(list.every((tpl) => tpl.version === 0 && tpl.savedBy === null && tpl.savedAt === null)).toBe(true);
    expect(list.find((tpl) => tpl.kind === 'preparation')?.fields.map((f) => f.key)).toEqual(['intentions', 'expectations', 'orientation', 'plan']);
  });

  it('shows each saved version with who saved it and when, the older version kept', async () => {
    const first = await cast.as.admin.put('/api/note-templates/group', { fields: [{ key: 'themes', label: 'Group themes', required: true }] });
    expect(first.statusCode, first.body).toBe(200);
    const second = await cast.as.admin.put('/api/note-templates/group', { fields: [{ key: 'themes', label: 'Group themes', required: true }, { key: 'safety', label: 'Safety of the circle', required: false }] });
    expect(second.json()).toMatchObject({ version: 2 });
    const group = (await adminList()).find((tpl) => tpl.kind === 'group');
    expect(group).toMatchObject({ version: 2, savedBy: expect.stringMatching(/^admin /), fields: [{ key: 'themes' }, { key: 'safety', required: false }] });
    expect(Number.isNaN(Date.parse(group?.savedAt ?? ''))).toBe(false);
    // The clinicians' list sees the same version in use.
    const clinical = (await cast.as.therapist.get('/api/note-templates')).json() as AdminTemplate[];
    expect(clinical.find((tpl) => tpl.kind === 'group')?.version).toBe(2);
  });

  it('refuses everyone without policy.manage', async () => {
    for (const role of ['therapist', 'physician', 'nurse', 'frontDesk'] as const) {
      expect((await cast.as[role].get('/api/admin/note-templates')).statusCode).toBe(403);
    }
  });

  it('refuses a bad template and stores no version', async () => {
    const before = (await adminList()).find((tpl) => tpl.kind === 'follow_up');
    for (const body of [{ fields: [] }, { fields: [{ key: '1bad', label: 'Bad key', required: true }] }, { fields: [{ key: 'ok', label: '', required: true }] }]) {
      expect((await cast.as.admin.put('/api/note-templates/follow_up', body)).statusCode).toBe(400);
    }
    expect((await cast.as.admin.put('/api/note-templates/follow_up', { fields: [{ key: 'a', label: 'A', required: true }, { key: 'a', label: 'B', required: true }] })).statusCode).toBe(409);
    expect((await adminList()).find((tpl) => tpl.kind === 'follow_up')).toEqual(before);
  });
});
