import { label, type TLabelKey, type TLang } from '../../domain/i18n';

/** Shared with the admin app: one language choice per browser. */
const STORAGE_KEY = 'jf.lang';

function readLang(): TLang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

let current: TLang = readLang();

export function lang(): TLang {
  return current;
}

export function setLang(next: TLang): void {
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
}

export function t(key: TLabelKey): string {
  return label(key, current);
}

/** A label with `{name}` placeholders filled from `vars`. */
export function tf(key: TLabelKey, vars: Record<string, string | number>): string {
  return label(key, current).replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
