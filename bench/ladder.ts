import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { transact } from '../packages/server/src/platform/audit/trail.js';
import type { Executor } from '../packages/server/src/platform/db/index.js';
import { patient } from '../packages/server/src/platform/db/schema/index.js';
import type { AppDeps } from '../packages/server/src/platform/deps.js';

/**
 * The profile's decomposition ladder: routes on the real app that add one layer of the audited
 * read at a time, so the cost of each shows as the drop from one rung to the next.
 */
export const LADDER = [
  { rung: 'app, no session', path: 'row', cookie: false, what: 'Fastify with helmet, cookie, guard (no session query) + the SELECT' },
  { rung: '+ session lookup', path: 'row', cookie: true, what: 'the guard looks the session up (1 query)' },
  { rung: '+ transaction', path: 'tx-row', cookie: true, what: 'BEGIN + SELECT + COMMIT through transact()' },
  { rung: '+ audit append', path: 'tx-row-audit', cookie: true, what: 'the chain-head UPDATE + INSERT before COMMIT' },
] as const;

async function selectRow(db: Executor, id: string): Promise<{ id: string; mrn: string }> {
  const [row] = await db.select({ id: patient.id, mrn: patient.mrn }).from(patient).where(eq(patient.id, id)).limit(1);
  if (!row) throw new Error('no such patient');
  return row;
}

export function ladderRoutes(app: FastifyInstance, deps: AppDeps): void {
  const publicRoute = { config: { public: true } };
  app.get<{ Params: { id: string } }>('/api/bench/row/:id', publicRoute, async function row(request) {
    return selectRow(deps.db, request.params.id);
  });
  app.get<{ Params: { id: string } }>('/api/bench/tx-row/:id', publicRoute, async function txRow(request) {
    return transact(deps.db, request.ctx, (tx) => selectRow(tx, request.params.id));
  });
  app.get<{ Params: { id: string } }>('/api/bench/tx-row-audit/:id', publicRoute, async function txRowAudit(request) {
    return transact(deps.db, request.ctx, async (tx, audit) => {
      const found = await selectRow(tx, request.params.id);
      audit.record({ action: 'read', patientId: found.id, resourceType: 'Patient', resourceId: found.id });
      return found;
    });
  });
}
