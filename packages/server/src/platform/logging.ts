import type { LoggerOptions } from 'pino';

/**
 * Pino options with PHI redaction. Request bodies are never logged; headers that carry credentials
 * are censored, and URLs carry no PHI by design (ids only, never names).
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.email',
        '*.totp',
        '*.body',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req(request: { method: string; url: string; id: string }) {
        // Query strings may carry search terms (names): log the path only.
        return { method: request.method, path: request.url.split('?')[0], id: request.id };
      },
    },
  };
}
