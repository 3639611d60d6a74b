import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'lantern-config-'));
const KEY = 'a'.repeat(64);

describe('configuration', () => {
  it('defaults to demo mode on port 3000 with data in ./data', () => {
    const cwd = tmp();
    const config = loadConfig({}, cwd);
    expect(config).toMatchObject({ mode: 'demo', port: 3000, dataDir: path.join(cwd, 'data'), databaseUrl: null, secureCookies: false });
  });

  it('honours PORT, LANTERN_DATA_DIR and DATABASE_URL', () => {
    const config = loadConfig({ PORT: '8080', LANTERN_DATA_DIR: '/var/lib/lantern', DATABASE_URL: 'postgres://x@y/z' }, tmp());
    expect(config).toMatchObject({ port: 8080, dataDir: '/var/lib/lantern', databaseUrl: 'postgres://x@y/z' });
  });

  it('keeps one generated demo key per data dir across restarts', () => {
    const cwd = tmp();
    expect(loadConfig({}, cwd).secretKey.equals(loadConfig({}, cwd).secretKey)).toBe(true);
  });

  it('refuses production without a secret key, with a weak key, or without https', () => {
    const cwd = tmp();
    expect(() => loadConfig({ LANTERN_MODE: 'production', LANTERN_PUBLIC_URL: 'https://clinic.example' }, cwd)).toThrow(/LANTERN_SECRET_KEY/);
    expect(() => loadConfig({ LANTERN_MODE: 'production', LANTERN_SECRET_KEY: 'hunter2', LANTERN_PUBLIC_URL: 'https://clinic.example' }, cwd)).toThrow(ConfigError);
    expect(() => loadConfig({ LANTERN_MODE: 'production', LANTERN_SECRET_KEY: KEY }, cwd)).toThrow(/https/);
  });

  it('accepts a sound production configuration, with secure cookies', () => {
    const config = loadConfig({ LANTERN_MODE: 'production', LANTERN_SECRET_KEY: KEY, LANTERN_PUBLIC_URL: 'https://clinic.example' }, tmp());
    expect(config).toMatchObject({ mode: 'production', secureCookies: true });
    expect(config.secretKey).toHaveLength(32);
  });

  it('refuses nonsense values clearly', () => {
    expect(() => loadConfig({ PORT: 'eighty' }, tmp())).toThrow(/PORT must be a whole number/);
    expect(() => loadConfig({ LANTERN_MODE: 'staging' }, tmp())).toThrow(/LANTERN_MODE/);
  });
});
