#!/usr/bin/env node
// The `lantern` command. Runs the compiled CLI when the server is built (npm run build); otherwise
// compiles the TypeScript source on the fly with tsx, so a fresh checkout works without a build.
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli.js', import.meta.url);
let cli;
if (existsSync(built)) {
  cli = await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(new URL('../src/cli.ts', import.meta.url).href);
}
process.exitCode = await cli.runCli(process.argv.slice(2));
