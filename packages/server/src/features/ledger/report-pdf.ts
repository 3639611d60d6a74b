import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { printable } from '../consent/pdf/printable.js';
import { csvCell } from '../audit/csv.js';
import type { LedgerReport } from './report-data.js';

/**
 * A ledger report as a printable PDF (US Letter, landscape): clinic and registrant heading, the
 * table with its header repeated on every page, page numbers, and when it was printed and by whom.
 * And the same table as RFC 4180 CSV.
 */

const PAGE: readonly [number, number] = [792, 612];
const MARGIN = 36;
const SIZE = 7.5;
const LEADING = 9.5;
const PAD = 3;
const INK = rgb(0.1, 0.11, 0.14);
const MUTED = rgb(0.38, 0.4, 0.45);
const RULE = rgb(0.78, 0.8, 0.84);
const SHADE = rgb(0.93, 0.94, 0.96);

export interface ReportHeading {
  readonly clinicName: string;
  readonly clinicAddress: string;
  readonly printedAt: string;
  readonly printedBy: string;
}

/** Words of `text` wrapped to `width` points (a word longer than a line is broken). */
function wrap(font: PDFFont, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of printable(font, text).split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (font.widthOfTextAtSize(rest, SIZE) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), SIZE) > width) cut -= 1;
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    const candidate = line ? `${line} ${rest}` : rest;
    if (font.widthOfTextAtSize(candidate, SIZE) > width && line) {
      lines.push(line);
      line = rest;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

export async function reportPdf(report: LedgerReport, heading: ReportHeading): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`${report.title} (${report.subtitle})`);
  doc.setProducer('Lantern');
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const tableWidth = PAGE[0] - 2 * MARGIN;
  const totalWeight = report.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = report.columns.map((c) => (c.width / totalWeight) * tableWidth);
  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;

  const drawRow = (cells: readonly string[], font: PDFFont, shade: boolean): void => {
    const wrapped = cells.map((cell, i) => wrap(font, cell, (widths[i] ?? 0) - 2 * PAD));
    const height = Math.max(...wrapped.map((lines) => lines.length)) * LEADING + 2 * PAD;
    if (y - height < MARGIN + 20) startPage();
    if (shade) page.drawRectangle({ x: MARGIN, y: y - height, width: tableWidth, height, color: SHADE });
    let x = MARGIN;
    wrapped.forEach((lines, i) => {
      lines.forEach((text, j) => page.drawText(text, { x: x + PAD, y: y - PAD - SIZE - j * LEADING + 1, size: SIZE, font, color: INK }));
      x += widths[i] ?? 0;
    });
    y -= height;
    page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + tableWidth, y }, thickness: 0.4, color: RULE });
  };

  function startPage(): void {
    page = doc.addPage([...PAGE]);
    pages.push(page);
    y = PAGE[1] - MARGIN;
    page.drawText(printable(bold, `${report.title}`), { x: MARGIN, y: y - 14, size: 14, font: bold, color: INK });
    page.drawText(printable(regular, `${heading.clinicName}, ${heading.clinicAddress}. Schedule III controlled substances (21 CFR 1304). ${report.subtitle}.`), {
      x: MARGIN,
      y: y - 28,
      size: 8.5,
      font: regular,
      color: MUTED,
    });
    y -= 40;
    drawRow(report.columns.map((c) => c.label), bold, true);
  }

  startPage();
  if (report.rows.length === 0) {
    page.drawText('No records in this period.', { x: MARGIN + PAD, y: y - 14, size: 9, font: regular, color: MUTED });
  }
  report.rows.forEach((row, index) => drawRow(row, regular, index % 2 === 1));
  pages.forEach((p, index) => {
    const footer = printable(regular, `Printed ${heading.printedAt} by ${heading.printedBy}. Page ${index + 1} of ${pages.length}.`);
    p.drawText(footer, { x: MARGIN, y: MARGIN - 14, size: 7.5, font: regular, color: MUTED });
  });
  return doc.save();
}

export function reportCsv(report: LedgerReport): string {
  const lines = [report.columns.map((c) => csvCell(c.label)).join(',')];
  for (const row of report.rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
