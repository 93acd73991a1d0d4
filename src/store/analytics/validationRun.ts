// Validation-rule runs: each rule's two sides evaluated on aggregated values (the same values
// analytics shows) for each org unit and period it applies to, and the violations listed.
// DHIS2's rules (docs.dhis2.org, "Validation rules"; dhis2-core DataValidationTask):
// - a rule runs for the periods of its own period type inside the requested period, at the
//   org units of its `organisationUnitLevels` if it lists any, otherwise at the org units that
//   have a data set containing one of its data elements;
// - each attribute option combo with data is checked apart;
// - each side follows its missing-value strategy (skipped when all, or any, of its items lack a
//   value; NEVER_SKIP counts them as 0);
// - compulsory_pair is violated when one side has a value and the other not, exclusive_pair
//   when both have one; the other operators compare the two values, equality with DHIS2's
//   tolerance of 1e-10 (MathUtils.isEqual).
// A rule Denw cannot evaluate — an expression that does not parse, or one naming a data element,
// constant or group that does not exist — is left out of the run and reported beside the
// violations, instead of failing the whole run: DHIS2 stores such rules (its own e2e metadata
// export has Kejj3gJ2GD0, whose right side ends `+ #jtyuEfbNbkb}`), and one of them must not
// stop every other rule of the country from being checked.
import { itemsOf, type Expression } from '../../core/expression/ast.ts';
import type { MissingValueStrategy } from '../../core/expression/evaluate.ts';
import { parseExpression } from '../../core/expression/parseExpression.ts';
import { DenwError } from '../../core/errors.ts';
import { parsePeriod, periodsWithin, type Period } from '../../core/periods/periods.ts';
import type { PeriodTypeName } from '../../core/periods/periodTypes.ts';
import type { Database } from '../database.ts';
import { inAnalyticsSnapshot, type Queryable } from './snapshot.ts';
import { loadCellValues } from './cellValues.ts';
import { expressionDataItems, loadDataItems, unknownReferences } from './dataItemCatalog.ts';
import { selectOrgUnits, withDescendants, type OrgUnitInfo } from './orgUnitSelection.ts';

export interface ValidationRunRequest {
  /** Org units by code or UID. */
  orgUnits: readonly string[];
  /** Also every org unit below them. */
  includeDescendants?: boolean;
  /** DHIS2 period ids. */
  periods: readonly string[];
  /** Only the rules that read a data element of this data set (code or UID). */
  dataSet?: string;
  /** Only the rules that read one of these data elements (codes or UIDs): an import's own. */
  dataElements?: readonly string[];
  /** Told of each rule left out because it cannot be evaluated. */
  onSkippedRule?: (skipped: SkippedValidationRule) => void;
}

/** A rule left out of a run, and why. */
export interface SkippedValidationRule {
  validationRuleId: string;
  error: DenwError;
}

export interface ValidationViolation {
  validationRuleId: string;
  validationRuleDescription: string;
  importance: 'HIGH' | 'MEDIUM' | 'LOW';
  organisationUnitId: string;
  organisationUnitDisplayName: string;
  organisationUnitPath: string;
  periodId: string;
  attributeOptionComboId: string;
  leftSideValue: number | null;
  operator: string;
  rightSideValue: number | null;
}

interface RuleRow {
  id: number;
  uid: string;
  code: string | null;
  name: string;
  importance: 'HIGH' | 'MEDIUM' | 'LOW';
  operator: string;
  left_expression: string;
  left_missing_value_strategy: MissingValueStrategy;
  right_expression: string;
  right_missing_value_strategy: MissingValueStrategy;
  period_type: PeriodTypeName;
  organisation_unit_levels: number[];
}

interface Rule extends RuleRow {
  left: Expression;
  right: Expression;
  dataElements: string[];
}

const EQUALITY_TOLERANCE = 1e-10;

/** Whether a rule's two side values violate it. */
export function isViolation(operator: string, left: number | undefined, right: number | undefined): boolean {
  if (operator === 'compulsory_pair') return (left === undefined) !== (right === undefined);
  if (operator === 'exclusive_pair') return left !== undefined && right !== undefined;
  if (left === undefined || right === undefined) return false;
  const holds: Record<string, boolean> = {
    equal_to: Math.abs(left - right) < EQUALITY_TOLERANCE,
    not_equal_to: Math.abs(left - right) >= EQUALITY_TOLERANCE,
    greater_than: left > right,
    greater_than_or_equal_to: left >= right,
    less_than: left < right,
    less_than_or_equal_to: left <= right,
  };
  return !holds[operator];
}

function parseRule(row: RuleRow): Rule {
  const parse = (text: string, side: string) => {
    try {
      return parseExpression(text);
    } catch (error) {
      if (!(error instanceof DenwError)) throw error;
      throw new DenwError('VALIDATION_RULE_EXPRESSION_INVALID', { rule: row.code ?? row.uid, side: `@term.${side}` }, undefined, error);
    }
  };
  const left = parse(row.left_expression, 'left');
  const right = parse(row.right_expression, 'right');
  return { ...row, left, right, dataElements: [...new Set([left, right].flatMap((e) => itemsOf(e).dataElements))] };
}

async function applicableUnits(db: Queryable, rule: Rule, units: readonly OrgUnitInfo[]): Promise<OrgUnitInfo[]> {
  if (rule.organisation_unit_levels.length > 0) return units.filter((unit) => rule.organisation_unit_levels.includes(unit.level));
  const { rows } = await db.query<{ org_unit_id: number }>(
    `SELECT DISTINCT dso.org_unit_id FROM data_set_org_unit dso
     JOIN data_set_element dse ON dse.data_set_id = dso.data_set_id
     JOIN data_element de ON de.id = dse.data_element_id
     WHERE dso.org_unit_id = ANY($1) AND (de.code = ANY($2) OR de.uid = ANY($2))`,
    [units.map((u) => u.id), rule.dataElements],
  );
  const assigned = new Set(rows.map((row) => row.org_unit_id));
  return units.filter((unit) => assigned.has(unit.id));
}

/**
 * Runs the validation rules. Given the database, it reads in a snapshot of its own; given a
 * connection (an importer inside its transaction), it reads through that connection and sees
 * that transaction's own uncommitted values.
 */
export async function runValidation(target: Database | Queryable, request: ValidationRunRequest): Promise<ValidationViolation[]> {
  return 'pool' in target ? inAnalyticsSnapshot(target, (db) => validate(db, request)) : validate(target, request);
}

async function validate(db: Queryable, request: ValidationRunRequest): Promise<ValidationViolation[]> {
  const { rows } = await db.query<RuleRow>(
    `SELECT id, uid, code, name, importance, operator, left_expression, left_missing_value_strategy,
            right_expression, right_missing_value_strategy, period_type, organisation_unit_levels
     FROM validation_rule ORDER BY code NULLS LAST, name`,
  );
  const skip = (row: RuleRow, error: DenwError) => request.onSkippedRule?.({ validationRuleId: row.code ?? row.uid, error });
  let rules = rows.flatMap((row) => {
    try {
      return [parseRule(row)];
    } catch (error) {
      if (!(error instanceof DenwError)) throw error;
      skip(row, error);
      return [];
    }
  });
  if (request.dataSet !== undefined) {
    const elements = await db.query<{ uid: string; code: string | null }>(
      `SELECT de.uid, de.code FROM data_set ds JOIN data_set_element dse ON dse.data_set_id = ds.id
       JOIN data_element de ON de.id = dse.data_element_id WHERE ds.code = $1 OR ds.uid = $1`,
      [request.dataSet],
    );
    if (elements.rows.length === 0) {
      const { rowCount } = await db.query('SELECT 1 FROM data_set WHERE code = $1 OR uid = $1', [request.dataSet]);
      if (!rowCount) throw new DenwError('VALIDATION_DATA_SET_NOT_FOUND', { dataSet: request.dataSet }, 'dataSet');
    }
    const inDataSet = new Set(elements.rows.flatMap((e) => [e.uid, e.code ?? e.uid]));
    rules = rules.filter((rule) => rule.dataElements.some((de) => inDataSet.has(de)));
  }
  if (request.dataElements !== undefined) {
    const read = new Set(request.dataElements);
    rules = rules.filter((rule) => rule.dataElements.some((de) => read.has(de)));
  }
  if (rules.length === 0) return [];

  const chosen = await selectOrgUnits(db, request.orgUnits.map((id) => ({ kind: 'orgUnit', id })), [], 'orgUnit');
  const units = request.includeDescendants ? await withDescendants(db, chosen) : chosen;
  const requested = request.periods.map((id) => parsePeriod(id));

  const expressions = rules.flatMap((rule) => [rule.left, rule.right]);
  const catalog = await loadDataItems(db, { dataItems: [], expressions });
  rules = rules.filter((rule) => {
    const unknown = unknownReferences(catalog, [rule.left, rule.right]);
    if (unknown.length > 0) skip(rule, new DenwError('VALIDATION_RULE_REFERENCE_UNKNOWN', { rule: rule.code ?? rule.uid, references: unknown.join(', ') }));
    return unknown.length === 0;
  });
  const periods = new Map<string, Period>();
  for (const rule of rules) for (const p of requested) for (const q of periodsWithin(rule.period_type, p)) periods.set(q.id, q);
  const periodCells = [...periods.values()].map((period) => ({ key: period.id, periods: [period] }));
  const orgUnitCells = units.map((unit) => ({ key: unit.code ?? unit.uid, units: [unit] }));
  const runnable = rules.flatMap((rule) => [rule.left, rule.right]);
  const values = await loadCellValues(db, catalog, { dataElements: [], expressions: runnable, orgUnitCells, periodCells });

  // An import validates a whole national month (1,400 facilities): no scan of the units per unit.
  const unitIndex = new Map(units.map((unit, i) => [unit, i]));
  const violations: Array<ValidationViolation & { aoc: number }> = [];
  for (const rule of rules) {
    const ruleDataElements = expressionDataItems([rule.left, rule.right]).map((item) => catalog.dataElement(item.dataElement)!);
    const rulePeriods = new Set(requested.flatMap((p) => periodsWithin(rule.period_type, p)).map((p) => p.id));
    for (const unit of await applicableUnits(db, rule, units)) {
      const ou = unitIndex.get(unit)!;
      periodCells.forEach((cell, pe) => {
        if (!rulePeriods.has(cell.key)) return;
        const combos = new Set(ruleDataElements.flatMap((de) => values.attributeOptionCombosOf(de, ou, pe)));
        if (combos.size === 0 && rule.left_missing_value_strategy !== 'NEVER_SKIP' && rule.right_missing_value_strategy !== 'NEVER_SKIP') return;
        for (const aoc of combos.size > 0 ? combos : [1]) {
          const filter = { attributeOptionCombos: new Set([aoc]) };
          const left = values.expressionValue(rule.left, ou, pe, rule.left_missing_value_strategy, filter);
          const right = values.expressionValue(rule.right, ou, pe, rule.right_missing_value_strategy, filter);
          if (!isViolation(rule.operator, left, right)) continue;
          violations.push({
            aoc,
            validationRuleId: rule.code ?? rule.uid,
            validationRuleDescription: rule.name,
            importance: rule.importance,
            organisationUnitId: unit.code ?? unit.uid,
            organisationUnitDisplayName: unit.name,
            organisationUnitPath: unit.path,
            periodId: cell.key,
            attributeOptionComboId: '',
            leftSideValue: left ?? null,
            operator: rule.operator,
            rightSideValue: right ?? null,
          });
        }
      });
    }
  }
  const combos = await db.query<{ id: number; uid: string; code: string | null }>(
    'SELECT id, uid, code FROM category_option_combo WHERE id = ANY($1)',
    [[...new Set(violations.map((v) => v.aoc))]],
  );
  const comboId = new Map(combos.rows.map((c) => [c.id, c.code ?? c.uid]));
  return violations.map(({ aoc, ...violation }) => ({ ...violation, attributeOptionComboId: comboId.get(aoc) ?? String(aoc) }));
}
