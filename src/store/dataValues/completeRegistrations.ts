// Complete data set registrations (DHIS2 completeDataSetRegistration): a data set marked
// complete for an org unit, period and attribute option combo, by whom and when.
import type pg from 'pg';
import { expiredSince } from '../../core/dataValueSets/expiryDays.ts';
import { DenwError } from '../../core/errors.ts';
import { inSubtrees } from '../../core/metadata/hierarchy.ts';
import { parsePeriod, type Period } from '../../core/periods/periods.ts';
import { runValidation, type ValidationViolation } from '../analytics/validationRun.ts';
import { registerPeriods } from './dataValueMerge.ts';
import { findAttributeOptionCombo } from './attributeOptionCombo.ts';

export interface Registration {
  dataSetId: number;
  period: Period;
  orgUnitId: number;
  attributeOptionComboId: number;
}

type Client = Pick<pg.PoolClient, 'query'>;

/** Marks complete (again): the date and the user are replaced, as DHIS2 handleComplete does. */
export async function registerComplete(client: Client, registration: Registration, completedBy: string, completed: string | Date): Promise<void> {
  await registerPeriods(client, [registration.period]);
  await client.query(
    `INSERT INTO complete_data_set_registration (data_set_id, period_id, org_unit_id, attribute_option_combo_id, completed_by, completed)
     SELECT $1, p.id, $3, $4, $5, $6 FROM period p WHERE p.iso = $2
     ON CONFLICT (data_set_id, period_id, org_unit_id, attribute_option_combo_id)
     DO UPDATE SET completed_by = excluded.completed_by, completed = excluded.completed`,
    [registration.dataSetId, registration.period.id, registration.orgUnitId, registration.attributeOptionComboId, completedBy, completed],
  );
}

/**
 * The violations that forbid a completion: DHIS2's validCompleteOnly ("Complete allowed only
 * if validation passes", data set maintenance; column validation_blocking) — the rules of the
 * data set (those reading one of its data elements) broken at the org unit, period and
 * attribute option combo. None when the data set does not ask for it.
 */
export async function completionViolations(client: Client, registration: Registration): Promise<{ dataSet: string; violations: ValidationViolation[] }> {
  const { rows } = await client.query<{ ds: string; blocking: boolean; ou: string; aoc: string }>(
    `SELECT coalesce(ds.code, ds.uid) AS ds, ds.validation_blocking AS blocking, ou.uid AS ou, coalesce(coc.code, coc.uid) AS aoc
     FROM data_set ds, org_unit ou, category_option_combo coc WHERE ds.id = $1 AND ou.id = $2 AND coc.id = $3`,
    [registration.dataSetId, registration.orgUnitId, registration.attributeOptionComboId],
  );
  const found = rows[0];
  if (!found?.blocking) return { dataSet: found?.ds ?? '', violations: [] };
  const violations = await runValidation(client, { orgUnits: [found.ou], periods: [registration.period.id], dataSet: found.ds });
  return { dataSet: found.ds, violations: violations.filter((v) => v.attributeOptionComboId === found.aoc) };
}

/** Refuses (COMPLETION_VALIDATION_FAILED, 409) a completion that validCompleteOnly forbids. */
export async function assertValidCompletion(client: Client, registration: Registration, key: CompletionKey): Promise<void> {
  const { violations } = await completionViolations(client, registration);
  if (violations.length === 0) return;
  const rules = [...new Set(violations.map((v) => v.validationRuleId))].join(', ');
  throw new DenwError('COMPLETION_VALIDATION_FAILED', { dataSet: key.dataSet, orgUnit: key.orgUnit, period: registration.period.id, count: violations.length, rules }, 'ds');
}

/**
 * Refuses (COMPLETION_PERIOD_EXPIRED, 409) completing, or undoing the completion of, a period
 * past its data set's expiry days, as DHIS2 2.42 refuses both for a locked data set
 * (DataSet.isLocked; core/dataValueSets/expiryDays.ts) unless the user may edit expired periods.
 */
export async function assertCompletionOpen(client: Client, registration: Registration, key: CompletionKey, entry: { today: string; mayEditExpired: boolean }): Promise<void> {
  if (entry.mayEditExpired) return;
  const { rows } = await client.query<{ expiry_days: number }>('SELECT expiry_days FROM data_set WHERE id = $1', [registration.dataSetId]);
  const expiryDays = rows[0]?.expiry_days ?? 0;
  const lastDay = expiredSince(registration.period.endDate, expiryDays, entry.today);
  if (lastDay !== null) throw new DenwError('COMPLETION_PERIOD_EXPIRED', { dataSet: key.dataSet, period: registration.period.id, lastDay }, 'pe');
}

/** Removes the registration; true when there was one. */
export async function unregisterComplete(client: Client, registration: Registration): Promise<boolean> {
  const result = await client.query(
    `DELETE FROM complete_data_set_registration r USING period p
     WHERE r.period_id = p.id AND p.iso = $2 AND r.data_set_id = $1 AND r.org_unit_id = $3 AND r.attribute_option_combo_id = $4`,
    [registration.dataSetId, registration.period.id, registration.orgUnitId, registration.attributeOptionComboId],
  );
  return (result.rowCount ?? 0) > 0;
}

/** A completion as the API states it: codes or UIDs, and the attribute combo and options. */
export interface CompletionKey {
  dataSet: string;
  period: string;
  orgUnit: string;
  attributeCombo?: string;
  attributeOptions?: string[];
}

/**
 * Resolves and checks a completion: the data set and org unit exist, the org unit is in the
 * user's scope and assigned to the data set, and the period is of the data set's type.
 */
export async function resolveRegistration(client: Client, key: CompletionKey, scopePaths: string[]): Promise<Registration> {
  const { rows: dataSets } = await client.query<{ id: number; period_type: string }>('SELECT id, period_type FROM data_set WHERE $1 IN (code, uid)', [key.dataSet]);
  const dataSet = dataSets[0];
  if (!dataSet) throw new DenwError('COMPLETION_DATA_SET_UNKNOWN', { dataSet: key.dataSet }, 'ds');
  const { rows: units } = await client.query<{ id: number; path: string; assigned: boolean }>(
    `SELECT ou.id, ou.path, EXISTS (SELECT 1 FROM data_set_org_unit a WHERE a.data_set_id = $2 AND a.org_unit_id = ou.id) AS assigned
     FROM org_unit ou WHERE $1 IN (ou.code, ou.uid)`,
    [key.orgUnit, dataSet.id],
  );
  const unit = units[0];
  if (!unit) throw new DenwError('COMPLETION_ORG_UNIT_UNKNOWN', { orgUnit: key.orgUnit }, 'ou');
  if (!inSubtrees(unit.path, scopePaths)) throw new DenwError('OUT_OF_SCOPE', { orgUnit: key.orgUnit }, 'ou');
  if (!unit.assigned) throw new DenwError('COMPLETION_NOT_ASSIGNED', { dataSet: key.dataSet, orgUnit: key.orgUnit }, 'ou');
  const period = parsePeriod(key.period);
  if (period.type !== dataSet.period_type) throw new DenwError('COMPLETION_PERIOD_TYPE', { period: period.id, periodType: dataSet.period_type }, 'pe');
  const attribute = await findAttributeOptionCombo(client, key.attributeCombo, key.attributeOptions);
  return { dataSetId: dataSet.id, period, orgUnitId: unit.id, attributeOptionComboId: attribute.id };
}
