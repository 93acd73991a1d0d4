// The metadata lists the web application reads (GET /api/organisationUnits, /api/dataSets …),
// in DHIS2's shapes: objects named by UID with their code, name and `displayName` — the name in
// the reader's language (English when the object has an English name, French otherwise).
import type { Language } from '../../core/i18n.ts';
import type { Database } from '../database.ts';

export interface NamedRow {
  id: number;
  uid: string;
  code: string | null;
  name: string;
  name_en: string | null;
}

export interface Named {
  id: string;
  code?: string;
  name: string;
  displayName: string;
}

export function named(row: NamedRow, language: Language): Named {
  return { id: row.uid, ...(row.code ? { code: row.code } : {}), name: row.name, displayName: displayName(row, language) };
}

export function displayName(row: { name: string; name_en: string | null }, language: Language): string {
  return language === 'en' && row.name_en ? row.name_en : row.name;
}

/** The id of the unit a parameter names, by UID or else by code (the API accepts either). */
const unitByUidOrCode = (param: number) => `(SELECT id FROM org_unit WHERE uid = $${param} OR code = $${param} ORDER BY uid = $${param} DESC LIMIT 1)`;

export interface OrgUnitQuery {
  level?: number | undefined;
  /** UID or code of the parent: its children only. */
  parent?: string | undefined;
  /** UID or code of one unit. */
  unit?: string | undefined;
  withGeometry: boolean;
}

export async function listOrganisationUnits(database: Database, query: OrgUnitQuery, language: Language) {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (query.level !== undefined) {
    params.push(query.level);
    conditions.push(`ou.level = $${params.length}`);
  }
  if (query.parent !== undefined) {
    params.push(query.parent);
    conditions.push(`ou.parent_id = ${unitByUidOrCode(params.length)}`);
  }
  if (query.unit !== undefined) {
    params.push(query.unit);
    conditions.push(`ou.id = ${unitByUidOrCode(params.length)}`);
  }
  const { rows } = await database.pool.query<
    NamedRow & { short_name: string | null; level: number; path: string; parent_uid: string | null; opening_date: string | null; closed_date: string | null; geometry: unknown }
  >(
    `SELECT ou.id, ou.uid, ou.code, ou.name, ou.name_en, ou.short_name, ou.level, ou.path, p.uid AS parent_uid,
            ou.opening_date, ou.closed_date, ${query.withGeometry ? 'ou.geometry' : 'NULL::jsonb AS geometry'}
     FROM org_unit ou LEFT JOIN org_unit p ON p.id = ou.parent_id
     ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
     ORDER BY ou.path COLLATE "C"`,
    params,
  );
  return rows.map((row) => ({
    ...named(row, language),
    shortName: row.short_name ?? row.name,
    level: row.level,
    path: row.path,
    ...(row.parent_uid ? { parent: { id: row.parent_uid } } : {}),
    ...(row.opening_date ? { openingDate: row.opening_date } : {}),
    ...(row.closed_date ? { closedDate: row.closed_date } : {}),
    ...(query.withGeometry && row.geometry ? { geometry: row.geometry } : {}),
  }));
}

export async function listOrganisationUnitLevels(database: Database, language: Language) {
  const { rows } = await database.pool.query<Omit<NamedRow, 'id'> & { level: number }>('SELECT level, uid, code, name, name_en FROM org_unit_level ORDER BY level');
  return rows.map((row) => ({ ...named({ ...row, id: row.level }, language), level: row.level }));
}

export async function listDataElements(database: Database, language: Language) {
  const { rows } = await database.pool.query<
    NamedRow & {
      short_name: string | null;
      form_name: string | null;
      description: string | null;
      value_type: string;
      aggregation_type: string;
      domain_type: string;
      zero_is_significant: boolean;
      combo: NamedRow;
    }
  >(
    `SELECT de.id, de.uid, de.code, de.name, de.name_en, de.short_name, de.form_name, de.description, de.value_type,
            de.aggregation_type, de.domain_type, de.zero_is_significant,
            json_build_object('id', cc.id, 'uid', cc.uid, 'code', cc.code, 'name', cc.name, 'name_en', cc.name_en) AS combo
     FROM data_element de JOIN category_combo cc ON cc.id = de.category_combo_id ORDER BY de.name COLLATE "C", de.uid COLLATE "C"`,
  );
  return rows.map((row) => ({
    ...named(row, language),
    shortName: row.short_name ?? row.name,
    ...(row.form_name ? { formName: row.form_name } : {}),
    ...(row.description ? { description: row.description } : {}),
    valueType: row.value_type,
    aggregationType: row.aggregation_type,
    domainType: row.domain_type,
    zeroIsSignificant: row.zero_is_significant,
    categoryCombo: named(row.combo, language),
  }));
}

export async function listIndicators(database: Database, language: Language) {
  const { rows } = await database.pool.query<
    NamedRow & {
      short_name: string | null;
      description: string | null;
      numerator: string;
      numerator_description: string | null;
      denominator: string;
      denominator_description: string | null;
      decimals: number | null;
      annualized: boolean;
      type: NamedRow & { factor: number; number: boolean };
    }
  >(
    `SELECT i.id, i.uid, i.code, i.name, i.name_en, i.short_name, i.description, i.numerator, i.numerator_description,
            i.denominator, i.denominator_description, i.decimals, i.annualized,
            json_build_object('id', t.id, 'uid', t.uid, 'code', t.code, 'name', t.name, 'name_en', t.name_en, 'factor', t.factor, 'number', t.number) AS type
     FROM indicator i JOIN indicator_type t ON t.id = i.indicator_type_id ORDER BY i.name COLLATE "C", i.uid COLLATE "C"`,
  );
  return rows.map((row) => ({
    ...named(row, language),
    shortName: row.short_name ?? row.name,
    ...(row.description ? { description: row.description } : {}),
    indicatorType: { ...named(row.type, language), factor: row.type.factor, number: row.type.number },
    numerator: row.numerator,
    ...(row.numerator_description ? { numeratorDescription: row.numerator_description } : {}),
    denominator: row.denominator,
    ...(row.denominator_description ? { denominatorDescription: row.denominator_description } : {}),
    ...(row.decimals === null ? {} : { decimals: row.decimals }),
    annualized: row.annualized,
  }));
}
