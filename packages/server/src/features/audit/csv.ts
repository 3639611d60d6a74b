import type { AuditEventView } from '@lantern/core';

const COLUMNS: readonly (keyof AuditEventView)[] = [
  'seq', 'at', 'userEmail', 'userRoles', 'action', 'outcome', 'patientMrn', 'resourceType', 'resourceId', 'sourceIp', 'requestId', 'breakGlassReason',
];

/**
 * RFC 4180 CSV. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) are prefixed
 * with an apostrophe (OWASP CSV injection guidance).
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function auditCsv(events: readonly AuditEventView[]): string {
  const lines = [COLUMNS.join(',')];
  for (const event of events) lines.push(COLUMNS.map((column) => csvCell(event[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
