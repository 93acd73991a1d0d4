// The interface language: French by default, the choice remembered in the browser. Labels
// come from the same catalogues as the server's messages (i18n/fr.json, i18n/en.json), so
// one test keeps both languages complete.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { translate, type Language } from '../../core/i18n.ts';

const storageKey = 'denw.language';

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: string, params?: Record<string, string | number>): string;
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string;
  formatDate(isoDate: string): string;
}

const I18nContext = createContext<I18n | null>(null);

const locales: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() =>
    localStorage.getItem(storageKey) === 'en' ? 'en' : 'fr',
  );
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(storageKey, next);
    document.documentElement.lang = next;
    setLanguageState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const numberFormats = new Map<string, Intl.NumberFormat>();
    return {
      language,
      setLanguage,
      t: (key, params) => translate(key, language, params),
      formatNumber(value, options = { maximumFractionDigits: 1 }) {
        const cacheKey = JSON.stringify(options);
        let format = numberFormats.get(cacheKey);
        if (!format) numberFormats.set(cacheKey, (format = new Intl.NumberFormat(locales[language], options)));
        return format.format(value);
      },
      formatDate: (isoDate) =>
        new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`)),
    };
  }, [language, setLanguage]);
  document.documentElement.lang = language;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
