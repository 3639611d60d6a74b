import { z } from 'zod';
import { ICD10_CODES, type Icd10Entry } from './codes.js';

/**
 * ICD-10-CM code shape: a letter, a digit, a letter or digit, then optionally a dot and up to four
 * letters or digits (e.g. F32.A, F43.81, F17.210, Z3A.20).
 */
const ICD10_SHAPE = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

/** Upper-cases, trims, and puts the dot after the category ('f4381' → 'F43.81'). */
export function normalizeIcd10(code: string): string {
  const compact = code.trim().toUpperCase().replace(/[\s.]/g, '');
  return compact.length > 3 ? `${compact.slice(0, 3)}.${compact.slice(3)}` : compact;
}

/** True when `code`, once normalized, has the shape of an ICD-10-CM code (not proof it exists). */
export function isIcd10Shaped(code: string): boolean {
  return ICD10_SHAPE.test(normalizeIcd10(code));
}

/** A diagnosis code at the boundary, normalized. */
export const icd10Code = z
  .string()
  .max(12)
  .transform(normalizeIcd10)
  .refine((code) => ICD10_SHAPE.test(code), { message: 'Enter an ICD-10-CM code such as F33.1' });

/** The bundled entry for `code`, if any. */
export function findIcd10(code: string): Icd10Entry | undefined {
  const wanted = normalizeIcd10(code);
  return ICD10_CODES.find((entry) => entry.code === wanted);
}

function words(value: string): string[] {
  return value
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/**
 * Searches the bundled codes. A query that looks like a code matches by prefix ('F33', 'f33.4',
 * 'F334'); otherwise every word of the query must start a word of the label ('bipolar mixed',
 * 'grief'). Results keep the bundled order (target conditions first).
 */
export function searchIcd10(query: string, limit = 20): Icd10Entry[] {
  const trimmed = query.trim();
  if (trimmed === '') return [];
  if (/^[A-Za-z]([0-9][0-9A-Za-z]?\.?[0-9A-Za-z]*)?$/.test(trimmed)) {
    const prefix = normalizeIcd10(trimmed);
    const byCode = ICD10_CODES.filter((entry) => entry.code.startsWith(prefix));
    if (byCode.length > 0) return byCode.slice(0, limit);
  }
  const wanted = words(trimmed);
  return ICD10_CODES.filter((entry) => {
    const labelWords = words(entry.label);
    return wanted.every((word) => labelWords.some((labelWord) => labelWord.startsWith(word)));
  }).slice(0, limit);
}
