import { desc, eq } from 'drizzle-orm';
import { defaultPolicy, parseStoredPolicy, type ClinicPolicy, type PolicyVersion } from '@lantern/core';
import type { Executor } from './db/index.js';
import { clinicPolicy } from './db/schema/index.js';
import { newId } from './ids.js';

/**
 * The clinic's current policy, cached for a few seconds per process. A new version takes effect
 * within `ttlMs` on every server process (and at once on the one that saved it).
 */
export class PolicyStore {
  private readonly cache = new Map<string, { readonly at: number; readonly value: PolicyVersion }>();

  constructor(
    private readonly db: Executor,
    private readonly ttlMs = 5_000,
  ) {}

  /**
   * The current version. Inside a transaction pass the transaction as `via`: on PGlite (one
   * connection) a query on the database while a transaction is open waits for it forever.
   */
  async current(clinicId: string, via: Executor = this.db): Promise<PolicyVersion> {
    const hit = this.cache.get(clinicId);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value;
    const value = await loadPolicy(via, clinicId);
    this.cache.set(clinicId, { at: Date.now(), value });
    return value;
  }

  invalidate(clinicId: string): void {
    this.cache.delete(clinicId);
  }
}

export async function loadPolicy(db: Executor, clinicId: string): Promise<PolicyVersion> {
  const [row] = await db
    .select({ version: clinicPolicy.version, body: clinicPolicy.body })
    .from(clinicPolicy)
    .where(eq(clinicPolicy.clinicId, clinicId))
    .orderBy(desc(clinicPolicy.version))
    .limit(1);
  if (!row) return { version: 0, policy: defaultPolicy() };
  return { version: row.version, policy: parseStoredPolicy(row.body) };
}

/** Saves a new policy version (never overwrites one); returns its number. */
export async function savePolicyVersion(
  tx: Executor,
  input: { readonly clinicId: string; readonly policy: ClinicPolicy; readonly note: string | null; readonly createdBy: string | null },
): Promise<number> {
  const current = await loadPolicy(tx, input.clinicId);
  const version = current.version + 1;
  await tx.insert(clinicPolicy).values({
    id: newId(),
    clinicId: input.clinicId,
    version,
    body: input.policy,
    note: input.note,
    createdBy: input.createdBy,
  });
  return version;
}
