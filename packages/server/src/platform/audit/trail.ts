import type { AuditAction, AuditOutcome } from '@lantern/core';
import type { Db, Executor, Tx } from '../db/index.js';
import type { RequestContext } from '../context.js';
import { appendAudit, type AuditEntry } from './chain.js';

/** What a service says about one action; who, when and from where come from the request context. */
export interface AuditFact {
  readonly action: AuditAction;
  readonly outcome?: AuditOutcome;
  readonly patientId?: string | null;
  readonly resourceType?: string;
  readonly resourceId?: string | null;
  readonly breakGlassReason?: string | null;
  readonly detail?: Readonly<Record<string, unknown>>;
  /** Overrides the actor for events before a session exists (a sign-in names the user it tried). */
  readonly actor?: { readonly userId: string | null; readonly clinicId: string | null; readonly roles: string };
}

/**
 * Collects a unit of work's audit facts and writes them in one INSERT in the same transaction,
 * just before it commits (the database seals them into the chain at commit). Facts recorded with
 * `failure()` are written after a rollback instead: a refused access is evidence too.
 */
export class AuditTrail {
  private readonly pending: AuditFact[] = [];
  private readonly onFailure: AuditFact[] = [];

  constructor(private readonly ctx: RequestContext) {}

  record(fact: AuditFact): void {
    this.pending.push(fact);
  }

  /** Records a refused or failed attempt; kept even though the transaction rolls back. */
  failure(fact: AuditFact): void {
    this.onFailure.push({ ...fact, outcome: 'failure' });
  }

  async flush(tx: Tx | Db): Promise<void> {
    await appendAudit(tx, ...this.pending.splice(0).map((fact) => this.entry(fact)));
  }

  async flushFailures(tx: Tx | Db): Promise<void> {
    await appendAudit(tx, ...this.onFailure.splice(0).map((fact) => this.entry(fact)));
  }

  get hasFailures(): boolean {
    return this.onFailure.length > 0;
  }

  private entry(fact: AuditFact): AuditEntry {
    const auth = this.ctx.auth;
    const actor = fact.actor ?? {
      userId: auth?.user.id ?? null,
      clinicId: auth?.user.clinicId ?? null,
      roles: auth ? (auth.user.kind === 'patient' ? 'patient' : auth.user.roles.join(',')) : '',
    };
    return {
      at: this.ctx.now,
      clinicId: actor.clinicId,
      userId: actor.userId,
      userRoles: actor.roles,
      action: fact.action,
      outcome: fact.outcome ?? 'success',
      patientId: fact.patientId ?? null,
      resourceType: fact.resourceType ?? null,
      resourceId: fact.resourceId ?? null,
      sourceIp: this.ctx.sourceIp,
      userAgent: this.ctx.userAgent,
      requestId: this.ctx.requestId,
      breakGlassReason: fact.breakGlassReason ?? null,
      detail: fact.detail ?? null,
    };
  }
}

/**
 * Runs `work` in one transaction with an audit trail: its facts commit with it, or, if it throws,
 * its failure facts are written in a transaction of their own and the error goes on.
 */
export async function transact<T>(db: Db, ctx: RequestContext, work: (tx: Tx, audit: AuditTrail) => Promise<T>): Promise<T> {
  const audit = new AuditTrail(ctx);
  try {
    return await db.transaction(async (tx) => {
      const result = await work(tx, audit);
      await audit.flush(tx);
      return result;
    });
  } catch (error) {
    if (audit.hasFailures) await db.transaction((tx) => audit.flushFailures(tx));
    throw error;
  }
}

/**
 * Runs a read that needs no transaction (one consistent statement, or statements whose consistency
 * does not matter to the caller), then writes its audit facts in one INSERT before returning: the
 * data leaves the server only after its audit row is durable, as with `transact`, but in two round
 * trips instead of four (no BEGIN, no COMMIT). Never use it for work that writes clinical data.
 */
export async function readAudited<T>(db: Db, ctx: RequestContext, work: (db: Executor, audit: AuditTrail) => Promise<T>): Promise<T> {
  const audit = new AuditTrail(ctx);
  let result: T;
  try {
    result = await work(db, audit);
  } catch (error) {
    if (audit.hasFailures) await audit.flushFailures(db);
    throw error;
  }
  await audit.flush(db);
  return result;
}
