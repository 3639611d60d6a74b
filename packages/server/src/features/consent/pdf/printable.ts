import type { PDFFont } from 'pdf-lib';

/**
 * The PDF's standard fonts (Helvetica, Courier) carry the WinAnsi character set only. Text outside it
 * is spelled with the nearest WinAnsi characters where a common one exists, and otherwise shown as
 * "?" rather than failing the whole document (docs/consent.md; a Unicode font would lift this).
 */
const SUBSTITUTES: Readonly<Record<string, string>> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2212': '-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2248': '~',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u2713': 'v',
  '\u2714': 'v',
  '\u00d7': 'x',
};

const supported = new WeakMap<PDFFont, Set<number>>();

function characterSet(font: PDFFont): Set<number> {
  let set = supported.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    supported.set(font, set);
  }
  return set;
}

function substitute(char: string, set: Set<number>): string {
  const listed = SUBSTITUTES[char];
  if (listed && [...listed].every((c) => set.has(c.codePointAt(0) ?? 0))) return listed;
  // A letter with a diacritic the font lacks (ő, ș) keeps its base letter (o, s).
  const base = char.normalize('NFD')[0] ?? '';
  if (base !== char && set.has(base.codePointAt(0) ?? 0)) return base;
  return '?';
}

/** `text` with every character the font cannot draw replaced (never throws). */
export function printable(font: PDFFont, text: string): string {
  const set = characterSet(font);
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\t') out += ' ';
    else if (code < 0x20 || code === 0x7f) continue;
    else if (set.has(code)) out += char;
    else out += substitute(char, set);
  }
  return out;
}
