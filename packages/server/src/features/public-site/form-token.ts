import { createHmac, randomBytes } from 'node:crypto';
import { safeEqual } from '../../platform/crypto.js';

/**
 * The inquiry form's anti-forgery token. The public form has no session, so SameSite cookies do not
 * help; instead the server signs (HMAC-SHA-256 with the configured secret key) the moment it drew the
 * form and a random nonce, and checks the signature and age when the form comes back. The nonce is
 * also the submission's idempotency key: sending the same form twice gives one inquiry.
 */
export const FORM_TOKEN_MAX_AGE_MS = 24 * 3_600_000;

const PURPOSE = 'lantern/inquiry-form/v1';

function sign(key: Buffer, issuedAt: number, nonce: string): string {
  return createHmac('sha256', key).update(`${PURPOSE}|${issuedAt}|${nonce}`).digest('base64url');
}

/** A fresh token: `<issued-at ms>.<nonce>.<signature>`. */
export function issueFormToken(key: Buffer, now: Date): string {
  const nonce = randomBytes(18).toString('base64url');
  const issuedAt = now.getTime();
  return `${issuedAt}.${nonce}.${sign(key, issuedAt, nonce)}`;
}

export type FormTokenCheck = { readonly ok: true; readonly nonce: string } | { readonly ok: false; readonly reason: 'missing' | 'invalid' | 'expired' };

/** Checks a token's signature and age (not before it was issued, at most FORM_TOKEN_MAX_AGE_MS after). */
export function verifyFormToken(key: Buffer, token: string | undefined, now: Date): FormTokenCheck {
  if (!token) return { ok: false, reason: 'missing' };
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{24})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: 'invalid' };
  const [, issued = '', nonce = '', signature = ''] = match;
  const issuedAt = Number(issued);
  if (!safeEqual(signature, sign(key, issuedAt, nonce))) return { ok: false, reason: 'invalid' };
  const age = now.getTime() - issuedAt;
  // A minute of clock skew between server processes is allowed.
  if (age < -60_000 || age > FORM_TOKEN_MAX_AGE_MS) return { ok: false, reason: 'expired' };
  return { ok: true, nonce };
}
