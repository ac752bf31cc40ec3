/**
 * Bilingual text built from the label table: every user-facing sentence of this folder comes
 * from `REGISTER_LABELS` (Chinese first, English second) with `{name}` placeholders filled.
 */
import { formatDate } from '../i18n';
import { REGISTER_LABELS, type TRegisterLabelKey } from '../i18n/register';

/** A sentence in both languages. */
export interface TText {
  zh: string;
  en: string;
}

/** A placeholder value: the same in both languages (a number, a date, a name) or bilingual. */
export type TTextParam = string | number | TText;

function fill(template: string, params: Record<string, TTextParam>, lang: 'zh' | 'en'): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole; // a missing parameter stays visible rather than vanishing
    return typeof value === 'object' ? value[lang] : String(value);
  });
}

/** Looks up a register label and fills its `{name}` placeholders in both languages. */
export function registerText(key: TRegisterLabelKey, params: Record<string, TTextParam> = {}): TText {
  const [zh, en] = REGISTER_LABELS[key];
  return { zh: fill(zh, params, 'zh'), en: fill(en, params, 'en') };
}

/** The same string in both languages (names, dates, numbers). */
export function sameText(value: string | number): TText {
  return { zh: String(value), en: String(value) };
}

/**
 * Joins texts with the list separator (`、` / `, `). With `max`, keeps the first `max` and
 * appends `more(rest)` (e.g. `等3所学校`).
 */
export function joinTexts(opts: { items: readonly TText[]; max?: number; more?: (rest: number) => TText; separator?: TText }): TText {
  const { items, max = Number.POSITIVE_INFINITY } = opts;
  const sep = opts.separator ?? registerText('register.listSeparator');
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  const tail = rest > 0 && opts.more ? [opts.more(rest)] : [];
  const all = [...shown, ...tail];
  return { zh: all.map((t) => t.zh).join(sep.zh), en: all.map((t) => t.en).join(sep.en) };
}

/** An ISO date as officials write it: `2026年3月1日` / `2026-03-01`. */
export function dateText(iso: string): TText {
  return { zh: formatDate(iso, 'zh'), en: formatDate(iso, 'en') };
}

