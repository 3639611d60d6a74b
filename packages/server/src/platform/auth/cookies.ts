import type { FastifyReply } from 'fastify';
import type { Config } from '../config.js';

/** `__Host-` cookies must be Secure, host-only and path `/`: the browser then refuses any override. */
export function sessionCookieName(config: Config): string {
  return config.secureCookies ? '__Host-lantern_session' : 'lantern_session';
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  void reply.setCookie(sessionCookieName(config), token, {
    path: '/',
    httpOnly: true,
    secure: config.secureCookies,
    sameSite: 'strict',
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  void reply.clearCookie(sessionCookieName(config), { path: '/', httpOnly: true, secure: config.secureCookies, sameSite: 'strict' });
}
