import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { testDatabase } from '../../../test/harness.js';
import { appendAudit, auditContent, chainHash, sealPendingAudit, verifyAuditChain, type AuditEntry } from './chain.js';

let database: Database;

const entry = (n: number): AuditEntry => ({
  at: new Date(Date.UTC(2026, 10, 28, 12, 0, 0, n)),
  clinicId: null,
  userId: null,
  userRoles: 'therapist',
  action: 'read',
  outcome: 'success',
  resourceType: 'Patient',
  resourceId: `r${n}`,
  requestId: `req-${n}`,
  detail: { n, nested: { b: 2, a: 1 } },
});

async function append(count: number, from = 0): Promise<void> {
  for (let i = 0; i < count; i++) await database.db.transaction((tx) => appendAudit(tx, entry(from + i)));
  await sealPendingAudit(database.db);
}

/** Runs tamper SQL as the table owner would, with the append-only triggers switched off for the edit. */
async function tamper(statement: string): Promise<void> {
  await database.exec(`ALTER TABLE audit_event DISABLE TRIGGER USER; ${statement}; ALTER TABLE audit_event ENABLE TRIGGER USER;`);
}

beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => database.close());

describe('the audit hash chain', () => {
  it('builds content with length-prefixed fields, so text cannot shift between fields unseen', () => {
    const base = { id: 'i', at: new Date('2026-01-01T00:00:00Z'), clinicId: null, userId: null, userRoles: 'r', action: 'read', outcome: 'success', patientId: null, resourceType: null, resourceId: 'ab', sourceIp: null, userAgent: 'c', requestId: null, breakGlassReason: null, detailText: null };
    expect(auditContent({ ...base, resourceId: 'ab', sourceIp: 'c' })).not.toBe(auditContent({ ...base, resourceId: 'a', sourceIp: 'bc' }));
    expect(auditContent({ ...base, userAgent: 'é' })).toContain('2:é');
  });

  it('computes in the database exactly the content the verifier rebuilds, for any text', async () => {
    await database.db.transaction((tx) => appendAudit(tx, { ...entry(99), userAgent: 'Mozilla/5.0 (iPad; 😀) ~:1', breakGlassReason: 'Ünïcode, "quotes" and\nnewlines' }));
    expect(await sealPendingAudit(database.db)).toBe(1);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('verifies an intact chain, and the database computes the same hashes as the verifier', async () => {
    await append(25);
    const verdict = await verifyAuditChain(database.db);
    expect(verdict).toEqual({ ok: true, checked: 26, pending: 0, firstBad: null });
    const rows = await database.db.execute(sql`SELECT prev_hash, hash FROM audit_event ORDER BY seq LIMIT 1`);
    const first = (rows as unknown as { rows: { prev_hash: string; hash: string }[] }).rows[0];
    expect(first?.prev_hash).toBe('0'.repeat(64));
    expect(first?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash('0'.repeat(64), 'x')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('counts committed rows awaiting their batch as pending, not as a fault, and seals them oldest first', async () => {
    await database.db.transaction((tx) => appendAudit(tx, entry(501), entry(500)));
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 26, pending: 2, firstBad: null });
    expect(await sealPendingAudit(database.db)).toBe(2);
    const rows = await database.db.execute(sql`SELECT resource_id FROM audit_event ORDER BY seq DESC LIMIT 2`);
    expect((rows as unknown as { rows: { resource_id: string }[] }).rows.map((r) => r.resource_id)).toEqual(['r501', 'r500']);
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 28, pending: 0, firstBad: null });
  });

  it('never forks under concurrent writers and concurrent sealing batches', async () => {
    await Promise.all([
      ...Array.from({ length: 40 }, (_, i) => database.db.transaction((tx) => appendAudit(tx, entry(1000 + i)))),
      ...Array.from({ length: 5 }, () => sealPendingAudit(database.db, 7)),
    ]);
    await sealPendingAudit(database.db);
    const verdict = await verifyAuditChain(database.db);
    expect(verdict.ok).toBe(true);
    expect(verdict.checked).toBe(68);
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    await expect(database.exec(`UPDATE audit_event SET action = 'delete' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(database.exec(`DELETE FROM audit_event WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(database.exec(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
  });
});

describe('tampering is detected and the first bad row named', () => {
  it('finds an edited row', async () => {
    await tamper(`UPDATE audit_event SET user_roles = 'admin' WHERE seq = 7`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, firstBad: { seq: 7, reason: expect.stringContaining('edited') } });
    await tamper(`UPDATE audit_event SET user_roles = 'therapist' WHERE seq = 7`);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('finds an edited timestamp to the millisecond', async () => {
    await tamper(`UPDATE audit_event SET at = at + interval '1 millisecond' WHERE seq = 3`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, firstBad: { seq: 3 } });
    await tamper(`UPDATE audit_event SET at = at - interval '1 millisecond' WHERE seq = 3`);
  });

  it('finds a deleted row', async () => {
    await tamper(`CREATE TEMP TABLE saved AS SELECT * FROM audit_event WHERE seq = 10; DELETE FROM audit_event WHERE seq = 10`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, firstBad: { seq: 10, reason: expect.stringContaining('missing') } });
    await tamper(`INSERT INTO audit_event SELECT * FROM saved; DROP TABLE saved`);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('finds reordered rows', async () => {
    await tamper(`UPDATE audit_event SET seq = -1 WHERE seq = 12; UPDATE audit_event SET seq = 12 WHERE seq = 13; UPDATE audit_event SET seq = 13 WHERE seq = -1`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, firstBad: { seq: 12 } });
    await tamper(`UPDATE audit_event SET seq = -1 WHERE seq = 12; UPDATE audit_event SET seq = 12 WHERE seq = 13; UPDATE audit_event SET seq = 13 WHERE seq = -1`);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('finds rows removed from the end', async () => {
    await tamper(`CREATE TEMP TABLE tail AS SELECT * FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event); DELETE FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, firstBad: { reason: expect.stringContaining('removed from the end') } });
    await tamper(`INSERT INTO audit_event SELECT * FROM tail; DROP TABLE tail`);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('finds a row that stands beyond the chain head', async () => {
    await tamper(`INSERT INTO audit_event (id, seq, at, clinic_id, user_id, user_roles, action, outcome, patient_id, resource_type, resource_id, source_ip,
      user_agent, request_id, break_glass_reason, detail, prev_hash, hash) SELECT gen_random_uuid(), seq + 1000, at, clinic_id, user_id, user_roles, action, outcome, patient_id,
      resource_type, resource_id, source_ip, user_agent, request_id, break_glass_reason, detail, prev_hash, hash FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, firstBad: { reason: expect.stringContaining('beyond the chain head') } });
    await tamper(`DELETE FROM audit_event WHERE seq > (SELECT seq FROM audit_chain_head)`);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });
});

describe('verifying while the server seals', () => {
  it('never reports a fault for rows sealed during the check', async () => {
    const writes = (async () => {
      for (let i = 0; i < 30; i++) {
        await database.db.transaction((tx) => appendAudit(tx, entry(3000 + i)));
        await sealPendingAudit(database.db);
      }
    })();
    const verdicts = await Promise.all(Array.from({ length: 6 }, () => verifyAuditChain(database.db)));
    await writes;
    expect(verdicts.map((v) => v.firstBad)).toEqual(verdicts.map(() => null));
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });
});
