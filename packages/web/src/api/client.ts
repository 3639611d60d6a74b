import { type ApiError, apiErrorFrom, networkError } from './api-error';

/** What the app should do when the server says the session is gone or MFA enrolment is pending. */
export type AuthFailure = { readonly kind: 'unauthenticated'; readonly code: string } | { readonly kind: 'mfa_enrolment_required' };

type AuthFailureHandler = (failure: AuthFailure) => void;

let csrfToken: string | null = null;
let authFailureHandler: AuthFailureHandler = () => undefined;
let lastActivityAt = Date.now();

/** Remembers the CSRF token (from /api/me or the sign-in response) for every later write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers where 401s and pending-MFA 403s go (the router's sign-in and enrolment pages). */
export function onAuthFailure(handler: AuthFailureHandler): void {
  authFailureHandler = handler;
}

/** When the server last saw this session (client clock): the idle timer counts from here. */
export function lastApiActivityAt(): number {
  return lastActivityAt;
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly body?: unknown;
  readonly signal?: AbortSignal;
  /**
   * Leave 401 / pending-MFA answers to the caller instead of redirecting: sign-in and invite
   * (where a 401 means "wrong password"), and the session probe, which routes by itself.
   */
  readonly handleAuthErrors?: boolean;
  /**
   * A request the app makes on its own (polling): marked so the server does not count it as
   * activity, and not counted here either, so idle sessions still time out.
   */
  readonly background?: boolean;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Calls Lantern's API: same-origin cookies, JSON in and out, the CSRF header on writes, and every
 * failure thrown as an {@link ApiError} parsed from problem+json (RFC 9457).
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (WRITES.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.background) headers['x-lantern-background'] = '1';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkError();
  }
  // Any answer but 401 means the server saw the session and counted this as activity.
  if (response.status !== 401 && !options.background) lastActivityAt = Date.now();
  const body = await readBody(response);
  if (response.ok) return body as T;
  const error = apiErrorFrom(response.status, body);
  if (!options.handleAuthErrors) reportAuthFailure(error);
  throw error;
}

function reportAuthFailure(error: ApiError): void {
  if (error.status === 401) {
    setCsrfToken(null);
    authFailureHandler({ kind: 'unauthenticated', code: error.code });
  } else if (error.status === 403 && error.code === 'mfa_enrolment_required') {
    authFailureHandler({ kind: 'mfa_enrolment_required' });
  }
}

async function readBody(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return null;
  try {
    return (await response.json()) as unknown;
  } catch {
    return null;
  }
}

/** Builds a query string from defined, non-empty values. */
export function queryString(params: Readonly<Record<string, string | number | undefined | null>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
