import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acknowledgeRequest,
  addMemberRequest,
  courseTimelineView,
  createPlanRequest,
  cycleDecisionRequest,
  entryIdParams,
  medicineCheckQuery,
  patientIdParams,
  phaseListItem,
  planDefaultsView,
  planView,
  prepMinimumRequest,
  reasonRequest,
  recordSessionRequest,
  reviseRequest,
  rosterView,
  safetyFlagRequest,
  uuid,
} from '@lantern/core';
import type { AppDeps } from '../../platform/deps.js';
import { authed } from '../../platform/auth/guard.js';
import * as service from './service.js';

const tags = ['course'];
const unmetList = z.array(z.object({ code: z.string(), message: z.string() }));
const flagParams = z.strictObject({ id: uuid, flagId: uuid });

/**
 * The course engine (issue #4): plans, sessions, gates and their overrides, cycle decisions, the
 * timeline and the clinic-wide lists. Any step whose gates are unmet is refused with 409 and `unmet`.
 */
export function courseRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async function courses(app) {
    app.get('/api/courses', {
      config: { capability: 'patients.clinical' },
      schema: { tags, summary: 'Open courses by phase, with next step and blockers (in the caller\'s clinical scope)', response: { 200: z.array(phaseListItem) } },
    }, async (request) => service.coursesByPhase(deps, authed(request.ctx), { overdueOnly: false }));

    app.get('/api/courses/integration-overdue', {
      config: { capability: 'patients.clinical' },
      schema: { tags, summary: 'Courses whose integration after a medicine session is overdue (home screen)', response: { 200: z.array(phaseListItem) } },
    }, async (request) => service.coursesByPhase(deps, authed(request.ctx), { overdueOnly: true }));

    app.get('/api/patients/:id/course', {
      config: { capability: 'patients.clinical' },
      schema: { tags, summary: "A patient's course timeline: phase, next step, blockers, sessions, notes, decisions", params: patientIdParams, response: { 200: courseTimelineView } },
    }, async (request) => service.patientCourse(deps, authed(request.ctx), request.params.id));

    app.get('/api/plan-defaults', {
      config: { capability: 'notes.author' },
      schema: { tags, summary: "What a new plan starts from: the clinic policy's planned session counts per phase", response: { 200: planDefaultsView } },
    }, async (request) => service.planDefaults(deps, authed(request.ctx)));

    app.post('/api/plans', {
      config: { capability: 'notes.author' },
      schema: { tags, summary: 'Draft a plan (individual, couples or group) and open a course per patient', body: createPlanRequest, response: { 201: planView } },
    }, async (request, reply) => reply.status(201).send(await service.createPlan(deps, authed(request.ctx), request.body)));

    app.get('/api/plans/:id', {
      config: { capability: 'patients.clinical' },
      schema: { tags, summary: 'A plan with members, revisions and its focus guide', params: entryIdParams, response: { 200: planView } },
    }, async (request) => service.getPlan(deps, authed(request.ctx), request.params.id));

    app.post('/api/plans/:id/revisions', {
      config: { capability: 'notes.author' },
      schema: { tags, summary: 'A new revision of the plan (never an overwrite)', params: entryIdParams, body: reviseRequest, response: { 201: planView } },
    }, async (request, reply) => reply.status(201).send(await service.changePlan(deps, authed(request.ctx), request.params.id, { kind: 'revise', content: request.body.content })));

    app.post('/api/plans/:id/cosign', {
      config: { capability: 'eligibility.decide' },
      schema: { tags, summary: "The physician co-signs the latest revision's medical part", params: entryIdParams, body: z.strictObject({ version: z.number().int().min(1) }), response: { 200: planView } },
    }, async (request) => service.changePlan(deps, authed(request.ctx), request.params.id, { kind: 'cosign', version: request.body.version }));

    app.post('/api/plans/:id/acknowledgements', {
      config: { capability: 'notes.author' },
      schema: { tags, summary: 'The patient acknowledges the co-signed plan in clinic (typed name, witnessed)', params: entryIdParams, body: acknowledgeRequest, response: { 201: planView } },
    }, async (request, reply) => reply.status(201).send(await service.changePlan(deps, authed(request.ctx), request.params.id, { kind: 'acknowledge', ...request.body })));

    app.post('/api/plans/:id/members', {
      config: { capability: 'notes.author' },
      schema: { tags, summary: 'Add a member to a group (capacity) or a participant to a couples plan', params: entryIdParams, body: addMemberRequest, response: { 201: planView } },
    }, async (request, reply) => reply.status(201).send(await service.changePlan(deps, authed(request.ctx), request.params.id, { kind: 'member', patientId: request.body.patientId })));

    app.post('/api/plans/:id/sessions', {
      config: { capability: 'notes.author' },
      schema: {
        tags,
        summary: 'Record a held session (individual, joint or group); every attendee must pass their gates (409 with unmet)',
        params: entryIdParams,
        body: recordSessionRequest,
        response: { 201: z.object({ sessionId: uuid, noteIds: z.array(uuid) }) },
      },
    }, async (request, reply) => reply.status(201).send(await service.recordSession(deps, authed(request.ctx), request.params.id, request.body)));

    app.get('/api/plans/:id/medicine-roster', {
      config: { capability: 'patients.clinical' },
      schema: { tags, summary: 'Who may dose in a joint or group medicine session at a time', params: entryIdParams, querystring: medicineCheckQuery, response: { 200: rosterView } },
    }, async (request) => service.medicineRoster(deps, authed(request.ctx), request.params.id, new Date(request.query.at), request.query.route));

    app.get('/api/courses/:id/medicine-check', {
      config: { capability: 'patients.clinical' },
      schema: { tags, summary: 'The medicine gate for this course at a time (empty: allowed)', params: entryIdParams, querystring: medicineCheckQuery, response: { 200: z.object({ allowed: z.boolean(), unmet: unmetList }) } },
    }, async (request) => {
      const unmet = await service.medicineCheck(deps, authed(request.ctx), request.params.id, new Date(request.query.at), request.query.route);
      return { allowed: unmet.length === 0, unmet };
    });

    app.post('/api/courses/:id/prep-minimum', {
      config: { capability: 'notes.author' },
      schema: { tags, summary: "Therapist: this patient's preparation minimum, with a reason (audited override)", params: entryIdParams, body: prepMinimumRequest, response: { 200: courseTimelineView } },
    }, async (request) => service.courseStep(deps, authed(request.ctx), request.params.id, { kind: 'prep_minimum', ...request.body }));

    app.post('/api/courses/:id/readiness', {
      config: { capability: 'notes.author' },
      schema: { tags, summary: 'Therapist: attest readiness for medicine sessions', params: entryIdParams, body: z.strictObject({ note: z.string().max(2000).optional() }), response: { 200: courseTimelineView } },
    }, async (request) => service.courseStep(deps, authed(request.ctx), request.params.id, { kind: 'readiness', note: request.body.note ?? null }));

    app.post('/api/courses/:id/first-route-override', {
      config: { capability: 'notes.author' },
      schema: { tags, summary: 'Physician: allow a first medicine session that is not oral, with a reason (audited override)', params: entryIdParams, body: reasonRequest, response: { 200: courseTimelineView } },
    }, async (request) => service.courseStep(deps, authed(request.ctx), request.params.id, { kind: 'first_route', reason: request.body.reason }));

    app.post('/api/courses/:id/cycle-decisions', {
      config: { capability: 'notes.author' },
      schema: { tags, summary: 'Therapist with the patient: another medicine session, maintenance, or complete', params: entryIdParams, body: cycleDecisionRequest, response: { 200: courseTimelineView } },
    }, async (request) => service.courseStep(deps, authed(request.ctx), request.params.id, { kind: 'cycle_decision', decision: request.body.decision, note: request.body.note ?? null }));

    app.post('/api/courses/:id/safety-flags', {
      config: { capability: 'patients.clinical' },
      schema: { tags, summary: 'Raise a safety flag (holds medicine sessions until reviewed)', params: entryIdParams, body: safetyFlagRequest, response: { 200: courseTimelineView } },
    }, async (request) => service.courseStep(deps, authed(request.ctx), request.params.id, { kind: 'safety_flag', flag: request.body.kind }));

    app.post('/api/courses/:id/safety-flags/:flagId/review', {
      config: { capability: 'notes.author' },
      schema: { tags, summary: 'A clinician reviews an open safety flag, with a note', params: flagParams, body: reasonRequest, response: { 200: courseTimelineView } },
    }, async (request) => service.courseStep(deps, authed(request.ctx), request.params.id, { kind: 'safety_review', flagId: request.params.flagId, reason: request.body.reason }));
  };
}
