import { ApiError } from '../../api/api-error';

/** One reason the server gave for refusing, in words, with the field it names when it names one. */
export interface RefusalReason {
  readonly field: string | null;
  readonly message: string;
}

/** The words for the request fields the ledger forms send (the last path segment that is not an index). */
const FIELD_WORDS: Record<string, string> = {
  amount: 'Amount',
  mg: 'Amount (mg)',
  mL: 'Amount (mL)',
  units: 'Amount (units)',
  containerId: 'Container',
  locationId: 'Location',
  fromLocationId: 'From',
  toLocationId: 'To',
  drawEntryId: 'Draw',
  reversesEntryId: 'Entry to reverse',
  reason: 'Reason',
  reference: 'Reference',
  form41Reference: 'DEA Form 41 reference',
  form106Reference: 'DEA Form 106 reference',
  reverseDistributor: 'Reverse distributor',
  supplier: 'Supplier',
  name: 'Name',
  address: 'Address',
  deaNumber: 'DEA number',
  discoveredOn: 'Discovered on',
  completedOn: 'Done on',
  lossEntryIds: 'Loss/theft entries',
  adjustmentEntryId: 'Adjustment entry',
  lossEntryId: 'Loss/theft entry',
  witness: 'Witness',
  witnessId: 'Witness',
  userId: 'Witness',
  password: 'Password',
  totp: 'Authenticator code',
  direction: 'Direction',
  method: 'Method',
  step: 'Step',
  actor: 'You',
};

function fieldWords(path: ReadonlyArray<string | number> | string | undefined): string | null {
  const parts = typeof path === 'string' ? path.split('.') : (path ?? []).map(String);
  const last = [...parts].reverse().find((part) => !/^\d+$/.test(part) && part !== '');
  return last ? (FIELD_WORDS[last] ?? last) : null;
}

interface RawUnmet {
  readonly message?: unknown;
  readonly path?: unknown;
}

/**
 * Every reason in a failed request: a policy refusal's `unmet` list (409) and a validation failure's
 * field errors (400), so a form can show all of them at once rather than only the headline.
 */
export function refusalReasons(error: unknown): RefusalReason[] {
  if (!(error instanceof ApiError)) return [];
  const body = error.body as { unmet?: unknown } | null;
  const unmet = Array.isArray(body?.unmet) ? (body.unmet as RawUnmet[]) : [];
  const fromUnmet = unmet.map((item) => ({
    field: Array.isArray(item.path) ? fieldWords(item.path as Array<string | number>) : null,
    message: typeof item.message === 'string' ? item.message : 'Refused',
  }));
  const fromFields = error.errors.map((item) => ({ field: fieldWords(item.path), message: item.message }));
  const all = [...fromUnmet, ...fromFields];
  // A lone validation error repeats the headline: keep it once.
  return all.filter((reason, index) => all.findIndex((other) => other.message === reason.message && other.field === reason.field) === index);
}
