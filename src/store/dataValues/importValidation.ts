// Validation rules on import (issue 2, scope 6: "run on import, reported, not blocking, unless
// the data set says so"). DHIS2 2.42's importer runs no rule; its data entry runs the data set's
// rules on demand, and a data set with validCompleteOnly ("Complete allowed only if validation
// passes", DHIS2 data set maintenance) may not be completed while one is violated. Denw runs,
// inside the import's transaction and after the write, the rules that read a data element the
// import wrote, at the (org unit, period) pairs where it wrote one — one set-based run for the
// whole import (validationRun.ts), not one per value — and reports the violations in the import
// summary. A violation blocks (the import is rolled back) when a data set with validCompleteOnly
// (column validation_blocking, "block completion and import", migration 001) is assigned to the
// violation's org unit and holds a data element of the rule that the import wrote.
// A completion the import asks for is, under validCompleteOnly, registered only when the data
// set's rules hold there (completeRegistrations.ts); otherwise its violations are listed, the
// values kept.
// An import that writes no data element any rule reads costs two small queries (the rules and
// their data elements), none on the written values.
import type pg from 'pg';
import type { ImportValidationViolation } from '../../core/dataValueSets/importSummary.ts';
import { itemsOf } from '../../core/expression/ast.ts';
import { parseExpression } from '../../core/expression/parseExpression.ts';
import { runValidation, type ValidationViolation } from '../analytics/validationRun.ts';
import { completionViolations, type Registration } from './completeRegistrations.ts';

type Client = Pick<pg.ClientBase, 'query'>;

interface RuleReads {
  nameEn: string | null;
  /** Ids of the data elements the rule reads. */
  dataElementIds: Set<number>;
}

/** Each rule (by code, else UID) with the data elements it reads; rules that do not parse are left to runValidation, which skips them. */
async function rulesAndTheirDataElements(client: Client): Promise<Map<string, RuleReads>> {
  const { rows } = await client.query<{ id: string; name_en: string | null; left_expression: string; right_expression: string }>(
    'SELECT coalesce(code, uid) AS id, name_en, left_expression, right_expression FROM validation_rule',
  );
  const references = new Map<string, string[]>();
  for (const row of rows) {
    try {
      references.set(row.id, [...itemsOf(parseExpression(row.left_expression)).dataElements, ...itemsOf(parseExpression(row.right_expression)).dataElements]);
    } catch {
      // Not evaluable: runValidation reports it; it reads nothing here.
    }
  }
  const named = [...new Set([...references.values()].flat())];
  if (named.length === 0) return new Map();
  const { rows: elements } = await client.query<{ id: number; uid: string; code: string | null }>(
    'SELECT id, uid, code FROM data_element WHERE uid = ANY($1) OR code = ANY($1)',
    [named],
  );
  const idOf = new Map(elements.flatMap((e) => [[e.uid, e.id] as const, ...(e.code !== null ? [[e.code, e.id] as const] : [])]));
  const nameEn = new Map(rows.map((row) => [row.id, row.name_en]));
  return new Map(
    [...references].map(([id, refs]) => [id, { nameEn: nameEn.get(id) ?? null, dataElementIds: new Set(refs.flatMap((ref) => (idOf.has(ref) ? [idOf.get(ref)!] : []))) }]),
  );
}

/**
 * Runs the rules touched by the values the import wrote (the merge table dvs_merge of
 * dataValueMerge.ts, inside the import's transaction) and returns their violations, each with
 * the data set that makes it block the import, if any.
 */
export async function validateWrittenValues(client: Client): Promise<ImportValidationViolation[]> {
  const rules = await rulesAndTheirDataElements(client);
  const ruleElements = [...new Set([...rules.values()].flatMap((rule) => [...rule.dataElementIds]))];
  if (ruleElements.length === 0) return [];
  // One scan of the written values gives both the data elements rules read and the pairs.
  const { rows } = await client.query<{ data_element_id: number | null; uid: string | null; code: string | null; ou: number | null; period: string | null }>(
    `WITH g AS (
       SELECT data_element_id, org_unit_id, period FROM dvs_merge
       WHERE action IN ('insert', 'update', 'delete') AND data_element_id = ANY($1)
       GROUP BY GROUPING SETS ((data_element_id), (org_unit_id, period)))
     SELECT g.data_element_id, ou.uid, ou.code, g.org_unit_id AS ou, g.period FROM g LEFT JOIN org_unit ou ON ou.id = g.org_unit_id`,
    [ruleElements],
  );
  const written = new Set(rows.flatMap((row) => (row.data_element_id !== null ? [row.data_element_id] : [])));
  const pairs = rows.filter((row) => row.data_element_id === null);
  if (written.size === 0) return [];
  const orgUnitIdOf = new Map(pairs.map((pair) => [pair.code ?? pair.uid!, pair.ou!]));
  const writtenPair = new Set(pairs.map((pair) => `${pair.code ?? pair.uid}\t${pair.period}`));
  const { rows: writtenElements } = await client.query<{ uid: string; code: string | null }>('SELECT uid, code FROM data_element WHERE id = ANY($1)', [[...written]]);
  const violations = (
    await runValidation(client, {
      orgUnits: [...new Set(pairs.map((pair) => pair.uid!))],
      periods: [...new Set(pairs.map((pair) => pair.period!))],
      dataElements: writtenElements.flatMap((e) => [e.uid, ...(e.code !== null ? [e.code] : [])]),
    })
  ).filter((v) => writtenPair.has(`${v.organisationUnitId}\t${v.periodId}`));
  const blocking = await blockingDataSets(client, [...new Set(violations.map((v) => orgUnitIdOf.get(v.organisationUnitId)!))], [...written]);
  return violations.map((v) => {
    const rule = rules.get(v.validationRuleId);
    const ou = orgUnitIdOf.get(v.organisationUnitId)!;
    const dataSet = blocking.find((b) => b.org_unit_id === ou && rule?.dataElementIds.has(b.data_element_id));
    return importViolation(v, rule?.nameEn ?? null, dataSet ? (dataSet.code ?? dataSet.uid) : null);
  });
}

function importViolation(v: ValidationViolation, nameEn: string | null, blockingDataSet: string | null): ImportValidationViolation {
  return {
    validationRuleId: v.validationRuleId,
    validationRuleName: { fr: v.validationRuleDescription, en: nameEn ?? v.validationRuleDescription },
    importance: v.importance,
    organisationUnitId: v.organisationUnitId,
    organisationUnitDisplayName: v.organisationUnitDisplayName,
    periodId: v.periodId,
    attributeOptionComboId: v.attributeOptionComboId,
    leftSideValue: v.leftSideValue,
    operator: v.operator,
    rightSideValue: v.rightSideValue,
    blockingDataSet,
  };
}

/**
 * The violations that refuse a completion the import asks for (completeDate, ADX groups) under
 * validCompleteOnly, as the summary lists them; none when the completion may be registered.
 */
export async function completionRefusal(client: Client, registration: Registration): Promise<ImportValidationViolation[]> {
  const { dataSet, violations } = await completionViolations(client, registration);
  if (violations.length === 0) return [];
  const { rows } = await client.query<{ id: string; name_en: string | null }>(
    'SELECT coalesce(code, uid) AS id, name_en FROM validation_rule WHERE coalesce(code, uid) = ANY($1)',
    [violations.map((v) => v.validationRuleId)],
  );
  const nameEn = new Map(rows.map((row) => [row.id, row.name_en]));
  return violations.map((v) => importViolation(v, nameEn.get(v.validationRuleId) ?? null, dataSet));
}

/** The data sets with validCompleteOnly assigned to these org units, with their data elements among those written. */
async function blockingDataSets(client: Client, orgUnitIds: number[], dataElementIds: number[]) {
  if (orgUnitIds.length === 0) return [];
  const { rows } = await client.query<{ code: string | null; uid: string; org_unit_id: number; data_element_id: number }>(
    `SELECT ds.code, ds.uid, dso.org_unit_id, dse.data_element_id
     FROM data_set ds JOIN data_set_org_unit dso ON dso.data_set_id = ds.id JOIN data_set_element dse ON dse.data_set_id = ds.id
     WHERE ds.validation_blocking AND dso.org_unit_id = ANY($1) AND dse.data_element_id = ANY($2)
     ORDER BY ds.code, ds.uid`,
    [orgUnitIds, dataElementIds],
  );
  return rows;
}
