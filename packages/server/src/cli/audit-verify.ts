import { sql } from 'drizzle-orm';
import { sealPendingAudit, verifyAuditChain, type ChainVerdict } from '../platform/audit/chain.js';
import type { Db } from '../platform/db/index.js';
import { CliError, EXIT, say, warn, type CliIo, type ExitCode } from './io.js';
import { cliConfig, withTarget } from './target.js';

async function present(db: Db, check: ReturnType<typeof sql>): Promise<boolean> {
  const result = await db.execute(sql`SELECT ${check} AS present`);
  return (result as unknown as { rows: { present: boolean }[] }).rows[0]?.present === true;
}

/**
 * `lantern audit verify`: recomputes every hash of the audit chain (HIPAA §164.312(b) audit
 * controls, §164.312(c)(1) integrity) and names the first event that does not fit.
 */
export async function auditVerifyCommand(io: CliIo, options: { readonly json: boolean }): Promise<ExitCode> {
  const config = cliConfig(io);
  let sealedFirst = 0;
  const verdict: ChainVerdict = await withTarget(config, { purpose: 'lantern audit verify', mustExist: true, migrate: false }, async (database) => {
    if (!(await present(database.db, sql`to_regclass('public.audit_event') IS NOT NULL AND to_regclass('public.audit_chain_head') IS NOT NULL`))) {
      throw new CliError('This database has no audit trail yet (run `lantern migrate` first).', EXIT.usage);
    }
    // Events committed since the server's last sealing batch (or before it stopped) join the chain
    // first, so the check covers everything recorded up to now.
    if (await present(database.db, sql`to_regproc('public.audit_seal_pending') IS NOT NULL`)) sealedFirst = await sealPendingAudit(database.db);
    return verifyAuditChain(database.db);
  });
  if (options.json) {
    say(io, JSON.stringify({ ok: verdict.ok, events: verdict.checked, sealedFirst, firstBad: verdict.firstBad }));
  } else if (verdict.ok) {
    say(io, `audit trail intact: ${verdict.checked} events${sealedFirst > 0 ? ` (${sealedFirst} sealed into the chain first)` : ''}`);
  } else if (verdict.firstBad) {
    warn(io, `audit trail BROKEN at event #${verdict.firstBad.seq}: ${verdict.firstBad.reason}`);
    warn(io, `(${verdict.checked} events before it verified)`);
  }
  return verdict.ok ? EXIT.ok : EXIT.failed;
}
