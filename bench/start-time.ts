import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/** The built server entry point; `npm run build` makes it. */
export const MAIN_JS = path.resolve(import.meta.dirname, '../packages/server/dist/main.js');

/** A TCP port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address !== 'string' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).status === 200;
  } catch {
    return false;
  }
}

/**
 * Milliseconds from spawning `node packages/server/dist/main.js` on `dataDir` to its first 200 on
 * /health. An empty dir is a cold start (create the cluster, migrate, seed the demo clinic); a
 * populated one is a warm start. The server is stopped with SIGTERM afterwards.
 */
export async function timeToHealthy(dataDir: string, timeoutMs = 120_000): Promise<number> {
  if (!existsSync(MAIN_JS)) throw new Error(`${MAIN_JS} is missing: run \`npm run build\` first`);
  const port = await freePort();
  const started = performance.now();
  const server = spawn(process.execPath, [MAIN_JS], {
    env: { ...process.env, LANTERN_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LANTERN_MODE: 'demo', DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  try {
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode} before it was healthy`);
      if (await healthy(`http://127.0.0.1:${port}/health`)) return Math.round(performance.now() - started);
      if (performance.now() - started > timeoutMs) throw new Error(`no healthy /health within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    server.kill('SIGTERM');
    await exited;
  }
}
