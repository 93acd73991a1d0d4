// The two XML forms of a data value set, read from an element tree (the store parses the
// text; core stays free of I/O and parsers):
// - DHIS2 DXF2 (`<dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0" …><dataValue …/>`),
//   the same fields as JSON, as attributes;
// - ADX (IHE QRPH, namespace urn:ihe:qrph:adx:2015): `<adx><group orgUnit period dataSet …>
//   <dataValue dataElement value CATEGORY="OPTION" …><annotation>…</annotation>`, read as
//   DHIS2 2.42's AdxDataService does: ADX periods (start/duration), category attributes for
//   the combos, the annotation as the value of non-numeric data elements, and the DXF2 fields
//   (comment, storedBy, created, lastUpdated, followup, deleted) passed through.
import { DenwError } from '../errors.ts';
import { periodFromAdx } from '../periods/adx.ts';
import { readHeader, readValueFields, type ReadDataValueSet } from './jsonDataValueSet.ts';
import { trimToUndefined, type DataValueInput } from './dataValueSet.ts';

export interface XmlElement {
  /** Local name, without namespace prefix. */
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text content. */
  text: string;
}

export function readDxf2Xml(root: XmlElement): ReadDataValueSet {
  if (root.name !== 'dataValueSet') throw new DenwError('XML_ROOT_INVALID', { expected: 'dataValueSet', found: root.name });
  const values = root.children.filter((child) => child.name === 'dataValue');
  return { header: readHeader(root.attributes), inputs: values.map((value, index) => readValueFields(value.attributes, index)), conflicts: [] };
}

/** Group attributes that are not attribute categories (ADX 2015 schema and DHIS2 additions). */
const GROUP_FIELDS = new Set(['orgUnit', 'period', 'dataSet', 'attributeOptionCombo', 'completeDate', 'comment']);
/** Data value attributes that are not categories: ADX's own and DXF2's passed-through fields. */
const VALUE_FIELDS = new Set(['dataElement', 'value', 'categoryOptionCombo', 'storedBy', 'created', 'lastUpdated', 'timestamp', 'comment', 'followup', 'deleted']);

function categoryAttributes(attributes: Record<string, string>, known: Set<string>): Record<string, string> {
  const named: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) if (!known.has(name) && !name.includes(':')) named[name] = value.trim();
  return named;
}

/** The DHIS2 period of an ADX period, or the ADX text itself (refused later as E7611). */
function adxPeriod(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    return periodFromAdx(text).id;
  } catch (error) {
    if (error instanceof DenwError) return text;
    throw error;
  }
}

/** ADX completions: each group with a completeDate marks its data set complete. */
export interface CompletionInput {
  dataSet: string;
  period: string;
  orgUnit: string;
  attributeOptionCombo?: string;
  attributeOptions?: Record<string, string>;
  date: string;
}

export function readAdx(root: XmlElement): ReadDataValueSet & { completions: CompletionInput[] } {
  if (root.name !== 'adx') throw new DenwError('XML_ROOT_INVALID', { expected: 'adx', found: root.name });
  const inputs: DataValueInput[] = [];
  const completions: CompletionInput[] = [];
  for (const group of root.children.filter((child) => child.name === 'group')) {
    const g = group.attributes;
    const period = adxPeriod(trimToUndefined(g.period));
    const attributeOptionCombo = trimToUndefined(g.attributeOptionCombo);
    const attributeOptions = attributeOptionCombo === undefined ? categoryAttributes(g, GROUP_FIELDS) : undefined;
    const shared = { dataSet: trimToUndefined(g.dataSet), period, orgUnit: trimToUndefined(g.orgUnit), attributeOptionCombo, attributeOptions };
    const completeDate = trimToUndefined(g.completeDate);
    if (completeDate && shared.dataSet && shared.period && shared.orgUnit) {
      completions.push({ dataSet: shared.dataSet, period: shared.period, orgUnit: shared.orgUnit, attributeOptionCombo, attributeOptions, date: completeDate });
    }
    for (const dataValue of group.children.filter((child) => child.name === 'dataValue')) {
      const index = inputs.length;
      const fields = readValueFields(dataValue.attributes, index);
      const categoryOptionCombo = fields.categoryOptionCombo;
      const annotation = dataValue.children.find((child) => child.name === 'annotation');
      inputs.push({
        ...fields,
        ...shared,
        comment: fields.comment ?? trimToUndefined(g.comment),
        categoryOptions: categoryOptionCombo === undefined ? categoryAttributes(dataValue.attributes, VALUE_FIELDS) : undefined,
        annotation: annotation ? annotation.text : null,
      });
    }
  }
  return { header: {}, inputs, conflicts: [], completions };
}
