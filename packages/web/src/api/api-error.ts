import { problem, type Problem } from '@lantern/core';

/** One field-level complaint from the server, with the field path normalised (no `body.` prefix). */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/**
 * An API failure as a value: the HTTP status, the problem `code` (e.g. `mfa_required`,
 * `out_of_scope`), a human `detail`, and per-field errors, parsed from RFC 9457 problem+json.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: readonly FieldError[];
  /** The whole response body, for problem extensions a screen reads (e.g. duplicate `candidates`). */
  readonly body: unknown;

  constructor(options: { status: number; code: string; detail: string; errors?: readonly FieldError[]; body?: unknown }) {
    super(options.detail);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.detail = options.detail;
    this.errors = options.errors ?? [];
    this.body = options.body ?? null;
  }

  /** The message for one field (`email`, `roles`…), if the server named it. */
  fieldError(field: string): string | undefined {
    return this.errors.find((error) => error.path === field || error.path.startsWith(`${field}.`))?.message;
  }
}

/** Strips the request-part prefix the server puts on schema errors (`body.email` becomes `email`). */
function normalisePath(path: string): string {
  return path.replace(/^(body|querystring|params)\.?/, '');
}

const FALLBACK_DETAIL: Record<number, string> = {
  0: 'Lantern could not be reached. Check the network connection and try again.',
  500: 'Something went wrong on the server. Please try again; if it keeps happening, tell your administrator.',
  502: 'Lantern is not answering right now. Please try again in a moment.',
  503: 'Lantern is not answering right now. Please try again in a moment.',
};

/** Builds an ApiError from a failed response body (problem+json, or anything else). */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  const parsed = problem.safeParse(body);
  if (parsed.success) return fromProblem(parsed.data, body);
  return new ApiError({
    status,
    code: String(status),
    detail: FALLBACK_DETAIL[status] ?? `The request failed (HTTP ${status}).`,
  });
}

function fromProblem(body: Problem, raw: unknown): ApiError {
  return new ApiError({
    body: raw,
    status: body.status,
    code: body.code ?? String(body.status),
    detail: body.detail ?? body.title,
    errors: (body.errors ?? []).map((error) => ({ path: normalisePath(error.path), message: error.message })),
  });
}

/** A network failure (no response at all), as an ApiError with status 0. */
export function networkError(): ApiError {
  return new ApiError({ status: 0, code: 'network', detail: FALLBACK_DETAIL[0] ?? 'Network error' });
}

/** The words to show for any thrown value. */
export function messageOf(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error instanceof ApiError) return error.detail;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
