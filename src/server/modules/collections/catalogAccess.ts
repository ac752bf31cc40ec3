/**
 * The one place this module reads the catalog (src/domain/collections/catalog.ts), value checks
 * (values.ts), header matching (match.ts) and template reading (./template.ts), in the shapes the
 * rest of the module uses.
 */
import { CATALOG, type TCatalogKey, getCatalogField, isCatalogKey as isKey } from '../../../domain/collections/catalog';
import { matchHeader } from '../../../domain/collections/match';
import { deriveValue, validateValue } from '../../../domain/collections/values';
import { type TTemplate, type TTemplateColumn, type TTemplateSheet, cellText, readTemplate } from './template';
import type { TSubjectType } from './masterRepo';

export type { TTemplateColumn, TTemplateSheet };

export function isCatalogKey(key: string): boolean {
  return isKey(key);
}
export function isSensitiveKey(key: string): boolean {
  return isKey(key) && getCatalogField(key).sensitivity === 'sensitive';
}
export function isDerivedKey(key: string): boolean {
  return isKey(key) && !!getCatalogField(key).derived;
}
/** Keys a derived key is computed from (empty for a stored key). */
export function derivedSources(key: string): string[] {
  const from = isKey(key) ? getCatalogField(key).derived?.from : undefined;
  return from ? [from] : [];
}
export function subjectOfKey(key: string): TSubjectType {
  return key.startsWith('school.') ? 'school' : 'teacher';
}
export function catalogLabel(key: string, lang: 'zh' | 'en' = 'zh'): string {
  if (!isKey(key)) return key;
  const f = getCatalogField(key);
  return lang === 'zh' ? f.zh : f.en;
}
export function catalogKeys(subject: TSubjectType): string[] {
  return CATALOG.filter((f) => f.subject === subject).map((f) => f.key);
}
export function cellKind(key: string): 'text' | 'number' | 'date' {
  if (!isKey(key)) return 'text';
  const t = getCatalogField(key).type;
  if (t === 'date') return 'date';
  if (t === 'int' || t === 'decimal') return 'number';
  return 'text';
}

export type TNormalized = { ok: true; value: string } | { ok: false; zh: string; en: string };

export function normalizeValue(key: string, raw: unknown): TNormalized {
  if (!isKey(key)) return { ok: false, zh: '未知字段', en: 'Unknown field' };
  const text = raw instanceof Date ? raw.toISOString().slice(0, 10) : typeof raw === 'object' && raw !== null ? cellText(raw as never) : String(raw ?? '').trim();
  const r = validateValue(getCatalogField(key), text);
  return r.ok ? r : { ok: false, zh: r.reason.zh, en: r.reason.en };
}

export function deriveHeld(key: string, values: Record<string, string>, asOf: string): string | null {
  return isKey(key) ? deriveValue(key, values as Partial<Record<TCatalogKey, string>>, asOf) : null;
}

export function matchColumn(labels: string[], subject: TSubjectType): { field: string | null; confidence: number } {
  return matchHeader(labels, subject);
}

export function readTemplateFile(buf: Buffer): Promise<TTemplate> {
  return readTemplate(buf);
}
