import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addInquiryNoteRequest,
  alertIdParams,
  alertListQuery,
  assignableStaff,
  assignInquiryRequest,
  changeInquiryStatusRequest,
  clinicAlert,
  convertInquiryRequest,
  convertInquiryResponse,
  inquiryDetail,
  inquiryIdParams,
  inquiryListQuery,
  inquiryReceipt,
  inquirySubmission,
  inquirySummary,
  likelyDuplicateProblem,
  okResponse,
} from '@lantern/core';
import type { AppDeps } from '../../platform/deps.js';
import { authed } from '../../platform/auth/guard.js';
import { problemOf } from '../../platform/errors.js';
import * as alerts from './alerts-service.js';
import { convertInquiry } from './convert.js';
import * as service from './service.js';
import { submitInquiry } from './submit-service.js';

/** Public inquiries per source address: enough for a family on one connection, too few for a spammer. */
export const INQUIRY_RATE_LIMIT = { max: 10, timeWindow: 15 * 60_000 } as const;

const tags = ['intake'];
const queue = { capability: 'intake.manage' as const };

/** The JSON inquiry API (public), the staff intake queue, and clinic alerts. */
export function intakeRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async function intake(app) {
    app.post('/api/public/inquiries', {
      config: { public: true, rateLimit: INQUIRY_RATE_LIMIT },
      schema: {
        tags,
        summary: 'Send an inquiry with an optional pre-screen (no account; rate-limited per address)',
        description: 'An urgent safety screen answers with crisis resources at once and raises a clinic alert. Sending the same idempotencyKey, or the same answers within 10 minutes, returns the first receipt.',
        security: [],
        body: inquirySubmission,
        response: { 200: inquiryReceipt, 201: inquiryReceipt },
      },
    }, async (request, reply) => {
      const result = await submitInquiry(deps, request.ctx, { submission: request.body, source: 'api' });
      return reply.status(result.replayed ? 200 : 201).header('cache-control', 'no-store').send(result);
    });

    app.get('/api/intake/inquiries', {
      config: queue,
      schema: { tags, summary: 'The intake queue: urgent open inquiries first, then newest', querystring: inquiryListQuery, response: { 200: z.array(inquirySummary) } },
    }, async (request) => service.listInquiries(deps, authed(request.ctx), request.query));

    app.get('/api/intake/assignees', {
      config: queue,
      schema: { tags, summary: 'Staff who can be assigned an inquiry', response: { 200: assignableStaff } },
    }, async (request) => service.listAssignees(deps, authed(request.ctx)));

    app.get('/api/intake/inquiries/:id', {
      config: queue,
      schema: { tags, summary: 'One inquiry: answers, scores, triage reasons and notes (audited read)', params: inquiryIdParams, response: { 200: inquiryDetail } },
    }, async (request) => service.getInquiry(deps, authed(request.ctx), request.params.id));

    app.post('/api/intake/inquiries/:id/assign', {
      config: queue,
      schema: { tags, summary: 'Assign an inquiry to a member of staff (null unassigns)', params: inquiryIdParams, body: assignInquiryRequest, response: { 200: inquiryDetail } },
    }, async (request) => service.assignInquiry(deps, authed(request.ctx), request.params.id, request.body.userId));

    app.post('/api/intake/inquiries/:id/status', {
      config: queue,
      schema: { tags, summary: "Change an inquiry's status", params: inquiryIdParams, body: changeInquiryStatusRequest, response: { 200: inquiryDetail } },
    }, async (request) => service.changeInquiryStatus(deps, authed(request.ctx), request.params.id, request.body.status));

    app.post('/api/intake/inquiries/:id/notes', {
      config: queue,
      schema: { tags, summary: 'Add a note to an inquiry', params: inquiryIdParams, body: addInquiryNoteRequest, response: { 201: inquiryDetail } },
    }, async (request, reply) => reply.status(201).send(await service.addInquiryNote(deps, authed(request.ctx), request.params.id, request.body.body)));

    app.post('/api/intake/inquiries/:id/convert', {
      config: { capability: 'intake.manage' },
      schema: {
        tags,
        summary: 'Convert an inquiry to a patient (409 with candidates when a likely duplicate exists)',
        params: inquiryIdParams,
        body: convertInquiryRequest,
        response: { 201: convertInquiryResponse, 409: likelyDuplicateProblem },
      },
    }, async (request, reply) => {
      const outcome = await convertInquiry(deps, authed(request.ctx), request.params.id, request.body);
      if (outcome.kind === 'converted') return reply.status(201).send(outcome.result);
      const count = outcome.candidates.length;
      const body = {
        ...problemOf(409, `${count} existing ${count === 1 ? 'chart looks' : 'charts look'} like the same person. Link the inquiry to one, or confirm this is someone new.`, { code: 'likely_duplicate' }),
        requestId: request.id,
        candidates: [...outcome.candidates],
      };
      return reply.status(409).type('application/problem+json').send(body);
    });

    app.get('/api/alerts', {
      config: { capability: 'alerts.read' },
      schema: { tags: ['alerts'], summary: 'Clinic alerts for the home screen (open ones unless state=all)', querystring: alertListQuery, response: { 200: z.array(clinicAlert) } },
    }, async (request) => alerts.listAlerts(deps, authed(request.ctx), { openOnly: request.query.state === 'open', limit: request.query.limit }));

    app.post('/api/alerts/:id/ack', {
      config: { capability: 'alerts.read' },
      schema: { tags: ['alerts'], summary: 'Acknowledge an alert (audited; once only)', params: alertIdParams, response: { 200: okResponse } },
    }, async (request) => {
      await alerts.acknowledgeAlert(deps, authed(request.ctx), request.params.id);
      return { ok: true as const };
    });
  };
}
