import { describe, expect, it } from 'vitest';
import { cleanImage, ImageError, isPdf } from './index';
import { GPS_MARK, exifTiff, jpegWithGps, pngWithGps, tinyPdf, webpWithGps } from './samples';

function reasonOf(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (e) {
    return e instanceof ImageError ? e.reason : 'other';
  }
}

function pngChunks(buf: Buffer): string[] {
  const out: string[] = [];
  for (let p = 8; p < buf.length; ) {
    const len = buf.readUInt32BE(p);
    out.push(buf.subarray(p + 4, p + 8).toString('latin1'));
    p += 12 + len;
  }
  return out;
}

describe('image cleaning', () => {
  it('the samples really carry the location', () => {
    for (const b of [jpegWithGps(), pngWithGps(), webpWithGps()]) expect(b.includes(GPS_MARK)).toBe(true);
    expect(exifTiff().includes(Buffer.from([0x25, 0x88]))).toBe(true); // GPSInfo tag 0x8825, little-endian
  });

  it('JPEG: drops Exif (GPS), XMP, comments, APP13 and the trailer; keeps JFIF, tables, frame and scan', () => {
    const src = jpegWithGps({ width: 640, height: 480 });
    const img = cleanImage(src);
    expect(img.type).toBe('image/jpeg');
    expect([img.width, img.height]).toEqual([640, 480]);
    expect(img.removed).toEqual(['APP1:Exif', 'APP1:XMP', 'COM', 'APP13']);
    expect(img.data.includes(GPS_MARK)).toBe(false);
    expect(img.data.includes('Exif')).toBe(false);
    expect(img.data.includes('JFIF')).toBe(true);
    expect(img.data.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    // the scan bytes, stuffing and restart marker included, are untouched
    expect(img.data.includes(Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd0, 0x78]))).toBe(true);
    // idempotent
    expect(cleanImage(img.data).data.equals(img.data)).toBe(true);
  });

  it('PNG: drops eXIf, tEXt, iTXt, zTXt and tIME; CRCs still hold', () => {
    const img = cleanImage(pngWithGps({ width: 300, height: 200 }));
    expect(img.type).toBe('image/png');
    expect([img.width, img.height]).toEqual([300, 200]);
    expect(img.removed.sort()).toEqual(['eXIf', 'iTXt', 'tEXt', 'tIME', 'zTXt']);
    expect(pngChunks(img.data)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(img.data.includes(GPS_MARK)).toBe(false);
    expect(cleanImage(img.data).removed).toEqual([]);
  });

  it('WebP: drops EXIF and XMP chunks, clears their VP8X flags, fixes the RIFF size', () => {
    const img = cleanImage(webpWithGps());
    expect(img.type).toBe('image/webp');
    expect([img.width, img.height]).toEqual([3, 2]);
    expect(img.removed).toEqual(['EXIF', 'XMP']);
    expect(img.data.includes(GPS_MARK)).toBe(false);
    expect(img.data.readUInt32LE(4)).toBe(img.data.length - 8);
    expect(img.data[20]! & 0x0c).toBe(0);
  });

  it('refuses what lies about its type', () => {
    expect(reasonOf(() => cleanImage(Buffer.from('<html><script>alert(1)</script></html>')))).toBe('unsupported');
    expect(reasonOf(() => cleanImage(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')))).toBe('unsupported');
    expect(reasonOf(() => cleanImage(tinyPdf()))).toBe('unsupported');
    expect(reasonOf(() => cleanImage(Buffer.alloc(0)))).toBe('unsupported');
  });

  it('refuses broken structures', () => {
    const jpeg = jpegWithGps();
    expect(reasonOf(() => cleanImage(jpeg.subarray(0, 60)))).toBe('invalid'); // truncated inside a segment
    const noEoi = jpeg.subarray(0, jpeg.indexOf(Buffer.from([0xff, 0xd9])));
    expect(reasonOf(() => cleanImage(noEoi))).toBe('invalid');
    const png = pngWithGps();
    const badCrc = Buffer.from(png);
    badCrc[30] = badCrc[30]! ^ 0xff;
    expect(reasonOf(() => cleanImage(badCrc))).toBe('invalid');
    expect(reasonOf(() => cleanImage(png.subarray(0, png.length - 12)))).toBe('invalid'); // no IEND
    const webp = webpWithGps();
    const bigRiff = Buffer.from(webp);
    bigRiff.writeUInt32LE(webp.length * 2, 4);
    expect(reasonOf(() => cleanImage(bigRiff))).toBe('invalid');
  });

  it('refuses decompression bombs (huge canvases in small files)', () => {
    expect(reasonOf(() => cleanImage(jpegWithGps({ width: 60000, height: 60000 })))).toBe('invalid');
    expect(reasonOf(() => cleanImage(pngWithGps({ width: 30000, height: 30000 })))).toBe('invalid');
  });

  it('recognises a PDF for evidence', () => {
    expect(isPdf(tinyPdf())).toBe(true);
    expect(isPdf(Buffer.from('%PDF-1.4 no end'))).toBe(false);
  });
});
