// What the store already holds, loaded once before an import (DHIS2 calls this the preheat):
// every identified object's id, UID and code, so that the document's objects and references
// are matched without a query per object, plus the shape of the org-unit tree and of the
// category model, which the import extends.
import type pg from 'pg';
import type { Collection } from '../../core/metadata/collections.ts';

/** The collections whose objects are identified (by UID or code), and their tables. */
export const identifiedTables = {
  attributes: 'attribute',
  organisationUnitLevels: 'org_unit_level',
  organisationUnits: 'org_unit',
  organisationUnitGroups: 'org_unit_group',
  organisationUnitGroupSets: 'org_unit_group_set',
  categoryOptions: 'category_option',
  categories: 'category',
  categoryCombos: 'category_combo',
  categoryOptionCombos: 'category_option_combo',
  dataElements: 'data_element',
  dataSets: 'data_set',
  sections: 'data_set_section',
  indicatorTypes: 'indicator_type',
  indicators: 'indicator',
  constants: 'constant',
  validationRules: 'validation_rule',
  goals: 'rf_goal',
  results: 'rf_result',
  resultIndicators: 'rf_indicator',
} as const satisfies Partial<Record<Collection, string>>;
export type IdentifiedCollection = keyof typeof identifiedTables;

export function isIdentified(collection: Collection): collection is IdentifiedCollection {
  return collection in identifiedTables;
}

/** A stored object. Org-unit levels are keyed by their level number, which stands as `id`. */
export interface StoredRow {
  id: number;
  uid: string | null;
  code: string | null;
  name: string;
}

export interface StoredOption {
  uid: string;
  code: string | null;
  name: string;
  nameEn: string | null;
}

export interface StoredOptionCombo {
  id: number;
  uid: string;
  code: string | null;
  comboId: number;
  optionIds: number[];
}

export interface Preheat {
  rows: Record<IdentifiedCollection, StoredRow[]>;
  orgUnitParent: Map<number, number | null>;
  orgUnitUid: Map<number, string>;
  categoryOptions: Map<number, StoredOption>;
  /** Category id → its option ids in order. */
  categoryOptionIds: Map<number, number[]>;
  /** Combo id → its category ids in order. */
  comboCategoryIds: Map<number, number[]>;
  optionCombos: StoredOptionCombo[];
}

export async function loadPreheat(client: pg.PoolClient): Promise<Preheat> {
  const rows = {} as Record<IdentifiedCollection, StoredRow[]>;
  for (const [collection, table] of Object.entries(identifiedTables) as [IdentifiedCollection, string][]) {
    const hasUid = !table.startsWith('rf_');
    const id = table === 'org_unit_level' ? 'level' : 'id';
    const result = await client.query<StoredRow>(`SELECT ${id} AS id, ${hasUid ? 'uid' : 'NULL::text AS uid'}, code, name FROM ${table}`);
    rows[collection] = result.rows;
  }
  const units = await client.query<{ id: number; uid: string; parent_id: number | null }>('SELECT id, uid, parent_id FROM org_unit');
  const options = await client.query<{ id: number; uid: string; code: string | null; name: string; name_en: string | null }>(
    'SELECT id, uid, code, name, name_en FROM category_option',
  );
  const categoryLinks = await client.query<{ owner: number; member: number }>(
    'SELECT category_id AS owner, category_option_id AS member FROM category_category_option ORDER BY category_id, sort_order',
  );
  const comboLinks = await client.query<{ owner: number; member: number }>(
    'SELECT category_combo_id AS owner, category_id AS member FROM category_combo_category ORDER BY category_combo_id, sort_order',
  );
  const optionCombos = await client.query<{ id: number; uid: string; code: string | null; combo_id: number; option_ids: number[] }>(
    `SELECT coc.id, coc.uid, coc.code, coc.category_combo_id AS combo_id,
            coalesce(array_agg(o.category_option_id ORDER BY o.category_option_id) FILTER (WHERE o.category_option_id IS NOT NULL), '{}') AS option_ids
     FROM category_option_combo coc LEFT JOIN category_option_combo_option o ON o.category_option_combo_id = coc.id
     GROUP BY coc.id`,
  );
  return {
    rows,
    orgUnitParent: new Map(units.rows.map((unit) => [unit.id, unit.parent_id])),
    orgUnitUid: new Map(units.rows.map((unit) => [unit.id, unit.uid])),
    categoryOptions: new Map(options.rows.map((o) => [o.id, { uid: o.uid, code: o.code, name: o.name, nameEn: o.name_en }])),
    categoryOptionIds: groupLinks(categoryLinks.rows),
    comboCategoryIds: groupLinks(comboLinks.rows),
    optionCombos: optionCombos.rows.map((row) => ({ id: row.id, uid: row.uid, code: row.code, comboId: row.combo_id, optionIds: row.option_ids })),
  };
}

function groupLinks(rows: readonly { owner: number; member: number }[]): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (const { owner, member } of rows) {
    const list = groups.get(owner) ?? [];
    list.push(member);
    groups.set(owner, list);
  }
  return groups;
}
