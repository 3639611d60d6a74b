import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import {
  CONSENT_KIND_LABELS,
  formatClinicInstant,
  formatUtcInstant,
  parseConsentMarkdown,
  type ConsentBlock,
  type ConsentRecord,
} from '@lantern/core';
import { INK, MUTED, PdfFlow, type PdfFonts } from './flow.js';

/** Everything a signed consent's PDF shows; loaded (and audited) before rendering starts. */
export interface ConsentPdfInput {
  readonly clinic: { readonly name: string; readonly timeZone: string };
  readonly patient: { readonly legalName: string; readonly mrn: string; readonly dateOfBirth: string };
  readonly consent: ConsentRecord;
  readonly documentBody: string;
  readonly signaturePng: Buffer | null;
  /** When the PDF is produced (its creation date). */
  readonly printedAt: Date;
}

const HEADING_SIZES: Readonly<Record<1 | 2 | 3, number>> = { 1: 15, 2: 12.5, 3: 11 };
const BODY_SIZE = 10;

function drawBlocks(flow: PdfFlow, blocks: readonly ConsentBlock[]): void {
  for (const block of blocks) {
    switch (block.type) {
      case 'heading':
        flow.ensure(HEADING_SIZES[block.level] * 3);
        flow.gap(block.level === 1 ? 4 : 8);
        flow.paragraph(block.spans.map((span) => ({ ...span, bold: true })), { size: HEADING_SIZES[block.level], leading: 1.3 });
        flow.gap(2);
        break;
      case 'paragraph':
        flow.paragraph(block.spans, { size: BODY_SIZE });
        flow.gap(5);
        break;
      case 'list':
        block.items.forEach((item, index) => {
          flow.paragraph(item, { size: BODY_SIZE, indent: 18, marker: block.ordered ? `${index + 1}.` : '\u2022' });
          flow.gap(1.5);
        });
        flow.gap(4);
        break;
      case 'rule':
        flow.rule();
        break;
      default: {
        const unreachable: never = block;
        throw new Error(`unknown block ${String(unreachable)}`);
      }
    }
  }
}

function drawSignatureRecord(flow: PdfFlow, input: ConsentPdfInput, signature: Awaited<ReturnType<PDFDocument['embedPng']>> | null): void {
  const { consent, clinic, patient } = input;
  const signedAt = new Date(consent.signedAt);
  // Keep the record together where possible: it starts on a fresh page if little room is left.
  if (flow.remaining < 330) flow.ensure(10_000);
  flow.gap(10);
  flow.rule(INK);
  flow.paragraph([{ text: 'Signature record', bold: true, italic: false }], { size: 13 });
  flow.gap(4);
  flow.field('Patient', `${patient.legalName}  ·  MRN ${patient.mrn}  ·  born ${patient.dateOfBirth}`);
  flow.field('Signed by (typed name)', consent.typedName);
  if (signature) {
    flow.field('Drawn signature', '');
    flow.image(signature, { maxWidth: 260, maxHeight: 90, indent: 130 });
  } else {
    flow.field('Drawn signature', 'None drawn: the typed name above is the signature.');
  }
  flow.field('Signed at (clinic time)', `${formatClinicInstant(signedAt, clinic.timeZone)}, ${clinic.timeZone}`);
  flow.field('Signed at (UTC)', formatUtcInstant(signedAt));
  flow.field('Source address', consent.sourceIp ?? 'not recorded');
  flow.field('Device (user agent)', consent.userAgent ?? 'not recorded');
  flow.field('Witnessed by', `${consent.witness.name} (clinic staff, who handed over the signing tablet)`);
  flow.field('Document', `${consent.documentTitle} (${CONSENT_KIND_LABELS[consent.kind]}), version ${consent.documentVersion}`);
  flow.field('Document SHA-256', consent.documentHash, { mono: true });
  if (consent.release) {
    flow.gap(4);
    flow.paragraph([{ text: 'Release terms (Minn. Stat. §144.293)', bold: true, italic: false }], { size: 11 });
    flow.field('Recipient', consent.release.recipient);
    flow.field('May release', consent.release.scope);
    if (consent.release.purpose) flow.field('Purpose', consent.release.purpose);
    flow.field('Expires on', `${consent.release.expiresOn} (valid through the day before)`);
  }
  if (consent.revocation) {
    flow.gap(6);
    flow.paragraph([{ text: `REVOKED on ${consent.revocation.revokedOn}`, bold: true, italic: false }], { size: 12, color: rgb(0.7, 0.1, 0.1) });
    flow.field('Recorded by', consent.revocation.revokedBy);
    flow.field('Reason', consent.revocation.reason);
  }
  flow.gap(6);
  flow.text(`Consent record ${consent.id}. Produced by Lantern for ${clinic.name}.`, { size: 8, color: MUTED });
}

/**
 * The signed consent as a PDF: the document text exactly as signed (wrapped, over as many pages as
 * it needs), then the signature record: typed name, drawn signature, signing time in the clinic's
 * zone and in UTC, source address, device, witness, document version and SHA-256, release terms and
 * any revocation. Pure rendering: no database, no clock.
 */
export async function renderConsentPdf(input: ConsentPdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`${input.consent.documentTitle} (signed, version ${input.consent.documentVersion})`);
  doc.setCreator('Lantern');
  doc.setProducer('Lantern (pdf-lib)');
  doc.setCreationDate(input.printedAt);
  doc.setModificationDate(input.printedAt);
  const fonts: PdfFonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
    boldItalic: await doc.embedFont(StandardFonts.HelveticaBoldOblique),
    mono: await doc.embedFont(StandardFonts.Courier),
  };
  const signature = input.signaturePng ? await doc.embedPng(input.signaturePng) : null;
  const flow = new PdfFlow(doc, fonts);
  flow.text(input.clinic.name, { size: 9, color: MUTED, font: fonts.bold });
  flow.text(`Signed consent · version ${input.consent.documentVersion} · SHA-256 ${input.consent.documentHash.slice(0, 16)}…`, { size: 8, color: MUTED });
  flow.rule();
  const title: ConsentBlock = { type: 'heading', level: 1, spans: [{ text: input.consent.documentTitle, bold: true, italic: false }] };
  drawBlocks(flow, [title, ...parseConsentMarkdown(input.documentBody)]);
  drawSignatureRecord(flow, input, signature);
  flow.finish(
    (page, pages) => `${input.consent.documentTitle} v${input.consent.documentVersion} · signed ${input.consent.signedOn} · MRN ${input.patient.mrn} · page ${page} of ${pages}`,
  );
  return doc.save();
}
