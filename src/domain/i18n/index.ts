import { CORE_LABELS } from './core';
import { REGISTER_LABELS } from './register';
import { UI_LABELS } from './ui';

export type TLang = 'zh' | 'en';

/** The one label table: Chinese first, English second. */
export const LABELS: Record<string, readonly [string, string]> = { ...CORE_LABELS, ...UI_LABELS, ...REGISTER_LABELS };

export type TLabelKey = keyof typeof CORE_LABELS | keyof typeof UI_LABELS | keyof typeof REGISTER_LABELS;

export function label(key: TLabelKey | (string & {}), lang: TLang = 'zh'): string {
  const entry = LABELS[key];
  if (!entry) return key;
  return lang === 'zh' ? entry[0] : entry[1];
}

/** `2026年11月28日` in zh, `2026-11-28` in en. Accepts an ISO date or timestamp. */
export function formatDate(iso: string | null | undefined, lang: TLang = 'zh'): string {
  if (!iso) return '';
  const d = iso.slice(0, 10);
  const [y, m, day] = d.split('-');
  if (!y || !m || !day) return iso;
  return lang === 'zh' ? `${y}年${Number(m)}月${Number(day)}日` : d;
}

export function formatDateTime(iso: string | null | undefined, lang: TLang = 'zh'): string {
  if (!iso) return '';
  const dt = new Date(iso);
  if (Number.isNaN(dt.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = `${dt.getFullYear()}-${pad(dt.getMonth() + 1)}-${pad(dt.getDate())}`;
  const time = `${pad(dt.getHours())}:${pad(dt.getMinutes())}`;
  return `${formatDate(local, lang)} ${time}`;
}
