/**
 * Body-mass index (LOINC 39156-5): weight in kg over height in metres squared, to one decimal.
 * Weight drives mg/kg dosing (clinical.md §2.4 item 10); BMI is only ever derived, never entered.
 */
export function bodyMassIndex(heightCm: number, weightKg: number): number {
  const metres = heightCm / 100;
  return Math.round((weightKg / (metres * metres)) * 10) / 10;
}

export interface BodyMeasurement {
  readonly id: string;
  /** 'YYYY-MM-DD'. */
  readonly measuredOn: string;
  readonly heightCm: number | null;
  readonly weightKg: number | null;
}

/**
 * The BMI of each measurement: its weight over the height taken the same day or most recently before
 * it (adults' height changes slowly, so a weight alone still gets a BMI). Null without a weight, or
 * with no height on or before that day. Order of the input does not matter; the output follows it.
 */
export function bmiHistory<M extends BodyMeasurement>(measurements: readonly M[]): (M & { bmi: number | null })[] {
  const heights = measurements
    .filter((m): m is M & { heightCm: number } => m.heightCm !== null)
    .sort((a, b) => (a.measuredOn < b.measuredOn ? -1 : a.measuredOn > b.measuredOn ? 1 : 0));
  return measurements.map((m) => {
    if (m.weightKg === null) return { ...m, bmi: null };
    const height = m.heightCm ?? [...heights].reverse().find((h) => h.measuredOn <= m.measuredOn)?.heightCm ?? null;
    return { ...m, bmi: height === null ? null : bodyMassIndex(height, m.weightKg) };
  });
}
