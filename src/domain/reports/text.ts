import { formatDate, label, type TLabelKey, type TLang } from '../i18n';

/** A report sentence from the label table with its `{placeholders}` filled. */
export function sentence(key: TLabelKey, vars: Record<string, string | number> = {}, lang: TLang = 'zh'): string {
  return label(key, lang).replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** `2026年1月1日至2026年6月30日`. */
export function rangeText(from: string, to: string, lang: TLang = 'zh'): string {
  return sentence('rpt.range', { from: formatDate(from, lang), to: formatDate(to, lang) }, lang);
}

/** Parts joined with 、 (zh) or commas. */
export function joinList(parts: readonly string[], lang: TLang = 'zh'): string {
  return parts.join(label('rpt.sep', lang));
}

/** Hours at 0.1: `12`, `12.5`. */
export function hoursText(h: number): string {
  const r = Math.round(h * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

/** `减少3件` / `增加2次` / `持平`. */
export function changeText(current: number, previous: number, unit: 'rpt.unit.piece' | 'rpt.unit.times', lang: TLang = 'zh'): string {
  const u = label(unit, lang);
  if (current < previous) return sentence('rpt.change.down', { n: previous - current, unit: u }, lang);
  if (current > previous) return sentence('rpt.change.up', { n: current - previous, unit: u }, lang);
  return label('rpt.change.same', lang);
}
