/**
 * A small HTML builder for the server-rendered public pages: every interpolated value is escaped
 * unless it is already `SafeHtml` (built by this module or by the Markdown renderer). Free text a
 * visitor or an admin typed can therefore never become markup.
 */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

type Part = SafeHtml | string | number | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map((item: Part) => render(item)).join('');
  return escapeHtml(String(part));
}

/** `html\`<p>${name}</p>\``: a template whose values are escaped; arrays are joined, false and null vanish. */
export function html(strings: TemplateStringsArray, ...values: readonly Part[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Marks trusted, already-rendered markup (the Markdown renderer's output). */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
