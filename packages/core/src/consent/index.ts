/**
 * Informed consent (issue #3): consent kinds, the per-kind status rule, the course engine's
 * "current KAP consent signed" gate (issue #4), MHRA release checks, and the document Markdown
 * subset. Request and response schemas live in ../schemas/consent.ts and are re-exported here.
 */
export * from './kinds.js';
export * from './policy.js';
export * from './clinic-time.js';
export * from './status.js';
export * from './gate.js';
export * from './release.js';
export * from './markdown.js';
export * from '../schemas/consent.js';
