import { randomInt } from 'node:crypto';
import { sha256Hex } from '../../platform/crypto.js';

// Crockford-style alphabet without look-alikes (0/O, 1/I/L).
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_CODE_COUNT = 10;

/** Ten single-use codes like `7K2QH-X9RMA` (50 bits each). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Codes are compared case-insensitively and with or without the dash. */
export function hashRecoveryCode(code: string): string {
  return sha256Hex(code.replace('-', '').toUpperCase());
}
