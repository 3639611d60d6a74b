import { PolicyBlocked, ValidationError, type Unmet } from '../errors.js';

/**
 * Every reason the ledger can refuse something, as a stable code the API returns in `unmet` and the
 * web app can key its wording on.
 */
export const LEDGER_REFUSAL_CODES = [
  // input shape and arithmetic
  'invalid_decimal',
  'too_precise',
  'quantity_out_of_range',
  'non_positive_quantity',
  'unit_confusion',
  'inexact_conversion',
  'invalid_dea_number',
  'invalid_date',
  // who may do it
  'not_a_recorder',
  'adjustment_role',
  'reversal_role',
  'witness_required',
  'witness_is_actor',
  'witness_not_licensed',
  'counter_not_allowed',
  'counters_not_distinct',
  // references
  'duplicate_entry',
  'unknown_product',
  'unknown_lot',
  'unknown_container',
  'unknown_entry',
  'unknown_draw',
  'lot_conflict',
  'container_exists',
  'wrong_entry_kind',
  'entry_container_mismatch',
  'unexpected_reference',
  // stock
  'exceeds_container_size',
  'insufficient_stock',
  'lot_expired',
  'wrong_location',
  'same_location',
  'partial_transfer',
  'received_in_future',
  // sessions
  'administration_already_drawn',
  'exceeds_draw',
  'draw_container_mismatch',
  'draw_has_dispositions',
  // records
  'reason_required',
  'reference_required',
  'reversal_of_reversal',
  'already_reversed',
  'entry_reversed',
  'entry_already_linked',
  'loss_already_reported',
  'duplicate_line',
  'count_incomplete',
  'estimate_not_allowed',
  'signer_not_allowed',
] as const;
export type LedgerRefusalCode = (typeof LEDGER_REFUSAL_CODES)[number];

/**
 * One reason for a refusal; `path` names the offending field when there is one, and `entryId` the
 * ledger entry a reference points at when the refusal is about that entry.
 */
export interface LedgerUnmet extends Unmet {
  readonly code: LedgerRefusalCode;
  readonly path?: ReadonlyArray<string | number>;
  readonly entryId?: string;
}

/** A rule's answer: the value, or every reason it was refused. Rules return this instead of throwing. */
export type LedgerResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly unmet: readonly LedgerUnmet[] };

export function ok<T>(value: T): LedgerResult<T> {
  return { ok: true, value };
}

/** A refusal with one reason. */
export function refuse(code: LedgerRefusalCode, message: string, path?: ReadonlyArray<string | number>): { readonly ok: false; readonly unmet: readonly LedgerUnmet[] } {
  return { ok: false, unmet: [path ? { code, message, path } : { code, message }] };
}

/** A refusal with several reasons (never empty). */
export function refuseAll(unmet: readonly LedgerUnmet[]): { readonly ok: false; readonly unmet: readonly LedgerUnmet[] } {
  if (unmet.length === 0) throw new RangeError('refuseAll needs at least one reason');
  return { ok: false, unmet };
}

/** Input-shape codes: a single one of these is a 400 with a field path, the rest are 409 policy refusals. */
const VALIDATION_CODES: ReadonlySet<LedgerRefusalCode> = new Set<LedgerRefusalCode>([
  'invalid_decimal',
  'too_precise',
  'quantity_out_of_range',
  'non_positive_quantity',
  'unit_confusion',
  'inexact_conversion',
  'invalid_dea_number',
  'invalid_date',
  'reason_required',
  'reference_required',
  'unexpected_reference',
  'duplicate_line',
]);

/**
 * The domain error for a refusal, for the server's one error handler: a lone input-shape reason becomes
 * a `ValidationError` naming its field; anything else a `PolicyBlocked` listing every reason.
 */
export function ledgerError(unmet: readonly LedgerUnmet[]): ValidationError | PolicyBlocked {
  const [first] = unmet;
  if (unmet.length === 1 && first && VALIDATION_CODES.has(first.code)) {
    return new ValidationError(first.path ?? [], first.message);
  }
  return new PolicyBlocked('The controlled-substance ledger refuses this', unmet);
}

/** The value, or throws the refusal as a domain error (for the thin shell, not for rules). */
export function unwrapLedger<T>(result: LedgerResult<T>): T {
  if (result.ok) return result.value;
  throw ledgerError(result.unmet);
}
