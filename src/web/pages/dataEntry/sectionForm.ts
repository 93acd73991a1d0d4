// DHIS2's default section form, as a layout: each section of the data set becomes one table
// per category combination (data elements sharing a disaggregation share a table), with the
// category option combos as columns under one header row per category (DHIS2 dhis-web-dataentry
// DefaultSectionFormRenderer / the 2.39+ aggregate data entry app's SectionFormSection: the
// options of the first category span the options of the next), and totals for numbers.
// A data set without sections gets one section holding all its elements, as DHIS2's default form.
import { isNumericType, valueTypeProblem } from '../../../core/dataValueSets/valueTypes.ts';

export interface Named {
  id: string;
  code: string | null;
  name: string;
}

export interface CategoryOptionCombo extends Named {
  /** UIDs of the combo's category options (one per category), when the server sends them. */
  categoryOptions?: string[];
}

export interface Category extends Named {
  categoryOptions: Named[];
}

export interface CategoryCombo extends Named {
  categories: Category[];
  categoryOptionCombos: CategoryOptionCombo[];
}

export interface FormDataElement extends Named {
  /** DHIS2 formName: the label a form shows when it differs from the name. */
  formName?: string | null;
  valueType: string;
  categoryCombo: CategoryCombo;
}

export interface FormSection {
  name: string;
  dataElements: FormDataElement[];
}

export interface HeaderCell {
  label: string;
  span: number;
  /** Unique within the table: the path of option ids down to this cell. */
  key: string;
}

export interface FormTable {
  combo: CategoryCombo;
  /** One row per category (a single row of combo names when the categories are unknown). */
  headerRows: HeaderCell[][];
  columns: CategoryOptionCombo[];
  /** For each column, the keys of the header cells above it (for aria-labelledby). */
  columnHeaderKeys: string[][];
  rows: FormDataElement[];
  /** Row totals when a row has several numeric cells; column totals when a column has several within a disaggregation. */
  rowTotals: boolean;
  columnTotals: boolean;
}

const sameOptions = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id));

/**
 * The columns of a combo in DHIS2's order: the cartesian product of the categories' options,
 * first category outermost. A combo's option combo is found by its options, or else by its code
 * (the options' codes joined with `_`, the rule Denw and DHIS2 packages follow). When neither
 * identifies every column, the combos are shown as the server lists them under one header row.
 */
function layoutColumns(combo: CategoryCombo): Pick<FormTable, 'headerRows' | 'columns' | 'columnHeaderKeys'> {
  const flat = () => ({
    headerRows: [combo.categoryOptionCombos.map((coc) => ({ label: coc.name, span: 1, key: coc.id }))],
    columns: combo.categoryOptionCombos,
    columnHeaderKeys: combo.categoryOptionCombos.map((coc) => [coc.id]),
  });
  const { categories } = combo;
  if (categories.length === 0 || categories.some((category) => category.categoryOptions.length === 0)) return flat();
  let paths: Named[][] = [[]];
  for (const category of categories) paths = paths.flatMap((path) => category.categoryOptions.map((option) => [...path, option]));
  const columns: CategoryOptionCombo[] = [];
  for (const path of paths) {
    const ids = path.map((option) => option.id);
    const code = path.every((option) => option.code) ? path.map((option) => option.code).join('_') : undefined;
    const match =
      combo.categoryOptionCombos.find((coc) => coc.categoryOptions && sameOptions(coc.categoryOptions, ids)) ??
      (code === undefined ? undefined : combo.categoryOptionCombos.find((coc) => coc.code === code));
    if (!match) return flat();
    columns.push(match);
  }
  const headerRows = categories.map((_, depth) => {
    const span = categories.slice(depth + 1).reduce((product, category) => product * category.categoryOptions.length, 1);
    const cells: HeaderCell[] = [];
    for (let index = 0; index < paths.length; index += span) {
      const path = paths[index]!;
      cells.push({ label: path[depth]!.name, span, key: path.slice(0, depth + 1).map((option) => option.id).join('.') });
    }
    return cells;
  });
  const columnHeaderKeys = paths.map((path) => path.map((_, depth) => path.slice(0, depth + 1).map((option) => option.id).join('.')));
  return { headerRows, columns, columnHeaderKeys };
}

/** DHIS2's default combo (one option, "default"): its single column is headed "Value". */
export const isDefaultCombo = (combo: CategoryCombo) => combo.code === 'default' || combo.name === 'default';

/** The tables of one section: its elements grouped by category combo, in the order they first appear. */
export function sectionTables(section: FormSection): FormTable[] {
  const groups = new Map<string, FormDataElement[]>();
  for (const element of section.dataElements) {
    const group = groups.get(element.categoryCombo.id);
    if (group) group.push(element);
    else groups.set(element.categoryCombo.id, [element]);
  }
  return [...groups.values()].map((rows) => {
    const combo = rows[0]!.categoryCombo;
    const layout = layoutColumns(combo);
    const numericRows = rows.filter((row) => isNumericType(row.valueType)).length;
    return {
      combo,
      ...layout,
      rows,
      rowTotals: numericRows > 0 && layout.columns.length > 1,
      // Adding up different data elements is meaningful within a disaggregation (doses of
      // every antigen by age and sex, the tally-sheet total), not across unrelated counts
      // without one (live births + surviving infants), so default-combo tables get no totals row.
      columnTotals: numericRows > 1 && !isDefaultCombo(combo),
    };
  });
}

/** The key of one cell (data element × category option combo), as values are stored in the form. */
export const cellKey = (dataElement: string, categoryOptionCombo: string) => `${dataElement}.${categoryOptionCombo}`;

/** What a cell holds, as people read it: `BCG — doses administrées · 0–11 mois, Féminin`. */
export function cellLabel(dataElements: readonly FormDataElement[], key: string): string {
  const [elementId, comboId] = key.split('.');
  const element = dataElements.find((candidate) => candidate.id === elementId);
  if (!element) return key;
  const name = element.formName || element.name;
  const coc = element.categoryCombo.categoryOptionCombos.find((candidate) => candidate.id === comboId);
  return coc && !isDefaultCombo(element.categoryCombo) ? `${name} · ${coc.name}` : name;
}

/**
 * Row, column and grand totals of a table from the current cell texts: numeric data elements
 * only, valid numbers only (an invalid cell is shown as invalid, not silently added).
 */
export function tableTotals(table: FormTable, valueOf: (key: string) => string | undefined) {
  const number = (element: FormDataElement, coc: CategoryOptionCombo) => {
    if (!isNumericType(element.valueType)) return undefined;
    const text = valueOf(cellKey(element.id, coc.id))?.trim();
    if (!text || valueTypeProblem(text, element.valueType)) return undefined;
    return Number(text);
  };
  const add = (values: Array<number | undefined>) => {
    const present = values.filter((value): value is number => value !== undefined);
    return present.length === 0 ? undefined : present.reduce((sum, value) => sum + value, 0);
  };
  const rows = new Map(table.rows.map((element) => [element.id, add(table.columns.map((coc) => number(element, coc)))]));
  const columns = new Map(table.columns.map((coc) => [coc.id, add(table.rows.map((element) => number(element, coc)))]));
  return { rows, columns, grand: add([...rows.values()]) };
}

/** Sections as the form shows them; a data set without sections gets one, named after it. */
export function formSections(dataSet: { name: string; sections: FormSection[]; dataElements: FormDataElement[] }): FormSection[] {
  if (dataSet.sections.length > 0) return dataSet.sections;
  return [{ name: dataSet.name, dataElements: dataSet.dataElements }];
}
