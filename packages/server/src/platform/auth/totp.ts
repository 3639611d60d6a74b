import { generate, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

/** RFC 6238 TOTP: 30-second steps, 6 digits, SHA-1 (what every authenticator app speaks). */
const PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, account: string, issuer: string): string {
  return generateURI({ issuer, label: account, secret });
}

export function qrDataUrl(uri: string): Promise<string> {
  return QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: 220 });
}

/**
 * Verifies a code at `now`, allowing one step of clock drift either way. Returns the time step the
 * code belongs to, so the caller can refuse a replay of a step already used, or null.
 */
export async function verifyTotp(secret: string, code: string, now: Date): Promise<number | null> {
  const epoch = Math.floor(now.getTime() / 1000);
  const result = await verify({ secret, token: code, epoch, epochTolerance: PERIOD_SECONDS });
  if (!result.valid) return null;
  return Math.floor(epoch / PERIOD_SECONDS) + Math.round(result.delta);
}

/** The current code for a secret (tests and the demo's documentation use it). */
export function totpNow(secret: string, now: Date = new Date()): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}
