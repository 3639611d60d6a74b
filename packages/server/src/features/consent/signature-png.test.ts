import { describe, expect, it } from 'vitest';
import { ValidationError } from '@lantern/core';
import { signatureDataUrl, signaturePng } from '../../../test/png-fixture.js';
import { decodeSignaturePng, signatureDataUrlOf } from './signature-png.js';

function refusal(dataUrl: string): string {
  try {
    decodeSignaturePng(dataUrl);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).path).toEqual(['signatureImage']);
    return (error as Error).message;
  }
  throw new Error('accepted');
}

describe('decodeSignaturePng', () => {
  it('accepts a real PNG and hands back its bytes', () => {
    const png = signaturePng();
    expect(decodeSignaturePng(signatureDataUrl(png)).equals(png)).toBe(true);
    expect(signatureDataUrlOf(png)).toBe(signatureDataUrl(png));
  });

  it('refuses bytes that are not a PNG', () => {
    expect(refusal(`data:image/png;base64,${Buffer.from('GIF89a not a png at all, just text padding it out to length').toString('base64')}`)).toContain('PNG signature');
  });

  it('refuses a PNG whose chunk checksum was tampered with', () => {
    const png = signaturePng();
    png[40] = (png[40] ?? 0) ^ 0xff;
    expect(refusal(signatureDataUrl(png))).toMatch(/checksum|decompress/);
  });

  it('refuses a truncated PNG', () => {
    expect(refusal(signatureDataUrl(signaturePng().subarray(0, 60)))).toMatch(/truncated|incomplete/);
  });

  it('refuses data after the end of the image', () => {
    expect(refusal(signatureDataUrl(Buffer.concat([signaturePng(), Buffer.from('trailing')])))).toMatch(/truncated|after the end/);
  });

  it('refuses images larger than a signature pad', () => {
    expect(refusal(signatureDataUrl(signaturePng({ width: 4001, height: 10 })))).toContain('dimensions');
  });
});
