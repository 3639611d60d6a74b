import { and, asc, eq } from 'drizzle-orm';
import type { AllergyView } from '@lantern/core';
import { allergy } from '../../platform/db/schema/index.js';
import { ChartRepo, type AdmittedPatient } from './chart-repo.js';
import { insertVersion, isCurrent, recorderName, versionView } from './versions.js';

type AllergyRow = typeof allergy.$inferSelect;

export interface NewAllergy {
  readonly substance: string;
  readonly reaction: string | null;
  readonly severity: AllergyView['severity'];
  readonly status: AllergyView['status'];
  readonly replaces: { readonly id: string; readonly reason: string } | null;
}

/** Allergies and intolerances, versioned; reached only through an admitted patient. */
export class AllergiesRepo extends ChartRepo {
  async current(admitted: AdmittedPatient): Promise<AllergyView[]> {
    const rows = await this.tx
      .select({ row: allergy, recorder: recorderName('allergy') })
      .from(allergy)
      .where(and(eq(allergy.patientId, admitted.id), isCurrent('allergy')))
      .orderBy(asc(allergy.recordedAt));
    return rows.map(({ row, recorder }) => allergyView(row, recorder));
  }

  async currentById(admitted: AdmittedPatient, id: string): Promise<AllergyView | null> {
    return (await this.current(admitted)).find((entry) => entry.id === id) ?? null;
  }

  async insert(admitted: AdmittedPatient, entry: NewAllergy): Promise<AllergyView> {
    const [row] = await insertVersion(() =>
      this.tx
        .insert(allergy)
        .values({
          ...this.versionColumns(admitted, entry.replaces),
          substance: entry.substance,
          reaction: entry.reaction,
          severity: entry.severity,
          status: entry.status,
        })
        .returning(),
    );
    if (!row) throw new Error('insert returned no row');
    return allergyView(row, this.ctx.auth.user.displayName);
  }
}

function allergyView(row: AllergyRow, recorder: string): AllergyView {
  return {
    ...versionView(row, recorder),
    substance: row.substance,
    reaction: row.reaction,
    severity: row.severity as AllergyView['severity'],
    status: row.status as AllergyView['status'],
  };
}
