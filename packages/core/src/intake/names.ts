/**
 * Name and contact normalization for duplicate detection. "Lite" on purpose: enough to see that
 * "José Núñez", "jose nunez" and "Joe Nunez" may be one person, not a full name-matching engine.
 */

/** Letters that do not decompose under NFKD. */
const FOLDS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Lower-case words without diacritics or punctuation: "O'Brien-Smith" → ['obrien', 'smith']. */
export function nameTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => FOLDS[letter] ?? letter)
    .replace(/['’`.]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);
}

/** The name as one comparable string: "Anne-Marie", "Anne Marie" and "annemarie" agree. */
export function normalizeName(name: string): string {
  return nameTokens(name).join('');
}

/**
 * Common English given-name variants; each group is one name. A nickname may sit in several
 * groups ("chris", "alex", "sam"), and then matches any of them.
 */
const NICKNAME_GROUPS: readonly (readonly string[])[] = [
  ['william', 'will', 'bill', 'billy', 'willy', 'liam'],
  ['robert', 'rob', 'robbie', 'bob', 'bobby', 'bert'],
  ['richard', 'rich', 'rick', 'ricky', 'dick'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['john', 'jon', 'johnny', 'jack'],
  ['jonathan', 'jon', 'jonny'],
  ['michael', 'mike', 'mikey', 'mick'],
  ['thomas', 'tom', 'tommy'],
  ['joseph', 'joe', 'joey'],
  ['jose', 'joe', 'pepe'],
  ['charles', 'charlie', 'chuck'],
  ['edward', 'ed', 'eddie', 'ted', 'ned'],
  ['theodore', 'theo', 'ted'],
  ['elizabeth', 'liz', 'lizzie', 'beth', 'betty', 'eliza', 'libby'],
  ['katherine', 'catherine', 'kathryn', 'kate', 'katie', 'kathy', 'cathy', 'kat'],
  ['margaret', 'maggie', 'meg', 'peggy'],
  ['jennifer', 'jen', 'jenny'],
  ['rebecca', 'becky', 'becca'],
  ['susan', 'sue', 'susie'],
  ['patricia', 'pat', 'patty', 'trish'],
  ['patrick', 'pat', 'paddy'],
  ['deborah', 'debra', 'deb', 'debbie'],
  ['christopher', 'chris'],
  ['christine', 'christina', 'chris', 'tina'],
  ['alexander', 'alex', 'sasha'],
  ['alexandra', 'alex', 'sasha', 'lexi'],
  ['daniel', 'dan', 'danny'],
  ['matthew', 'matt'],
  ['anthony', 'tony'],
  ['andrew', 'andy', 'drew'],
  ['benjamin', 'ben', 'benny'],
  ['samuel', 'sam', 'sammy'],
  ['samantha', 'sam', 'sammy'],
  ['nicholas', 'nick', 'nicky'],
  ['steven', 'stephen', 'steve'],
  ['timothy', 'tim', 'timmy'],
  ['gregory', 'greg'],
  ['jeffrey', 'geoffrey', 'jeff', 'geoff'],
  ['kenneth', 'ken', 'kenny'],
  ['ronald', 'ron', 'ronnie'],
  ['donald', 'don', 'donnie'],
  ['lawrence', 'laurence', 'larry'],
  ['victoria', 'vicky', 'tori'],
  ['abigail', 'abby'],
  ['jessica', 'jess', 'jessie'],
  ['jacqueline', 'jackie'],
  ['zachary', 'zach', 'zack'],
  ['joshua', 'josh'],
  ['nathaniel', 'nathan', 'nate'],
  ['frederick', 'fred', 'freddie'],
  ['peter', 'pete'],
  ['raymond', 'ray'],
  ['gerald', 'jerry'],
  ['harold', 'hal', 'harry'],
  ['henry', 'hank', 'harry'],
  ['francisco', 'paco', 'pancho'],
  ['guillermo', 'memo'],
];

const GROUPS_BY_NAME = new Map<string, number[]>();
NICKNAME_GROUPS.forEach((group, index) => {
  for (const name of group) GROUPS_BY_NAME.set(name, [...(GROUPS_BY_NAME.get(name) ?? []), index]);
});

/** True when two normalized single given names are variants of one name ("bill" and "william"). */
export function areNicknameVariants(a: string, b: string): boolean {
  const groups = GROUPS_BY_NAME.get(a);
  return groups !== undefined && (GROUPS_BY_NAME.get(b) ?? []).some((group) => groups.includes(group));
}

/**
 * An e-mail for comparison: trimmed and lower-cased, "+tag" removed, and for Gmail the dots in the
 * local part removed (Gmail ignores them). Null when it is not an address.
 */
export function normalizeEmail(email: string): string | null {
  const value = email.trim().toLowerCase();
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) return null;
  let local = value.slice(0, at).split('+')[0] ?? '';
  let domain = value.slice(at + 1);
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (domain === 'gmail.com') local = local.replace(/\./g, '');
  return local === '' ? null : `${local}@${domain}`;
}

/**
 * A phone number for comparison: digits only, with a leading US country code 1 dropped from
 * 11-digit numbers. Null when fewer than 7 digits remain.
 */
export function normalizePhone(phone: string): string | null {
  let digits = phone.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  return digits.length >= 7 ? digits : null;
}
