import { describe, expect, it } from 'vitest';
import { rowProblems } from './NoteTemplatesPage';

const row = (id: number, key: string, label: string): { id: number; key: string; label: string } => ({ id, key, label });

describe('rowProblems', () => {
  it('accepts keys the API takes: a letter, then letters, digits or _ up to 40', () => {
    expect(rowProblems([row(0, 'a', 'A'), row(1, 'sleep_2', 'Sleep'), row(2, `x${'y'.repeat(39)}`, 'Forty')]).size).toBe(0);
  });

  it('names each bad key and empty label by row', () => {
    const problems = rowProblems([row(0, '', 'Empty key'), row(1, '9lives', 'Digit first'), row(2, 'has space', 'Space'), row(3, `x${'y'.repeat(40)}`, 'Forty-one'), row(4, 'ok', '  ')]);
    expect([...problems.keys()]).toEqual([0, 1, 2, 3, 4]);
    expect(problems.get(4)).toEqual({ label: 'Give the field a label' });
    expect(problems.get(1)?.key).toMatch(/^A letter/);
  });

  it('flags the second of two fields with the same key, not the first', () => {
    const problems = rowProblems([row(0, 'plan', 'Plan'), row(1, 'plan', 'Plan again')]);
    expect([...problems]).toEqual([[1, { key: 'Another field has this key' }]]);
  });

  it('refuses a label over 200 characters and takes one of exactly 200', () => {
    expect(rowProblems([row(0, 'a', 'x'.repeat(200))]).size).toBe(0);
    expect(rowProblems([row(0, 'a', 'x'.repeat(201))]).get(0)).toEqual({ label: 'At most 200 characters' });
  });
});
