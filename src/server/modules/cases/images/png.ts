/**
 * PNG: check the signature, every chunk's length and CRC, IHDR first and IEND last; drop the
 * text and metadata chunks (eXIf, tEXt, iTXt, zTXt, tIME) and anything after IEND.
 */
import zlib from 'node:zlib';
import { checkDimensions, ImageError, type TCleanImage } from './types';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const DROP = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME']);

export function isPng(buf: Buffer): boolean {
  return buf.length >= 8 && buf.subarray(0, 8).equals(SIGNATURE);
}

export function cleanPng(buf: Buffer): TCleanImage {
  if (!isPng(buf)) throw new ImageError('unsupported', 'not a PNG');
  const out: Buffer[] = [SIGNATURE];
  const removed: string[] = [];
  let pos = 8;
  let width = 0;
  let height = 0;
  let idat = 0;
  let first = true;
  for (;;) {
    if (pos + 12 > buf.length) throw new ImageError('invalid', 'truncated chunk');
    const len = buf.readUInt32BE(pos);
    const type = buf.subarray(pos + 4, pos + 8).toString('latin1');
    if (!/^[A-Za-z]{4}$/.test(type)) throw new ImageError('invalid', 'bad chunk type');
    const end = pos + 12 + len;
    if (len > 0x7fffffff || end > buf.length) throw new ImageError('invalid', 'chunk overruns the file');
    const crc = buf.readUInt32BE(pos + 8 + len);
    if (zlib.crc32(buf.subarray(pos + 4, pos + 8 + len)) !== crc) throw new ImageError('invalid', `bad CRC in ${type}`);
    if (first) {
      if (type !== 'IHDR' || len !== 13) throw new ImageError('invalid', 'IHDR must come first');
      width = buf.readUInt32BE(pos + 8);
      height = buf.readUInt32BE(pos + 12);
      first = false;
    }
    if (type === 'IDAT') idat++;
    if (DROP.has(type)) removed.push(type);
    else out.push(buf.subarray(pos, end));
    pos = end;
    if (type === 'IEND') break;
  }
  if (!idat) throw new ImageError('invalid', 'no image data');
  checkDimensions(width, height);
  return { type: 'image/png', data: Buffer.concat(out), width, height, removed };
}
