import Fastify, { type FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import type { Db } from '../packages/server/src/platform/db/index.js';
import { patient } from '../packages/server/src/platform/db/schema/index.js';

/**
 * The baseline: a minimal Fastify app doing the same SELECT of one patient row on the same
 * database, with no session, no access check, no transaction and no audit row.
 */
export async function bareServer(db: Db): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>('/bare/patients/:id', async function barePatient(request, reply) {
    const [row] = await db.select().from(patient).where(eq(patient.id, request.params.id)).limit(1);
    if (!row) return reply.status(404).send({ status: 404 });
    return { id: row.id, mrn: row.mrn, legalName: `${row.legalGivenName} ${row.legalFamilyName}`, dateOfBirth: row.dateOfBirth, status: row.status };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return app;
}

/** http://127.0.0.1:<port> of a listening app. */
export function baseUrl(app: FastifyInstance): string {
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening on TCP');
  return `http://127.0.0.1:${address.port}`;
}
