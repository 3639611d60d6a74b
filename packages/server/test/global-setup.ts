import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/platform/db/index.js';
import { migrate } from '../src/platform/db/migrate.js';
import { adminUrl } from './pg-url.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    /** The PostgreSQL template database of this run (empty on PGlite). */
    pgTemplate: string;
  }
}

/**
 * Migrates one template database for the whole run: a PGlite data-dir tarball (each test file loads
 * it in memory, far faster than migrating afresh) or, with TEST_DATABASE_URL, a PostgreSQL template
 * database that each file clones with CREATE DATABASE … TEMPLATE. The template's name is this run's
 * own, so two runs against one server (CI and a developer's) never drop each other's template.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `lantern_test_template_${randomBytes(5).toString('hex')}`;
    const admin = await openDatabase({ databaseUrl: adminUrl(url), dataDir: null, poolSize: 1 });
    await admin.exec(`CREATE DATABASE ${name}`);
    const template = await openDatabase({ databaseUrl: withDatabase(url, name), dataDir: null, poolSize: 1 });
    await migrate(template);
    await template.close();
    await admin.close();
    project.provide('pgliteTemplate', '');
    project.provide('pgTemplate', name);
    return async () => {
      const dropper = await openDatabase({ databaseUrl: adminUrl(url), dataDir: null, poolSize: 1 });
      await dropper.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.close();
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lantern-test-'));
  const database = await openDatabase({ databaseUrl: null, dataDir: null });
  await migrate(database);
  const dump = await database.dump();
  const file = path.join(dir, 'template.tar.gz');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplate', file);
  project.provide('pgTemplate', '');
  return async () => rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
