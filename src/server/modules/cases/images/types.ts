/** What the image parsers give back, and how they refuse. */
export type TImageType = 'image/jpeg' | 'image/png' | 'image/webp';

export interface TCleanImage {
  type: TImageType;
  /** The image re-assembled without its metadata. */
  data: Buffer;
  width: number;
  height: number;
  /** What was taken out (segment or chunk names), for tests and the audit row. */
  removed: string[];
}

/** `unsupported`: not one of the three types; `invalid`: the type's signature but a broken or abusive structure. */
export class ImageError extends Error {
  constructor(
    readonly reason: 'unsupported' | 'invalid',
    detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

/** Larger canvases are refused: a small file must not expand into gigabytes in a browser. */
export const MAX_SIDE = 20_000;
export const MAX_PIXELS = 100_000_000;

export function checkDimensions(width: number, height: number): void {
  if (!(width > 0 && height > 0)) throw new ImageError('invalid', 'no dimensions');
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) throw new ImageError('invalid', 'too many pixels');
}
