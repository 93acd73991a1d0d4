// Category option combos: one per combination of one option from each category of a combo,
// taken in the combo's category order with the first category varying slowest (dhis2-core
// CategoryCombo.generateOptionCombosList). A generated combo is named by its options' names
// joined with ", " as DHIS2 names it, and coded by their codes joined with "_" (Denw's rule,
// ISSUE 2 §3: the default combo's one combination is coded 'default').
//
// A document may list a combo's option combos itself, to keep their UIDs: DHIS2 2.43 then
// requires that they be exactly the expected ones (dhis2-core pull request 21758): as many as
// expected (E1130), each with the option set of an expected one (E1131).
import { importError, type ImportError } from './importErrors.ts';

export interface OptionFacts<K> {
  key: K;
  uid: string;
  code: string | null;
  name: string;
  nameEn: string | null;
}

export interface ExpectedOptionCombo<K> {
  /** One option per category, in category order. */
  options: OptionFacts<K>[];
  /** The option keys, sorted: how an option combo is matched whatever the order it lists them. */
  setKey: string;
  code: string | null;
  name: string;
  nameEn: string | null;
}

/** The key of a set of options, independent of their order. */
export function optionSetKey(keys: readonly (string | number)[]): string {
  return [...keys].map(String).sort().join(',');
}

/**
 * Every combination, in DHIS2's order. A combo without categories, or with a category without
 * options, has none. The code is null when an option has no code (DHIS2 files often have none).
 */
export function expectedOptionCombos<K extends string | number>(categories: readonly (readonly OptionFacts<K>[])[]): ExpectedOptionCombo<K>[] {
  if (categories.length === 0) return [];
  const combinations = categories.reduce<OptionFacts<K>[][]>(
    (prefixes, options) => prefixes.flatMap((prefix) => options.map((option) => [...prefix, option])),
    [[]],
  );
  return combinations.map((options) => ({
    options,
    setKey: optionSetKey(options.map((option) => option.key)),
    code: options.every((option) => option.code !== null) ? options.map((option) => option.code).join('_') : null,
    name: options.map((option) => option.name).join(', '),
    nameEn: options.some((option) => option.nameEn !== null) ? options.map((option) => option.nameEn ?? option.name).join(', ') : null,
  }));
}

/** An option combo as a document gives it: its option keys, and the UIDs to show in messages. */
export interface GivenOptionCombo<K> {
  optionKeys: readonly K[];
  optionUids: readonly string[];
}

/**
 * Checks the option combos a document gives for one combo against the expected ones. Returns
 * the error every given option combo of that combo gets (DHIS2 rejects them all), or none.
 */
export function checkGivenOptionCombos<K extends string | number>(
  comboUid: string,
  expected: readonly ExpectedOptionCombo<K>[],
  given: readonly GivenOptionCombo<K>[],
): ImportError | undefined {
  if (given.length !== expected.length) {
    return importError('E1130', { count: given.length, expected: expected.length, combo: comboUid }, 'categoryCombo');
  }
  const expectedKeys = new Set(expected.map((combo) => combo.setKey));
  const givenKeys = given.map((combo) => optionSetKey(combo.optionKeys));
  const seen = new Set<string>();
  const unexpected = given.filter((_, index) => {
    const key = givenKeys[index]!;
    const bad = !expectedKeys.has(key) || seen.has(key);
    seen.add(key);
    return bad;
  });
  if (unexpected.length === 0) return undefined;
  const missing = expected.filter((combo) => !givenKeys.includes(combo.setKey));
  const showSet = (uids: readonly string[]) => `[${uids.join(', ')}]`;
  return importError(
    'E1131',
    {
      unexpected: unexpected.map((combo) => showSet(combo.optionUids)).join(' '),
      combo: comboUid,
      missing: missing.map((combo) => showSet(combo.options.map((option) => option.uid))).join(' '),
    },
    'categoryOptions',
  );
}
