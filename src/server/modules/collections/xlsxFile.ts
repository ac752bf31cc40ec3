/**
 * Is this upload an .xlsx we may open? Checked on the bytes, before exceljs inflates anything:
 * size, the OLE2 signature (a legacy .xls, or an encrypted workbook: Excel and WPS wrap a
 * password-protected .xlsx in an OLE2 container holding an `EncryptedPackage` stream), the zip's
 * central directory (declared sizes in all and per part, compression ratios, entry count) and then
 * each entry inflated with a hard cap at its declared size, so a zip that lies about its sizes is
 * caught as well and nothing here ever inflates more than the declared total allows.
 */
import zlib from 'node:zlib';
import { AppError } from '../../http/errors';

export const TEMPLATE_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  maxColumns: 200,
  /**
   * Total declared uncompressed size of all parts. A 100,000-row roster of the national system's
   * 14 columns declares about 60 MB (compressed 9×); a requester's template a few MB at most.
   */
  maxUncompressed: 100 * 1024 * 1024,
  /** A part from this size must not be compressed more than maxRatio times (XML compresses 5–20×). */
  ratioFloorBytes: 64 * 1024,
  maxRatio: 100,
  /** Past this declared total, the whole file must not be compressed more than maxTotalRatio times. */
  totalRatioFloorBytes: 10 * 1024 * 1024,
  maxTotalRatio: 50,
  maxEntries: 5000,
  /** Rows searched for the header block. */
  scanRows: 30,
};
export type TTemplateLimits = typeof TEMPLATE_LIMITS;

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage\0', 'utf16le');

/**
 * Whether an OLE2 compound file has a stream named EncryptedPackage: a directory entry is 128
 * bytes, aligned to 128 in the file (sectors are 512 or 4096 bytes after a header of the same
 * size), its name in UTF-16LE at offset 0 and the name's byte length (34) at offset 64.
 */
export function isEncryptedOle2(buf: Buffer): boolean {
  for (let at = buf.indexOf(ENCRYPTED_PACKAGE, 512); at >= 0; at = buf.indexOf(ENCRYPTED_PACKAGE, at + 2)) {
    if (at % 128 === 0 && at + 66 <= buf.length && buf.readUInt16LE(at + 64) === ENCRYPTED_PACKAGE.length) return true;
  }
  return false;
}

interface TZipEntry {
  name: string;
  method: number;
  flags: number;
  compressed: number;
  size: number;
  localOffset: number;
}

/** Reads the central directory, refusing what no workbook needs (zip64, huge or many parts). */
function centralDirectory(buf: Buffer, limits: TTemplateLimits): TZipEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22, tail = Math.max(0, buf.length - 65_557); i >= tail; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new AppError('NOT_A_SPREADSHEET');
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  // zip64 markers: a template never needs them, a bomb often uses them
  if (count === 0xffff || cdOffset === 0xffffffff || count > limits.maxEntries) throw new AppError('SPREADSHEET_ZIP_BOMB');
  const entries: TZipEntry[] = [];
  let total = 0;
  for (let n = 0, p = cdOffset; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new AppError('NOT_A_SPREADSHEET');
    const e: TZipEntry = {
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, Math.min(buf.length, p + 46 + buf.readUInt16LE(p + 28))),
    };
    if (e.size === 0xffffffff || e.compressed === 0xffffffff) throw new AppError('SPREADSHEET_ZIP_BOMB');
    total += e.size;
    if (total > limits.maxUncompressed) throw new AppError('SPREADSHEET_ZIP_BOMB');
    if (e.size >= limits.ratioFloorBytes && e.size > Math.max(1, e.compressed) * limits.maxRatio) throw new AppError('SPREADSHEET_ZIP_BOMB');
    entries.push(e);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  // many parts each below the per-part checks (150 parts of 1 MB of blanks) add up to a bomb too
  if (total > limits.totalRatioFloorBytes && total > buf.length * limits.maxTotalRatio) throw new AppError('SPREADSHEET_ZIP_BOMB');
  return entries;
}

/**
 * Inflates one entry with its declared size (and what is left of the total allowed) as a hard cap:
 * a part that expands past it is a bomb, whatever its header says. Returns the bytes inflated.
 */
function verifyEntry(buf: Buffer, e: TZipEntry, budget: number): number {
  const lh = e.localOffset;
  if (lh + 30 > buf.length || buf.readUInt32LE(lh) !== 0x04034b50) throw new AppError('NOT_A_SPREADSHEET');
  if (e.flags & 0x1) throw new AppError('NOT_A_SPREADSHEET'); // zip-level encryption: not something Excel writes
  const start = lh + 30 + buf.readUInt16LE(lh + 26) + buf.readUInt16LE(lh + 28);
  if (start + e.compressed > buf.length) throw new AppError('NOT_A_SPREADSHEET');
  const data = buf.subarray(start, start + e.compressed);
  if (e.method === 0) {
    if (e.compressed !== e.size) throw new AppError('NOT_A_SPREADSHEET');
    return e.size;
  }
  if (e.method !== 8) throw new AppError('NOT_A_SPREADSHEET');
  if (e.size > budget) throw new AppError('SPREADSHEET_ZIP_BOMB');
  let out: Buffer;
  try {
    out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw new AppError('SPREADSHEET_ZIP_BOMB');
    throw new AppError('NOT_A_SPREADSHEET');
  }
  if (out.length !== e.size) throw new AppError('NOT_A_SPREADSHEET');
  return out.length;
}

/** Checks the zip before anything else inflates it: declared sizes first, then each part capped at its declared size. */
export function checkZipContainer(buf: Buffer, limits: TTemplateLimits = TEMPLATE_LIMITS): void {
  const entries = centralDirectory(buf, limits);
  // a zip, but not a workbook (a .docx, a folder of files)
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw new AppError('NOT_A_SPREADSHEET');
  let budget = limits.maxUncompressed;
  for (const e of entries) budget -= verifyEntry(buf, e, budget);
}

/** Refuses a file that is not an .xlsx we may open, with the reason a clerk can act on. */
export function checkWorkbookFile(buf: Buffer, limits: TTemplateLimits = TEMPLATE_LIMITS): void {
  if (buf.length > limits.maxBytes) throw new AppError('FILE_TOO_LARGE');
  if (buf.length >= 8 && buf.subarray(0, 8).equals(OLE2)) throw new AppError(isEncryptedOle2(buf) ? 'SPREADSHEET_ENCRYPTED' : 'XLS_NOT_SUPPORTED');
  if (buf.length < 22 || !buf.subarray(0, 4).equals(ZIP)) throw new AppError('NOT_A_SPREADSHEET');
  checkZipContainer(buf, limits);
}
