import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ledgerTimestamp, reportParams, reportQuery, type LedgerReportKind } from '@lantern/core';
import type { AuthedContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { authed } from '../../platform/auth/guard.js';
import { transact } from '../../platform/audit/trail.js';
import { clinicOf } from './records-repo.js';
import { buildReport } from './report-data.js';
import { reportCsv, reportPdf } from './report-pdf.js';

const tags = ['ledger'];

/** One report as a file: CSV for a spreadsheet, PDF for the inspector. Audited as an export or print. */
async function reportFile(
  deps: AppDeps,
  ctx: AuthedContext,
  kind: LedgerReportKind,
  query: { readonly from: string; readonly to: string; readonly format: 'csv' | 'pdf'; readonly lotId?: string | undefined },
): Promise<{ readonly filename: string; readonly type: string; readonly body: Buffer }> {
  return transact(deps.db, ctx, async (tx, audit) => {
    const place = await clinicOf(tx, ctx.auth.user.clinicId);
    const timeZone = place?.timeZone ?? 'America/Chicago';
    const report = await buildReport(tx, audit, kind, { clinicId: ctx.auth.user.clinicId, timeZone, from: query.from, to: query.to, lotId: query.lotId });
    audit.record({ action: query.format === 'pdf' ? 'print' : 'export', resourceType: 'LedgerReport', resourceId: kind, detail: { from: query.from, to: query.to, rows: report.rows.length } });
    const filename = `ledger-${kind}-${query.from}-to-${query.to}.${query.format}`;
    if (query.format === 'csv') return { filename, type: 'text/csv; charset=utf-8', body: Buffer.from(reportCsv(report), 'utf8') };
    const pdf = await reportPdf(report, {
      clinicName: place?.name ?? '',
      clinicAddress: place ? `${place.addressLine1}, ${place.city}, ${place.state} ${place.postalCode}` : '',
      printedAt: ledgerTimestamp(ctx.now, timeZone),
      printedBy: ctx.auth.user.displayName,
    });
    return { filename, type: 'application/pdf', body: Buffer.from(pdf) };
  });
}

export function reportRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async function ledgerReports(app) {
    app.get('/api/ledger/reports/:report', {
      config: { capability: 'ledger.read' },
      schema: {
        tags,
        summary: 'A ledger report for a date range: receipts, dispensing (with patient names), waste, counts, inventories, per-lot history',
        params: reportParams,
        querystring: reportQuery,
        produces: ['text/csv', 'application/pdf'],
      },
    }, async (request, reply) => {
      const file = await reportFile(deps, authed(request.ctx), request.params.report, request.query);
      return reply
        .header('content-type', file.type)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    });
  };
}
