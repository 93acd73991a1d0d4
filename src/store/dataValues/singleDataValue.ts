// One data value at a time, for the data entry form (DHIS2 /api/dataValues): read it by its
// key, and write or delete it through the same import pipeline as files, so that one value
// gets exactly the checks, counts and audit rows a file of values gets.
import type { DataValueInput } from '../../core/dataValueSets/dataValueSet.ts';
import type { ImportSummary } from '../../core/dataValueSets/importSummary.ts';
import { DenwError } from '../../core/errors.ts';
import { inSubtrees } from '../../core/metadata/hierarchy.ts';
import { parsePeriod } from '../../core/periods/periods.ts';
import type { Database } from '../database.ts';
import { findAttributeOptionCombo } from './attributeOptionCombo.ts';
import { importDataValues, type Importer, type ImportHooks } from './importDataValues.ts';

/** A data value's key; identifiers are codes or UIDs. */
export interface DataValueKey {
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo?: string;
  /** The attribute option combo, or the attribute combo and its options (DHIS2 cc and cp). */
  attributeOptionCombo?: string;
  attributeCombo?: string;
  attributeOptions?: string[];
  dataSet?: string;
}

async function attributeOf(database: Database, key: DataValueKey): Promise<string | undefined> {
  if (key.attributeOptionCombo !== undefined) return key.attributeOptionCombo;
  if (key.attributeCombo !== undefined) return (await findAttributeOptionCombo(database.pool, key.attributeCombo, key.attributeOptions)).uid;
  return undefined;
}

export interface StoredDataValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo: string;
  attributeOptionCombo: string;
  value: string;
  comment: string | null;
  followUp: boolean;
  storedBy: string | null;
  created: string;
  lastUpdated: string;
}

/** The stored value, or undefined; OUT_OF_SCOPE when its org unit is outside `scopePaths`. */
export async function readDataValue(database: Database, key: DataValueKey, scopePaths: string[]): Promise<StoredDataValue | undefined> {
  const period = parsePeriod(key.period);
  const attribute = await attributeOf(database, key);
  const { rows } = await database.pool.query(
    `SELECT de.code AS de_code, de.uid AS de_uid, ou.code AS ou_code, ou.uid AS ou_uid, ou.path, coc.code AS coc_code, coc.uid AS coc_uid,
       aoc.code AS aoc_code, aoc.uid AS aoc_uid, dv.value, dv.comment, dv.followup, dv.stored_by, dv.created, dv.last_updated
     FROM data_value dv
     JOIN data_element de ON de.id = dv.data_element_id JOIN period p ON p.id = dv.period_id JOIN org_unit ou ON ou.id = dv.org_unit_id
     JOIN category_option_combo coc ON coc.id = dv.category_option_combo_id JOIN category_option_combo aoc ON aoc.id = dv.attribute_option_combo_id
     WHERE $1 IN (de.code, de.uid) AND p.iso = $2 AND $3 IN (ou.code, ou.uid)
       AND (CASE WHEN $4::text IS NULL THEN coc.uid = 'HllvX50cXC0' ELSE $4 IN (coc.code, coc.uid) END)
       AND (CASE WHEN $5::text IS NULL THEN aoc.uid = 'HllvX50cXC0' ELSE $5 IN (aoc.code, aoc.uid) END)`,
    [key.dataElement, period.id, key.orgUnit, key.categoryOptionCombo ?? null, attribute ?? null],
  );
  const row = rows[0];
  if (!row) return undefined;
  if (!inSubtrees(row.path, scopePaths)) {
    throw new DenwError('OUT_OF_SCOPE', { orgUnit: row.ou_code ?? row.ou_uid }, 'ou');
  }
  return {
    dataElement: row.de_code ?? row.de_uid,
    period: period.id,
    orgUnit: row.ou_code ?? row.ou_uid,
    categoryOptionCombo: row.coc_code ?? row.coc_uid,
    attributeOptionCombo: row.aoc_code ?? row.aoc_uid,
    value: row.value,
    comment: row.comment,
    followUp: row.followup,
    storedBy: row.stored_by,
    created: row.created.toISOString(),
    lastUpdated: row.last_updated.toISOString(),
  };
}

/**
 * Writes one value (deletes it when `value` is empty, as the DHIS2 data entry form does when
 * a field is cleared) or, with `remove`, deletes it. Returns the import summary of that one
 * value: one conflict when refused.
 */
export async function writeDataValue(
  database: Database,
  key: DataValueKey,
  change: { value?: string; comment?: string; followUp?: boolean; remove?: boolean },
  importer: Importer,
  hooks: ImportHooks = {},
): Promise<ImportSummary> {
  const attributeOptionCombo = await attributeOf(database, key);
  const clearing = change.value === undefined || change.value.trim() === '';
  const input: DataValueInput = {
    index: 0,
    row: 1,
    dataSet: key.dataSet,
    dataElement: key.dataElement,
    period: key.period,
    orgUnit: key.orgUnit,
    categoryOptionCombo: key.categoryOptionCombo,
    attributeOptionCombo,
    value: change.value,
    comment: change.comment,
    followup: change.followUp,
    deleted: change.remove === true || clearing,
  };
  const source = { header: {}, conflicts: [], completions: [], batches: (async function* () { yield [input]; })() };
  return importDataValues(
    database,
    source,
    { idSchemes: {}, dryRun: false, importStrategy: change.remove ? 'DELETE' : 'CREATE_AND_UPDATE', atomicMode: 'ALL', async: false, skipValidation: true },
    importer,
    hooks,
  );
}
