/**
 * The patient chart's pure rules (issue #3): the rule catalogue, BMI, what signed evaluation notes
 * tell the contraindication engine, the chart assembled for it, sign-readiness of a note, which
 * clearances and overrides still apply, and the eligibility status and gate.
 */
export * from './rule-catalog.js';
export * from './bmi.js';
export * from './note-findings.js';
export * from './assemble.js';
export * from './note-completeness.js';
export * from './resolutions.js';
export * from './eligibility-status.js';
export * from './patient-status.js';
