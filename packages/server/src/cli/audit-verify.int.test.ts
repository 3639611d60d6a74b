import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliTarget, lantern, type CliTarget } from '../../test/cli-target.js';
import { appendAudit, sealPendingAudit } from '../platform/audit/chain.js';
import type { Database, Db } from '../platform/db/index.js';
import { auditEvent } from '../platform/db/schema/index.js';

type AuditRow = typeof auditEvent.$inferSelect;
const EVENTS = 6;

let target: CliTarget;
beforeAll(async () => {
  target = await cliTarget();
  // Written the normal way (triggers on), then sealed into the chain as the server's batches do.
  const database: Database = await target.open();
  try {
    await database.db.transaction(async (tx) => {
      for (let i = 1; i <= EVENTS; i++) {
        await appendAudit(tx, { at: new Date(Date.UTC(2026, 10, 28, 15, i)), clinicId: null, userId: null, userRoles: 'system', action: 'read', outcome: 'success', resourceType: 'Patient', resourceId: `p-${i}`, detail: { i } });
      }
    });
    await sealPendingAudit(database.db);
  } finally {
    await database.close();
  }
});
afterAll(async () => target.dispose());

/**
 * Changes the trail as an attacker with the table owner's rights could: with the append-only
 * triggers switched off for the moment.
 */
async function tamper(change: (db: Db) => Promise<void>): Promise<void> {
  const database: Database = await target.open();
  try {
    await database.exec('ALTER TABLE audit_event DISABLE TRIGGER USER');
    await change(database.db);
    await database.exec('ALTER TABLE audit_event ENABLE TRIGGER USER');
  } finally {
    await database.close();
  }
}

async function row(db: Db, seq: number): Promise<AuditRow> {
  const [found] = await db.select().from(auditEvent).where(eq(auditEvent.seq, seq));
  if (!found) throw new Error(`no audit row ${seq}`);
  return found;
}

/** Every column but the sequence number: what "the row's content" means when rows are swapped. */
function contentOf({ seq: _seq, ...content }: AuditRow): Omit<AuditRow, 'seq'> {
  return content;
}

const verify = (...flags: string[]) => lantern(['audit', 'verify', ...flags], target.env);

describe('lantern audit verify', () => {
  it('reports an intact trail with its length, as text and as JSON', async () => {
    expect(await verify()).toEqual({ code: 0, stdout: `audit trail intact: ${EVENTS} events\n`, stderr: '' });
    const json = await verify('--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ ok: true, events: EVENTS, sealedFirst: 0, firstBad: null });
  });

  it('names the row whose content was edited, and passes again once it is put back', async () => {
    let original: AuditRow | undefined;
    await tamper(async (db) => {
      original = await row(db, 3);
      await db.update(auditEvent).set({ resourceId: 'someone-else' }).where(eq(auditEvent.seq, 3));
    });
    const broken = await verify();
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toContain('audit trail BROKEN at event #3: its content does not match its hash');
    const json = await verify('--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, events: 2, firstBad: { seq: 3 } });

    await tamper(async (db) => {
      await db.update(auditEvent).set({ resourceId: original?.resourceId ?? null }).where(eq(auditEvent.seq, 3));
    });
    expect((await verify()).code).toBe(0);
  });

  it('names the gap a deleted middle row leaves', async () => {
    let deleted: AuditRow | undefined;
    await tamper(async (db) => {
      deleted = await row(db, 4);
      await db.delete(auditEvent).where(eq(auditEvent.seq, 4));
    });
    const broken = await verify();
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('audit trail BROKEN at event #4: row 4 is missing');

    await tamper(async (db) => {
      if (deleted) await db.insert(auditEvent).values(deleted);
    });
    expect((await verify()).code).toBe(0);
  });

  it('names the first of two rows whose contents were swapped', async () => {
    const swap = (a: number, b: number) =>
      tamper(async (db) => {
        const [first, second] = [await row(db, a), await row(db, b)];
        // Park one row's unique id first, so the two can trade places one at a time.
        await db.update(auditEvent).set({ id: '00000000-0000-7000-8000-000000000000' }).where(eq(auditEvent.seq, a));
        await db.update(auditEvent).set(contentOf(first)).where(eq(auditEvent.seq, b));
        await db.update(auditEvent).set(contentOf(second)).where(eq(auditEvent.seq, a));
      });
    await swap(2, 5);
    const broken = await verify();
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^audit trail BROKEN at event #2: /);

    await swap(2, 5);
    expect((await verify()).code).toBe(0);
    const seqs = await (async () => {
      const database = await target.open();
      try {
        return (await database.db.select({ seq: auditEvent.seq }).from(auditEvent).orderBy(asc(auditEvent.seq))).map((r) => r.seq);
      } finally {
        await database.close();
      }
    })();
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('seals events still awaiting their batch (written while no server ran) before it checks', async () => {
    const database: Database = await target.open();
    try {
      await database.db.transaction((tx) => appendAudit(tx, { at: new Date(Date.UTC(2026, 10, 28, 16)), clinicId: null, userId: null, userRoles: 'system', action: 'read', outcome: 'success' }));
    } finally {
      await database.close();
    }
    expect(await verify()).toEqual({ code: 0, stdout: `audit trail intact: ${EVENTS + 1} events (1 sealed into the chain first)\n`, stderr: '' });
  });

  it('exits 2 when there is no database to verify', async () => {
    const env = target.engine === 'pglite'
      ? { ...target.env, LANTERN_DATA_DIR: `${target.scratch}/nothing-here` }
      : { ...target.env, DATABASE_URL: 'postgres://nobody:nothing@127.0.0.1:1/none' };
    const run = await lantern(['audit', 'verify'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/No embedded database in|Cannot use PostgreSQL/);
  });
});
