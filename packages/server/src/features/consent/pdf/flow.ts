import { rgb, type PDFDocument, type PDFFont, type PDFImage, type PDFPage, type RGB } from 'pdf-lib';
import type { InlineSpan } from '@lantern/core';
import { printable } from './printable.js';

/** US Letter, in PDF points (1/72 inch). */
export const PAGE_SIZE: readonly [number, number] = [612, 792];
const MARGIN = { top: 64, right: 60, bottom: 70, left: 60 };

export interface PdfFonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  readonly italic: PDFFont;
  readonly boldItalic: PDFFont;
  readonly mono: PDFFont;
}

export const INK = rgb(0.1, 0.11, 0.14);
export const MUTED = rgb(0.38, 0.4, 0.45);
export const RULE = rgb(0.78, 0.8, 0.84);

interface Word {
  readonly text: string;
  readonly font: PDFFont;
  readonly width: number;
  /** A space precedes this word on the line. */
  readonly spaced: boolean;
}

export interface TextStyle {
  readonly size: number;
  readonly color?: RGB;
  /** Extra left indent for this block (list items). */
  readonly indent?: number;
  /** Line height as a multiple of the font size. */
  readonly leading?: number;
}

/**
 * Lays text out top to bottom across as many pages as it needs: wraps words to the column (breaking
 * words longer than a line, such as a hash), starts a new page at the bottom margin, and stamps a
 * footer on every page at the end.
 */
export class PdfFlow {
  readonly width = PAGE_SIZE[0] - MARGIN.left - MARGIN.right;
  private page: PDFPage;
  private y: number;

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: PdfFonts,
  ) {
    this.page = this.newPage();
    this.y = PAGE_SIZE[1] - MARGIN.top;
  }

  private newPage(): PDFPage {
    const page = this.doc.addPage([...PAGE_SIZE]);
    this.y = PAGE_SIZE[1] - MARGIN.top;
    return page;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.y - height < MARGIN.bottom) this.page = this.newPage();
  }

  gap(points: number): void {
    this.y -= points;
  }

  /** Room left on the current page, in points. */
  get remaining(): number {
    return this.y - MARGIN.bottom;
  }

  private fontFor(span: InlineSpan): PDFFont {
    if (span.bold && span.italic) return this.fonts.boldItalic;
    if (span.bold) return this.fonts.bold;
    if (span.italic) return this.fonts.italic;
    return this.fonts.regular;
  }

  private words(spans: readonly InlineSpan[], size: number, maxWidth: number, fontOf: (span: InlineSpan) => PDFFont): Word[] {
    const words: Word[] = [];
    let spaced = false;
    for (const span of spans) {
      const font = fontOf(span);
      for (const piece of printable(font, span.text).split(/(\s+)/)) {
        if (piece === '') continue;
        if (/^\s+$/.test(piece)) {
          spaced = words.length > 0;
          continue;
        }
        for (const part of breakLongWord(piece, font, size, maxWidth)) {
          words.push({ text: part, font, width: font.widthOfTextAtSize(part, size), spaced });
          spaced = false;
        }
      }
    }
    return words;
  }

  /** Wraps `spans` to the column and draws them; `marker` (a bullet or "1.") hangs in the indent. */
  paragraph(spans: readonly InlineSpan[], style: TextStyle & { readonly marker?: string; readonly fontOf?: (span: InlineSpan) => PDFFont }): void {
    const indent = style.indent ?? 0;
    const maxWidth = this.width - indent;
    const lineHeight = style.size * (style.leading ?? 1.4);
    const words = this.words(spans, style.size, maxWidth, style.fontOf ?? ((span) => this.fontFor(span)));
    const lines: Word[][] = [];
    let line: Word[] = [];
    let lineWidth = 0;
    for (const word of words) {
      const space = word.spaced && line.length > 0 ? word.font.widthOfTextAtSize(' ', style.size) : 0;
      if (line.length > 0 && lineWidth + space + word.width > maxWidth) {
        lines.push(line);
        line = [{ ...word, spaced: false }];
        lineWidth = word.width;
      } else {
        line.push(line.length === 0 ? { ...word, spaced: false } : word);
        lineWidth += space + word.width;
      }
    }
    if (line.length > 0) lines.push(line);
    lines.forEach((words, index) => {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      const baseline = this.y + (lineHeight - style.size) / 2;
      if (index === 0 && style.marker) {
        this.page.drawText(style.marker, { x: MARGIN.left + indent - 14, y: baseline, size: style.size, font: this.fonts.regular, color: style.color ?? INK });
      }
      // Words in the same font are drawn as one run, so a viewer's font keeps its own spacing.
      let x = MARGIN.left + indent;
      for (const run of runsOf(words)) {
        this.page.drawText(run.text, { x, y: baseline, size: style.size, font: run.font, color: style.color ?? INK });
        x += run.font.widthOfTextAtSize(run.text, style.size);
      }
    });
  }

  /** One run of plain text in one font, wrapped. */
  text(text: string, style: TextStyle & { readonly font?: PDFFont }): void {
    const font = style.font ?? this.fonts.regular;
    this.paragraph([{ text, bold: false, italic: false }], { ...style, fontOf: () => font });
  }

  /** A label and its value on one line (the value wraps under itself). */
  field(label: string, value: string, options: { readonly mono?: boolean; readonly labelWidth?: number } = {}): void {
    const labelWidth = options.labelWidth ?? 130;
    const size = 9.5;
    this.ensure(size * 1.45);
    const top = this.y;
    this.page.drawText(printable(this.fonts.bold, label), { x: MARGIN.left, y: top - size * 1.45 + (size * 0.45) / 2, size, font: this.fonts.bold, color: MUTED });
    this.y = top;
    // Courier is wide: a 64-character hash fits the value column at 8.5 pt.
    this.text(value, { size: options.mono ? 8.5 : size, indent: labelWidth, font: options.mono ? this.fonts.mono : this.fonts.regular, leading: options.mono ? 1.62 : 1.45 });
    this.gap(2);
  }

  rule(color: RGB = RULE): void {
    this.ensure(12);
    this.y -= 6;
    this.page.drawLine({ start: { x: MARGIN.left, y: this.y }, end: { x: MARGIN.left + this.width, y: this.y }, thickness: 0.6, color });
    this.y -= 6;
  }

  /** Draws an image scaled to fit `maxWidth` × `maxHeight`, inside a light frame. */
  image(image: PDFImage, options: { readonly maxWidth: number; readonly maxHeight: number; readonly indent?: number }): void {
    const scale = Math.min(options.maxWidth / image.width, options.maxHeight / image.height, 1);
    const width = image.width * scale;
    const height = image.height * scale;
    this.ensure(height + 12);
    this.y -= height + 6;
    const x = MARGIN.left + (options.indent ?? 0);
    this.page.drawRectangle({ x: x - 4, y: this.y - 4, width: width + 8, height: height + 8, borderColor: RULE, borderWidth: 0.6 });
    this.page.drawImage(image, { x, y: this.y, width, height });
    this.y -= 6;
  }

  /** Writes `footer(page, pages)` at the bottom of every page. */
  finish(footer: (pageNumber: number, pageCount: number) => string): void {
    const pages = this.doc.getPages();
    pages.forEach((page, index) => {
      const text = printable(this.fonts.regular, footer(index + 1, pages.length));
      page.drawLine({ start: { x: MARGIN.left, y: MARGIN.bottom - 24 }, end: { x: MARGIN.left + this.width, y: MARGIN.bottom - 24 }, thickness: 0.4, color: RULE });
      page.drawText(text, { x: MARGIN.left, y: MARGIN.bottom - 38, size: 7.5, font: this.fonts.regular, color: MUTED });
    });
  }
}

/** Consecutive words of one font joined into runs (a leading space stays with its word). */
function runsOf(words: readonly Word[]): { text: string; font: PDFFont }[] {
  const runs: { text: string; font: PDFFont }[] = [];
  for (const word of words) {
    const text = `${word.spaced ? ' ' : ''}${word.text}`;
    const last = runs[runs.length - 1];
    if (last && last.font === word.font) last.text += text;
    else runs.push({ text, font: word.font });
  }
  return runs;
}

/** Splits a word wider than the line (a hash, a long address) into pieces that fit. */
function breakLongWord(word: string, font: PDFFont, size: number, maxWidth: number): string[] {
  if (font.widthOfTextAtSize(word, size) <= maxWidth) return [word];
  const parts: string[] = [];
  let current = '';
  for (const char of word) {
    if (current && font.widthOfTextAtSize(current + char, size) > maxWidth) {
      parts.push(current);
      current = '';
    }
    current += char;
  }
  if (current) parts.push(current);
  return parts;
}
