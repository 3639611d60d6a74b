import { Conflict, NotFound, type ClinicAlert } from '@lantern/core';
import { transact } from '../../platform/audit/trail.js';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import * as repo from './alerts-repo.js';
import { alertView } from './views.js';

/** The clinic's alerts for the home screen (open ones by default); audited as a query with the count. */
export function listAlerts(deps: AppDeps, ctx: AuthedContext, options: { readonly openOnly: boolean; readonly limit: number }): Promise<ClinicAlert[]> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const rows = await repo.listAlerts(tx, ctx.auth.user.clinicId, options);
    audit.record({ action: 'query', resourceType: 'ClinicAlert', detail: { results: rows.length, openOnly: options.openOnly } });
    return rows.map(alertView);
  });
}

/** Records that a member of staff has seen an alert and taken it on; once only. */
export function acknowledgeAlert(deps: AppDeps, ctx: AuthedContext, id: string): Promise<void> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const done = await repo.acknowledgeAlert(tx, { clinicId: ctx.auth.user.clinicId, id, userId: ctx.auth.user.id, at: ctx.now });
    if (!done) {
      if (!(await repo.alertExists(tx, ctx.auth.user.clinicId, id))) throw new NotFound('Alert');
      throw new Conflict('This alert was already acknowledged', 'already_acknowledged');
    }
    audit.record({ action: 'update', resourceType: 'ClinicAlert', resourceId: id, detail: { acknowledged: true } });
  });
}
