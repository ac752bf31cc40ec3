/**
 * Uploaded images are recognised by their bytes (never by name or content-type), checked for a
 * sound structure, and re-assembled without location and other metadata.
 */
import { cleanJpeg, isJpeg } from './jpeg';
import { cleanPng, isPng } from './png';
import { ImageError, type TCleanImage } from './types';
import { cleanWebp, isWebp } from './webp';

export { ImageError, type TCleanImage, type TImageType } from './types';

export function cleanImage(buf: Buffer): TCleanImage {
  if (isJpeg(buf)) return cleanJpeg(buf);
  if (isPng(buf)) return cleanPng(buf);
  if (isWebp(buf)) return cleanWebp(buf);
  throw new ImageError('unsupported', 'not a JPEG, PNG or WebP image');
}

/** A PDF (evidence from officials only): the header and an end-of-file marker near the end. */
export function isPdf(buf: Buffer): boolean {
  return buf.length > 20 && buf.subarray(0, 5).toString('latin1') === '%PDF-' && buf.subarray(Math.max(0, buf.length - 1024)).toString('latin1').includes('%%EOF');
}
