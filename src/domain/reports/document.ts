/**
 * The plain-data model of an official document (公文) that the reports produce and the docx
 * builder lays out in GB/T 9704 style. No layout here: only what the text says and its role.
 */
export type TDocBlock =
  /** Level-1 heading, already numbered: `一、加强工作领导` (黑体). */
  | { kind: 'h1'; text: string }
  /** Level-2 heading, already numbered: `（一）精简文件会议` (楷体). */
  | { kind: 'h2'; text: string }
  /** Body paragraph (仿宋, first line indented two characters). */
  | { kind: 'p'; text: string }
  /** A line of a list (a roster line, a listed item): body style, kept as one line each. */
  | { kind: 'line'; text: string };

export interface TOfficialDoc {
  /** 发文字号 `代字〔YYYY〕N号`, centred above the title; null leaves it out. */
  docNo: string | null;
  title: string;
  /** 主送机关, e.g. `县人民政府：`; optional. */
  addressee?: string | null;
  blocks: TDocBlock[];
  /** 发文机关署名 and 成文日期 (ISO date, printed `2026年11月28日`). */
  signature: { org: string; date: string };
}

/** A section of a report: its heading text (unnumbered) and its blocks; null when its data does not exist. */
export interface TReportSection {
  heading: string;
  blocks: TDocBlock[];
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (headings stay well below 100). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError('heading numbers run from 1 to 99');
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/**
 * Numbers the sections that exist (一、二、…) and their level-2 headings (（一）（二）… restarting
 * in each section), and flattens them into blocks. Sections that are null were left out.
 */
export function numberSections(sections: readonly (TReportSection | null)[]): TDocBlock[] {
  const out: TDocBlock[] = [];
  let n = 0;
  for (const s of sections) {
    if (!s) continue;
    n++;
    out.push({ kind: 'h1', text: `${chineseNumeral(n)}、${s.heading}` });
    let m = 0;
    for (const b of s.blocks) {
      if (b.kind === 'h2') out.push({ kind: 'h2', text: `（${chineseNumeral(++m)}）${b.text}` });
      else out.push(b);
    }
  }
  return out;
}
