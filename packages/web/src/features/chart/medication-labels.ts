import type { DrugClass, InteractionFlag } from '@lantern/core';

/** Words for each medication class the interaction rules screen (clinical.md §2.3). */
export const DRUG_CLASS_LABELS: Record<DrugClass, string> = {
  benzodiazepine: 'Benzodiazepine',
  gabapentinoid: 'Gabapentin / pregabalin',
  glutamate_release_inhibitor: 'Lamotrigine (glutamate-release inhibitor)',
  maoi: 'MAOI',
  psychostimulant: 'Stimulant',
  opioid: 'Opioid',
  other_cns_depressant: 'Other sedating medicine',
  cyp_modulator: 'CYP2B6/3A4 inducer or inhibitor',
  antidepressant: 'Antidepressant (other)',
  other: 'Other',
};

const SEVERITY_COLOR = { high: 'red', moderate: 'orange', low: 'gray' } as const;
const LEVEL_WORDS = { absolute: 'hard stop', relative: 'needs clearance', clear: 'flag only' } as const;

/** A flag's badge text and colour: the severity (FHIR DetectedIssue) and what it means for eligibility. */
export function flagBadge(flag: InteractionFlag): { label: string; color: string } {
  const severity = flag.severity ?? 'low';
  return { label: `${severity[0]?.toUpperCase()}${severity.slice(1)} interaction · ${LEVEL_WORDS[flag.level]}`, color: SEVERITY_COLOR[severity] };
}
