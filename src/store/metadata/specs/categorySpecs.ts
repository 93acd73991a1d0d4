// Import of the disaggregation model: category options, categories, category combos, and the
// category option combos — generated for every combo the document creates or changes, or
// taken from the document (keeping their UIDs) when it lists them (core/metadata/optionCombos.ts).
import { importError } from '../../../core/metadata/importErrors.ts';
import { checkGivenOptionCombos, expectedOptionCombos, optionSetKey, type ExpectedOptionCombo, type OptionFacts } from '../../../core/metadata/optionCombos.ts';
import { generateUid } from '../../../core/metadata/uid.ts';
import { isDocObject, type Bundle, type DocObject, type Target } from '../bundle.ts';
import { english, identifiedColumns, identifiedRow, shortNamedRow, uidOf } from '../fields.ts';
import { allocateIds, replaceLinks, upsertRows } from '../writeRows.ts';
import { listUses, refUse, type CollectionSpec, type ParsedObject } from './spec.ts';

const shortNamedColumns = { ...identifiedColumns, short_name: 'text', description: 'text' } as const;

export const categoryOptionSpec: CollectionSpec<'categoryOptions'> = {
  collection: 'categoryOptions',
  table: 'category_option',
  refs: () => [],
  async write(objects, { client }) {
    const rows = objects.map((object) => ({
      ...shortNamedRow(object, object.value),
      start_date: object.value.startDate ?? null,
      end_date: object.value.endDate ?? null,
    }));
    await upsertRows(client, 'category_option', { ...shortNamedColumns, start_date: 'date', end_date: 'date' }, rows, ['id']);
  },
};

export const categorySpec: CollectionSpec<'categories'> = {
  collection: 'categories',
  table: 'category',
  refs: (object) => listUses('categoryOptions', 'categoryOptions', object.value.categoryOptions),
  async write(objects, { client, bundle }) {
    const rows = objects.map((object) => ({ ...shortNamedRow(object, object.value), data_dimension_type: object.value.dataDimensionType }));
    await upsertRows(client, 'category', { ...shortNamedColumns, data_dimension_type: 'text' }, rows, ['id']);
    const links = objects.flatMap((object) =>
      object.value.categoryOptions.map((option, sortOrder) => ({ category_id: object.id, sort_order: sortOrder, category_option_id: bundle.idOf(option) })),
    );
    const columns = { category_id: 'int', sort_order: 'int', category_option_id: 'int' } as const;
    await replaceLinks(client, 'category_category_option', 'category_id', objects.map((object) => object.id!), columns, links);
  },
};

export const categoryComboSpec: CollectionSpec<'categoryCombos'> = {
  collection: 'categoryCombos',
  table: 'category_combo',
  refs: (object) => listUses('categories', 'categories', object.value.categories),
  async write(objects, { client, bundle }) {
    const rows = objects.map((object) => ({ ...identifiedRow(object, object.value), data_dimension_type: object.value.dataDimensionType }));
    await upsertRows(client, 'category_combo', { ...identifiedColumns, data_dimension_type: 'text' }, rows, ['id']);
    const links = objects.flatMap((object) =>
      object.value.categories.map((category, sortOrder) => ({ category_combo_id: object.id, sort_order: sortOrder, category_id: bundle.idOf(category) })),
    );
    const columns = { category_combo_id: 'int', sort_order: 'int', category_id: 'int' } as const;
    await replaceLinks(client, 'category_combo_category', 'category_combo_id', objects.map((object) => object.id!), columns, links);
  },
};

type Combo = DocObject<'categoryCombos'> | number;
type GivenCoc = ParsedObject<'categoryOptionCombos'>;

/** What the import does to the option combos of one combo. */
interface ComboPlan {
  combo: Combo;
  expected: ExpectedOptionCombo<string>[];
  given: Map<GivenCoc, ExpectedOptionCombo<string>>;
  generate: ExpectedOptionCombo<string>[];
  /** Option sets that already have a stored option combo. */
  storedKeys: Set<string>;
  obsoleteIds: number[];
  /** The object of the document that a refused deletion is reported on. */
  blame: DocObject;
}

/**
 * Category option combos. The plan covers every combo the document creates or whose categories
 * it lists, or whose category's options it lists, and every combo the document gives option
 * combos for. Stored option combos no longer expected are deleted — unless data uses them
 * (DHIS2 E1120): a category cannot lose an option that data was entered for.
 */
export function categoryOptionComboSpec(): CollectionSpec<'categoryOptionCombos'> {
  let plans: ComboPlan[] = [];

  return {
    collection: 'categoryOptionCombos',
    table: 'category_option_combo',
    refs: (object) => [
      ...refUse('categoryCombo', 'categoryCombos', object.value.categoryCombo),
      ...listUses('categoryOptions', 'categoryOptions', object.value.categoryOptions),
    ],
    plan(bundle) {
      plans = planOptionCombos(bundle);
    },
    async write(objects, { client, bundle }) {
      const writing = new Set(objects);
      const optionIds = optionIdsByUid(bundle);
      const rows: Record<string, unknown>[] = [];
      const links: { category_option_combo_id: number; category_option_id: number }[] = [];
      for (const plan of plans) {
        if (typeof plan.combo !== 'number' && plan.combo.errors.length > 0) continue;
        const comboId = typeof plan.combo === 'number' ? plan.combo : plan.combo.id!;
        for (const [coc, expected] of plan.given) {
          // With atomicMode=NONE a refused option combo leaves its combination to be generated.
          if (!writing.has(coc)) {
            if (!plan.storedKeys.has(expected.setKey)) plan.generate.push(expected);
            continue;
          }
          const value = coc.value;
          rows.push({
            id: coc.id,
            uid: coc.uid,
            code: value.code ?? expected.code,
            name: value.name ?? expected.name,
            name_en: english(value.translations) ?? expected.nameEn,
            translations: value.translations,
            category_combo_id: comboId,
          });
          links.push(...value.categoryOptions.map((option) => ({ category_option_combo_id: coc.id!, category_option_id: bundle.idOf(option) })));
        }
        const ids = await allocateIds(client, 'category_option_combo', plan.generate.length);
        plan.generate.forEach((combination, i) => {
          rows.push({ id: ids[i], uid: generateUid(), code: combination.code, name: combination.name, name_en: combination.nameEn, translations: [], category_combo_id: comboId });
          links.push(...combination.options.map((option) => ({ category_option_combo_id: ids[i]!, category_option_id: optionIds.get(option.key)! })));
        });
      }
      await upsertRows(client, 'category_option_combo', { ...identifiedColumns, category_combo_id: 'int' }, rows, ['id']);
      const columns = { category_option_combo_id: 'int', category_option_id: 'int' } as const;
      await replaceLinks(client, 'category_option_combo_option', 'category_option_combo_id', rows.map((row) => row.id as number), columns, links);
      for (const plan of plans) {
        if (plan.obsoleteIds.length === 0) continue;
        await client.query('SAVEPOINT obsolete_option_combos');
        try {
          await client.query('DELETE FROM category_option_combo WHERE id = ANY($1::int[])', [plan.obsoleteIds]);
          await client.query('RELEASE SAVEPOINT obsolete_option_combos');
        } catch (error) {
          if ((error as { code?: string }).code !== '23503') throw error;
          await client.query('ROLLBACK TO SAVEPOINT obsolete_option_combos');
          plan.blame.errors.push(importError('E1120', { object: bundle.describe(plan.blame) }));
        }
      }
    },
  };
}

/** Database ids of category options by UID, stored and new (ids allocated). */
function optionIdsByUid(bundle: Bundle): Map<string, number> {
  const ids = new Map(bundle.preheat.rows.categoryOptions.map((row) => [row.uid!, row.id]));
  for (const option of bundle.list('categoryOptions')) if (option.uid && option.id !== undefined) ids.set(option.uid, option.id);
  return ids;
}

function planOptionCombos(bundle: Bundle): ComboPlan[] {
  const { preheat } = bundle;
  const usable = <T extends DocObject>(object: T) => object.value !== undefined && !object.alias;
  const docBy = <C extends 'categoryOptions' | 'categories' | 'categoryCombos'>(collection: C) =>
    new Map(bundle.list(collection).filter((o) => o.stored && usable(o)).map((o) => [o.stored!.id, o]));
  const docOptions = docBy('categoryOptions');
  const docCategories = docBy('categories');
  const docCombos = docBy('categoryCombos');
  const storedOptionUid = (id: number) => preheat.categoryOptions.get(id)?.uid ?? String(id);

  const facts = (target: Target | number): OptionFacts<string> | undefined => {
    const node = typeof target === 'number' ? (docOptions.get(target) ?? target) : isDocObject(target) ? target : (docOptions.get(target.id) ?? target.id);
    if (typeof node === 'number') {
      const stored = preheat.categoryOptions.get(node)!;
      return { key: stored.uid, uid: stored.uid, code: stored.code, name: stored.name, nameEn: stored.nameEn };
    }
    if (node.alias) return { key: node.alias.uid!, uid: node.alias.uid!, code: 'default', name: 'default', nameEn: 'default' };
    const value = node.value as ParsedObject<'categoryOptions'>['value'] | undefined;
    return value ? { key: node.uid!, uid: node.uid!, code: value.code ?? null, name: value.name, nameEn: english(value.translations) } : undefined;
  };
  const optionsOf = (category: Target | number): (OptionFacts<string> | undefined)[] => {
    const node = typeof category === 'number' ? (docCategories.get(category) ?? category) : isDocObject(category) ? category : (docCategories.get(category.id) ?? category.id);
    if (typeof node === 'number') return (preheat.categoryOptionIds.get(node) ?? []).map((id) => facts(id));
    if (node.alias) return (preheat.categoryOptionIds.get(node.alias.id) ?? []).map((id) => facts(id));
    const value = node.value as ParsedObject<'categories'>['value'] | undefined;
    return (value?.categoryOptions ?? []).map((ref) => {
      const target = bundle.resolvedTarget(ref);
      return target ? facts(target) : undefined;
    });
  };
  const categoriesOf = (combo: Combo): (Target | number)[] | undefined => {
    if (typeof combo === 'number') return preheat.comboCategoryIds.get(combo) ?? [];
    const targets = combo.value!.categories.map((ref) => bundle.resolvedTarget(ref));
    return targets.every((target) => target !== undefined) ? (targets as Target[]) : undefined;
  };

  // The combos to plan, each once.
  const combos = new Set<Combo>(bundle.list('categoryCombos').filter(usable));
  const changedCategories = new Set([...bundle.list('categories').filter((c) => c.stored && usable(c)).map((c) => c.stored!.id)]);
  for (const [comboId, categoryIds] of preheat.comboCategoryIds) {
    if (categoryIds.some((id) => changedCategories.has(id))) combos.add(docCombos.get(comboId) ?? comboId);
  }
  const givenByCombo = new Map<Combo, GivenCoc[]>();
  for (const coc of bundle.list('categoryOptionCombos')) {
    if (!usable(coc)) continue;
    const target = bundle.resolvedTarget(coc.value!.categoryCombo);
    // An option combo with a reference to nothing already has its E5002.
    if (!target || coc.value!.categoryOptions.some((option) => !bundle.resolvedTarget(option))) continue;
    const combo: Combo = isDocObject(target) ? (target as DocObject<'categoryCombos'>) : (docCombos.get(target.id) ?? target.id);
    if (typeof combo !== 'number' && combo.alias) continue;
    combos.add(combo);
    givenByCombo.set(combo, [...(givenByCombo.get(combo) ?? []), coc as GivenCoc]);
  }

  const plans: ComboPlan[] = [];
  for (const combo of combos) {
    const categories = categoriesOf(combo);
    if (!categories) continue;
    const optionLists = categories.map(optionsOf);
    if (optionLists.some((options) => options.some((option) => option === undefined))) continue;
    const expected = expectedOptionCombos(optionLists as OptionFacts<string>[][]);
    const comboUid = typeof combo === 'number' ? bundle.preheat.rows.categoryCombos.find((row) => row.id === combo)!.uid! : combo.uid!;
    const storedId = typeof combo === 'number' ? combo : combo.stored?.id;
    const stored = bundle.preheat.optionCombos.filter((coc) => coc.comboId === storedId);
    const storedByKey = new Map(stored.map((coc) => [optionSetKey(coc.optionIds.map(storedOptionUid)), coc]));
    const given = givenByCombo.get(combo) ?? [];
    const plan: ComboPlan = { combo, expected, given: new Map(), generate: [], storedKeys: new Set(storedByKey.keys()), obsoleteIds: [], blame: blameFor(bundle, combo, given) };
    const givenOptionUids = (coc: GivenCoc) => coc.value.categoryOptions.map((ref) => uidOf(bundle.target(ref)));
    const error = given.length
      ? checkGivenOptionCombos(comboUid, expected, given.map((coc) => ({ optionKeys: givenOptionUids(coc), optionUids: givenOptionUids(coc) })))
      : undefined;
    if (error) for (const coc of given) coc.errors.push(error);
    const givenByKey = new Map(error ? [] : given.map((coc) => [optionSetKey(givenOptionUids(coc)), coc]));
    const codes: (string | null)[] = [];
    for (const combination of expected) {
      const coc = givenByKey.get(combination.setKey);
      const storedCoc = storedByKey.get(combination.setKey);
      if (coc) {
        if (storedCoc && storedCoc.uid !== coc.uid) {
          coc.errors.push(importError('E1122', { coc: storedCoc.uid, combo: comboUid }, 'categoryOptions'));
        }
        plan.given.set(coc, combination);
        codes.push(coc.value.code ?? combination.code);
      } else if (storedCoc) codes.push(storedCoc.code);
      else if (!error) {
        plan.generate.push(combination);
        codes.push(combination.code);
      }
    }
    // Codes joined with '_' can meet ('A_B' + 'C' and 'A' + 'B_C'): a combo's codes must differ.
    const repeated = codes.filter((code, i) => code !== null && codes.indexOf(code) !== i);
    if (repeated.length > 0) plan.blame.errors.push(importError('E5005', { property: 'code', objects: `${comboUid}: ${[...new Set(repeated)].join(', ')}` }));
    const expectedKeys = new Set(expected.map((combination) => combination.setKey));
    plan.obsoleteIds = stored.filter((coc) => !expectedKeys.has(optionSetKey(coc.optionIds.map(storedOptionUid)))).map((coc) => coc.id);
    plans.push(plan);
  }
  return plans;
}

/** The combo itself when the document lists it, else the first listed category or option combo it concerns. */
function blameFor(bundle: Bundle, combo: Combo, given: GivenCoc[]): DocObject {
  if (typeof combo !== 'number') return combo;
  const categoryIds = bundle.preheat.comboCategoryIds.get(combo) ?? [];
  const category = bundle.list('categories').find((c) => c.stored && categoryIds.includes(c.stored.id));
  return category ?? given[0]!;
}
