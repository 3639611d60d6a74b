import { sql, type SQL } from 'drizzle-orm';
import { Conflict } from '@lantern/core';
import { isUniqueViolation } from '../../platform/db/errors.js';

/**
 * Versioned chart entries (platform/db/schema/chart.ts): the current entries are the rows no later
 * row replaces. The SQL names tables explicitly: drizzle leaves columns unqualified in a single-table
 * select, and an unqualified `id` inside the subquery would bind to the inner row.
 */
export type VersionedTable = 'diagnosis' | 'medication' | 'allergy' | 'body_measurement' | 'chart_finding';

/** True for the rows of `table` that no other row replaces. */
export function isCurrent(table: VersionedTable): SQL {
  return sql.raw(`NOT EXISTS (SELECT 1 FROM "${table}" later WHERE later."replaces_id" = "${table}"."id")`);
}

/** The display name of the user in `column` of `table` (for "recorded by"). */
export function recorderName(table: VersionedTable): SQL<string> {
  return sql<string>`(SELECT u."display_name" FROM "app_user" u WHERE u."id" = ${sql.raw(`"${table}"."recorded_by"`)})`;
}

/** The refusal when a version was replaced by someone else first. */
export function staleVersion(): Conflict {
  return new Conflict('This entry was changed by someone else a moment ago; reload the chart and try again', 'entry_changed');
}

/**
 * Runs an insert of a new version; two people replacing the same version at once collide on the
 * unique `replaces_id` index, and the loser gets a clear 409 rather than a 500.
 */
export async function insertVersion<T>(insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
  } catch (error) {
    if (isUniqueViolation(error)) throw staleVersion();
    throw error;
  }
}

export interface VersionRow {
  readonly id: string;
  readonly replacesId: string | null;
  readonly reason: string | null;
  readonly recordedAt: Date;
  readonly recordedBy: string;
}

/** The version fields of a view (who recorded it, when, and why it replaced what). */
export function versionView(row: VersionRow, recorder: string): {
  id: string;
  replacesId: string | null;
  reason: string | null;
  recordedAt: string;
  recordedBy: { userId: string; displayName: string };
} {
  return {
    id: row.id,
    replacesId: row.replacesId,
    reason: row.reason,
    recordedAt: row.recordedAt.toISOString(),
    recordedBy: { userId: row.recordedBy, displayName: recorder },
  };
}

/** A blank optional text is "not recorded". */
export function blankToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}
