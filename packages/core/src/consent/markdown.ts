/**
 * The small Markdown subset consent documents are written in, parsed once into blocks that both the
 * signing screen (React) and the signed PDF (pdf-lib) render, so the patient signs exactly the text
 * that is printed. Supported: `#`–`###` headings, paragraphs, `-`/`*` and `1.` lists, `---` rules,
 * `**bold**` and `*italic*`/`_italic_`, and `\` escapes. Anything else is kept as plain text; raw
 * HTML is never interpreted.
 */

export interface InlineSpan {
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
}

export type ConsentBlock =
  | { readonly type: 'heading'; readonly level: 1 | 2 | 3; readonly spans: readonly InlineSpan[] }
  | { readonly type: 'paragraph'; readonly spans: readonly InlineSpan[] }
  | { readonly type: 'list'; readonly ordered: boolean; readonly items: readonly (readonly InlineSpan[])[] }
  | { readonly type: 'rule' };

const HEADING = /^(#{1,3})\s+(.*?)\s*#*\s*$/;
const BULLET = /^[-*+]\s+(.*)$/;
const ORDERED = /^\d{1,3}[.)]\s+(.*)$/;
const RULE = /^(?:-{3,}|\*{3,}|_{3,})$/;

/** Splits inline text into spans on `**bold**`, `*italic*` and `_italic_` markers. */
export function parseInline(text: string): InlineSpan[] {
  const spans: InlineSpan[] = [];
  let bold = false;
  let italic = false;
  let buffer = '';
  const flush = (): void => {
    if (buffer) spans.push({ text: buffer, bold, italic });
    buffer = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    const next = text[i + 1] ?? '';
    if (char === '\\' && /[\\*_#`-]/.test(next)) {
      buffer += next;
      i += 1;
    } else if (char === '*' && next === '*') {
      flush();
      bold = !bold;
      i += 1;
    } else if ((char === '*' || char === '_') && isEmphasisMarker(text, i)) {
      flush();
      italic = !italic;
    } else {
      buffer += char;
    }
  }
  flush();
  return mergeSpans(spans);
}

/** `_` inside a word (snake_case) or a lone `*` between spaces is text, not emphasis. */
function isEmphasisMarker(text: string, index: number): boolean {
  const before = text[index - 1] ?? ' ';
  const after = text[index + 1] ?? ' ';
  const wordBefore = /[\p{L}\p{N}]/u.test(before);
  const wordAfter = /[\p{L}\p{N}]/u.test(after);
  if (text[index] === '_' && wordBefore && wordAfter) return false;
  return !(/\s/.test(before) && /\s/.test(after));
}

function mergeSpans(spans: InlineSpan[]): InlineSpan[] {
  const merged: InlineSpan[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && last.bold === span.bold && last.italic === span.italic) merged[merged.length - 1] = { ...last, text: last.text + span.text };
    else merged.push(span);
  }
  return merged;
}

/** Parses a consent document into blocks. */
export function parseConsentMarkdown(markdown: string): ConsentBlock[] {
  const blocks: ConsentBlock[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const endParagraph = (): void => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', spans: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  const endList = (): void => {
    if (list) blocks.push({ type: 'list', ordered: list.ordered, items: list.items.map(parseInline) });
    list = null;
  };
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const indented = /^\s{2,}\S/.test(raw);
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const ordered = ORDERED.exec(line);
    if (line === '') {
      endParagraph();
      endList();
    } else if (RULE.test(line)) {
      endParagraph();
      endList();
      blocks.push({ type: 'rule' });
    } else if (heading) {
      endParagraph();
      endList();
      blocks.push({ type: 'heading', level: (heading[1]?.length ?? 1) as 1 | 2 | 3, spans: parseInline(heading[2] ?? '') });
    } else if (bullet || ordered) {
      endParagraph();
      const isOrdered = ordered !== null && bullet === null;
      if (list && list.ordered !== isOrdered) endList();
      list ??= { ordered: isOrdered, items: [] };
      list.items.push((bullet?.[1] ?? ordered?.[1] ?? '').trim());
    } else if (list && indented && list.items.length > 0) {
      // A continuation line of the last list item.
      list.items[list.items.length - 1] += ` ${line}`;
    } else {
      endList();
      paragraph.push(line);
    }
  }
  endParagraph();
  endList();
  return blocks;
}

/** The plain text of some spans (for accessible names, search and tests). */
export function spansText(spans: readonly InlineSpan[]): string {
  return spans.map((span) => span.text).join('');
}
