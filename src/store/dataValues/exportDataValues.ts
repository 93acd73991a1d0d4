// Data value export, as DHIS2 GET /api/dataValueSets: the values of the requested data sets
// (or data elements), periods (or every period lying between two dates) and org units (with
// their descendants when `children`), inside the user's scope. Request parameters are checked
// as DHIS2's DefaultDataValueSetService.validate and decideAccess check them; values are read
// in pages along the primary key, so an export of any size streams.
import { resolveIdSchemes, type IdSchemeChoice, type IdSchemes } from '../../core/dataValueSets/dataValueSet.ts';
import { exportIdentifier, indexMetadata, type DataSetMeta, type MetadataIndex } from '../../core/dataValueSets/importMetadata.ts';
import type { ExportedDataValue } from '../../core/dataValueSets/csvDataValueSet.ts';
import type { ExportHeader } from '../../core/dataValueSets/jsonDataValueSet.ts';
import { isNumericType } from '../../core/dataValueSets/valueTypes.ts';
import { DenwError } from '../../core/errors.ts';
import { inSubtrees } from '../../core/metadata/hierarchy.ts';
import { parseDay } from '../../core/periods/calendar.ts';
import { parsePeriod } from '../../core/periods/periods.ts';
import type { Database } from '../database.ts';
import { loadImportMetadata } from './importMetadata.ts';

export interface ExportRequest extends IdSchemeChoice {
  dataSet: string[];
  dataElement: string[];
  period: string[];
  startDate?: string;
  endDate?: string;
  orgUnit: string[];
  children: boolean;
  attributeOptionCombo: string[];
}

/** An exported value with the internal ids the ADX writer groups and disaggregates by. */
export interface ExportRow extends ExportedDataValue {
  dataSetId: number;
  categoryOptionComboId: number;
  attributeOptionComboId: number;
  numeric: boolean;
}

export interface DataValueExport {
  header: ExportHeader;
  schemes: IdSchemes;
  index: MetadataIndex;
  pages: AsyncIterable<ExportRow[]>;
}

function resolveAll<T>(lookup: Map<string, T>, identifiers: string[], field: string): T[] {
  return identifiers.map((identifier) => {
    const found = lookup.get(identifier);
    if (!found) throw new DenwError('DATA_EXPORT_UNKNOWN', { field, identifier }, field);
    return found;
  });
}

/** Checks the request (DHIS2 E2001–E2006) and the user's right to read its org units (E2012). */
export async function exportDataValues(database: Database, request: ExportRequest, scopePaths: string[], pageSize = 50_000): Promise<DataValueExport> {
  const schemes = resolveIdSchemes(request);
  const metadata = await loadImportMetadata(database.pool);
  const index = indexMetadata(metadata, schemes);
  // The request names its objects by code or UID whatever the output scheme (DHIS2 has
  // inputIdScheme for them, UID by default; Denw's default is code, with UIDs understood too).
  const input = Object.values(schemes).every((scheme) => scheme === 'code') ? index : indexMetadata(metadata, resolveIdSchemes({}));
  const dataSets = resolveAll(input.dataSet, request.dataSet, 'dataSet');
  const dataElements = resolveAll(input.dataElement, request.dataElement, 'dataElement');
  const orgUnits = resolveAll(input.orgUnit, request.orgUnit, 'orgUnit');
  const attributeCombos = resolveAll(input.categoryOptionCombo, request.attributeOptionCombo, 'attributeOptionCombo');
  if (dataSets.length + dataElements.length === 0) throw new DenwError('DATA_EXPORT_NO_DATA_SET', {}, 'dataSet');
  const hasDates = request.startDate !== undefined || request.endDate !== undefined;
  if (request.period.length === 0 && !hasDates) throw new DenwError('DATA_EXPORT_NO_PERIOD', {}, 'period');
  if (request.period.length > 0 && hasDates) throw new DenwError('DATA_EXPORT_PERIODS_AND_DATES', {}, 'period');
  if (hasDates && (request.startDate === undefined || request.endDate === undefined)) throw new DenwError('DATA_EXPORT_NO_PERIOD', {}, 'startDate');
  if (hasDates) {
    // Year 0000 is a valid ISO date but no PostgreSQL date.
    for (const date of [request.startDate!, request.endDate!]) if (parseDay(date) < parseDay('0001-01-01')) throw new DenwError('DATE_INVALID', { date }, 'startDate');
    if (parseDay(request.startDate!) > parseDay(request.endDate!)) throw new DenwError('DATA_EXPORT_START_AFTER_END', {}, 'startDate');
  }
  if (orgUnits.length === 0) throw new DenwError('DATA_EXPORT_NO_ORG_UNIT', {}, 'orgUnit');
  for (const unit of orgUnits) {
    if (!inSubtrees(unit.path, scopePaths)) {
      throw new DenwError('OUT_OF_SCOPE', { orgUnit: unit.code ?? unit.uid }, 'orgUnit');
    }
  }
  const periods = request.period.map((id) => parsePeriod(id).id);

  // The requested data sets that contain each data element (ADX writes a value in a group of
  // one of them; see dataSetOfRow).
  const dataSetsOf = new Map<number, DataSetMeta[]>();
  for (const dataSet of dataSets) for (const elementId of dataSet.elements.keys()) dataSetsOf.set(elementId, [...(dataSetsOf.get(elementId) ?? []), dataSet]);
  const elementIds = [...new Set([...dataSetsOf.keys(), ...dataElements.map((element) => element.id)])];
  const single = dataSets.length === 1 && dataElements.length === 0 && periods.length === 1 && orgUnits.length === 1 && !request.children;
  const header: ExportHeader = {};
  if (single) {
    const { rows } = await database.pool.query<{ completed: Date }>(
      `SELECT r.completed FROM complete_data_set_registration r JOIN period p ON p.id = r.period_id
       WHERE r.data_set_id = $1 AND p.iso = $2 AND r.org_unit_id = $3 AND r.attribute_option_combo_id = $4`,
      [dataSets[0]!.id, periods[0], orgUnits[0]!.id, index.defaultCategoryOptionComboId],
    );
    header.dataSet = exportIdentifier(dataSets[0]!, schemes.dataSet);
    if (rows[0]) header.completeDate = rows[0].completed.toISOString().slice(0, 10);
    header.period = periods[0];
    header.orgUnit = exportIdentifier(orgUnits[0]!, schemes.orgUnit);
  }

  const filter = {
    elementIds,
    periods: hasDates ? null : periods,
    startDate: request.startDate ?? null,
    endDate: request.endDate ?? null,
    orgUnitIds: orgUnits.map((unit) => unit.id),
    descendantPaths: request.children ? orgUnits.map((unit) => `${unit.path}/%`) : [],
    attributeComboIds: attributeCombos.map((combo) => combo.id),
  };
  return { header, schemes, index, pages: pagesOf(database, filter, index, schemes, dataSetsOf, pageSize) };
}

interface Filter {
  elementIds: number[];
  periods: string[] | null;
  startDate: string | null;
  endDate: string | null;
  orgUnitIds: number[];
  descendantPaths: string[];
  attributeComboIds: number[];
}

interface StoredRow {
  de: number;
  pe: number;
  iso: string;
  ou: number;
  coc: number;
  aoc: number;
  value: string;
  stored_by: string | null;
  created: Date;
  last_updated: Date;
  comment: string | null;
  followup: boolean;
}

async function* pagesOf(
  database: Database,
  filter: Filter,
  index: MetadataIndex,
  schemes: IdSchemes,
  dataSetsOf: Map<number, DataSetMeta[]>,
  pageSize: number,
): AsyncGenerator<ExportRow[]> {
  // A value belongs to the data set whose attribute combo is that of its attribute option
  // combo, as DHIS2's ADX export groups values; the data element's first data set otherwise.
  const dataSetOfRow = (row: StoredRow) => {
    const candidates = dataSetsOf.get(row.de) ?? index.dataSetsByDataElement.get(row.de) ?? [];
    const comboId = index.optionComboById.get(row.aoc)!.categoryComboId;
    return (candidates.find((dataSet) => dataSet.categoryComboId === comboId) ?? candidates[0])?.id ?? 0;
  };
  let after = [0, 0, 0, 0, 0];
  for (;;) {
    const { rows } = await database.pool.query<StoredRow>(
      `SELECT dv.data_element_id AS de, dv.period_id AS pe, p.iso, dv.org_unit_id AS ou, dv.category_option_combo_id AS coc,
         dv.attribute_option_combo_id AS aoc, dv.value, dv.stored_by, dv.created, dv.last_updated, dv.comment, dv.followup
       FROM data_value dv JOIN period p ON p.id = dv.period_id
       WHERE dv.period_id = ANY(ARRAY(SELECT id FROM period
           WHERE CASE WHEN $2::text[] IS NULL THEN start_date >= $3::date AND end_date <= $4::date ELSE iso = ANY($2::text[]) END))
         AND dv.data_element_id = ANY($1::int[])
         AND dv.org_unit_id IN (SELECT id FROM org_unit WHERE id = ANY($5::int[]) OR path LIKE ANY($6::text[]))
         AND (cardinality($7::int[]) = 0 OR dv.attribute_option_combo_id = ANY($7::int[]))
         AND (dv.period_id, dv.org_unit_id, dv.data_element_id, dv.category_option_combo_id, dv.attribute_option_combo_id) > ($8, $9, $10, $11, $12)
       ORDER BY dv.period_id, dv.org_unit_id, dv.data_element_id, dv.category_option_combo_id, dv.attribute_option_combo_id
       LIMIT ${pageSize}`,
      [filter.elementIds, filter.periods, filter.startDate, filter.endDate, filter.orgUnitIds, filter.descendantPaths, filter.attributeComboIds, ...after],
    );
    if (rows.length === 0) return;
    yield rows.map((row) => {
      const element = index.dataElementById.get(row.de)!;
      return {
        dataElement: exportIdentifier(element, schemes.dataElement),
        period: row.iso,
        orgUnit: exportIdentifier(index.orgUnitById.get(row.ou)!, schemes.orgUnit),
        categoryOptionCombo: exportIdentifier(index.optionComboById.get(row.coc)!, schemes.categoryOptionCombo),
        attributeOptionCombo: exportIdentifier(index.optionComboById.get(row.aoc)!, schemes.categoryOptionCombo),
        value: row.value,
        storedBy: row.stored_by,
        created: row.created.toISOString(),
        lastUpdated: row.last_updated.toISOString(),
        comment: row.comment,
        followup: row.followup,
        dataSetId: dataSetOfRow(row),
        categoryOptionComboId: row.coc,
        attributeOptionComboId: row.aoc,
        numeric: isNumericType(element.valueType),
      };
    });
    const last = rows.at(-1)!;
    after = [last.pe, last.ou, last.de, last.coc, last.aoc];
    if (rows.length < pageSize) return;
  }
}
