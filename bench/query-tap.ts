import { PgPreparedQuery } from 'drizzle-orm/pg-core';

/** One SQL statement as drizzle ran it, and how long the driver took to answer. */
export interface TappedQuery {
  readonly label: string;
  readonly ms: number;
}

/** Names a statement by what it is for on the read path (the SQL itself is long). */
export function labelOf(sqlText: string): string {
  const text = sqlText.replace(/\s+/g, ' ').trim().toLowerCase();
  if (text === 'begin' || text.startsWith('begin ')) return 'BEGIN';
  if (text === 'commit') return 'COMMIT';
  if (text === 'rollback') return 'ROLLBACK';
  if (text.includes('audit_chain_head')) return 'audit append (chain-head UPDATE + INSERT)';
  // Checked in this order: the patient query carries care-team and break-glass subqueries.
  if (text.includes('from "patient"')) return 'patient row (+ scope)';
  if (text.startsWith('update "user_session"')) return 'session touch';
  if (text.includes('from "user_session"')) return 'session lookup';
  if (text.includes('from "clinic_policy"')) return 'policy load';
  if (text.includes('from "care_team_member"')) return 'care team';
  return text.slice(0, 60);
}

type QueryWithCache = (queryString: string, params: unknown[], query: () => Promise<unknown>) => Promise<unknown>;

/**
 * Records every statement drizzle sends (both engines go through PgPreparedQuery), until the
 * returned function is called. PGlite's own BEGIN/COMMIT around a transaction are not drizzle's,
 * so on PGlite they do not appear.
 */
export function tapQueries(sink: TappedQuery[]): () => void {
  const proto = PgPreparedQuery.prototype as unknown as { queryWithCache: QueryWithCache };
  const original = proto.queryWithCache;
  proto.queryWithCache = async function timedQuery(this: unknown, queryString, params, query) {
    const started = performance.now();
    try {
      return await original.call(this, queryString, params, query);
    } finally {
      sink.push({ label: labelOf(queryString), ms: performance.now() - started });
    }
  };
  return function untap(): void {
    proto.queryWithCache = original;
  };
}
