import type { EligibilityPolicy } from './policy.js';
import { areNicknameVariants, nameTokens, normalizeEmail, normalizeName, normalizePhone } from './names.js';

/** The identifying facts compared between two people (an inquiry and an existing chart, say). */
export interface PersonIdentity {
  readonly givenName: string;
  readonly familyName: string;
  readonly preferredName?: string | null;
  /** 'YYYY-MM-DD'. */
  readonly dateOfBirth?: string | null;
  readonly email?: string | null;
  readonly phone?: string | null;
}

export type DuplicateField = 'dateOfBirth' | 'givenName' | 'familyName' | 'email' | 'phone';
/** `variant`: a nickname; `partial`: one word of a compound name, or a shared family-name word; `initial`: an initial only. */
export type DuplicateMatch = 'same' | 'variant' | 'partial' | 'initial' | 'different';

export interface DuplicateSignal {
  readonly field: DuplicateField;
  readonly match: DuplicateMatch;
  /** Points out of 100 this signal adds (negative when it argues for two different people). */
  readonly points: number;
}

export interface DuplicateScore {
  /** 0 (surely different) to 1 (surely the same person). */
  readonly score: number;
  /** At or above the policy threshold. */
  readonly likelyDuplicate: boolean;
  readonly signals: readonly DuplicateSignal[];
}

/**
 * Points per signal, out of 100. Chosen so that the cases a clinic meets come out right (see the
 * tests): same name and date of birth is a duplicate even with new contact details; a couple sharing
 * a surname, an e-mail and a phone is not (different given names and birth dates weigh against);
 * twins in one household are not (a different given name weighs heavily). A family name that differs
 * counts nothing, because names change on marriage.
 */
const POINTS = {
  dateOfBirth: { same: 35, different: -35 },
  familyName: { same: 20, partial: 10 },
  givenName: { same: 20, variant: 15, partial: 15, initial: 5, different: -50 },
  email: 35,
  phone: 25,
} as const;

function givenNameMatch(a: PersonIdentity, b: PersonIdentity): DuplicateMatch | null {
  const names = (p: PersonIdentity): string[] => [p.givenName, p.preferredName ?? ''].filter((n) => normalizeName(n) !== '');
  const [left, right] = [names(a), names(b)];
  if (left.length === 0 || right.length === 0) return null;
  const rank: DuplicateMatch[] = ['different', 'initial', 'partial', 'variant', 'same'];
  let best: DuplicateMatch = 'different';
  const consider = (match: DuplicateMatch): void => {
    if (rank.indexOf(match) > rank.indexOf(best)) best = match;
  };
  for (const x of left) {
    for (const y of right) {
      const [fx, fy] = [nameTokens(x)[0] ?? '', nameTokens(y)[0] ?? ''];
      if (normalizeName(x) === normalizeName(y)) consider('same');
      else if (areNicknameVariants(fx, fy)) consider('variant');
      else if (fx === fy) consider('partial');
      else if ((fx.length === 1 && fy.startsWith(fx)) || (fy.length === 1 && fx.startsWith(fy))) consider('initial');
    }
  }
  return best;
}

function familyNameMatch(a: PersonIdentity, b: PersonIdentity): DuplicateMatch | null {
  const [x, y] = [normalizeName(a.familyName), normalizeName(b.familyName)];
  if (x === '' || y === '') return null;
  if (x === y) return 'same';
  const tokens = new Set(nameTokens(a.familyName));
  return nameTokens(b.familyName).some((token) => tokens.has(token)) ? 'partial' : 'different';
}

function sameWhenBoth<T>(x: T | null, y: T | null): boolean | null {
  return x === null || y === null ? null : x === y;
}

/**
 * How likely two records are the same person, from normalized names (case, diacritics, punctuation,
 * common nicknames), date of birth, e-mail and phone. Pure; the threshold is policy
 * (`duplicates.likelyDuplicateScore`, default 0.7).
 */
export function duplicateScore(a: PersonIdentity, b: PersonIdentity, policy: EligibilityPolicy): DuplicateScore {
  const signals: DuplicateSignal[] = [];
  const dob = sameWhenBoth(a.dateOfBirth?.trim() || null, b.dateOfBirth?.trim() || null);
  if (dob !== null) {
    signals.push({ field: 'dateOfBirth', match: dob ? 'same' : 'different', points: POINTS.dateOfBirth[dob ? 'same' : 'different'] });
  }
  const given = givenNameMatch(a, b);
  if (given !== null) signals.push({ field: 'givenName', match: given, points: POINTS.givenName[given] });
  const family = familyNameMatch(a, b);
  if (family === 'same' || family === 'partial') {
    signals.push({ field: 'familyName', match: family, points: POINTS.familyName[family] });
  }
  const email = sameWhenBoth(normalizeEmail(a.email ?? ''), normalizeEmail(b.email ?? ''));
  if (email === true) signals.push({ field: 'email', match: 'same', points: POINTS.email });
  const phone = sameWhenBoth(normalizePhone(a.phone ?? ''), normalizePhone(b.phone ?? ''));
  if (phone === true) signals.push({ field: 'phone', match: 'same', points: POINTS.phone });

  const points = Math.min(100, Math.max(0, signals.reduce((sum, signal) => sum + signal.points, 0)));
  const score = points / 100;
  return { score, likelyDuplicate: score >= policy.duplicates.likelyDuplicateScore, signals };
}

/** The records in `others` that are likely duplicates of `person`, best match first. */
export function findLikelyDuplicates<T extends PersonIdentity>(
  person: PersonIdentity,
  others: readonly T[],
  policy: EligibilityPolicy,
): Array<{ readonly record: T; readonly match: DuplicateScore }> {
  return others
    .map((record) => ({ record, match: duplicateScore(person, record, policy) }))
    .filter(({ match }) => match.likelyDuplicate)
    .sort((x, y) => y.match.score - x.match.score);
}
