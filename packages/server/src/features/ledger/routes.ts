import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  entryListQuery,
  entryView,
  idParams,
  ledgerVerifyView,
  locationView,
  newLocationRequest,
  newProductRequest,
  productView,
  recordEntryRequest,
  sessionReconciliationRequest,
  sessionReconciliationView,
  stockQuery,
  stockView,
} from '@lantern/core';
import type { AppDeps } from '../../platform/deps.js';
import { authed } from '../../platform/auth/guard.js';
import { transact } from '../../platform/audit/trail.js';
import * as entries from './entries-service.js';
import * as stock from './stock-service.js';
import { verifyLedger } from './verify.js';
import { countRoutes } from './count-routes.js';
import { reportRoutes } from './report-routes.js';

const tags = ['ledger'];

/**
 * The controlled-substance ledger (issue #6). Capabilities (packages/core/src/roles.ts):
 * - `ledger.read`: physicians, nurses, admins and auditors read stock, entries and reports;
 * - `ledger.record`: physicians, nurses and admins record entries, counts and inventories (an
 *   adjustment or its reversal further needs a physician or admin: the core rules refuse others);
 * - `ledger.catalogue`: physicians and admins add products and storage locations.
 * Witnesses, second counters and signers confirm with their own password and code in the request
 * body; repeated failures lock their account as failed sign-ins do.
 */
export function ledgerRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async function ledger(app) {
    app.get('/api/ledger/stock', {
      config: { capability: 'ledger.read' },
      schema: { tags, summary: 'Stock by location and lot, open draws, and who may witness', querystring: stockQuery, response: { 200: stockView } },
    }, async (request) => stock.stock(deps, authed(request.ctx), { includeEmpty: request.query.includeEmpty === 'true' }));

    app.get('/api/ledger/entries', {
      config: { capability: 'ledger.read' },
      schema: { tags, summary: 'Ledger entries, newest first', querystring: entryListQuery, response: { 200: z.array(entryView) } },
    }, async (request) => stock.listEntries(deps, authed(request.ctx), request.query));

    app.post('/api/ledger/entries', {
      config: { capability: 'ledger.record' },
      schema: { tags, summary: 'Record an entry (receipt, transfer, draw, witnessed waste, return, destruction, loss/theft, adjustment, reversal)', body: recordEntryRequest, response: { 201: entryView } },
    }, async (request, reply) => reply.status(201).send(await entries.recordEntry(deps, authed(request.ctx), request.body)));

    app.post('/api/ledger/sessions/:id/reconciliation', {
      config: { capability: 'ledger.read' },
      schema: {
        tags,
        summary: "Whether a medicine session's draws equal what was administered, wasted and returned (to 0.01 mg)",
        params: idParams,
        body: sessionReconciliationRequest,
        response: { 200: sessionReconciliationView },
      },
    }, async (request) => stock.sessionReconciliation(deps, authed(request.ctx), request.params.id, request.body));

    app.post('/api/ledger/locations', {
      config: { capability: 'ledger.catalogue' },
      schema: { tags, summary: 'Add a storage location', body: newLocationRequest, response: { 201: locationView } },
    }, async (request, reply) => reply.status(201).send(await stock.addLocation(deps, authed(request.ctx), request.body.name)));

    app.post('/api/ledger/products', {
      config: { capability: 'ledger.catalogue' },
      schema: { tags, summary: 'Add a controlled-substance product to the catalogue', body: newProductRequest, response: { 201: productView } },
    }, async (request, reply) => reply.status(201).send(await stock.addProduct(deps, authed(request.ctx), request.body)));

    app.get('/api/ledger/verify', {
      config: { capability: 'ledger.read' },
      schema: { tags, summary: "Recompute the ledger's hash chain and balances", response: { 200: ledgerVerifyView } },
    }, async (request) =>
      transact(deps.db, authed(request.ctx), async (tx, audit) => {
        const verdict = await verifyLedger(tx);
        audit.record({ action: 'execute', resourceType: 'LedgerVerification', detail: { ok: verdict.ok, entries: verdict.checked } });
        return { ok: verdict.ok, entries: verdict.checked, firstBad: verdict.firstBad };
      }));

    await app.register(countRoutes(deps));
    await app.register(reportRoutes(deps));
  };
}
