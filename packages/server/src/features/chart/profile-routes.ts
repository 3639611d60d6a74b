import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { careTeam, careTeamCandidate, chartHeader, patientIdParams, patientProfile, updateCareTeamRequest, updateProfileRequest } from '@lantern/core';
import type { AppDeps } from '../../platform/deps.js';
import { authed } from '../../platform/auth/guard.js';
import * as service from './profile-service.js';

const tags = ['chart'];

/** The chart header with its eligibility badge, the profile, and the care team. */
export function chartProfileRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async function chartProfile(app) {
    app.get('/api/patients/:id/chart-header', {
      config: { capability: 'patients.demographics' },
      schema: { tags, summary: 'The chart header: names, MRN, age, care team and eligibility status', params: patientIdParams, response: { 200: chartHeader } },
    }, async (request) => service.getChartHeader(deps, authed(request.ctx), request.params.id));

    app.get('/api/patients/:id/profile', {
      config: { capability: 'patients.demographics' },
      schema: { tags, summary: "A patient's profile: contact, address, emergency and escort contacts, pharmacy, insurance", params: patientIdParams, response: { 200: patientProfile } },
    }, async (request) => service.getProfile(deps, authed(request.ctx), request.params.id));

    app.put('/api/patients/:id/profile', {
      config: { capability: 'patients.edit' },
      schema: { tags, summary: 'Replace the profile (send the version you loaded; a stale one is 409)', params: patientIdParams, body: updateProfileRequest, response: { 200: patientProfile } },
    }, async (request) => service.updateProfile(deps, authed(request.ctx), request.params.id, request.body));

    app.put('/api/patients/:id/care-team', {
      config: { capability: 'careteam.manage' },
      schema: { tags, summary: 'Replace the care team (therapist, physician, nurse)', params: patientIdParams, body: updateCareTeamRequest, response: { 200: careTeam } },
    }, async (request) => service.setCareTeam(deps, authed(request.ctx), request.params.id, request.body));

    app.get('/api/care-team/candidates', {
      config: { capability: 'careteam.manage' },
      schema: { tags, summary: 'Active clinicians who can be put on a care team', response: { 200: z.array(careTeamCandidate) } },
    }, async (request) => service.careTeamCandidates(deps, authed(request.ctx)));
  };
}
