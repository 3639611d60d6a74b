import { and, asc, eq, sql } from 'drizzle-orm';
import type { DrugClass, MedicationStatus, MedicationView } from '@lantern/core';
import { medication } from '../../platform/db/schema/index.js';
import { ChartRepo, type AdmittedPatient } from './chart-repo.js';
import { insertVersion, isCurrent, recorderName, versionView } from './versions.js';

type MedicationRow = typeof medication.$inferSelect;

/** A medication as stored; the interaction flags are added by the service (core rules). */
export type MedicationEntry = Omit<MedicationView, 'flags'>;

export interface NewMedication {
  readonly name: string;
  readonly drugClass: DrugClass;
  readonly dailyDoseMg: number | null;
  readonly startedOn: string | null;
  readonly stoppedOn: string | null;
  readonly status: MedicationStatus;
  readonly note: string | null;
  readonly replaces: { readonly id: string; readonly reason: string } | null;
}

/** Medications, versioned: a stop or a correction is a new version; nothing is deleted. */
export class MedicationsRepo extends ChartRepo {
  async current(admitted: AdmittedPatient): Promise<MedicationEntry[]> {
    const rows = await this.tx
      .select({ row: medication, recorder: recorderName('medication') })
      .from(medication)
      .where(and(eq(medication.patientId, admitted.id), isCurrent('medication')))
      .orderBy(asc(medication.recordedAt));
    return rows.map(({ row, recorder }) => medicationEntry(row, recorder));
  }

  async currentById(admitted: AdmittedPatient, id: string): Promise<MedicationEntry | null> {
    return (await this.current(admitted)).find((entry) => entry.id === id) ?? null;
  }

  /** Whether the chart's medication list was ever started (any row, in any state). */
  async listStarted(admitted: AdmittedPatient): Promise<boolean> {
    const [row] = await this.tx
      .select({ one: sql<number>`1` })
      .from(medication)
      .where(eq(medication.patientId, admitted.id))
      .limit(1);
    return row !== undefined;
  }

  async insert(admitted: AdmittedPatient, entry: NewMedication): Promise<MedicationEntry> {
    const [row] = await insertVersion(() =>
      this.tx
        .insert(medication)
        .values({
          ...this.versionColumns(admitted, entry.replaces),
          name: entry.name,
          drugClass: entry.drugClass,
          dailyDoseMg: entry.dailyDoseMg,
          startedOn: entry.startedOn,
          stoppedOn: entry.stoppedOn,
          status: entry.status,
          note: entry.note,
        })
        .returning(),
    );
    if (!row) throw new Error('insert returned no row');
    return medicationEntry(row, this.ctx.auth.user.displayName);
  }
}

function medicationEntry(row: MedicationRow, recorder: string): MedicationEntry {
  return {
    ...versionView(row, recorder),
    name: row.name,
    drugClass: row.drugClass as DrugClass,
    dailyDoseMg: row.dailyDoseMg === null ? null : Number(row.dailyDoseMg),
    startedOn: row.startedOn,
    stoppedOn: row.stoppedOn,
    status: row.status as MedicationStatus,
    note: row.note,
  };
}
