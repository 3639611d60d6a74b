import type { z } from 'zod';
import { ValidationError } from '../errors.js';

/**
 * Parses `input` with `schema`, or throws a ValidationError naming the first offending field.
 * `root` prefixes the path so a nested form reports e.g. `['phq9', 8]` rather than `[8]`.
 */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  root: ReadonlyArray<string | number> = [],
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = (issue?.path ?? []).map((key) => (typeof key === 'symbol' ? String(key) : key));
  throw new ValidationError([...root, ...path], issue?.message ?? 'Invalid input');
}
