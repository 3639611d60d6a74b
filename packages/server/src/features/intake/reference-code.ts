import { randomInt } from 'node:crypto';

/** Crockford's base-32 alphabet: no I, L, O or U, so a code read aloud over the phone is unambiguous. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A reference a person keeps for their inquiry, e.g. `LQ-7K3M-9PXD`: 40 random bits, grouped for
 * reading aloud. It names an inquiry to staff but grants nothing: nobody can look anything up with it.
 */
export function newInquiryReference(): string {
  const pick = (): string => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `LQ-${pick()}-${pick()}`;
}
