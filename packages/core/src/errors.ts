/**
 * Domain errors are values with a kind; the server maps each kind to an HTTP status and an
 * RFC 9457 problem+json body in exactly one place (server/src/platform/errors.ts).
 */

/** One unmet condition of a gate or policy check, in words a clinician understands. */
export interface Unmet {
  readonly code: string;
  readonly message: string;
}

export type DomainErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'policy_blocked'
  | 'rate_limited'
  | 'locked';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
}

/** Bad input: `path` names the offending field, e.g. `['roles', 0]`. */
export class ValidationError extends DomainError {
  readonly kind = 'validation' as const;
  constructor(
    readonly path: ReadonlyArray<string | number>,
    message: string,
  ) {
    super(message);
  }
}

export class Unauthenticated extends DomainError {
  readonly kind = 'unauthenticated' as const;
  constructor(
    message = 'Sign-in required',
    readonly code: string = 'unauthenticated',
  ) {
    super(message);
  }
}

export class Forbidden extends DomainError {
  readonly kind = 'forbidden' as const;
  constructor(
    message = 'You do not have access to this',
    readonly code: string = 'forbidden',
  ) {
    super(message);
  }
}

export class NotFound extends DomainError {
  readonly kind = 'not_found' as const;
  constructor(readonly resource: string) {
    super(`${resource} not found`);
  }
}

export class Conflict extends DomainError {
  readonly kind = 'conflict' as const;
  constructor(
    message: string,
    readonly code: string = 'conflict',
  ) {
    super(message);
  }
}

/** A clinical or security policy refuses the step; `unmet` lists every reason. */
export class PolicyBlocked extends DomainError {
  readonly kind = 'policy_blocked' as const;
  constructor(
    message: string,
    readonly unmet: readonly Unmet[],
  ) {
    super(message);
  }
}

export class RateLimited extends DomainError {
  readonly kind = 'rate_limited' as const;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** The account is locked after repeated failed sign-ins. */
export class AccountLocked extends DomainError {
  readonly kind = 'locked' as const;
  constructor(message = 'This account is locked after repeated failed sign-ins. Ask an administrator to unlock it.') {
    super(message);
  }
}
