import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clearanceRequest, contraindicationAssessmentView, eligibilityDecisionRequest, eligibilityView, overrideRequest, patientIdParams } from '@lantern/core';
import type { AppDeps } from '../../platform/deps.js';
import { authed } from '../../platform/auth/guard.js';
import * as contraindications from './contraindications-service.js';
import * as decisions from './decision-service.js';

const tags = ['eligibility'];

/** Contraindications (with clearances and overrides) and the physician's eligibility decision. */
export function eligibilityRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async function eligibility(app) {
    app.get('/api/patients/:id/contraindications', {
      config: { capability: 'patients.clinical' },
      schema: { tags, summary: 'The contraindication assessment of the chart now, rule by rule', params: patientIdParams, response: { 200: contraindicationAssessmentView } },
    }, async (request) => contraindications.getContraindications(deps, authed(request.ctx), request.params.id));

    app.post('/api/patients/:id/contraindication-clearances', {
      config: { capability: 'eligibility.decide' },
      schema: { tags, summary: 'Document the clearance of a relative contraindication (physician)', params: patientIdParams, body: clearanceRequest, response: { 201: contraindicationAssessmentView } },
    }, async (request, reply) => reply.status(201).send(await contraindications.recordClearance(deps, authed(request.ctx), request.params.id, request.body)));

    app.post('/api/patients/:id/contraindication-overrides', {
      config: { capability: 'contraindications.override' },
      schema: { tags, summary: 'Override an absolute contraindication (medical director: admin and physician; reason required)', params: patientIdParams, body: overrideRequest, response: { 201: contraindicationAssessmentView } },
    }, async (request, reply) => reply.status(201).send(await contraindications.recordOverride(deps, authed(request.ctx), request.params.id, request.body)));

    app.get('/api/patients/:id/eligibility', {
      config: { capability: 'patients.clinical' },
      schema: { tags, summary: 'The eligibility status, decisions, and what still stops each outcome', params: patientIdParams, response: { 200: eligibilityView } },
    }, async (request) => decisions.getEligibility(deps, authed(request.ctx), request.params.id));

    app.post('/api/patients/:id/eligibility', {
      config: { capability: 'eligibility.decide' },
      schema: { tags, summary: 'Record the eligibility decision (physician; both evaluations signed, else 409 with the unmet list)', params: patientIdParams, body: eligibilityDecisionRequest, response: { 201: eligibilityView } },
    }, async (request, reply) => reply.status(201).send(await decisions.recordDecision(deps, authed(request.ctx), request.params.id, request.body)));
  };
}
