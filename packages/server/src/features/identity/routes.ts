import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptInviteRequest,
  changePasswordRequest,
  loginRequest,
  meResponse,
  mfaEnrolmentConfirm,
  mfaEnrolmentStart,
  okResponse,
  recoveryCodesResponse,
} from '@lantern/core';
import type { AppDeps } from '../../platform/deps.js';
import { authed } from '../../platform/auth/guard.js';
import { clearSessionCookie, setSessionCookie } from '../../platform/auth/cookies.js';
import * as service from './service.js';

const tags = ['identity'];

/** Sign-in, sign-out, the current user, MFA enrolment, passwords and invitations. */
export function identityRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async function identity(app) {
    app.post('/api/auth/login', {
      config: {
        public: true,
        rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags,
        summary: 'Sign in with e-mail, password and (when enrolled) a TOTP or recovery code; sets the session cookie',
        body: loginRequest,
        response: { 200: z.object({ ok: z.literal(true), csrfToken: z.string() }) },
      },
    }, async (request, reply) => {
      const session = await service.login(deps, request.ctx, request.body);
      setSessionCookie(reply, deps.config, session.token);
      return { ok: true as const, csrfToken: session.csrfToken };
    });

    app.post('/api/auth/logout', {
      config: { allowPendingMfa: true, patients: true },
      schema: { tags, summary: 'Sign out of this session', response: { 200: okResponse } },
    }, async (request, reply) => {
      await service.logout(deps, authed(request.ctx), false);
      clearSessionCookie(reply, deps.config);
      return { ok: true as const };
    });

    app.post('/api/auth/logout-everywhere', {
      config: { allowPendingMfa: true, patients: true },
      schema: { tags, summary: 'Sign out of every session of this account', response: { 200: z.object({ ok: z.literal(true), sessionsEnded: z.number().int() }) } },
    }, async (request, reply) => {
      const sessionsEnded = await service.logout(deps, authed(request.ctx), true);
      clearSessionCookie(reply, deps.config);
      return { ok: true as const, sessionsEnded };
    });

    app.get('/api/me', {
      config: { allowPendingMfa: true, patients: true },
      schema: { tags, summary: 'The signed-in user, their roles, clinic and session', response: { 200: meResponse } },
    }, async (request) => service.me(deps, authed(request.ctx)));

    app.post('/api/auth/mfa/enrol', {
      config: { allowPendingMfa: true, patients: true },
      schema: { tags, summary: 'Start TOTP enrolment: a new secret and its QR code', response: { 200: mfaEnrolmentStart } },
    }, async (request) => service.startMfaEnrolment(deps, authed(request.ctx)));

    app.post('/api/auth/mfa/confirm', {
      config: { allowPendingMfa: true, patients: true },
      schema: { tags, summary: 'Confirm enrolment with a code; returns single-use recovery codes', body: mfaEnrolmentConfirm, response: { 200: recoveryCodesResponse } },
    }, async (request) => ({ recoveryCodes: await service.confirmMfaEnrolment(deps, authed(request.ctx), request.body.code) }));

    app.post('/api/auth/password', {
      config: { patients: true },
      schema: { tags, summary: 'Change password; ends every session of the account', body: changePasswordRequest, response: { 200: okResponse } },
    }, async (request, reply) => {
      await service.changePassword(deps, authed(request.ctx), request.body);
      clearSessionCookie(reply, deps.config);
      return { ok: true as const };
    });

    app.post('/api/auth/invite/accept', {
      config: { public: true, rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: 60_000 } },
      schema: { tags, summary: 'Set a first password with an invitation token', body: acceptInviteRequest, response: { 200: okResponse } },
    }, async (request) => {
      await service.acceptInvite(deps, request.ctx, request.body);
      return { ok: true as const };
    });
  };
}
