import { and, asc, eq } from 'drizzle-orm';
import { bmiHistory, type MeasurementView } from '@lantern/core';
import { bodyMeasurement } from '../../platform/db/schema/index.js';
import { ChartRepo, type AdmittedPatient } from './chart-repo.js';
import { insertVersion, isCurrent, recorderName, versionView } from './versions.js';

type MeasurementRow = typeof bodyMeasurement.$inferSelect;

export interface NewMeasurement {
  readonly measuredOn: string;
  readonly heightCm: number | null;
  readonly weightKg: number | null;
  readonly source: MeasurementView['source'];
  readonly noteId: string | null;
  readonly note: string | null;
  readonly replaces: { readonly id: string; readonly reason: string } | null;
}

/** Height and weight history, versioned (an amendment carries its reason); BMI derived on read. */
export class MeasurementsRepo extends ChartRepo {
  /** The current measurements, oldest first, each with its derived BMI (core `bmiHistory`). */
  async history(admitted: AdmittedPatient): Promise<MeasurementView[]> {
    const rows = await this.tx
      .select({ row: bodyMeasurement, recorder: recorderName('body_measurement') })
      .from(bodyMeasurement)
      .where(and(eq(bodyMeasurement.patientId, admitted.id), isCurrent('body_measurement')))
      .orderBy(asc(bodyMeasurement.measuredOn), asc(bodyMeasurement.recordedAt));
    return bmiHistory(rows.map(({ row, recorder }) => measurementEntry(row, recorder)));
  }

  async currentById(admitted: AdmittedPatient, id: string): Promise<MeasurementView | null> {
    return (await this.history(admitted)).find((entry) => entry.id === id) ?? null;
  }

  async insert(admitted: AdmittedPatient, entry: NewMeasurement): Promise<MeasurementView> {
    const version = this.versionColumns(admitted, entry.replaces);
    await insertVersion(() =>
      this.tx.insert(bodyMeasurement).values({
        ...version,
        measuredOn: entry.measuredOn,
        heightCm: entry.heightCm,
        weightKg: entry.weightKg,
        source: entry.source,
        noteId: entry.noteId,
        note: entry.note,
      }),
    );
    const created = (await this.history(admitted)).find((m) => m.id === version.id);
    if (!created) throw new Error('inserted measurement vanished');
    return created;
  }
}

function measurementEntry(row: MeasurementRow, recorder: string): Omit<MeasurementView, 'bmi'> {
  return {
    ...versionView(row, recorder),
    measuredOn: row.measuredOn,
    heightCm: row.heightCm === null ? null : Number(row.heightCm),
    weightKg: row.weightKg === null ? null : Number(row.weightKg),
    source: row.source as MeasurementView['source'],
    noteId: row.noteId,
    note: row.note,
  };
}
