// The audit trail of aggregate data values, read as DHIS2's GET /api/audits/dataValue reads it
// (dhis-web-api AuditController.getAggregateDataValueAudit: ds, de, pe, ou, co, cc, auditType,
// page, pageSize): every CREATE, UPDATE and DELETE the import path wrote into data_value_audit
// (dataValueMerge.ts), newest first, only at org units inside the reader's scope.
//
// A value not changed since its creation has no audit row yet (migration 093): its CREATE is
// read from the value itself (value, storedBy, created), as DHIS2 starts a value's trail with
// its creation. Values counted from the child registry (source 'registry') are not audited: the
// registry's records are their trail (rollup.ts).
//
// Unlike DHIS2 before 2.43, whose audit row holds one value (the value replaced), Denw's row
// holds both: `previousValue` (none for a creation) and `value` (none for a deletion).
import { sql } from 'kysely';
import { DenwError } from '../../core/errors.ts';
import type { Database } from '../database.ts';
import { pathInScope } from '../orgUnitScope.ts';
import { registrySource } from '../rollup/rollup.ts';

export const auditTypes = ['CREATE', 'UPDATE', 'DELETE'] as const;
export type AuditType = (typeof auditTypes)[number];

export interface DataValueAuditQuery {
  /** Data sets: their data elements' audits (DHIS2 adds them to `de`). Codes or UIDs. */
  dataSets: string[];
  dataElements: string[];
  /** DHIS2 period ids, already checked. */
  periods: string[];
  /** The audits of these org units themselves (not of the units below, as DHIS2). */
  orgUnits: string[];
  categoryOptionCombo?: string | undefined;
  attributeOptionCombo?: string | undefined;
  auditTypes: AuditType[];
  page: number;
  pageSize: number;
}

export interface DataValueAudit {
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo: string;
  attributeOptionCombo: string;
  auditType: AuditType;
  previousValue: string | null;
  value: string | null;
  modifiedBy: string | null;
  created: string;
}

export interface DataValueAuditPage {
  total: number;
  dataValueAudits: DataValueAudit[];
}

type IdentifiedTable = 'data_set' | 'data_element' | 'org_unit' | 'category_option_combo';

/** Internal ids of the objects named by code or UID; DATA_EXPORT_UNKNOWN (400) names the first unknown one. */
async function idsOf(database: Database, table: IdentifiedTable, references: string[], parameter: string): Promise<number[]> {
  if (references.length === 0) return [];
  const rows = await database.db
    .selectFrom(table)
    .select(['id', 'uid', 'code'])
    .where((eb) => eb.or([eb('code', 'in', references), eb('uid', 'in', references)]))
    .execute();
  const unknown = references.find((reference) => !rows.some((row) => row.uid === reference || row.code === reference));
  if (unknown !== undefined) throw new DenwError('DATA_EXPORT_UNKNOWN', { field: parameter, identifier: unknown }, parameter);
  return rows.map((row) => row.id);
}

/**
 * One page of audits matching every given filter, newest first (the order the changes were
 * written in: `created`, then the serial id for changes of one transaction). `readPaths` are
 * the roots of the reader's scope (policy.readScope): audits of units outside them are never
 * listed; an org unit named in `ou` is first given to `assertCanRead` (policy.assertCanRead,
 * 403 OUT_OF_SCOPE), so that asking for another region is refused, not answered empty.
 */
export async function listDataValueAudits(
  database: Database,
  query: DataValueAuditQuery,
  reader: { readPaths: readonly string[]; assertCanRead: (path: string, label: string) => void },
): Promise<DataValueAuditPage> {
  const dataSetIds = await idsOf(database, 'data_set', query.dataSets, 'ds');
  const dataElementIds = await idsOf(database, 'data_element', query.dataElements, 'de');
  if (dataSetIds.length > 0) {
    const members = await database.db.selectFrom('data_set_element').select('data_element_id').where('data_set_id', 'in', dataSetIds).execute();
    dataElementIds.push(...members.map((member) => member.data_element_id));
    // A data set without data elements has no audits: no filter must not mean every audit.
    if (dataElementIds.length === 0) return { total: 0, dataValueAudits: [] };
  }
  const orgUnitIds = await idsOf(database, 'org_unit', query.orgUnits, 'ou');
  if (orgUnitIds.length > 0) {
    const units = await database.db.selectFrom('org_unit').select(['uid', 'code', 'path']).where('id', 'in', orgUnitIds).orderBy('path').execute();
    for (const unit of units) reader.assertCanRead(unit.path, unit.code ?? unit.uid);
  }
  const [coc] = await idsOf(database, 'category_option_combo', query.categoryOptionCombo ? [query.categoryOptionCombo] : [], 'co');
  const [aoc] = await idsOf(database, 'category_option_combo', query.attributeOptionCombo ? [query.attributeOptionCombo] : [], 'cc');

  const key = ['data_element_id', 'period_id', 'org_unit_id', 'category_option_combo_id', 'attribute_option_combo_id'] as const;
  const trail = database.db
    .selectFrom('data_value_audit')
    .select([...key, 'audit_type', 'previous_value', 'value', 'modified_by', 'created', sql<number | null>`id`.as('id')])
    .unionAll(
      database.db
        .selectFrom('data_value')
        .select([...key, sql<AuditType>`'CREATE'`.as('audit_type'), sql<string | null>`NULL`.as('previous_value'), 'value', 'stored_by as modified_by', 'created', sql<number | null>`NULL`.as('id')])
        .where('create_audited', '=', false)
        .where('source', 'is distinct from', registrySource),
    );
  const filtered = database.db
    .selectFrom(trail.as('a'))
    .innerJoin('org_unit as ou', 'ou.id', 'a.org_unit_id')
    .where(pathInScope('ou.path', reader.readPaths))
    .$if(dataElementIds.length > 0, (q) => q.where('a.data_element_id', 'in', dataElementIds))
    .$if(query.periods.length > 0, (q) => q.where('a.period_id', 'in', (eb) => eb.selectFrom('period').select('id').where('iso', 'in', query.periods)))
    .$if(orgUnitIds.length > 0, (q) => q.where('a.org_unit_id', 'in', orgUnitIds))
    .$if(coc !== undefined, (q) => q.where('a.category_option_combo_id', '=', coc!))
    .$if(aoc !== undefined, (q) => q.where('a.attribute_option_combo_id', '=', aoc!))
    .$if(query.auditTypes.length > 0, (q) => q.where('a.audit_type', 'in', query.auditTypes));

  const { total } = await filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await filtered
    .innerJoin('data_element as de', 'de.id', 'a.data_element_id')
    .innerJoin('period as p', 'p.id', 'a.period_id')
    .innerJoin('category_option_combo as coc', 'coc.id', 'a.category_option_combo_id')
    .innerJoin('category_option_combo as aoc', 'aoc.id', 'a.attribute_option_combo_id')
    .select([
      'de.code as deCode', 'de.uid as deUid', 'p.iso as period', 'ou.code as ouCode', 'ou.uid as ouUid',
      'coc.code as cocCode', 'coc.uid as cocUid', 'aoc.code as aocCode', 'aoc.uid as aocUid',
      'a.audit_type as auditType', 'a.previous_value as previousValue', 'a.value', 'a.modified_by as modifiedBy', 'a.created',
    ])
    .orderBy('a.created', 'desc')
    .orderBy('a.id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    total: Number(total),
    dataValueAudits: rows.map((row) => ({
      // Identified by code, or by UID when the object has none (as the data value routes answer).
      dataElement: row.deCode ?? row.deUid,
      period: row.period,
      orgUnit: row.ouCode ?? row.ouUid,
      categoryOptionCombo: row.cocCode ?? row.cocUid,
      attributeOptionCombo: row.aocCode ?? row.aocUid,
      auditType: row.auditType,
      previousValue: row.previousValue,
      value: row.value,
      modifiedBy: row.modifiedBy,
      created: new Date(row.created as Date | string).toISOString(),
    })),
  };
}
