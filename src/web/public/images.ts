/**
 * Client-side check of complaint images before upload: the type read from the file's first bytes
 * (not its name or the browser's guess), and its size. The server checks again and strips metadata.
 */
export const MAX_IMAGES = 5;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export type TImageType = 'image/jpeg' | 'image/png' | 'image/webp';

export function sniffImage(head: Uint8Array): TImageType | null {
  const at = (i: number) => head[i] ?? -1;
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => at(i) === b)) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

export type TImageCheck = { ok: true; type: TImageType } | { ok: false; reason: 'type' | 'size' };

export async function checkImage(file: File): Promise<TImageCheck> {
  if (file.size > MAX_IMAGE_BYTES) return { ok: false, reason: 'size' };
  const type = sniffImage(new Uint8Array(await file.slice(0, 12).arrayBuffer()));
  return type ? { ok: true, type } : { ok: false, reason: 'type' };
}
