import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/index.js';
import { verifyLedger, type LedgerVerdict } from '../features/ledger/verify.js';
import { CliError, EXIT, say, warn, type CliIo, type ExitCode } from './io.js';
import { cliConfig, withTarget } from './target.js';

async function hasLedger(db: Db): Promise<boolean> {
  const result = await db.execute(sql`SELECT to_regclass('public.ledger_entry') IS NOT NULL AND to_regclass('public.ledger_chain_head') IS NOT NULL AS present`);
  return (result as unknown as { rows: { present: boolean }[] }).rows[0]?.present === true;
}

/**
 * `lantern ledger verify` (issue #6): recomputes the controlled-substance ledger's hash chain and
 * every balance, and names the first entry that does not fit (exit 1), after any direct SQL edit.
 */
export async function ledgerVerifyCommand(io: CliIo, options: { readonly json: boolean }): Promise<ExitCode> {
  const config = cliConfig(io);
  const started = performance.now();
  const verdict: LedgerVerdict = await withTarget(config, { purpose: 'lantern ledger verify', mustExist: true, migrate: false }, async (database) => {
    if (!(await hasLedger(database.db))) throw new CliError('This database has no controlled-substance ledger yet (run `lantern migrate` first).', EXIT.usage);
    return verifyLedger(database.db);
  });
  const seconds = (performance.now() - started) / 1000;
  if (options.json) {
    say(io, JSON.stringify({ ok: verdict.ok, entries: verdict.checked, firstBad: verdict.firstBad, seconds: Math.round(seconds * 1000) / 1000 }));
  } else if (verdict.ok) {
    say(io, `ledger intact: ${verdict.checked} entries, every balance matches`);
  } else if (verdict.firstBad) {
    const { seq, entryId, reason } = verdict.firstBad;
    warn(io, `ledger BROKEN at entry #${seq}${entryId ? ` (${entryId})` : ''}: ${reason}`);
    warn(io, `(${verdict.checked} entries before it verified)`);
  }
  return verdict.ok ? EXIT.ok : EXIT.failed;
}
