import { and, asc, eq } from 'drizzle-orm';
import { findIcd10, type DiagnosisStatus, type DiagnosisView } from '@lantern/core';
import { diagnosis } from '../../platform/db/schema/index.js';
import { ChartRepo, type AdmittedPatient } from './chart-repo.js';
import { insertVersion, isCurrent, recorderName, versionView } from './versions.js';

type DiagnosisRow = typeof diagnosis.$inferSelect;

export interface NewDiagnosis {
  readonly code: string;
  readonly status: DiagnosisStatus;
  readonly onsetDate: string | null;
  readonly note: string | null;
  readonly replaces: { readonly id: string; readonly reason: string } | null;
}

/** Diagnoses (ICD-10-CM from the bundled list), versioned; reached only through an admitted patient. */
export class DiagnosesRepo extends ChartRepo {
  /** The current version of every diagnosis on the chart, resolved and entered-in-error included. */
  async current(admitted: AdmittedPatient): Promise<DiagnosisView[]> {
    const rows = await this.tx
      .select({ row: diagnosis, recorder: recorderName('diagnosis') })
      .from(diagnosis)
      .where(and(eq(diagnosis.patientId, admitted.id), isCurrent('diagnosis')))
      .orderBy(asc(diagnosis.recordedAt));
    return rows.map(({ row, recorder }) => diagnosisView(row, recorder));
  }

  /** One current version on this chart, or null (replaced, or not this patient's). */
  async currentById(admitted: AdmittedPatient, id: string): Promise<DiagnosisView | null> {
    return (await this.current(admitted)).find((entry) => entry.id === id) ?? null;
  }

  async insert(admitted: AdmittedPatient, entry: NewDiagnosis): Promise<DiagnosisView> {
    const [row] = await insertVersion(() =>
      this.tx
        .insert(diagnosis)
        .values({
          ...this.versionColumns(admitted, entry.replaces),
          code: entry.code,
          status: entry.status,
          onsetDate: entry.onsetDate,
          note: entry.note,
        })
        .returning(),
    );
    if (!row) throw new Error('insert returned no row');
    return diagnosisView(row, this.ctx.auth.user.displayName);
  }
}

function diagnosisView(row: DiagnosisRow, recorder: string): DiagnosisView {
  return {
    ...versionView(row, recorder),
    code: row.code,
    label: findIcd10(row.code)?.label ?? row.code,
    status: row.status as DiagnosisStatus,
    onsetDate: row.onsetDate,
    note: row.note,
  };
}
