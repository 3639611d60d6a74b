import { and, asc, eq } from 'drizzle-orm';
import type { FindingView, ReportableCondition } from '@lantern/core';
import { chartFinding } from '../../platform/db/schema/index.js';
import { ChartRepo, type AdmittedPatient } from './chart-repo.js';
import { insertVersion, isCurrent, recorderName, versionView } from './versions.js';

type FindingRow = typeof chartFinding.$inferSelect;

export interface NewFinding {
  readonly condition: ReportableCondition;
  readonly note: string | null;
  readonly status: FindingView['status'];
  readonly replaces: { readonly id: string; readonly reason: string } | null;
}

/** Conditions reported on the chart (pregnancy, an outside record), versioned. */
export class FindingsRepo extends ChartRepo {
  async current(admitted: AdmittedPatient): Promise<FindingView[]> {
    const rows = await this.tx
      .select({ row: chartFinding, recorder: recorderName('chart_finding') })
      .from(chartFinding)
      .where(and(eq(chartFinding.patientId, admitted.id), isCurrent('chart_finding')))
      .orderBy(asc(chartFinding.recordedAt));
    return rows.map(({ row, recorder }) => findingView(row, recorder));
  }

  async currentById(admitted: AdmittedPatient, id: string): Promise<FindingView | null> {
    return (await this.current(admitted)).find((entry) => entry.id === id) ?? null;
  }

  async insert(admitted: AdmittedPatient, entry: NewFinding): Promise<FindingView> {
    const [row] = await insertVersion(() =>
      this.tx
        .insert(chartFinding)
        .values({
          ...this.versionColumns(admitted, entry.replaces),
          condition: entry.condition,
          note: entry.note,
          status: entry.status,
        })
        .returning(),
    );
    if (!row) throw new Error('insert returned no row');
    return findingView(row, this.ctx.auth.user.displayName);
  }
}

function findingView(row: FindingRow, recorder: string): FindingView {
  return {
    ...versionView(row, recorder),
    condition: row.condition as ReportableCondition,
    note: row.note,
    status: row.status as FindingView['status'],
  };
}
