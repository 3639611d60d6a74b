import type { FastifyInstance } from 'fastify';

/**
 * The security headers of every response, computed once at start (helmet's defaults, with a
 * stricter CSP and framing rule). @fastify/helmet rebuilds its middleware on every request; these
 * never change, so a constant object is set instead.
 */
export function securityHeaders(options: { readonly secure: boolean }): Readonly<Record<string, string>> {
  const csp = [
    "default-src 'self'",
    "base-uri 'self'",
    "connect-src 'self'",
    "font-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "img-src 'self' data:",
    "object-src 'none'",
    "script-src 'self'",
    "script-src-attr 'none'",
    // Mantine writes its CSS variables into a <style> element at run time.
    "style-src 'self' 'unsafe-inline'",
    ...(options.secure ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
  return {
    'content-security-policy': csp,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
    ...(options.secure ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

export function installSecurityHeaders(app: FastifyInstance, options: { readonly secure: boolean }): void {
  const headers = securityHeaders(options);
  app.addHook('onRequest', function setSecurityHeaders(_request, reply, done) {
    void reply.headers(headers);
    done();
  });
}
