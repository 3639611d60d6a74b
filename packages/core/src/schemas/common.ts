import { z } from 'zod';

/** A UUID row id (v7 in Lantern, but any RFC 9562 UUID is accepted at the boundary). */
export const uuid = z.uuid();

/** Bounded free text: every string at the boundary has a maximum, so oversized input is a 400. */
export function text(max: number): z.ZodString {
  return z.string().trim().max(max);
}

export const email = z.email().max(254).transform((value) => value.toLowerCase());

/** An RFC 9457 problem, the one error shape of Lantern's API. */
export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  unmet: z.array(z.object({ code: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problem>;

export const okResponse = z.object({ ok: z.literal(true) });

/** Cursor pagination shared by list endpoints. */
export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
