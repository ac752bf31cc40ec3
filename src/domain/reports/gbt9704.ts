/**
 * GB/T 9704-2012 《党政机关公文格式》 page layout, in the units Word stores (twips = 1/20 pt,
 * font sizes in half-points). Every number is computed here from the standard's millimetres and
 * character counts; the docx builder and its tests both read these constants.
 */

/** Exact conversion (1 in = 25.4 mm = 1440 twips), rounded: Word's paper table holds A4 as 11906 × 16838. */
export function mmToTwipsExact(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/**
 * Word's metric conversion for margins and indents typed in centimetres: 567 twips per cm
 * (56.7 per mm), halves rounded to even (3.5 cm → 1984.5 → 1984). GB/T 9704 templates carry
 * exactly these numbers: 3.7 / 3.5 / 2.8 / 2.6 cm → 2098 / 1984 / 1588 / 1474.
 */
export function mmToTwipsWord(mm: number): number {
  const tenths = Math.round(mm * 567); // twips × 10, exact for whole and half millimetres
  const whole = Math.floor(tenths / 10);
  const rest = tenths - whole * 10;
  if (rest > 5 || (rest === 5 && whole % 2 === 1)) return whole + 1;
  return whole;
}

/** Paper, margins (版心 156 × 225 mm), grid and sizes of §5 and §7 of the standard. */
export const PAGE_MM = { width: 210, height: 297 } as const;
export const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** 号 → points: 2号 22 pt (title), 3号 16 pt (body, headings), 4号 14 pt (page numbers). */
export const FONT_PT = { title: 22, body: 16, pageNumber: 14 } as const;

export const PAGE_TWIPS = { width: mmToTwipsExact(PAGE_MM.width), height: mmToTwipsExact(PAGE_MM.height) } as const;
export const MARGIN_TWIPS = {
  top: mmToTwipsWord(MARGIN_MM.top),
  bottom: mmToTwipsWord(MARGIN_MM.bottom),
  left: mmToTwipsWord(MARGIN_MM.left),
  right: mmToTwipsWord(MARGIN_MM.right),
} as const;

/** The text area (版心) in twips. */
export const TEXT_TWIPS = {
  width: PAGE_TWIPS.width - MARGIN_TWIPS.left - MARGIN_TWIPS.right,
  height: PAGE_TWIPS.height - MARGIN_TWIPS.top - MARGIN_TWIPS.bottom,
} as const;

/**
 * `w:docGrid w:type="linesAndChars"`: the line pitch is the text height over 22 lines, and the
 * character pitch the text width over 28 characters. `charSpace` is the difference between that
 * pitch and the body font size in 1/4096 pt. Both are rounded down, so that 22 lines and 28
 * characters always fit (rounding up would push the 28th character to the next line).
 */
export const LINE_PITCH_TWIPS = Math.floor(TEXT_TWIPS.height / LINES_PER_PAGE);
export const CHAR_PITCH_TWIPS = TEXT_TWIPS.width / CHARS_PER_LINE;
export const CHAR_SPACE = Math.floor((CHAR_PITCH_TWIPS / 20 - FONT_PT.body) * 4096);

/** One character of the grid (for indents: 首行缩进2字, 右空四字, 空一字), in twips. */
export const CHAR_TWIPS = Math.round(CHAR_PITCH_TWIPS);

/** Sizes in half-points (`w:sz`). */
export const SIZE_HALF_POINTS = { title: FONT_PT.title * 2, body: FONT_PT.body * 2, pageNumber: FONT_PT.pageNumber * 2 } as const;

/**
 * Footer distance from the page's bottom edge: the page number's line sits 7 mm below the text
 * area (一字线上距版心下边缘7mm), so its bottom is 35 − 7 mm minus one 4号 line up from the edge.
 */
export const FOOTER_TWIPS = mmToTwipsWord(MARGIN_MM.bottom - 7) - FONT_PT.pageNumber * 20;
export const HEADER_TWIPS = mmToTwipsWord(15);

/** Font families with their fallbacks, first choice first (declared in the font table). */
export const FONTS = {
  title: ['方正小标宋简体', '方正小标宋_GBK', '华文中宋', '宋体'],
  body: ['仿宋_GB2312', '仿宋', 'FangSong', 'STFangsong'],
  heading1: ['黑体', 'SimHei', 'STHeiti'],
  heading2: ['楷体_GB2312', '楷体', 'KaiTi', 'STKaiti'],
  pageNumber: ['宋体', 'SimSun', 'STSong'],
} as const;

/** Latin letters and Arabic numerals in body text. */
export const LATIN_FONT = 'Times New Roman';

/** Width of a text in grid characters: CJK and full-width count 1, ASCII (digits of dates) ½. */
export function textWidthChars(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return w;
}
