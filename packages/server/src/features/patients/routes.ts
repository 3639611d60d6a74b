import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  breakGlassGrant,
  breakGlassRequest,
  createPatientRequest,
  okResponse,
  patientHeader,
  patientIdParams,
  patientListQuery,
  reviewBreakGlassRequest,
  uuid,
} from '@lantern/core';
import type { AppDeps } from '../../platform/deps.js';
import { authed } from '../../platform/auth/guard.js';
import * as service from './service.js';

const tags = ['patients'];

/** Chart headers (scoped by the caller's role and care team) and break-glass access. */
export function patientRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async function patients(app) {
    app.get('/api/patients', {
      config: { capability: 'patients.demographics' },
      schema: { tags, summary: 'Patients in your scope, by name or MRN', querystring: patientListQuery, response: { 200: z.array(patientHeader) } },
    }, async (request) => service.listPatients(deps, authed(request.ctx), request.query));

    app.post('/api/patients', {
      config: { capability: 'patients.create' },
      schema: { tags, summary: 'Create a patient chart', body: createPatientRequest, response: { 201: patientHeader } },
    }, async (request, reply) => reply.status(201).send(await service.createPatient(deps, authed(request.ctx), request.body)));

    app.get('/api/patients/:id', {
      config: { patients: true },
      schema: { tags, summary: "A patient's chart header", params: patientIdParams, response: { 200: patientHeader } },
    }, async (request) => service.getPatient(deps, authed(request.ctx), request.params.id));

    app.post('/api/break-glass', {
      config: { capability: 'breakglass.request' },
      schema: { tags, summary: "Emergency access to a chart outside your care team (reason required; audited)", body: breakGlassRequest, response: { 201: z.object({ expiresAt: z.string() }) } },
    }, async (request, reply) => reply.status(201).send(await service.breakGlass(deps, authed(request.ctx), request.body)));

    app.get('/api/break-glass', {
      config: { capability: 'breakglass.review' },
      schema: {
        tags,
        summary: 'Break-glass grants for review',
        querystring: z.strictObject({ unreviewed: z.enum(['true', 'false']).default('false') }),
        response: { 200: z.array(breakGlassGrant) },
      },
    }, async (request) => service.listBreakGlass(deps, authed(request.ctx), request.query.unreviewed === 'true'));

    app.post('/api/break-glass/:id/review', {
      config: { capability: 'breakglass.review' },
      schema: { tags, summary: 'Record the review of a break-glass grant', params: z.strictObject({ id: uuid }), body: reviewBreakGlassRequest, response: { 200: okResponse } },
    }, async (request) => {
      await service.reviewBreakGlass(deps, authed(request.ctx), request.params.id, request.body.note);
      return { ok: true as const };
    });
  };
}
