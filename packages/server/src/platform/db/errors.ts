/**
 * Recognizes a PostgreSQL unique violation (SQLSTATE 23505), on either engine: `pg` and PGlite both
 * put the code on the error, and drizzle wraps it as the `cause` of its own query error.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, constraint: name, cause } = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (code === '23505') return constraint === undefined || name === constraint || (current as Error).message?.includes(constraint) === true;
    current = cause;
  }
  return false;
}
