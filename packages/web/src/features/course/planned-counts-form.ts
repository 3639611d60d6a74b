import { plannedCounts, type PlannedCounts } from '@lantern/core';

/** The phases whose planned session counts a clinician sets on a new plan (evaluation is done by then). */
export const COUNTED_PHASES = [
  { key: 'preparation', legend: 'Preparation sessions' },
  { key: 'medicine', legend: 'Medicine sessions' },
  { key: 'integrationPerMedicine', legend: 'Integration per medicine session' },
] as const;
export type CountedPhase = (typeof COUNTED_PHASES)[number]['key'];

/** What the number inputs hold: a number, or '' while a field is empty. */
export type CountsDraft = Record<CountedPhase, { min: number | string; max: number | string }>;

export function draftOf(counts: PlannedCounts): CountsDraft {
  return { preparation: { ...counts.preparation }, medicine: { ...counts.medicine }, integrationPerMedicine: { ...counts.integrationPerMedicine } };
}

export function sameCounts(draft: CountsDraft, counts: PlannedCounts): boolean {
  return COUNTED_PHASES.every(({ key }) => draft[key].min === counts[key].min && draft[key].max === counts[key].max);
}

const asNumber = (value: number | string): number | undefined => (typeof value === 'number' ? value : undefined);

/**
 * The draft checked with the schema the server applies (core `plannedCounts`), so the form and the API
 * say the same thing: either the counts to send, or a message per field (`preparation.max`, ...).
 */
export function checkCounts(draft: CountsDraft, policy: PlannedCounts): { counts: PlannedCounts; errors: null } | { counts: null; errors: Map<string, string> } {
  const ranges = Object.fromEntries(COUNTED_PHASES.map(({ key }) => [key, { min: asNumber(draft[key].min), max: asNumber(draft[key].max) }]));
  const result = plannedCounts.safeParse({ evaluationTherapist: policy.evaluationTherapist, evaluationPhysician: policy.evaluationPhysician, ...ranges });
  if (result.success) return { counts: result.data, errors: null };
  const errors = new Map<string, string>();
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    if (!errors.has(path)) errors.set(path, issue.message);
  }
  return { counts: null, errors };
}
