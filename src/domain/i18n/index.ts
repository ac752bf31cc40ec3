import { CASE_LABELS } from './cases';
import { CASE_VIEW_LABELS } from './caseViews';
import { COLLECTION_LABELS } from './collections';
import { CORE_LABELS } from './core';
import { DASHBOARD_LABELS } from './dashboards';
import { REGISTER_LABELS } from './register';
import { REGISTER_PAGE_LABELS } from './registerPages';
import { REPORT_LABELS } from './reports';
import { UI_LABELS } from './ui';

export type TLang = 'zh' | 'en';

/** The parts of the label table, by file; a key belongs to exactly one (tested). */
export const LABEL_SOURCES = { CORE_LABELS, UI_LABELS, REGISTER_LABELS, REGISTER_PAGE_LABELS, DASHBOARD_LABELS, REPORT_LABELS, COLLECTION_LABELS, CASE_VIEW_LABELS, CASE_LABELS } as const;

/** The one label table: Chinese first, English second. */
export const LABELS: Record<string, readonly [string, string]> = { ...CORE_LABELS, ...UI_LABELS, ...REGISTER_LABELS, ...REGISTER_PAGE_LABELS, ...DASHBOARD_LABELS, ...REPORT_LABELS, ...COLLECTION_LABELS, ...CASE_VIEW_LABELS, ...CASE_LABELS };

export type TLabelKey = keyof typeof CORE_LABELS | keyof typeof UI_LABELS | keyof typeof REGISTER_LABELS | keyof typeof REGISTER_PAGE_LABELS | keyof typeof DASHBOARD_LABELS | keyof typeof REPORT_LABELS | keyof typeof COLLECTION_LABELS | keyof typeof CASE_VIEW_LABELS | keyof typeof CASE_LABELS;

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
