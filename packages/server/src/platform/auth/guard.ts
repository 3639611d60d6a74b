import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, sessionState, type Capability, type MfaStatus } from '@lantern/core';
import { Forbidden, Unauthenticated } from '@lantern/core';
import type { AppDeps } from '../deps.js';
import type { AuthedContext, RequestContext, SessionAuth } from '../context.js';
import { safeEqual, sha256Hex } from '../crypto.js';
import { clearSessionCookie, sessionCookieName } from './cookies.js';
import { findSession, revokeSession, touchSession } from './sessions.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a session (sign-in, health, public pages). Everything else is not. */
    public?: boolean;
    /** Reachable by a session that has yet to enrol in MFA (the enrolment routes, sign-out, /api/me). */
    allowPendingMfa?: boolean;
    /** A capability the caller's roles must grant. */
    capability?: Capability;
    /** Patients (portal accounts) may call this route; staff-only otherwise. */
    patients?: boolean;
  }
  interface FastifyRequest {
    ctx: RequestContext;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Write `last_seen_at` at most this often; idle timeouts are in minutes. */
const TOUCH_EVERY_MS = 30_000;

/** Narrows a context to a signed-in one; routes behind the guard always have it. */
export function authed(ctx: RequestContext): AuthedContext {
  if (!ctx.auth) throw new Unauthenticated();
  return ctx as AuthedContext;
}

/**
 * Requests the app makes on its own (polling for alerts) send this header; they do not count as
 * activity, so an unattended workstation still reaches the idle timeout (HIPAA automatic logoff).
 */
export const BACKGROUND_HEADER = 'x-lantern-background';

async function resolveSession(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, now: Date): Promise<SessionAuth | 'expired' | null> {
  const token = request.cookies[sessionCookieName(deps.config)];
  if (!token || token.length > 200) return null;
  const tokenHash = sha256Hex(token);
  const read = request.method === 'GET' || request.method === 'HEAD';
  const stored = (read ? deps.sessions.get(tokenHash) : null) ?? (await findSession(deps.db, tokenHash));
  if (!stored || stored.revokedAt || !stored.user.active) return null;
  deps.sessions.set(tokenHash, stored);
  const { policy } = await deps.policies.current(stored.user.clinicId);
  if (sessionState(stored, policy.security, now) !== 'active') {
    await revokeSession(deps.db, stored.id, now);
    clearSessionCookie(reply, deps.config);
    return 'expired';
  }
  const background = request.headers[BACKGROUND_HEADER] === '1';
  if (!background && now.getTime() - stored.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await touchSession(deps.db, stored.id, now);
    deps.sessions.touched(tokenHash, now);
  }
  const mfa: MfaStatus = stored.mfaSatisfied ? (stored.user.mfaEnabled ? 'satisfied' : 'exempt') : 'enrolment_required';
  return {
    sessionId: stored.id,
    user: stored.user,
    principal: { userId: stored.user.id, kind: stored.user.kind, roles: stored.user.roles, patientId: stored.user.patientId },
    mfa,
    csrfToken: stored.csrfToken,
    createdAt: stored.createdAt,
    lastSeenAt: stored.lastSeenAt,
  };
}

/**
 * Builds every request's context and enforces, before any handler runs: a live session (default
 * deny), completed MFA, the route's capability, staff-only routes, and the CSRF token on writes.
 */
export function installGuard(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.addHook('onRequest', async function guard(request, reply) {
    const now = deps.clock();
    const userAgent = request.headers['user-agent'] ?? null;
    const base = { requestId: request.id, now, sourceIp: request.ip ?? null, userAgent: userAgent ? userAgent.slice(0, 300) : null };
    // The API reference (/api/docs) is public documentation, not data.
    const isApi = (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) || request.url.startsWith('/fhir/');
    if (!isApi) {
      request.ctx = { ...base, auth: null };
      return;
    }
    const resolved = await resolveSession(deps, request, reply, now);
    const auth = resolved === 'expired' ? null : resolved;
    request.ctx = { ...base, auth };
    const config = request.routeOptions.config;
    if (config.public || request.is404) return;
    if (!auth) {
      throw resolved === 'expired'
        ? new Unauthenticated('Your session has ended. Please sign in again.', 'session_expired')
        : new Unauthenticated();
    }
    if (auth.mfa === 'enrolment_required' && !config.allowPendingMfa) {
      throw new Forbidden('Set up two-factor authentication before continuing', 'mfa_enrolment_required');
    }
    if (auth.user.kind === 'patient' && !config.patients) throw new Forbidden('This is for clinic staff', 'staff_only');
    if (config.capability && !can(auth.user.roles, config.capability)) throw new Forbidden();
    if (STATE_CHANGING.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, auth.csrfToken)) {
        throw new Forbidden('Missing or wrong CSRF token (send the x-csrf-token header from /api/me)', 'csrf');
      }
    }
  });
}
