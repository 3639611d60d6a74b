import { inflateSync } from 'node:zlib';
import { SIGNATURE_DATA_URL_PREFIX, ValidationError } from '@lantern/core';

/**
 * Checks that a drawn signature is a real PNG (ISO/IEC 15948, the PNG specification) before it is
 * stored: the signature bytes, every chunk's length and CRC-32, an IHDR with sane dimensions first,
 * image data that inflates to exactly the size IHDR promises, and IEND at the very end. Anything
 * else, however it is labelled, is refused with a 400 and nothing is stored.
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Larger than any signature pad needs; keeps a small file from inflating into a huge bitmap. */
export const MAX_SIGNATURE_WIDTH = 4000;
export const MAX_SIGNATURE_HEIGHT = 2000;

/** Allowed bit depths per PNG colour type (PNG spec, table 11.1). */
const BIT_DEPTHS: Readonly<Record<number, readonly number[]>> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function invalid(detail: string): ValidationError {
  return new ValidationError(['signatureImage'], `The drawn signature is not a valid PNG image (${detail}); clear it and sign again`);
}

interface Header {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colourType: number;
  readonly interlaced: boolean;
}

function readHeader(data: Buffer): Header {
  if (data.length !== 13) throw invalid('bad header');
  const header = {
    width: data.readUInt32BE(0),
    height: data.readUInt32BE(4),
    bitDepth: data.readUInt8(8),
    colourType: data.readUInt8(9),
    interlaced: data.readUInt8(12) === 1,
  };
  if (header.width < 1 || header.height < 1 || header.width > MAX_SIGNATURE_WIDTH || header.height > MAX_SIGNATURE_HEIGHT) {
    throw invalid(`dimensions must be within ${MAX_SIGNATURE_WIDTH}×${MAX_SIGNATURE_HEIGHT}`);
  }
  if (!BIT_DEPTHS[header.colourType]?.includes(header.bitDepth)) throw invalid('bad colour type or bit depth');
  if (data.readUInt8(10) !== 0 || data.readUInt8(11) !== 0 || data.readUInt8(12) > 1) throw invalid('bad compression, filter or interlace method');
  return header;
}

/** Bytes of the filtered, uncompressed image of a non-interlaced PNG: one filter byte per row. */
function rawSize(header: Header): number {
  const bitsPerPixel = header.bitDepth * (CHANNELS[header.colourType] ?? 1);
  return header.height * (1 + Math.ceil((header.width * bitsPerPixel) / 8));
}

/** Decodes `data:image/png;base64,…` into PNG bytes, or throws a ValidationError naming the field. */
export function decodeSignaturePng(dataUrl: string): Buffer {
  if (!dataUrl.startsWith(SIGNATURE_DATA_URL_PREFIX)) throw invalid('not a PNG data URL');
  const bytes = Buffer.from(dataUrl.slice(SIGNATURE_DATA_URL_PREFIX.length), 'base64');
  if (bytes.length < 57 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw invalid('missing the PNG signature');
  let offset = 8;
  let header: Header | null = null;
  const imageData: Buffer[] = [];
  let ended = false;
  while (offset < bytes.length) {
    if (ended) throw invalid('data after the end of the image');
    if (offset + 12 > bytes.length) throw invalid('truncated chunk');
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (length > bytes.length - offset - 12) throw invalid('truncated chunk');
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== bytes.readUInt32BE(offset + 8 + length)) throw invalid('checksum mismatch');
    if (header === null && type !== 'IHDR') throw invalid('IHDR must come first');
    if (type === 'IHDR') {
      if (header !== null) throw invalid('two headers');
      header = readHeader(data);
    } else if (type === 'IDAT') {
      imageData.push(data);
    } else if (type === 'IEND') {
      ended = true;
    }
    offset += 12 + length;
  }
  if (!header || !ended || imageData.length === 0) throw invalid('incomplete image');
  const expected = rawSize(header);
  let inflated: Buffer;
  try {
    // Adam7 interlacing adds a filter byte per row of each pass: never more than double.
    inflated = inflateSync(Buffer.concat(imageData), { maxOutputLength: header.interlaced ? expected * 2 : expected });
  } catch {
    throw invalid('the image data does not decompress');
  }
  if (!header.interlaced && inflated.length !== expected) throw invalid('the image data is the wrong size');
  return bytes;
}

/** The PNG as a data URL again, for display. */
export function signatureDataUrlOf(png: Buffer): string {
  return `${SIGNATURE_DATA_URL_PREFIX}${png.toString('base64')}`;
}
