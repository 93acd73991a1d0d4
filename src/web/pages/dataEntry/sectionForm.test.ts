import { describe, expect, it } from 'vitest';
import { cellKey, cellLabel, formSections, sectionTables, tableTotals, type CategoryCombo, type FormDataElement } from './sectionForm.ts';

// The EPI monthly report's disaggregations (src/programmes): age group × sex, and sex alone.
const option = (id: string, code: string, name: string) => ({ id, code, name });
const under1 = option('oU1', '0-11M', '0–11 mois');
const aged12 = option('oA12', '12-23M', '12–23 mois');
const female = option('oF', 'F', 'Féminin');
const male = option('oM', 'M', 'Masculin');

const ageSex: CategoryCombo = {
  id: 'ccAgeSex',
  code: 'EPI_AGE_SEX',
  name: 'Âge et sexe',
  categories: [
    { id: 'cAge', code: 'EPI_AGE', name: 'Âge', categoryOptions: [under1, aged12] },
    { id: 'cSex', code: 'SEX', name: 'Sexe', categoryOptions: [female, male] },
  ],
  // Deliberately not in display order, and identified by code only (no option list).
  categoryOptionCombos: [
    { id: 'coc4', code: '12-23M_M', name: '12–23 mois, Masculin' },
    { id: 'coc1', code: '0-11M_F', name: '0–11 mois, Féminin' },
    { id: 'coc3', code: '12-23M_F', name: '12–23 mois, Féminin' },
    { id: 'coc2', code: '0-11M_M', name: '0–11 mois, Masculin' },
  ],
};
const sex: CategoryCombo = {
  id: 'ccSex',
  code: 'SEX',
  name: 'Sexe',
  categories: [{ id: 'cSex', code: 'SEX', name: 'Sexe', categoryOptions: [female, male] }],
  categoryOptionCombos: [
    { id: 'cocM', code: null, name: 'Masculin', categoryOptions: ['oM'] },
    { id: 'cocF', code: null, name: 'Féminin', categoryOptions: ['oF'] },
  ],
};
const element = (id: string, combo: CategoryCombo, valueType = 'INTEGER_ZERO_OR_POSITIVE'): FormDataElement => ({ id, code: id, name: id, valueType, categoryCombo: combo });
const bcg = element('BCG', ageSex);
const opv0 = element('OPV0', sex);
const penta1 = element('PENTA1', ageSex);

describe('default section form layout', () => {
  it('groups a section’s data elements by category combo, in order of first appearance', () => {
    const tables = sectionTables({ name: 'Enfants', dataElements: [bcg, opv0, penta1] });
    expect(tables.map((table) => table.combo.code)).toEqual(['EPI_AGE_SEX', 'SEX']);
    expect(tables[0]!.rows.map((row) => row.id)).toEqual(['BCG', 'PENTA1']);
    expect(tables[1]!.rows.map((row) => row.id)).toEqual(['OPV0']);
  });

  it('orders columns as the product of the categories, first category outermost, matched by code', () => {
    const [table] = sectionTables({ name: 'Enfants', dataElements: [bcg] });
    expect(table!.columns.map((coc) => coc.id)).toEqual(['coc1', 'coc2', 'coc3', 'coc4']);
    expect(table!.headerRows).toEqual([
      [
        { label: '0–11 mois', span: 2, key: 'oU1' },
        { label: '12–23 mois', span: 2, key: 'oA12' },
      ],
      [
        { label: 'Féminin', span: 1, key: 'oU1.oF' },
        { label: 'Masculin', span: 1, key: 'oU1.oM' },
        { label: 'Féminin', span: 1, key: 'oA12.oF' },
        { label: 'Masculin', span: 1, key: 'oA12.oM' },
      ],
    ]);
    expect(table!.columnHeaderKeys[3]).toEqual(['oA12', 'oA12.oM']);
  });

  it('matches option combos by their options when they carry them', () => {
    const [table] = sectionTables({ name: 'Naissance', dataElements: [opv0] });
    expect(table!.columns.map((coc) => coc.id)).toEqual(['cocF', 'cocM']);
  });

  it('falls back to the server’s combo list under one header row when the categories are unknown', () => {
    const bare: CategoryCombo = { ...sex, categories: [] };
    const [table] = sectionTables({ name: 'x', dataElements: [element('X', bare)] });
    expect(table!.columns.map((coc) => coc.id)).toEqual(['cocM', 'cocF']);
    expect(table!.headerRows).toEqual([[{ label: 'Masculin', span: 1, key: 'cocM' }, { label: 'Féminin', span: 1, key: 'cocF' }]]);
  });

  it('shows row totals for several numeric columns and column totals for several numeric rows', () => {
    const [children, birth] = sectionTables({ name: 'Enfants', dataElements: [bcg, penta1, opv0] });
    expect(children).toMatchObject({ rowTotals: true, columnTotals: true });
    expect(birth).toMatchObject({ rowTotals: true, columnTotals: false });
    const [text] = sectionTables({ name: 'Notes', dataElements: [element('NOTE', sex, 'TEXT')] });
    expect(text).toMatchObject({ rowTotals: false, columnTotals: false });
  });

  it('adds no totals row under unrelated counts without a disaggregation (default combo)', () => {
    const defaultCombo: CategoryCombo = {
      id: 'ccDefault',
      code: 'default',
      name: 'default',
      categories: [{ id: 'cDefault', code: 'default', name: 'default', categoryOptions: [option('oDefault', 'default', 'default')] }],
      categoryOptionCombos: [{ id: 'cocDefault', code: 'default', name: 'default' }],
    };
    const [targets] = sectionTables({ name: 'Cibles', dataElements: [element('LIVE_BIRTHS', defaultCombo), element('SURVIVING_INFANTS', defaultCombo)] });
    expect(targets).toMatchObject({ rowTotals: false, columnTotals: false });
  });

  it('adds valid numbers only: blanks and invalid texts stay out of the totals', () => {
    const [table] = sectionTables({ name: 'Enfants', dataElements: [bcg, penta1] });
    const values: Record<string, string> = {
      [cellKey('BCG', 'coc1')]: '12',
      [cellKey('BCG', 'coc2')]: '10',
      [cellKey('BCG', 'coc3')]: 'douze',
      [cellKey('PENTA1', 'coc1')]: '7',
      [cellKey('PENTA1', 'coc4')]: '-3',
    };
    const totals = tableTotals(table!, (key) => values[key]);
    expect(totals.rows.get('BCG')).toBe(22);
    expect(totals.rows.get('PENTA1')).toBe(7); // -3 is not a zero-or-positive integer
    expect(totals.columns.get('coc1')).toBe(19);
    expect(totals.columns.get('coc3')).toBeUndefined();
    expect(totals.grand).toBe(29);
  });

  it('names a cell by its data element and option combo', () => {
    expect(cellLabel([bcg, opv0], cellKey('BCG', 'coc3'))).toBe('BCG · 12–23 mois, Féminin');
    expect(cellLabel([bcg], cellKey('GONE', 'coc3'))).toBe('GONE.coc3');
  });

  it('gives a data set without sections one section with all its elements', () => {
    expect(formSections({ name: 'Rapport', sections: [], dataElements: [bcg] })).toEqual([{ name: 'Rapport', dataElements: [bcg] }]);
  });
});
