/**
 * Recognizes a PostgreSQL exclusion violation (SQLSTATE 23P01), on either engine: `pg` and PGlite
 * both put the code on the error, and drizzle wraps it as the `cause` of its own query error.
 */
export function isExclusionViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    if ((current as { code?: unknown }).code === '23P01') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
