/**
 * Issue #3, "From first inquiry to eligible": the pure rules of intake and eligibility. The lead
 * re-exports this from packages/core/src/index.ts and wires `eligibilityPolicy` into the clinic policy.
 */
export * from './policy.js';
export * from './dates.js';
export { parseOrThrow } from './validate.js';
export * from './questionnaires/frequency-scale.js';
export * from './questionnaires/phq9.js';
export * from './questionnaires/gad7.js';
export * from './questionnaires/cssrs.js';
export * from './crisis-resources.js';
export * from './safety-screen.js';
export * from './icd10/codes.js';
export * from './icd10/search.js';
export * from './contraindications/rule-ids.js';
export * from './contraindications/result.js';
export * from './contraindications/chart.js';
export * from './contraindications/condition-reasons.js';
export * from './contraindications/diagnosis-rules.js';
export * from './contraindications/benzodiazepines.js';
export * from './contraindications/interactions.js';
export * from './contraindications/condition-rules.js';
export * from './contraindications/assess.js';
export * from './contraindications/reassess.js';
export * from './triage.js';
export * from './names.js';
export * from './duplicates.js';
export * from './eligibility-decision.js';
