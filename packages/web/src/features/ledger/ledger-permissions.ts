import { LEDGER_ADJUSTER_ROLES } from '@lantern/core';
import { useCan, useSession } from '../../app/session-context';

/**
 * What the signed-in person may do in the ledger, so a form is only offered to those the server
 * would let do it: nurses, physicians and admins record; only physicians and admins adjust a
 * balance or reverse an adjustment (core `roles.ts`).
 */
export function useLedgerPermissions(): { readonly mayRecord: boolean; readonly mayAdjust: boolean } {
  const mayRecord = useCan('ledger.record');
  const roles = useSession().user.roles;
  return { mayRecord, mayAdjust: mayRecord && roles.some((role) => LEDGER_ADJUSTER_ROLES.includes(role)) };
}
