/**
 * Hand-built images for tests and the benchmark: small but structurally complete JPEG, PNG and
 * WebP files carrying location metadata (an Exif GPS IFD, XMP, text chunks) to be stripped.
 */
import zlib from 'node:zlib';

/** Text planted in every metadata block: the cleaned file must not contain it. */
export const GPS_MARK = 'GPS-30.2741N-120.1551E';

/** A little-endian TIFF with IFD0 → GPS IFD (latitude ref N, latitude 30°16'26") and the marker as ImageDescription. */
export function exifTiff(): Buffer {
  const desc = Buffer.from(`${GPS_MARK}\0`, 'latin1');
  const b = Buffer.alloc(8 + 2 + 2 * 12 + 4 + 2 + 2 * 12 + 4 + 24 + desc.length);
  b.write('II', 0, 'latin1');
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(8, 4);
  let p = 8;
  const gpsIfd = 8 + 2 + 24 + 4;
  const rationals = gpsIfd + 2 + 24 + 4;
  const descAt = rationals + 24;
  b.writeUInt16LE(2, p);
  p += 2;
  // ImageDescription (0x010e, ASCII)
  b.writeUInt16LE(0x010e, p);
  b.writeUInt16LE(2, p + 2);
  b.writeUInt32LE(desc.length, p + 4);
  b.writeUInt32LE(descAt, p + 8);
  p += 12;
  // GPSInfo pointer (0x8825, LONG)
  b.writeUInt16LE(0x8825, p);
  b.writeUInt16LE(4, p + 2);
  b.writeUInt32LE(1, p + 4);
  b.writeUInt32LE(gpsIfd, p + 8);
  p += 12;
  b.writeUInt32LE(0, p);
  p = gpsIfd;
  b.writeUInt16LE(2, p);
  p += 2;
  // GPSLatitudeRef 'N'
  b.writeUInt16LE(1, p);
  b.writeUInt16LE(2, p + 2);
  b.writeUInt32LE(2, p + 4);
  b.write('N\0', p + 8, 'latin1');
  p += 12;
  // GPSLatitude 3 × RATIONAL
  b.writeUInt16LE(2, p);
  b.writeUInt16LE(5, p + 2);
  b.writeUInt32LE(3, p + 4);
  b.writeUInt32LE(rationals, p + 8);
  p += 12;
  b.writeUInt32LE(0, p);
  [30, 1, 16, 1, 26, 1].forEach((v, i) => b.writeUInt32LE(v, rationals + i * 4));
  desc.copy(b, descAt);
  return b;
}

export function xmpPacket(): string {
  return `<?xpacket begin=""?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description exif:GPSLatitude="${GPS_MARK}"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
}

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head[0] = 0xff;
  head[1] = marker;
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** A baseline JPEG frame (8×8 or the given size) with JFIF, Exif+GPS, XMP, a comment, APP13, and bytes after EOI. */
export function jpegWithGps(o: { width?: number; height?: number } = {}): Buffer {
  const sof = Buffer.alloc(9);
  sof[0] = 8;
  sof.writeUInt16BE(o.height ?? 8, 1);
  sof.writeUInt16BE(o.width ?? 8, 3);
  sof[5] = 1;
  sof[6] = 1;
  sof[7] = 0x11;
  sof[8] = 0;
  const dht = Buffer.concat([Buffer.from([0x00]), Buffer.from([0, 1, ...new Array(14).fill(0)]), Buffer.from([0])]);
  const sos = Buffer.from([1, 1, 0x00, 0, 63, 0]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff()])),
    segment(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0${xmpPacket()}`, 'latin1')),
    segment(0xfe, Buffer.from(`taken at ${GPS_MARK}`, 'latin1')),
    segment(0xed, Buffer.from(`Photoshop 3.0\0${GPS_MARK}`, 'latin1')),
    segment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])),
    segment(0xc0, sof),
    segment(0xc4, dht),
    segment(0xda, sos),
    Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd0, 0x78]),
    Buffer.from([0xff, 0xd9]),
    Buffer.from(`trailer ${GPS_MARK}`, 'latin1'),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A 2×2 RGB PNG with eXIf (GPS), tEXt, iTXt (XMP), zTXt and tIME chunks. */
export function pngWithGps(o: { width?: number; height?: number } = {}): Buffer {
  const w = o.width ?? 2;
  const h = o.height ?? 2;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.alloc(Math.min(h, 64) * (1 + Math.min(w, 64) * 3), 0x7f);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('eXIf', exifTiff()),
    chunk('tEXt', Buffer.from(`Comment\0${GPS_MARK}`, 'latin1')),
    chunk('iTXt', Buffer.from(`XML:com.adobe.xmp\0\0\0\0\0${xmpPacket()}`, 'latin1')),
    chunk('zTXt', Buffer.concat([Buffer.from('Location\0\0', 'latin1'), zlib.deflateSync(GPS_MARK)])),
    chunk('tIME', Buffer.from([0x07, 0xea, 11, 28, 12, 0, 0])),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function riffChunk(fourcc: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(fourcc, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, data.length & 1 ? Buffer.from([0]) : Buffer.alloc(0)]);
}

/** An extended WebP (VP8X with the EXIF and XMP flags) holding a lossless 3×2 frame and EXIF (GPS) and XMP chunks. */
export function webpWithGps(): Buffer {
  const vp8x = Buffer.alloc(10);
  vp8x[0] = 0x08 | 0x04;
  vp8x.writeUIntLE(3 - 1, 4, 3);
  vp8x.writeUIntLE(2 - 1, 7, 3);
  const vp8l = Buffer.alloc(9);
  vp8l[0] = 0x2f;
  vp8l.writeUInt32LE((3 - 1) | ((2 - 1) << 14), 1);
  const body = Buffer.concat([riffChunk('VP8X', vp8x), riffChunk('VP8L', vp8l), riffChunk('EXIF', exifTiff()), riffChunk('XMP ', Buffer.from(xmpPacket(), 'latin1'))]);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WEBP', 8, 'latin1');
  return Buffer.concat([head, body]);
}

/** A tiny PDF (evidence uploads). */
export function tinyPdf(): Buffer {
  return Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
}
