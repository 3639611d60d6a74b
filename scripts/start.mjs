// `npm start`: build what is missing or stale, then run the server (which migrates, seeds the demo
// clinic on an empty data dir, and serves http://localhost:3000).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Newest modification time of any file under `dir` (skipping build output and dependencies). */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// TypeScript's build mode is incremental: a no-op when nothing changed.
run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-b', 'packages/core', 'packages/server']);

const webIndex = path.join(root, 'packages/web/dist/index.html');
const webStale = !existsSync(webIndex) || newest(path.join(root, 'packages/web')) > statSync(webIndex).mtimeMs || newest(path.join(root, 'packages/core/src')) > statSync(webIndex).mtimeMs;
if (webStale) {
  process.stdout.write('Building the web app…\n');
  run('npm', ['run', 'build', '-w', '@lantern/web']);
}

const server = spawn(process.execPath, [path.join(root, 'packages/server/dist/main.js')], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
