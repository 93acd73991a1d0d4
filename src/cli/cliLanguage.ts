// The language of the command line's messages: French unless DENW_LANG or LANG asks for
// English (en_US.UTF-8 → en); an empty DENW_LANG defers to LANG.
import process from 'node:process';
import { languageFromHeader, type Language } from '../core/i18n.ts';

export function cliLanguage(): Language {
  const tag = (process.env.DENW_LANG || process.env.LANG || '').split('.')[0]!.replace('_', '-');
  return languageFromHeader(tag || undefined);
}
