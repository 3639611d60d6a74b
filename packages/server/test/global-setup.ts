import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/platform/db/index.js';
import { migrate } from '../src/platform/db/migrate.js';
import { adminUrl, TEMPLATE_DB } from './pg-url.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/**
 * Migrates one template database for the whole run: a PGlite data-dir tarball (each test file loads
 * it in memory, far faster than migrating afresh) or, with TEST_DATABASE_URL, a PostgreSQL template
 * database that each file clones with CREATE DATABASE … TEMPLATE.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = await openDatabase({ databaseUrl: adminUrl(url), dataDir: null, poolSize: 1 });
    await admin.exec(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.exec(`CREATE DATABASE ${TEMPLATE_DB}`);
    const template = await openDatabase({ databaseUrl: withDatabase(url, TEMPLATE_DB), dataDir: null, poolSize: 1 });
    await migrate(template);
    await template.close();
    await admin.close();
    project.provide('pgliteTemplate', '');
    return async () => undefined;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lantern-test-'));
  const database = await openDatabase({ databaseUrl: null, dataDir: null });
  await migrate(database);
  const dump = await database.dump();
  const file = path.join(dir, 'template.tar.gz');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplate', file);
  return async () => rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
