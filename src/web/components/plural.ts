// Plural forms for counted labels ("1 unité", "2 unités"): the catalogue holds `key.one` and
// `key.other`, chosen by the language's CLDR plural rule (Intl.PluralRules: French treats 0 and 1
// as singular, English only 1). CLDR's French "many" (1 000 000 and up) reads as the plural here.
import type { Language } from '../../core/i18n.ts';

const rules = new Map<Language, Intl.PluralRules>();

export function pluralKey(key: string, count: number, language: Language): string {
  let rule = rules.get(language);
  if (!rule) rules.set(language, (rule = new Intl.PluralRules(language)));
  return `${key}.${rule.select(count) === 'one' ? 'one' : 'other'}`;
}
