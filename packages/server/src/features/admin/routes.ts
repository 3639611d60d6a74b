import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  clinicPolicy,
  createStaffRequest,
  createStaffResponse,
  staffIdParams,
  staffMember,
  text,
  updateRolesRequest,
} from '@lantern/core';
import type { AppDeps } from '../../platform/deps.js';
import { authed } from '../../platform/auth/guard.js';
import * as service from './service.js';

const tags = ['admin'];
const staffOnly = { capability: 'staff.manage' as const };
const policyVersion = z.object({ version: z.number().int(), policy: clinicPolicy });

/** Staff accounts, roles, MFA resets and unlocks, clinic policy and the outbox: the admin's screens. */
export function adminRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async function admin(app) {
    app.get('/api/admin/staff', {
      config: staffOnly,
      schema: { tags, summary: 'List staff accounts', response: { 200: z.array(staffMember) } },
    }, async (request) => service.listStaff(deps, authed(request.ctx)));

    app.post('/api/admin/staff', {
      config: staffOnly,
      schema: { tags, summary: 'Invite a staff member', body: createStaffRequest, response: { 201: createStaffResponse } },
    }, async (request, reply) => {
      const created = await service.createStaff(deps, authed(request.ctx), request.body);
      return reply.status(201).send(created);
    });

    app.put('/api/admin/staff/:id/roles', {
      config: staffOnly,
      schema: { tags, summary: "Replace a staff member's roles", params: staffIdParams, body: updateRolesRequest, response: { 200: staffMember } },
    }, async (request) => service.changeStaff(deps, authed(request.ctx), request.params.id, { kind: 'roles', roles: request.body.roles }));

    const actions = [
      ['deactivate', 'Deactivate an account and end its sessions'],
      ['reactivate', 'Reactivate an account'],
      ['reset-mfa', 'Reset two-factor authentication (the member enrols again at next sign-in)'],
      ['unlock', 'Unlock an account locked by failed sign-ins'],
    ] as const;
    for (const [action, summary] of actions) {
      app.post(`/api/admin/staff/:id/${action}`, {
        config: staffOnly,
        schema: { tags, summary, params: staffIdParams, response: { 200: staffMember } },
      }, async (request) => {
        const kind = action === 'reset-mfa' ? 'reset_mfa' : action;
        return service.changeStaff(deps, authed(request.ctx), request.params.id, { kind });
      });
    }

    app.get('/api/admin/policy', {
      config: { capability: 'policy.manage' },
      schema: { tags, summary: "The clinic's current policy version", response: { 200: policyVersion } },
    }, async (request) => service.currentPolicy(deps, authed(request.ctx)));

    app.put('/api/admin/policy', {
      config: { capability: 'policy.manage' },
      schema: {
        tags,
        summary: 'Save a new policy version',
        body: z.strictObject({ policy: clinicPolicy, note: text(500).nullable().default(null) }),
        response: { 200: policyVersion },
      },
    }, async (request) => service.updatePolicy(deps, authed(request.ctx), request.body));

    app.get('/api/admin/outbox', {
      config: staffOnly,
      schema: {
        tags,
        summary: 'Messages waiting for (or sent through) e-mail',
        response: { 200: z.array(z.object({ id: z.string(), to: z.string(), subject: z.string(), body: z.string(), status: z.string(), createdAt: z.string() })) },
      },
    }, async (request) => service.outbox(deps, authed(request.ctx)));
  };
}
