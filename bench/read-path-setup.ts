import { count } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../packages/server/src/app.js';
import { depsFor } from '../packages/server/src/platform/bootstrap.js';
import { auditEvent } from '../packages/server/src/platform/db/schema/index.js';
import type { AppDeps } from '../packages/server/src/platform/deps.js';
import { baseUrl, bareServer } from './bare.js';
import type { BenchDatabase } from './engines.js';
import { seedReadPath, signIn } from './fixtures.js';

/** Both servers of the read-path bench, listening on 127.0.0.1 over one database. */
export interface ReadPathServers {
  /** GET this with `headers`: the real app, signed in as the patient's therapist. */
  readonly auditedUrl: string;
  readonly headers: Readonly<Record<string, string>>;
  /** GET this with no headers: the bare route. */
  readonly bareUrl: string;
  /** The real app's origin and the patient's id, for extra routes. */
  readonly appOrigin: string;
  readonly patientId: string;
  auditRows(): Promise<number>;
  close(): Promise<void>;
}

/** Optionally adds routes to the real app before it listens (the profile's decomposition ladder). */
export type ExtraRoutes = (app: FastifyInstance, deps: AppDeps) => void;

export async function startReadPath(bench: BenchDatabase, extraRoutes?: ExtraRoutes): Promise<ReadPathServers> {
  const fixture = await seedReadPath(bench.database.db);
  const deps = depsFor(bench.config, bench.database);
  const app = await buildApp(deps);
  extraRoutes?.(app, deps);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const bare = await bareServer(bench.database.db);
  const cookie = await signIn(app, fixture.therapist);
  return {
    auditedUrl: `${baseUrl(app)}/api/patients/${fixture.patientId}`,
    headers: { cookie },
    bareUrl: `${baseUrl(bare)}/bare/patients/${fixture.patientId}`,
    appOrigin: baseUrl(app),
    patientId: fixture.patientId,
    async auditRows() {
      const [row] = await bench.database.db.select({ n: count() }).from(auditEvent);
      return Number(row?.n ?? 0);
    },
    async close() {
      await app.close();
      await bare.close();
    },
  };
}
