/**
 * The KAP course engine (issue #4): plans, phases and gates, integration windows, cycle decisions,
 * session-note templates and focus prompts. Request and response schemas live in ./schemas.ts.
 */
export * from './policy.js';
export * from './model.js';
export * from './gates.js';
export * from './phase.js';
export * from './templates.js';
export * from './schemas.js';
