/**
 * When the session will end if nothing more happens, on the client's clock. `lastActivityAt` is the
 * earlier of the person's last input and the last request the server saw: the session must end once
 * either has been quiet for the idle time. The server records requests at most every 30 s, so the
 * deadline is taken 30 s early; if /api/me reported an earlier end than idle time explains, the
 * absolute session lifetime is the limit and activity cannot push past it.
 */
export function sessionDeadline(input: {
  /** The earlier of the last user input and the last request (client clock, ms). */
  readonly lastActivityAt: number;
  readonly idleTimeoutMinutes: number;
  readonly expiresAt: string;
  readonly fetchedAt: number;
}): number {
  const idleMs = input.idleTimeoutMinutes * 60_000;
  const idleEnd = input.lastActivityAt + idleMs - TOUCH_GRANULARITY_MS;
  const reported = Date.parse(input.expiresAt);
  const lifetimeBound = reported < input.fetchedAt + idleMs - LIFETIME_SLACK_MS;
  return lifetimeBound ? Math.min(idleEnd, reported) : idleEnd;
}

/** How often the server writes last-seen (packages/server/src/platform/auth/guard.ts). */
const TOUCH_GRANULARITY_MS = 30_000;
/** Slack for request latency when telling the lifetime limit apart from the idle limit. */
const LIFETIME_SLACK_MS = 60_000;

/** The idle warning opens two minutes before the deadline, or half-way for very short timeouts. */
export function idleWarningLead(idleTimeoutMinutes: number): number {
  return Math.min(120_000, (idleTimeoutMinutes * 60_000) / 2);
}
