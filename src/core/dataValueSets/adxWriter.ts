// ADX export (IHE QRPH ADX, namespace urn:ihe:qrph:adx:2015), written as DHIS2 writes it
// (dxf2/adx/DefaultAdxDataService.writeDataValueSet): one group per data set, period, org unit
// and attribute option combo, the period as start date/duration, disaggregations as
// CATEGORY="OPTION" attributes, and non-numeric values as value="0" with the text in an
// annotation. Denw also writes the DXF2 fields DHIS2's ADX reader passes through (comment,
// storedBy, created, lastUpdated, followup), so that an ADX export re-imports without loss.
import { periodToAdx } from '../periods/adx.ts';
import { parsePeriod } from '../periods/periods.ts';
import type { ExportedDataValue } from './csvDataValueSet.ts';

const XML_NAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;

/** Whether a category identifier can be an XML attribute name (ADX requires it). */
export const isXmlName = (name: string) => XML_NAME.test(name) && !/^xml/i.test(name);

export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\r', '&#13;')
    .replaceAll('\t', '&#9;');
}

const attributes = (fields: Array<[string, string | null | undefined]>) =>
  fields
    .filter((field): field is [string, string] => field[1] !== null && field[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('');

export function adxOpen(exported: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<adx xmlns="urn:ihe:qrph:adx:2015" exported="${escapeXml(exported)}">\n`;
}

export const adxClose = '</adx>\n';

/**
 * A disaggregation as ADX writes it: one attribute per category when every category
 * identifier is a valid XML name, otherwise the combo's own identifier.
 */
export type AdxDisaggregation = { categories: Array<[string, string]> } | { optionCombo: string };

function disaggregation(value: AdxDisaggregation, comboAttribute: string): Array<[string, string]> {
  return 'categories' in value ? value.categories : [[comboAttribute, value.optionCombo]];
}

export interface AdxGroup {
  dataSet: string;
  /** DHIS2 ISO period id. */
  period: string;
  orgUnit: string;
  /** Empty categories for the default attribute combo. */
  attribute: AdxDisaggregation;
}

export function adxGroupOpen(group: AdxGroup): string {
  const fields: Array<[string, string]> = [
    ['dataSet', group.dataSet],
    ['period', periodToAdx(parsePeriod(group.period))],
    ['orgUnit', group.orgUnit],
    ...disaggregation(group.attribute, 'attributeOptionCombo'),
  ];
  return `  <group${attributes(fields)}>\n`;
}

export const adxGroupClose = '  </group>\n';

export function adxDataValue(value: ExportedDataValue, categories: AdxDisaggregation, numeric: boolean): string {
  const fields: Array<[string, string | null]> = [
    ['dataElement', value.dataElement],
    ...disaggregation(categories, 'categoryOptionCombo'),
    ['value', numeric ? value.value : '0'],
    ['comment', value.comment],
    ['storedBy', value.storedBy],
    ['created', value.created],
    ['lastUpdated', value.lastUpdated],
    ['followup', value.followup ? 'true' : null],
  ];
  const open = `    <dataValue${attributes(fields)}`;
  return numeric ? `${open}/>\n` : `${open}>\n      <annotation>${escapeXml(value.value)}</annotation>\n    </dataValue>\n`;
}
