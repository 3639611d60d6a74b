/**
 * The controlled-substance ledger's pure rules (issue #6; clinical.md §6; 21 CFR 1304): exact
 * quantities, products and lots, entries and their validation, the balance engine, session
 * reconciliation, counts, losses, inventories, and the canonical form hashed into the chain.
 */
export {
  LEDGER_REFUSAL_CODES,
  ledgerError,
  unwrapLedger,
  type LedgerRefusalCode,
  type LedgerResult,
  type LedgerUnmet,
} from './result.js';
export * from './decimal.js';
export * from './quantity.js';
export * from './quantity-schema.js';
export * from './clinic-date.js';
export * from './dea-number.js';
export * from './ndc.js';
export * from './product.js';
export * from './lot.js';
export * from './amount.js';
export * from './entry.js';
export * from './entry-request.js';
export * from './roles.js';
export * from './state.js';
export * from './recorded.js';
export type { BalanceEffect, LedgerChange } from './change.js';
export { planEntry, applyEntry, applyChange, replay, replayer, type PlanOptions, type Replayer, type ReplayRefusal } from './apply.js';
export { drawOutstanding } from './plan-session.js';
export * from './reconcile.js';
export * from './count.js';
export * from './discrepancy.js';
export * from './loss.js';
export * from './inventory.js';
export * from './canonical.js';
export * from './policy.js';
export * from './api.js';
export * from './clinic-instant.js';
