import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the browser opens the app (a `localhost` origin, as in invitation links). */
    baseUrl: string;
    /** The same server for Node-side API calls, by address (no name resolution surprises). */
    apiUrl: string;
  }
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const SERVER = path.join(ROOT, 'packages/server/dist/main.js');
const WEB_DIST = path.join(ROOT, 'packages/web/dist');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(baseUrl: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server did not become healthy within 45 s:\n${output()}`);
}

/** Starts the built server on a free port over a fresh data directory, and stops it afterwards. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // For working on the tests: point them at a server you already run (its data is not reset).
  const existing = process.env.LANTERN_E2E_URL;
  if (existing) {
    project.provide('baseUrl', existing);
    project.provide('apiUrl', existing.replace('//localhost', '//127.0.0.1'));
    return async () => undefined;
  }
  if (!existsSync(SERVER) || !existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error('Build first: `npm run build` (needs packages/server/dist/main.js and packages/web/dist/index.html)');
  }
  const port = await freePort();
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'lantern-e2e-'));
  const dataDir = path.join(workDir, 'data');
  // Serve a copy of the built app: a rebuild during the run (another terminal, a watcher) would
  // otherwise swap the asset files under the server, which registers them once at start.
  const webDir = path.join(workDir, 'web');
  cpSync(WEB_DIST, webDir, { recursive: true });
  const baseUrl = `http://localhost:${port}`;
  const apiUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const server = spawn(process.execPath, [SERVER], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LANTERN_DATA_DIR: dataDir,
      LANTERN_WEB_DIST: webDir,
      LANTERN_LOGIN_RATE_LIMIT: '1000',
      LANTERN_MODE: 'demo',
      LANTERN_PUBLIC_URL: baseUrl,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  try {
    await waitForHealth(apiUrl, server, () => log);
  } catch (error) {
    server.kill('SIGKILL');
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('baseUrl', baseUrl);
  project.provide('apiUrl', apiUrl);

  return async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    rmSync(workDir, { recursive: true, force: true });
  };
}
