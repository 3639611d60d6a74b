import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { Conflict, DomainError, Forbidden, PolicyBlocked, RateLimited, Unauthenticated, ValidationError, type Problem } from '@lantern/core';

const PROBLEM_BASE = 'https://lantern.example/problems/';

const STATUS: Record<DomainError['kind'], number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  policy_blocked: 409,
  rate_limited: 429,
  locked: 423,
};

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Sign-in required',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Request too large',
  415: 'Unsupported media type',
  423: 'Account locked',
  429: 'Too many requests',
  500: 'Internal error',
};

/** Builds an RFC 9457 problem body. */
export function problemOf(status: number, detail: string, extra: Partial<Problem> = {}): Problem {
  return {
    type: `${PROBLEM_BASE}${extra.code ?? status}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...extra,
  };
}

function domainProblem(error: DomainError): Problem {
  const status = STATUS[error.kind];
  if (error instanceof ValidationError) {
    return problemOf(status, error.message, { code: 'validation', errors: [{ path: error.path.join('.'), message: error.message }] });
  }
  if (error instanceof PolicyBlocked) return problemOf(status, error.message, { code: 'policy_blocked', unmet: [...error.unmet] });
  if (error instanceof Conflict || error instanceof Forbidden || error instanceof Unauthenticated) {
    return problemOf(status, error.message, { code: error.code });
  }
  return problemOf(status, error.message, { code: error.kind });
}

/** Maps a Fastify framework error (parsing, limits, schema validation) to a problem, or null. */
function frameworkProblem(error: FastifyError): Problem | null {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const errors = error.validation.flatMap((issue) => {
      const fieldPath = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
      const base = fieldPath ? `${where}.${fieldPath}` : where;
      // An unknown field is named by its own path, one error each, so a client can point at it.
      const keys = issue.keyword === 'unrecognized_keys' ? (issue.params as { keys?: unknown }).keys : undefined;
      if (Array.isArray(keys) && keys.length > 0) {
        return keys.map((key) => ({ path: `${base}.${String(key).slice(0, 64)}`, message: 'Unknown field' }));
      }
      return [{ path: base, message: issue.message ?? 'Invalid value' }];
    });
    const first = errors[0];
    return problemOf(400, first ? `${first.path}: ${first.message}` : 'Invalid request', { code: 'validation', errors });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problemOf(413, 'The request body is larger than Lantern accepts', { code: 'body_too_large' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problemOf(415, 'Send JSON (Content-Type: application/json)', { code: 'unsupported_media_type' });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problemOf(400, 'The JSON body is empty', { code: 'malformed_json' });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problemOf(400, 'The body is not valid JSON', { code: 'malformed_json' });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problemOf(400, 'Content-Length does not match the body', { code: 'bad_content_length' });
    default:
      break;
  }
  if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON/i.test(error.message))) {
    return problemOf(400, 'The body is not valid JSON', { code: 'malformed_json' });
  }
  if (error.statusCode === 429) return problemOf(429, 'Too many requests; wait a minute and try again', { code: 'rate_limited' });
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return problemOf(error.statusCode, error.message, { code: error.code ?? String(error.statusCode) });
  }
  return null;
}

/** The one place errors become HTTP responses. 5xx are logged with the request id, never PHI. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    let body: Problem | null = null;
    if (error instanceof DomainError) body = domainProblem(error);
    else if (!isResponseSerializationError(error)) body = frameworkProblem(error);
    if (!body) {
      // A bug. Log its class, message and stack (our own text, not request data) with the request id.
      request.log.error({ err: { type: error.name, message: error.message, stack: error.stack }, requestId: request.id }, 'unhandled error');
      body = problemOf(500, 'Something went wrong on our side. The error has been logged.', { code: 'internal' });
    }
    if (error instanceof RateLimited) void reply.header('retry-after', String(error.retryAfterSeconds));
    // `instance` names the route pattern, never the raw URL: a path may carry whatever the client typed.
    return sendProblem(reply, { ...body, requestId: request.id, instance: request.routeOptions.url ?? undefined });
  });
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.status(body.status).type('application/problem+json').serializer(JSON.stringify).send(body);
}
