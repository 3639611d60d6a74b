import type { MfaStatus, Principal, StaffRole } from '@lantern/core';

/** The signed-in user as every layer sees them. */
export interface SessionUser {
  readonly id: string;
  readonly clinicId: string;
  readonly email: string;
  readonly displayName: string;
  readonly kind: 'staff' | 'patient';
  readonly roles: readonly StaffRole[];
  readonly patientId: string | null;
  readonly mfaEnabled: boolean;
  readonly mfaExempt: boolean;
  readonly isDemo: boolean;
}

export interface SessionAuth {
  readonly sessionId: string;
  readonly user: SessionUser;
  readonly principal: Principal;
  readonly mfa: MfaStatus;
  readonly csrfToken: string;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
}

/** Built for every request before any handler runs; repositories take it and refuse what it does not allow. */
export interface RequestContext {
  readonly requestId: string;
  /** The request's instant; every rule in the request uses this one clock reading. */
  readonly now: Date;
  readonly sourceIp: string | null;
  readonly userAgent: string | null;
  readonly auth: SessionAuth | null;
}

export interface AuthedContext extends RequestContext {
  readonly auth: SessionAuth;
}
