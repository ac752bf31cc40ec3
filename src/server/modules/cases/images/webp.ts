/**
 * WebP: a RIFF container. Check the header and every chunk's size; take the canvas size from
 * VP8X, VP8 or VP8L; drop the EXIF and XMP chunks (and clear their flags in VP8X); rebuild the
 * RIFF size. Anything past the declared RIFF size is dropped.
 */
import { checkDimensions, ImageError, type TCleanImage } from './types';

const DROP = new Set(['EXIF', 'XMP ']);

export function isWebp(buf: Buffer): boolean {
  return buf.length >= 12 && buf.subarray(0, 4).toString('latin1') === 'RIFF' && buf.subarray(8, 12).toString('latin1') === 'WEBP';
}

function dimensionsOf(fourcc: string, p: Buffer): { width: number; height: number } | null {
  if (fourcc === 'VP8X') {
    if (p.length < 10) throw new ImageError('invalid', 'short VP8X');
    return { width: p.readUIntLE(4, 3) + 1, height: p.readUIntLE(7, 3) + 1 };
  }
  if (fourcc === 'VP8 ') {
    if (p.length < 10 || p[3] !== 0x9d || p[4] !== 0x01 || p[5] !== 0x2a) throw new ImageError('invalid', 'bad VP8 frame');
    return { width: p.readUInt16LE(6) & 0x3fff, height: p.readUInt16LE(8) & 0x3fff };
  }
  if (fourcc === 'VP8L') {
    if (p.length < 5 || p[0] !== 0x2f) throw new ImageError('invalid', 'bad VP8L header');
    const bits = p.readUInt32LE(1);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  return null;
}

export function cleanWebp(buf: Buffer): TCleanImage {
  if (!isWebp(buf)) throw new ImageError('unsupported', 'not a WebP');
  const riffEnd = buf.readUInt32LE(4) + 8;
  if (riffEnd > buf.length || riffEnd < 20) throw new ImageError('invalid', 'RIFF size overruns the file');
  const chunks: Buffer[] = [];
  const removed: string[] = [];
  let pos = 12;
  let dims: { width: number; height: number } | null = null;
  let hasImage = false;
  let vp8xIndex = -1;
  while (pos < riffEnd) {
    if (pos + 8 > riffEnd) throw new ImageError('invalid', 'truncated chunk');
    const fourcc = buf.subarray(pos, pos + 4).toString('latin1');
    const size = buf.readUInt32LE(pos + 4);
    const end = pos + 8 + size + (size & 1);
    if (pos + 8 + size > riffEnd) throw new ImageError('invalid', 'chunk overruns the file');
    const payload = buf.subarray(pos + 8, pos + 8 + size);
    if (pos === 12) {
      dims = dimensionsOf(fourcc, payload);
      if (!dims) throw new ImageError('invalid', 'first chunk is not VP8, VP8L or VP8X');
    }
    if (fourcc === 'VP8 ' || fourcc === 'VP8L' || fourcc === 'ANMF') hasImage = true;
    if (DROP.has(fourcc)) removed.push(fourcc.trim());
    else {
      if (fourcc === 'VP8X') vp8xIndex = chunks.length;
      chunks.push(Buffer.from(buf.subarray(pos, Math.min(end, riffEnd))));
    }
    pos = end;
  }
  if (!hasImage || !dims) throw new ImageError('invalid', 'no image data');
  if (vp8xIndex >= 0 && removed.length) {
    const vp8x = chunks[vp8xIndex]!;
    vp8x[8] = vp8x[8]! & ~0x0c; // clear the EXIF (0x08) and XMP (0x04) flags
  }
  checkDimensions(dims.width, dims.height);
  const body = Buffer.concat(chunks);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return { type: 'image/webp', data: Buffer.concat([header, body]), width: dims.width, height: dims.height, removed };
}
