import { describe, expect, it } from 'vitest';
import { checkGivenOptionCombos, expectedOptionCombos, optionSetKey, type OptionFacts } from './optionCombos.ts';

const option = (uid: string, code: string | null, name: string, nameEn: string | null = null): OptionFacts<string> => ({ key: uid, uid, code, name, nameEn });

// The category model of DHIS2's own test files web-api/metadata/category/cat_model_*.json:
// categories "cat a1" (options a1, a2) and "cat a2" (a3, a4) in combo CatComUida1.
const a1 = option('CatOptUida1', null, 'cat opt a1');
const a2 = option('CatOptUida2', null, 'cat opt a2');
const a3 = option('CatOptUida3', null, 'cat opt a3');
const a4 = option('CatOptUida4', null, 'cat opt a4');
const expected = expectedOptionCombos([
  [a1, a2],
  [a3, a4],
]);
const given = (...sets: string[][]) => sets.map((uids) => ({ optionKeys: uids, optionUids: uids }));

describe('generated category option combos', () => {
  it('follow the category order, first category slowest, named as in DHIS2 cat_model_expected_cocs.json', () => {
    expect(expected.map((combo) => combo.name)).toEqual([
      'cat opt a1, cat opt a3',
      'cat opt a1, cat opt a4',
      'cat opt a2, cat opt a3',
      'cat opt a2, cat opt a4',
    ]);
  });

  it('are coded by their options codes joined with _ in category order (programme packages: 0-11M_F)', () => {
    const combos = expectedOptionCombos([
      [option('o1', '0-11M', '0-11 mois', '0-11 months'), option('o2', '12-23M', '12-23 mois', '12-23 months')],
      [option('f', 'F', 'Féminin', 'Female'), option('m', 'M', 'Masculin', 'Male')],
    ]);
    expect(combos.map((combo) => combo.code)).toEqual(['0-11M_F', '0-11M_M', '12-23M_F', '12-23M_M']);
    expect(combos[1]).toMatchObject({ name: '0-11 mois, Masculin', nameEn: '0-11 months, Male' });
  });

  it('code the default combo "default", and have no code when an option has none', () => {
    expect(expectedOptionCombos([[option('xYerKDKCefk', 'default', 'default')]])[0]).toMatchObject({ code: 'default', name: 'default' });
    expect(expected[0]!.code).toBeNull();
  });

  it('do not exist for a combo without categories or with an empty category', () => {
    expect(expectedOptionCombos([])).toEqual([]);
    expect(expectedOptionCombos([[a1], []])).toEqual([]);
  });

  it('are matched by their set of options whatever the order', () => {
    expect(optionSetKey(['CatOptUida3', 'CatOptUida1'])).toBe(expected[0]!.setKey);
  });
});

describe('category option combos given by a document (DHIS2 2.43, MetadataImportExportControllerTest)', () => {
  it('are accepted when they are exactly the expected ones, in any order', () => {
    const all = given(['CatOptUida2', 'CatOptUida4'], ['CatOptUida3', 'CatOptUida1'], ['CatOptUida1', 'CatOptUida4'], ['CatOptUida2', 'CatOptUida3']);
    expect(checkGivenOptionCombos('CatComUida1', expected, all)).toBeUndefined();
  });

  it('are refused when fewer or more than expected: E1130 (cat_model_fewer_cocs, cat_model_more_cocs)', () => {
    const fewer = given(['CatOptUida1', 'CatOptUida4'], ['CatOptUida2', 'CatOptUida3'], ['CatOptUida2', 'CatOptUida4']);
    expect(checkGivenOptionCombos('CatComUida1', expected, fewer)).toEqual({
      code: 'E1130',
      params: { count: 3, expected: 4, combo: 'CatComUida1' },
      property: 'categoryCombo',
    });
    const more = given(['CatOptUida1', 'CatOptUida3'], ['CatOptUida1', 'CatOptUida4'], ['CatOptUida2', 'CatOptUida3'], ['CatOptUida2', 'CatOptUida4'], ['CatOptUida2', 'CatOptUida1']);
    expect(checkGivenOptionCombos('CatComUida1', expected, more)?.params).toMatchObject({ count: 5, expected: 4 });
  });

  it('are refused when one duplicates another: E1131 names the unexpected set and the missing one (cat_model_expected_num_but_duplicate_cocs)', () => {
    const duplicate = given(['CatOptUida1', 'CatOptUida3'], ['CatOptUida1', 'CatOptUida4'], ['CatOptUida1', 'CatOptUida3'], ['CatOptUida2', 'CatOptUida4']);
    expect(checkGivenOptionCombos('CatComUida1', expected, duplicate)).toEqual({
      code: 'E1131',
      params: { unexpected: '[CatOptUida1, CatOptUida3]', combo: 'CatComUida1', missing: '[CatOptUida2, CatOptUida3]' },
      property: 'categoryOptions',
    });
  });

  it('are refused when one takes two options of the same category (cat_model_expected_num_but_invalid_cocs)', () => {
    const invalid = given(['CatOptUida1', 'CatOptUida3'], ['CatOptUida1', 'CatOptUida2'], ['CatOptUida2', 'CatOptUida3'], ['CatOptUida2', 'CatOptUida4']);
    expect(checkGivenOptionCombos('CatComUida1', expected, invalid)?.params).toEqual({
      unexpected: '[CatOptUida1, CatOptUida2]',
      combo: 'CatComUida1',
      missing: '[CatOptUida1, CatOptUida4]',
    });
  });
});
