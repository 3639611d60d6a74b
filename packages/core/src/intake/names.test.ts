import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areNicknameVariants, nameTokens, normalizeEmail, normalizeName, normalizePhone } from './names.js';

describe('name normalization', () => {
  it('ignores case, diacritics, apostrophes and hyphens', () => {
    expect(normalizeName('José Núñez')).toBe(normalizeName('jose nunez'));
    expect(normalizeName("O'Brien")).toBe('obrien');
    expect(normalizeName('Anne-Marie')).toBe(normalizeName('Anne Marie'));
    expect(normalizeName('ZOË')).toBe('zoe');
  });

  it('folds letters that do not decompose', () => {
    expect(normalizeName('Straße')).toBe('strasse');
    expect(normalizeName('Søren Łukasz')).toBe('sorenlukasz');
  });

  it('keeps hyphenated family names as separate words', () => {
    expect(nameTokens('García-López')).toEqual(['garcia', 'lopez']);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        expect(normalizeName(normalizeName(name))).toBe(normalizeName(name));
      }),
    );
  });
});

describe('areNicknameVariants', () => {
  it('matches common variants both ways, and not unrelated names', () => {
    expect(areNicknameVariants('bill', 'william')).toBe(true);
    expect(areNicknameVariants('william', 'bill')).toBe(true);
    expect(areNicknameVariants('liz', 'beth')).toBe(true);
    expect(areNicknameVariants('chris', 'christina')).toBe(true);
    expect(areNicknameVariants('christopher', 'christina')).toBe(false);
    expect(areNicknameVariants('maria', 'mary')).toBe(false);
  });
});

describe('contact normalization', () => {
  it('normalizes e-mail case, plus tags and Gmail dots', () => {
    expect(normalizeEmail(' Jane.Doe+kap@GMAIL.com ')).toBe('janedoe@gmail.com');
    expect(normalizeEmail('jane.doe@googlemail.com')).toBe('janedoe@gmail.com');
    expect(normalizeEmail('jane.doe@example.org')).toBe('jane.doe@example.org');
    expect(normalizeEmail('not an address')).toBeNull();
    expect(normalizeEmail('+tag@example.org')).toBeNull();
  });

  it('normalizes phone punctuation and the US country code', () => {
    expect(normalizePhone('+1 (612) 555-0142')).toBe('6125550142');
    expect(normalizePhone('612.555.0142')).toBe('6125550142');
    expect(normalizePhone('555')).toBeNull();
  });
});
