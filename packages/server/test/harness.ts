import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import type { Config } from '../src/platform/config.js';
import { openDatabase, type Database } from '../src/platform/db/index.js';
import { buildApp } from '../src/app.js';
import { depsFor } from '../src/platform/bootstrap.js';
import type { AppDeps } from '../src/platform/deps.js';
import { adminUrl } from './pg-url.js';

/** Which engine this run tests: PGlite by default, PostgreSQL when TEST_DATABASE_URL is set. */
export const ENGINE: 'pglite' | 'postgres' = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/** A migrated, empty database of its own for one test file. */
export async function testDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const template = readFileSync(inject('pgliteTemplate'));
    return openDatabase({ databaseUrl: null, dataDir: null, loadDataDir: new Blob([template]) });
  }
  const name = `lantern_t_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ databaseUrl: adminUrl(url), dataDir: null, poolSize: 1 });
  await admin.exec(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
  await admin.close();
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: parsed.toString(), dataDir: null, poolSize: 20 });
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = await openDatabase({ databaseUrl: adminUrl(url), dataDir: null, poolSize: 1 });
      await dropper.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.close();
    },
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    mode: 'demo',
    port: 0,
    host: '127.0.0.1',
    dataDir: '/nonexistent',
    databaseUrl: null,
    secretKey: Buffer.alloc(32, 3),
    secureCookies: false,
    trustProxy: false,
    publicUrl: 'http://localhost:3000',
    logLevel: 'silent',
    loginRateLimitPerMinute: 10_000,
    webDistDir: '/nonexistent',
    ...overrides,
  };
}

/** A clock tests can move: `clock.advance(minutes)`. */
export interface TestClock {
  (): Date;
  set(at: Date): void;
  advanceMinutes(minutes: number): void;
}

export function testClock(start = new Date('2026-11-28T15:00:00.000Z')): TestClock {
  let now = start.getTime();
  const clock = (() => new Date(now)) as TestClock;
  clock.set = (at) => {
    now = at.getTime();
  };
  clock.advanceMinutes = (minutes) => {
    now += minutes * 60_000;
  };
  return clock;
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly database: Database;
  readonly deps: AppDeps;
  readonly clock: TestClock;
  close(): Promise<void>;
}

/** The real application over a test database, driven in-process with `app.inject`. */
export async function testApp(options: { config?: Partial<Config>; database?: Database } = {}): Promise<TestApp> {
  const database = options.database ?? (await testDatabase());
  const clock = testClock();
  const deps = depsFor(testConfig(options.config), database, clock);
  const app = await buildApp(deps);
  await app.ready();
  return {
    app,
    database,
    deps,
    clock,
    async close() {
      await app.close();
      if (!options.database) await database.close();
    },
  };
}

/**
 * Stands in for something a test file's beforeAll opens, so the file can name it once at its top:
 * each member is read from `read()` at the moment it is used. `members` names every member (the
 * compiler checks the list); a use before beforeAll has run throws, naming `what`.
 */
export function later<T extends object>(what: string, read: () => T | undefined, members: Record<keyof T, true>): T {
  const standIn = {};
  for (const member of Object.keys(members) as (keyof T & string)[]) {
    Object.defineProperty(standIn, member, {
      enumerable: true,
      get: () => {
        const value = read();
        if (value === undefined) throw new Error(`The ${what} is opened in beforeAll: use it inside a test or hook, not while the file is collected`);
        return value[member];
      },
    });
  }
  return standIn as T;
}

/** Stands in for the test app a file's beforeAll opens (see `later`). */
export function laterTestApp(read: () => TestApp | undefined): TestApp {
  return later('test app', read, { app: true, database: true, deps: true, clock: true, close: true });
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A signed-in browser, in miniature: keeps the session cookie and sends the CSRF token on writes. */
export class Agent {
  cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(private readonly app: FastifyInstance) {}

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    const setCookie = response.cookies.find((c) => c.name === 'lantern_session' || c.name === '__Host-lantern_session');
    if (setCookie) this.cookie = setCookie.value ? `${setCookie.name}=${setCookie.value}` : null;
    return response;
  }

  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse> {
    return this.request('GET', url, undefined, headers);
  }

  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse> {
    return this.request('POST', url, body ?? {}, headers);
  }

  put(url: string, body: unknown): Promise<LightMyRequestResponse> {
    return this.request('PUT', url, body);
  }

  /** Signs in (password and optional TOTP); keeps the cookie and CSRF token on success. */
  async login(email: string, password: string, extra: { totp?: string; recoveryCode?: string } = {}): Promise<LightMyRequestResponse> {
    const response = await this.request('POST', '/api/auth/login', { email, password, ...extra });
    if (response.statusCode === 200) this.csrfToken = (response.json() as { csrfToken: string }).csrfToken;
    return response;
  }
}
