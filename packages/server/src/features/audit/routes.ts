import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditPage, auditQuery } from '@lantern/core';
import type { AppDeps } from '../../platform/deps.js';
import { authed } from '../../platform/auth/guard.js';
import { transact } from '../../platform/audit/trail.js';
import { sealPendingAudit, verifyAuditChain } from '../../platform/audit/chain.js';
import { queryAudit } from './repo.js';
import { auditCsv } from './csv.js';

const tags = ['audit'];
const EXPORT_LIMIT = 100_000;

/** The auditor's screen: search, sort and export the trail, and check the chain. */
export function auditRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async function audit(app) {
    app.get('/api/audit/events', {
      config: { capability: 'audit.read' },
      schema: { tags, summary: 'Search the audit trail', querystring: auditQuery, response: { 200: auditPage } },
    }, async (request) => {
      const ctx = authed(request.ctx);
      // Events from the last moment are listed in their place in the chain, not as unsealed.
      await sealPendingAudit(deps.db);
      return transact(deps.db, ctx, async (tx, trail) => {
        const page = await queryAudit(tx, ctx.auth.user.clinicId, request.query);
        trail.record({ action: 'query', resourceType: 'AuditEvent', detail: { results: page.events.length } });
        return page;
      });
    });

    app.get('/api/audit/events.csv', {
      config: { capability: 'audit.read' },
      schema: { tags, summary: 'Export the filtered audit trail as CSV', querystring: auditQuery.omit({ limit: true, offset: true }) },
    }, async (request, reply) => {
      const ctx = authed(request.ctx);
      await sealPendingAudit(deps.db);
      const csv = await transact(deps.db, ctx, async (tx, trail) => {
        const page = await queryAudit(tx, ctx.auth.user.clinicId, { ...request.query, limit: EXPORT_LIMIT, offset: 0 });
        trail.record({ action: 'export', resourceType: 'AuditEvent', detail: { rows: page.events.length } });
        return auditCsv(page.events);
      });
      const stamp = ctx.now.toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="lantern-audit-${stamp}.csv"`)
        .send(csv);
    });

    app.get('/api/audit/verify', {
      config: { capability: 'audit.read' },
      schema: {
        tags,
        summary: 'Recompute the hash chain of the whole trail',
        response: {
          200: z.object({ ok: z.boolean(), checked: z.number().int(), pending: z.number().int(), firstBad: z.object({ seq: z.number().int(), reason: z.string() }).nullable() }),
        },
      },
    }, async () => {
      await sealPendingAudit(deps.db);
      return verifyAuditChain(deps.db);
    });
  };
}
