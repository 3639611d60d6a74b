import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/**
 * A real RGBA PNG of a drawn "signature" (a dark diagonal stroke on transparency), as the signing
 * pad's canvas would send it; `width`/`height` let tests try oversized images.
 */
export function signaturePng(options: { width?: number; height?: number } = {}): Buffer {
  const width = options.width ?? 300;
  const height = options.height ?? 100;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 4);
    for (let x = 0; x < width; x += 1) {
      const onStroke = Math.abs(Math.round((x * height) / width) - y) <= 2 || Math.abs(Math.round(height / 2 + Math.sin(x / 12) * (height / 4)) - y) <= 1;
      if (onStroke) row.set([20, 30, 80, 255], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function signatureDataUrl(png: Buffer = signaturePng()): string {
  return `data:image/png;base64,${png.toString('base64')}`;
}
