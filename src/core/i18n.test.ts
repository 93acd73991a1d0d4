import { describe, expect, it } from 'vitest';
import { DenwError } from './errors.ts';
import { catalogues, errorMessage, languageFromHeader, translate } from './i18n.ts';

describe('message catalogues', () => {
  it('French and English have exactly the same keys', () => {
    expect(Object.keys(catalogues.en).sort()).toEqual(Object.keys(catalogues.fr).sort());
  });

  it('every message uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(catalogues.fr)) {
      expect(placeholders(catalogues.en[key] ?? ''), key).toEqual(placeholders(catalogues.fr[key] ?? ''));
    }
  });
});

describe('languageFromHeader', () => {
  it('is French by default and when French is preferred', () => {
    expect(languageFromHeader(undefined)).toBe('fr');
    expect(languageFromHeader('fr-ML,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(languageFromHeader('de-DE')).toBe('fr');
  });
  it('follows the quality weights', () => {
    expect(languageFromHeader('en-GB,en;q=0.9')).toBe('en');
    expect(languageFromHeader('fr;q=0.4, en;q=0.8')).toBe('en');
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('error.INVALID_INPUT', 'fr', { field: 'value', reason: 'x' })).toBe(
      'Valeur invalide pour le champ « value » : x',
    );
    expect(translate('error.INVALID_INPUT', 'en', { field: 'value', reason: 'x' })).toBe('Invalid value for field "value": x');
  });
});

describe('errorMessage', () => {
  // An indicator whose numerator does not parse: the side is a term, the parser's error the reason.
  const error = new DenwError('ANALYTICS_INDICATOR_EXPRESSION_INVALID', { indicator: 'IND_R', side: '@term.numerator' }, undefined,
    new DenwError('EXPRESSION_UNEXPECTED', { position: 1, found: 'R{' }));

  it('translates @term parameters and the reason in the same language, no code left in the text', () => {
    expect(errorMessage(error, 'fr')).toBe("Indicateur IND_R : le numérateur n'est pas une expression valide (Expression, position 1 : « R{ » inattendu)");
    expect(errorMessage(error, 'en')).toBe('Indicator IND_R: the numerator is not a valid expression (Expression, position 1: unexpected "R{")');
  });

  it('reads an error without reason or term as translate does', () => {
    const plain = new DenwError('OUT_OF_SCOPE', { orgUnit: 'ML04' });
    expect(errorMessage(plain, 'en')).toBe(translate('error.OUT_OF_SCOPE', 'en', { orgUnit: 'ML04' }));
  });
});
