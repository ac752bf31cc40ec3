import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { label, type TLabelKey, type TLang } from '../../domain/i18n';

/** Shared with the public pages: one language choice per browser. */
const STORAGE_KEY = 'jf.lang';

function readLang(): TLang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export interface TI18n {
  lang: TLang;
  setLang: (lang: TLang) => void;
  /** A label in the current language; `{name}` placeholders are filled from `vars`. */
  t: (key: TLabelKey, vars?: Record<string, string | number>) => string;
}

const I18nContext = createContext<TI18n | null>(null);

export function fill(text: string, vars?: Record<string, string | number>): string {
  return vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : text;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<TLang>(readLang);
  const setLang = useCallback((next: TLang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this tab only
    }
  }, []);
  const t = useCallback((key: TLabelKey, vars?: Record<string, string | number>) => fill(label(key, lang), vars), [lang]);
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = label('app.name', lang);
  }, [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): TI18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

/** Label of a key that may be unknown (e.g. an audit action added later): falls back to the raw value. */
export function useLabelOr() {
  const { lang } = useI18n();
  return (key: string, fallback: string) => {
    const text = label(key, lang);
    return text === key ? fallback : text;
  };
}
