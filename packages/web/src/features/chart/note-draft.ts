/**
 * The draft content a form holds, as the API takes it: blank text and unanswered questions are left
 * out (a draft may be partial), blank list items and half-filled rows are dropped.
 */
export type DraftContent = Record<string, Record<string, unknown>>;

function cleanValue(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) {
    return value
      .map((item: unknown) => (typeof item === 'object' && item !== null ? cleanRow(item as Record<string, unknown>) : cleanValue(item)))
      .filter((item) => item !== undefined);
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null && v !== '');
    return Object.fromEntries(entries);
  }
  return value ?? undefined;
}

/** A list row (a substance, an event) is kept only once its choice is made. */
function cleanRow(row: Record<string, unknown>): Record<string, unknown> | undefined {
  if ('substance' in row || 'lastUseDate' in row || 'problematic' in row) {
    return typeof row.substance === 'string' ? { lastUseDate: null, problematic: true, inSupervisedTreatment: false, ...row } : undefined;
  }
  return typeof row.event === 'string' && typeof row.date === 'string' && row.date !== '' ? row : undefined;
}

export function cleanContent(content: DraftContent): DraftContent {
  const sections: DraftContent = {};
  for (const [section, fields] of Object.entries(content)) {
    const kept: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields)) {
      const clean = cleanValue(value);
      if (clean !== undefined) kept[key] = clean;
    }
    if (Object.keys(kept).length > 0) sections[section] = kept;
  }
  return sections;
}

export function contentOf(value: unknown): DraftContent {
  return typeof value === 'object' && value !== null ? (structuredClone(value) as DraftContent) : {};
}
