// Message lookup in the two catalogues. French is the reference language: a key missing in
// English falls back to French, and a key missing in both is shown as the key itself so that
// a gap is visible rather than silent (the catalogue test prevents it from landing).
import en from '../../i18n/en.json' with { type: 'json' };
import type { DenwError } from './errors.ts';
import fr from '../../i18n/fr.json' with { type: 'json' };

export type Language = 'fr' | 'en';
export const languages: readonly Language[] = ['fr', 'en'];

type Catalogue = Record<string, string>;
export const catalogues: Record<Language, Catalogue> = { fr, en };

/** Chooses French or English from an Accept-Language header; French by default. */
export function languageFromHeader(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'fr';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('fr')) return 'fr';
    if (tag.startsWith('en')) return 'en';
  }
  return 'fr';
}

/**
 * A DenwError's message in `language`: its parameters, those written `@key` translated as
 * catalogue entries, and the message of the error it stems from as `{reason}`.
 */
export function errorMessage(error: DenwError, language: Language): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(error.params)) {
    params[name] = typeof value === 'string' && value.startsWith('@') ? translate(value.slice(1), language) : value;
  }
  if (error.reason) params.reason = errorMessage(error.reason, language);
  return translate(`error.${error.code}`, language, params);
}

/** The message for `key` in `language`, with `{name}` placeholders replaced from `params`. */
export function translate(key: string, language: Language, params: Record<string, string | number> = {}): string {
  const template = catalogues[language][key] ?? catalogues.fr[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
