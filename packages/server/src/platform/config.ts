import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** Everything Lantern reads from the environment, read once at start and passed in from there. */
export interface Config {
  readonly mode: 'demo' | 'production';
  readonly port: number;
  readonly host: string;
  /** Embedded data directory (PGlite), used when `databaseUrl` is absent. */
  readonly dataDir: string;
  readonly databaseUrl: string | null;
  /** 32-byte key for encrypting MFA secrets; from LANTERN_SECRET_KEY, or generated per data dir in demo mode. */
  readonly secretKey: Buffer;
  /** Set cookies with `Secure`; true in production or when LANTERN_SECURE_COOKIES=true. */
  readonly secureCookies: boolean;
  readonly trustProxy: boolean;
  readonly publicUrl: string;
  readonly logLevel: string;
  /** Sign-in attempts allowed per source address per minute (the account lockout is separate). */
  readonly loginRateLimitPerMinute: number;
  readonly webDistDir: string | null;
  /** SMTP server for outbound mail (SMTP_URL, e.g. smtps://user:pass@host:465); absent: the outbox. */
  readonly smtpUrl?: string | null;
}

export class ConfigError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

function intFrom(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  return value;
}

function keyFrom(raw: string): Buffer {
  // Accept 64 hex characters or any passphrase of 32+ characters (stretched by SHA-256 elsewhere is
  // not needed: we require real entropy and take the first 32 bytes of its hex or base64 decoding).
  if (/^[0-9a-f]{64}$/i.test(raw)) return Buffer.from(raw, 'hex');
  const decoded = Buffer.from(raw, 'base64');
  if (decoded.length >= 32 && raw.length >= 43) return decoded.subarray(0, 32);
  throw new ConfigError('LANTERN_SECRET_KEY must be 64 hex characters or 32+ bytes of base64 (try: openssl rand -hex 32)');
}

/** Reads and checks configuration; production refuses weak settings with a clear message. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const mode = env.LANTERN_MODE === 'production' ? 'production' : 'demo';
  if (env.LANTERN_MODE && !['production', 'demo'].includes(env.LANTERN_MODE)) {
    throw new ConfigError(`LANTERN_MODE must be "demo" or "production", got "${env.LANTERN_MODE}"`);
  }
  const dataDir = path.resolve(cwd, env.LANTERN_DATA_DIR ?? 'data');
  const databaseUrl = env.DATABASE_URL && env.DATABASE_URL.length > 0 ? env.DATABASE_URL : null;
  const port = intFrom(env, 'PORT', 3000);
  let secretKey: Buffer;
  if (env.LANTERN_SECRET_KEY) {
    secretKey = keyFrom(env.LANTERN_SECRET_KEY);
  } else if (mode === 'production') {
    throw new ConfigError('Production mode needs LANTERN_SECRET_KEY (64 hex characters; try: openssl rand -hex 32)');
  } else {
    secretKey = demoKey(dataDir, databaseUrl);
  }
  const publicUrl = env.LANTERN_PUBLIC_URL ?? `http://localhost:${port}`;
  if (mode === 'production' && !publicUrl.startsWith('https://')) {
    throw new ConfigError('Production mode needs LANTERN_PUBLIC_URL to be an https:// address (Lantern must run behind TLS)');
  }
  return {
    mode,
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl,
    secretKey,
    secureCookies: mode === 'production' || env.LANTERN_SECURE_COOKIES === 'true',
    trustProxy: env.LANTERN_TRUST_PROXY === 'true',
    publicUrl,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    loginRateLimitPerMinute: intFrom(env, 'LANTERN_LOGIN_RATE_LIMIT', 20),
    webDistDir: env.LANTERN_WEB_DIST ?? null,
    smtpUrl: env.SMTP_URL && env.SMTP_URL.length > 0 ? env.SMTP_URL : null,
  };
}

/** Demo mode keeps a generated key beside the data so MFA secrets survive restarts. */
function demoKey(dataDir: string, databaseUrl: string | null): Buffer {
  if (databaseUrl) {
    // A demo on a Postgres server without a configured key: a fixed, clearly-not-secret key.
    return Buffer.alloc(32, 7);
  }
  const keyFile = path.join(dataDir, 'demo-secret.key');
  if (existsSync(keyFile)) return Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(keyFile, key.toString('hex'), { mode: 0o600 });
  return key;
}
