import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  clinicDate,
  completeLossStepRequest,
  countSheetQuery,
  countSheetView,
  countView,
  discrepancyView,
  idParams,
  inventoryView,
  lossReportView,
  lossStepParams,
  newInventoryRequest,
  newLossReportRequest,
  recordCountRequest,
  resolveDiscrepancyRequest,
} from '@lantern/core';
import type { AppDeps } from '../../platform/deps.js';
import { authed } from '../../platform/auth/guard.js';
import * as counts from './count-service.js';
import * as inventories from './inventory-service.js';
import * as losses from './loss-service.js';

const tags = ['ledger'];

const countListQuery = z.strictObject({ from: clinicDate, to: clinicDate });

/** Counts and discrepancies, inventories and the significant-loss checklist (see routes.ts for capabilities). */
export function countRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async function ledgerCounts(app) {
    app.get('/api/ledger/count-sheet', {
      config: { capability: 'ledger.read' },
      schema: { tags, summary: 'What each container at a location should hold, for a count', querystring: countSheetQuery, response: { 200: countSheetView } },
    }, async (request) => counts.sheet(deps, authed(request.ctx), request.query.locationId));

    app.post('/api/ledger/counts', {
      config: { capability: 'ledger.record' },
      schema: { tags, summary: 'Record a count by two people (the second confirms with their password and code)', body: recordCountRequest, response: { 201: countView } },
    }, async (request, reply) => reply.status(201).send(await counts.recordCount(deps, authed(request.ctx), request.body)));

    app.get('/api/ledger/counts', {
      config: { capability: 'ledger.read' },
      schema: { tags, summary: 'Counts taken between two clinic-local dates', querystring: countListQuery, response: { 200: z.array(countView) } },
    }, async (request) => counts.listCounts(deps, authed(request.ctx), request.query));

    app.get('/api/ledger/discrepancies', {
      config: { capability: 'ledger.read' },
      schema: { tags, summary: 'Unresolved count discrepancies', response: { 200: z.array(discrepancyView) } },
    }, async (request) => counts.openDiscrepancies(deps, authed(request.ctx)));

    app.post('/api/ledger/discrepancies/:id/resolve', {
      config: { capability: 'ledger.record' },
      schema: { tags, summary: 'Resolve a discrepancy (explained, adjusted, or reported as a loss)', params: idParams, body: resolveDiscrepancyRequest, response: { 200: discrepancyView } },
    }, async (request) => counts.resolveDiscrepancy(deps, authed(request.ctx), request.params.id, request.body));

    app.get('/api/ledger/inventories', {
      config: { capability: 'ledger.read' },
      schema: { tags, summary: 'Initial and biennial inventories', response: { 200: z.array(inventoryView) } },
    }, async (request) => inventories.listInventories(deps, authed(request.ctx)));

    app.post('/api/ledger/inventories', {
      config: { capability: 'ledger.record' },
      schema: { tags, summary: 'Take and sign an initial or biennial inventory', body: newInventoryRequest, response: { 201: inventoryView } },
    }, async (request, reply) => reply.status(201).send(await inventories.takeInventory(deps, authed(request.ctx), request.body)));

    app.get('/api/ledger/loss-reports', {
      config: { capability: 'ledger.read' },
      schema: { tags, summary: 'Theft and significant-loss reports with their checklists', response: { 200: z.array(lossReportView) } },
    }, async (request) => losses.listLossReports(deps, authed(request.ctx)));

    app.post('/api/ledger/loss-reports', {
      config: { capability: 'ledger.record' },
      schema: { tags, summary: 'Open the significant-loss checklist for loss/theft entries', body: newLossReportRequest, response: { 201: lossReportView } },
    }, async (request, reply) => reply.status(201).send(await losses.openLossReport(deps, authed(request.ctx), request.body)));

    app.post('/api/ledger/loss-reports/:id/steps/:step', {
      config: { capability: 'ledger.record' },
      schema: { tags, summary: 'Mark one checklist step done, with its reference', params: lossStepParams, body: completeLossStepRequest, response: { 200: lossReportView } },
    }, async (request) => losses.completeLossStep(deps, authed(request.ctx), request.params.id, request.params.step, request.body));
  };
}
