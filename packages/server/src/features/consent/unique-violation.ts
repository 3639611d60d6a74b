/**
 * True when a database error is a unique-constraint violation (SQLSTATE 23505), on either engine.
 * Drizzle wraps driver errors, so the code may sit on the error or on its `cause`.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth += 1) {
    if (typeof current === 'object' && 'code' in current && (current as { code: unknown }).code === '23505') return true;
    current = typeof current === 'object' && 'cause' in current ? (current as { cause: unknown }).cause : null;
  }
  return false;
}
