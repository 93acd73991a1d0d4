// An export as text, chunk by chunk, in DHIS2 JSON, DHIS2 CSV or ADX.
import { adxClose, adxDataValue, adxGroupClose, adxGroupOpen, adxOpen, isXmlName, type AdxDisaggregation } from '../../core/dataValueSets/adxWriter.ts';
import { csvHeaderLine, csvLine } from '../../core/dataValueSets/csvDataValueSet.ts';
import type { IdSchemes } from '../../core/dataValueSets/dataValueSet.ts';
import { exportIdentifier, type MetadataIndex } from '../../core/dataValueSets/importMetadata.ts';
import { jsonClose, jsonOpen, jsonValue } from '../../core/dataValueSets/jsonDataValueSet.ts';
import type { DataValueExport, ExportRow } from './exportDataValues.ts';

export type ExportFormat = 'json' | 'csv' | 'adx';

/** The ADX attributes of an option combo: one per category, or the combo itself (see AdxDisaggregation). */
function disaggregationOf(index: MetadataIndex, schemes: IdSchemes, optionComboId: number): AdxDisaggregation {
  const optionCombo = index.optionComboById.get(optionComboId)!;
  const combo = index.categoryComboById.get(optionCombo.categoryComboId)!;
  const defaultCombo = index.optionComboById.get(index.defaultCategoryOptionComboId)!.categoryComboId;
  if (combo.id === defaultCombo) return { categories: [] };
  const categories: Array<[string, string]> = [];
  for (const categoryId of combo.categoryIds) {
    const category = index.categoryById.get(categoryId)!;
    const optionId = optionCombo.optionIds.find((id) => category.optionIds.includes(id));
    const name = exportIdentifier(category, schemes.category);
    if (optionId === undefined || !isXmlName(name)) return { optionCombo: exportIdentifier(optionCombo, schemes.categoryOptionCombo) };
    categories.push([name, exportIdentifier(index.categoryOptionById.get(optionId)!, schemes.categoryOption)]);
  }
  return { categories };
}

async function* adxText(exported: DataValueExport, exportedAt: string): AsyncGenerator<string> {
  const { index, schemes } = exported;
  const disaggregations = new Map<number, AdxDisaggregation>();
  const disaggregation = (id: number) => {
    let found = disaggregations.get(id);
    if (!found) disaggregations.set(id, (found = disaggregationOf(index, schemes, id)));
    return found;
  };
  yield adxOpen(exportedAt);
  for await (const page of exported.pages) {
    const groups = new Map<string, ExportRow[]>();
    for (const row of page) {
      const key = `${row.dataSetId}\t${row.period}\t${row.orgUnit}\t${row.attributeOptionComboId}`;
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    let text = '';
    for (const rows of groups.values()) {
      const first = rows[0]!;
      const dataSet = index.dataSetById.get(first.dataSetId);
      text += adxGroupOpen({
        dataSet: dataSet ? exportIdentifier(dataSet, schemes.dataSet) : '',
        period: first.period,
        orgUnit: first.orgUnit,
        attribute: disaggregation(first.attributeOptionComboId),
      });
      for (const row of rows) text += adxDataValue(row, disaggregation(row.categoryOptionComboId), row.numeric);
      text += adxGroupClose;
    }
    yield text;
  }
  yield adxClose;
}

async function* jsonText(exported: DataValueExport): AsyncGenerator<string> {
  yield jsonOpen(exported.header);
  let first = true;
  for await (const page of exported.pages) {
    let text = '';
    for (const row of page) {
      const { dataSetId: _d, categoryOptionComboId: _c, attributeOptionComboId: _a, numeric: _n, ...value } = row;
      text += jsonValue(value, first);
      first = false;
    }
    yield text;
  }
  yield jsonClose;
}

async function* csvText(exported: DataValueExport): AsyncGenerator<string> {
  yield csvHeaderLine;
  for await (const page of exported.pages) yield page.map(csvLine).join('');
}

/** The export as text chunks; `exportedAt` is ADX's mandatory `exported` timestamp. */
export function exportText(exported: DataValueExport, format: ExportFormat, exportedAt: string): AsyncGenerator<string> {
  if (format === 'adx') return adxText(exported, exportedAt);
  return format === 'json' ? jsonText(exported) : csvText(exported);
}
