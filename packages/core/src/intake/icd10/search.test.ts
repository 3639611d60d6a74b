import { describe, expect, it } from 'vitest';
import { diagnosisPrefixes } from '../contraindications/diagnosis-rules.js';
import { ICD10_CODES } from './codes.js';
import { findIcd10, icd10Code, isIcd10Shaped, normalizeIcd10, searchIcd10 } from './search.js';

const codes = (query: string): string[] => searchIcd10(query).map((entry) => entry.code);

describe('normalizeIcd10', () => {
  it('upper-cases, trims and puts the dot after the category', () => {
    expect(normalizeIcd10(' f4381 ')).toBe('F43.81');
    expect(normalizeIcd10('f32.a')).toBe('F32.A');
    expect(normalizeIcd10('F22')).toBe('F22');
    expect(normalizeIcd10('F17210')).toBe('F17.210');
  });

  it('accepts code-shaped input at the boundary and rejects the rest', () => {
    expect(icd10Code.parse('r45851')).toBe('R45.851');
    expect(icd10Code.safeParse('depression').success).toBe(false);
    expect(icd10Code.safeParse('F3').success).toBe(false);
    expect(isIcd10Shaped('Z3A.20')).toBe(true);
  });
});

describe('searchIcd10', () => {
  it('finds codes by prefix, with or without the dot', () => {
    expect(codes('F33.4')).toEqual(['F33.40', 'F33.41', 'F33.42']);
    expect(codes('f334')).toEqual(['F33.40', 'F33.41', 'F33.42']);
    expect(codes('F43.1')).toEqual(['F43.10', 'F43.11', 'F43.12']);
    expect(searchIcd10('r', 100).every((entry) => entry.code.startsWith('R'))).toBe(true);
  });

  it('finds codes by the start of each word of the label', () => {
    expect(codes('grief')).toEqual(['F43.81']);
    expect(codes('bipolar mixed')).toEqual(['F31.60', 'F31.64']);
    expect(codes('post-traumatic chron')).toEqual(['F43.12']);
    expect(codes('SUICIDAL')).toEqual(['R45.851']);
  });

  it('returns nothing for an empty query and respects the limit', () => {
    expect(searchIcd10('  ')).toEqual([]);
    expect(searchIcd10('F', 3)).toHaveLength(3);
  });

  it('lists the target conditions of clinical.md §5.5 first', () => {
    expect(searchIcd10('disorder', 200).findIndex((entry) => !entry.target)).toBeGreaterThan(0);
    expect(findIcd10('f43.81')).toMatchObject({ target: true, verified: true });
  });
});

describe('the bundled ICD-10-CM list', () => {
  it('holds each code once, well shaped', () => {
    const all = ICD10_CODES.map((entry) => entry.code);
    expect(new Set(all).size).toBe(all.length);
    expect(all.filter((code) => !isIcd10Shaped(code) || normalizeIcd10(code) !== code)).toEqual([]);
  });

  it('marks as verified only what clinical.md marks VERIFIED', () => {
    expect(ICD10_CODES.filter((entry) => entry.verified).map((entry) => entry.code)).toEqual(['F41.1', 'F43.81']);
  });

  it('has a code to pick for every diagnosis prefix the contraindication rules read', () => {
    const missing = diagnosisPrefixes().filter(
      ([, prefix]) => !ICD10_CODES.some((entry) => entry.code.startsWith(prefix)),
    );
    expect(missing).toEqual([]);
  });
});
