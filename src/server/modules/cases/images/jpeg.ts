/**
 * JPEG: walk the marker segments, keep what decoding needs (tables, frame, scans) and the JFIF,
 * ICC profile and Adobe segments; drop every other APPn (APP1 Exif with its GPS IFD and XMP,
 * APP13 Photoshop/IPTC, …) and comments, before and between scans, and anything after EOI.
 */
import { checkDimensions, ImageError, type TCleanImage } from './types';

const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function startsWith(buf: Buffer, at: number, ascii: string): boolean {
  return buf.subarray(at, at + ascii.length).toString('latin1') === ascii;
}

/** Whether an APPn/COM segment (payload at `at`) is kept. */
function keepSegment(buf: Buffer, marker: number, at: number): boolean {
  if (marker === 0xe0) return startsWith(buf, at, 'JFIF\0') || startsWith(buf, at, 'JFXX\0');
  if (marker === 0xe2) return startsWith(buf, at, 'ICC_PROFILE\0');
  if (marker === 0xee) return startsWith(buf, at, 'Adobe');
  return !(marker >= 0xe0 && marker <= 0xef) && marker !== 0xfe;
}

function segmentName(buf: Buffer, marker: number, at: number): string {
  if (marker === 0xfe) return 'COM';
  if (marker === 0xe1) return startsWith(buf, at, 'Exif\0') ? 'APP1:Exif' : startsWith(buf, at, 'http://ns.adobe.com/xap/') ? 'APP1:XMP' : 'APP1';
  return `APP${marker - 0xe0}`;
}

export function isJpeg(buf: Buffer): boolean {
  return buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff;
}

export function cleanJpeg(buf: Buffer): TCleanImage {
  if (!isJpeg(buf)) throw new ImageError('unsupported', 'not a JPEG');
  const out: Buffer[] = [buf.subarray(0, 2)];
  const removed: string[] = [];
  let pos = 2;
  let width = 0;
  let height = 0;
  let scans = 0;
  let inScan = false;
  let scanStart = 0;
  for (;;) {
    if (inScan) {
      // entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart marker
      let p = pos;
      for (; p + 1 < buf.length; p++) {
        if (buf[p] !== 0xff) continue;
        const n = buf[p + 1]!;
        if (n === 0x00 || (n >= 0xd0 && n <= 0xd7) || n === 0xff) continue;
        break;
      }
      if (p + 1 >= buf.length) throw new ImageError('invalid', 'no end of image');
      out.push(buf.subarray(scanStart, p));
      pos = p;
      inScan = false;
    }
    if (pos + 1 >= buf.length || buf[pos] !== 0xff) throw new ImageError('invalid', `no marker at ${pos}`);
    while (buf[pos + 1] === 0xff && pos + 2 < buf.length) pos++; // fill bytes
    const marker = buf[pos + 1]!;
    if (marker === 0xd9) {
      out.push(buf.subarray(pos, pos + 2));
      break;
    }
    if (marker === 0xd8 || marker === 0x00) throw new ImageError('invalid', 'unexpected marker');
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      out.push(buf.subarray(pos, pos + 2));
      pos += 2;
      continue;
    }
    if (pos + 4 > buf.length) throw new ImageError('invalid', 'truncated segment');
    const len = buf.readUInt16BE(pos + 2);
    const end = pos + 2 + len;
    if (len < 2 || end > buf.length) throw new ImageError('invalid', 'segment overruns the file');
    const payload = pos + 4;
    if (SOF.has(marker)) {
      if (len < 8) throw new ImageError('invalid', 'short frame header');
      height = buf.readUInt16BE(payload + 1);
      width = buf.readUInt16BE(payload + 3);
    }
    if (keepSegment(buf, marker, payload)) out.push(buf.subarray(pos, end));
    else removed.push(segmentName(buf, marker, payload));
    pos = end;
    if (marker === 0xda) {
      if (!width) throw new ImageError('invalid', 'scan before frame');
      scans++;
      inScan = true;
      scanStart = pos;
    }
  }
  if (!scans) throw new ImageError('invalid', 'no image data');
  checkDimensions(width, height);
  return { type: 'image/jpeg', data: Buffer.concat(out), width, height, removed };
}
