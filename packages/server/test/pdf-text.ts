import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';

/**
 * Loads a PDF with pdf-lib (so a malformed file fails the test) and returns its page count and the
 * text its content streams draw, words joined by single spaces. pdf-lib writes standard-font text as
 * hex strings (`<48656C6C6F> Tj`), one per word, in WinAnsi.
 */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string; title: string | undefined }> {
  const doc = await PDFDocument.load(bytes);
  const pieces: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const filter = object.dict.get(PDFName.of('Filter'));
    let content: Buffer;
    try {
      content = filter === PDFName.of('FlateDecode') ? inflateSync(object.getContents()) : Buffer.from(object.getContents());
    } catch {
      continue;
    }
    const source = content.toString('latin1');
    if (!source.includes(' Tj')) continue;
    for (const match of source.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) pieces.push(Buffer.from(match[1] ?? '', 'hex').toString('latin1'));
  }
  return { pages: doc.getPageCount(), text: pieces.join(' ').replace(/ {2,}/g, ' '), title: doc.getTitle() };
}
