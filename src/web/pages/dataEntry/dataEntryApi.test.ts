import { describe, expect, it } from 'vitest';
import { entryDataSet, type RawDataSet } from './dataEntryApi.ts';

// A data set as GET /api/dataSets/{id} sends it (DHIS2's shape): combos named by reference in
// the elements, and given once, whole, in `categoryCombos`.
const sex = {
  id: 'ccSex',
  code: 'SEX',
  name: 'Sexe',
  displayName: 'Sex',
  categories: [{ id: 'cSex', code: 'SEX', name: 'Sexe', displayName: 'Sex', categoryOptions: [{ id: 'oF', code: 'F', name: 'Féminin', displayName: 'Female' }] }],
  categoryOptionCombos: [{ id: 'cocF', code: 'F', name: 'Féminin', displayName: 'Female', categoryOptions: [{ id: 'oF' }] }],
};
const byDefault = {
  id: 'ccDefault',
  code: 'default',
  name: 'default',
  displayName: 'default',
  categories: [],
  categoryOptionCombos: [{ id: 'cocDefault', code: 'default', name: 'default', displayName: 'default', categoryOptions: [] }],
};
const reference = (combo: { id: string; code: string; name: string; displayName: string }) => ({ id: combo.id, code: combo.code, name: combo.name, displayName: combo.displayName });

const raw: RawDataSet & { categoryCombos: unknown[] } = {
  id: 'dsEpi',
  code: 'EPI_MONTHLY',
  name: 'PEV — rapport mensuel',
  displayName: 'EPI — monthly report',
  periodType: 'Monthly',
  openFuturePeriods: 1,
  expiryDays: 10,
  validCompleteOnly: true,
  dataSetElements: [
    { dataElement: { id: 'deOpv0', code: 'EPI_OPV0', name: 'VPO 0', displayName: 'OPV0', valueType: 'INTEGER_ZERO_OR_POSITIVE', categoryCombo: reference(sex) } },
    // The data set gives this element a disaggregation of its own (DHIS2 DataSetElement.categoryCombo).
    { dataElement: { id: 'deHpv', code: 'EPI_HPV', name: 'VPH', displayName: 'HPV', formName: 'VPH (filles)', displayFormName: 'HPV (girls)', valueType: 'INTEGER', categoryCombo: reference(sex) }, categoryCombo: reference(byDefault) },
  ],
  sections: [
    { id: 's2', name: 'VPH', displayName: 'HPV', sortOrder: 2, dataElements: [{ id: 'deHpv' }] },
    { id: 's1', name: 'Enfants', displayName: 'Children', sortOrder: 1, dataElements: [{ id: 'deOpv0' }, { id: 'deGone' }] },
  ],
  organisationUnits: [{ id: 'ou1' }, { id: 'ou2' }],
  categoryCombos: [sex, byDefault],
};

describe('a data set as the form reads it', () => {
  const dataSet = entryDataSet(raw, raw.categoryCombos as never);

  it('takes names in the interface language and the entry settings', () => {
    expect(dataSet).toMatchObject({ id: 'dsEpi', name: 'EPI — monthly report', periodType: 'Monthly', openFuturePeriods: 1, expiryDays: 10, validCompleteOnly: true, organisationUnits: ['ou1', 'ou2'] });
  });

  it('finds each element’s combo among the combos sent once, the data set’s own disaggregation first', () => {
    const [opv0, hpv] = dataSet.dataElements;
    expect(opv0!.categoryCombo.categoryOptionCombos).toEqual([{ id: 'cocF', code: 'F', name: 'Female', categoryOptions: ['oF'] }]);
    expect(opv0!.categoryCombo.categories[0]!.categoryOptions).toEqual([{ id: 'oF', code: 'F', name: 'Female' }]);
    expect(hpv!.categoryCombo.id).toBe('ccDefault');
    expect(hpv!.formName).toBe('HPV (girls)');
  });

  it('orders sections by sortOrder and drops references to elements the data set does not have', () => {
    expect(dataSet.sections.map((section) => [section.name, section.dataElements.map((element) => element.id)])).toEqual([
      ['Children', ['deOpv0']],
      ['HPV', ['deHpv']],
    ]);
  });
});
