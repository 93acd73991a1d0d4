// checkDataValue on a small metadata world, for the rules that need no database: DHIS2's open
// future periods, timestamps, normalised values, and ADX category attributes.
import { describe, expect, it } from 'vitest';
import { checkDataValue, parseTimestamp, type CheckContext } from './checkDataValue.ts';
import { resolveIdSchemes, type DataValueInput } from './dataValueSet.ts';
import { translate } from '../i18n.ts';
import { indexMetadata, type ImportMetadata } from './importMetadata.ts';

const meta = (id: number, code: string) => ({ id, uid: `${code.padEnd(10, 'x')}1`.slice(0, 11), code, name: code });
const metadata: ImportMetadata = {
  dataElements: [
    { ...meta(1, 'CASES'), valueType: 'INTEGER_ZERO_OR_POSITIVE', aggregationType: 'SUM', zeroIsSignificant: false, categoryComboId: 2 },
    { ...meta(2, 'OPEN'), valueType: 'BOOLEAN', aggregationType: 'COUNT', zeroIsSignificant: false, categoryComboId: 1 },
  ],
  orgUnits: [{ ...meta(1, 'FAC'), path: '/FACxxxxxxx1', openingDate: '2000-01-01', closedDate: null }],
  categoryOptions: [meta(1, 'default'), { ...meta(2, 'F'), startDate: null, endDate: null }, { ...meta(3, 'M'), startDate: null, endDate: null }, { ...meta(4, 'U5'), startDate: null, endDate: null }, { ...meta(5, 'O5'), startDate: null, endDate: null }].map((o) => ({ startDate: null, endDate: null, ...o })),
  categories: [{ ...meta(1, 'default'), optionIds: [1] }, { ...meta(2, 'SEX'), optionIds: [2, 3] }, { ...meta(3, 'AGE'), optionIds: [4, 5] }],
  categoryCombos: [{ ...meta(1, 'default'), categoryIds: [1] }, { ...meta(2, 'SEX_AGE'), categoryIds: [2, 3] }],
  categoryOptionCombos: [
    { ...meta(1, 'default'), categoryComboId: 1, optionIds: [1] },
    { ...meta(2, 'F_U5'), categoryComboId: 2, optionIds: [2, 4] },
    { ...meta(3, 'M_U5'), categoryComboId: 2, optionIds: [3, 4] },
    { ...meta(4, 'F_O5'), categoryComboId: 2, optionIds: [2, 5] },
    { ...meta(5, 'M_O5'), categoryComboId: 2, optionIds: [3, 5] },
  ],
  dataSets: [{ ...meta(1, 'MONTHLY'), periodType: 'Monthly', categoryComboId: 1, openFuturePeriods: 0, expiryDays: 0, elements: new Map([[1, null], [2, null]]), orgUnitIds: new Set([1]) }],
  defaultCategoryOptionComboId: 1,
};
const context: CheckContext = { index: indexMetadata(metadata, resolveIdSchemes({})), strategy: 'CREATE_AND_UPDATE', today: '2024-06-15', inScope: () => true, defaultStoredBy: 'agent', mayEditExpired: false };
const check = (input: Partial<DataValueInput>, ctx = context) => checkDataValue({ index: 0, row: 2, dataElement: 'CASES', period: '202405', orgUnit: 'FAC', categoryOptionCombo: 'F_U5', value: '3', ...input }, ctx);

describe('open dates of the org unit (E8031)', () => {
  it('refuses a period before the opening date, and the message shows the missing closing date as —', () => {
    const refused = check({ period: '199912' });
    expect(refused).toMatchObject({ errorCode: 'E8031', params: { object: '199912', orgUnit: 'FAC', opening: '2000-01-01', closed: '—' } });
    const params = (refused as { params: Record<string, string> }).params;
    expect(translate('conflict.E8031', 'fr', params)).toBe("La période « 199912 » commence hors des dates d'ouverture de l'unité « FAC » (ouverture : 2000-01-01, fermeture : —)");
    expect(translate('conflict.E8031', 'en', params)).toBe('Period "199912" starts outside the open dates of org unit "FAC" (opening: 2000-01-01, closing: —)');
  });
});

describe('open future periods (DHIS2 DataElement.getLatestOpenFuturePeriod)', () => {
  it('with none open, the current month is closed: May is the last open period on 15 June', () => {
    expect(check({ period: '202405' })).toMatchObject({ period: { id: '202405' } });
    expect(check({ period: '202406' })).toMatchObject({ errorCode: 'E7641', params: { latest: '202405' } });
  });
  it('each open future period opens one more month', () => {
    const opened = structuredClone(metadata);
    opened.dataSets[0]!.openFuturePeriods = 3;
    const ctx = { ...context, index: indexMetadata(opened, resolveIdSchemes({})) };
    expect(check({ period: '202408' }, ctx)).toMatchObject({ period: { id: '202408' } });
    expect(check({ period: '202409' }, ctx)).toMatchObject({ errorCode: 'E7641', params: { latest: '202408' } });
  });
});

describe('expiry days (E7640, DHIS2 DataSet.isLocked)', () => {
  // MONTHLY with expiry days; OTHER, a second monthly data set of CASES at FAC, with `otherDays`.
  const expiring = (days: number, otherDays?: number) => {
    const world = structuredClone(metadata);
    world.dataSets[0]!.expiryDays = days;
    if (otherDays !== undefined) {
      world.dataSets.push({ ...meta(2, 'OTHER'), periodType: 'Monthly', categoryComboId: 1, openFuturePeriods: 0, expiryDays: otherDays, elements: new Map([[1, null]]), orgUnitIds: new Set([1]) });
    }
    return { ...context, index: indexMetadata(world, resolveIdSchemes({})) };
  };
  it('on 15 June, May (ends 31 May) is open with 15 expiry days, refused with 14: the last entry day was 14 June', () => {
    expect(check({ period: '202405' }, expiring(15))).toMatchObject({ period: { id: '202405' } });
    const refused = check({ period: '202405' }, expiring(14));
    expect(refused).toMatchObject({ errorCode: 'E7640', field: 'period', object: '202405', params: { dataSet: 'MONTHLY', lastDay: '2024-06-14' } });
    const params = (refused as { params: Record<string, string> }).params;
    expect(translate('conflict.E7640', 'fr', params)).toBe("La date du jour dépasse les jours d'expiration de la période « 202405 » du jeu de données « MONTHLY » : la saisie était permise jusqu'au 2024-06-14");
    expect(translate('conflict.E7640', 'en', params)).toBe('Current date is past the expiry days of period "202405" and data set "MONTHLY": entry was allowed until 2024-06-14');
  });
  it('0 expiry days never expire', () => {
    expect(check({ period: '200101' }, expiring(0))).toMatchObject({ period: { id: '200101' } });
  });
  it('a user who may edit expired periods (F_EDIT_EXPIRED) is not refused', () => {
    expect(check({ period: '202401' }, { ...expiring(1), mayEditExpired: true })).toMatchObject({ period: { id: '202401' } });
  });
  it('without a data set named, refused only when every data set of the value has expired, naming the one open longest', () => {
    expect(check({ period: '202404' }, expiring(10, 0))).toMatchObject({ period: { id: '202404' } });
    expect(check({ period: '202404', dataSet: 'MONTHLY' }, expiring(10, 0))).toMatchObject({ errorCode: 'E7640', params: { dataSet: 'MONTHLY', lastDay: '2024-05-10' } });
    expect(check({ period: '202404' }, expiring(10, 20))).toMatchObject({ errorCode: 'E7640', params: { dataSet: 'OTHER', lastDay: '2024-05-20' } });
  });
});

describe('values as stored', () => {
  it('normalises booleans, flags insignificant zeros, takes storedBy from the importer when absent', () => {
    expect(check({ dataElement: 'OPEN', categoryOptionCombo: undefined, value: 'T' })).toMatchObject({ value: 'true', numericValue: 1, storedBy: 'agent' });
    expect(check({ dataElement: 'OPEN', categoryOptionCombo: undefined, value: 'tRuE' })).toMatchObject({ value: 'true' });
    expect(check({ value: '0' })).toMatchObject({ value: '0', insignificantZero: true });
    expect(check({ value: '0.0' })).toMatchObject({ errorCode: 'E7619', field: 'value' });
    expect(check({ value: ' 7 ', storedBy: 'awa' })).toMatchObject({ value: '7', numericValue: 7, storedBy: 'awa', insignificantZero: false });
  });
  it('reads DHIS2 timestamps, UTC unless they say otherwise; nothing for what is not a date', () => {
    expect(parseTimestamp('2012-01-01')).toBe('2012-01-01T00:00:00+00:00');
    expect(parseTimestamp('1988-12-21T23:59:38.000+0000')).toBe('1988-12-21T23:59:38.000+00:00');
    expect(parseTimestamp('2024-02-03 10:20')).toBe('2024-02-03T10:20:00+00:00');
    expect(parseTimestamp('2024-02-03T10:20:30Z')).toBe('2024-02-03T10:20:30+00:00');
    expect(parseTimestamp('2024-02-03T10:20:30+02')).toBe('2024-02-03T10:20:30+02:00');
    for (const bad of ['2024-02-30', '0000-01-01', '12/02/2024', 'yesterday', '']) expect(parseTimestamp(bad), bad).toBeNull();
  });
});

describe('ADX category attributes', () => {
  it('finds the option combo from one option per category, in any attribute order', () => {
    expect(check({ categoryOptionCombo: undefined, categoryOptions: { AGE: 'O5', SEX: 'M' } })).toMatchObject({ categoryOptionComboId: 5 });
  });
  it('names the missing category, the attribute that is no category, the option that is not of its category', () => {
    expect(check({ categoryOptionCombo: undefined, categoryOptions: { SEX: 'M' } })).toMatchObject({ errorCode: 'ADX_CATEGORY_MISSING', object: 'AGE', field: 'categoryOptionCombo' });
    expect(check({ categoryOptionCombo: undefined, categoryOptions: { SEX: 'M', AGE: 'U5', ZONE: 'R' } })).toMatchObject({ errorCode: 'ADX_CATEGORY_UNKNOWN', object: 'ZONE' });
    expect(check({ categoryOptionCombo: undefined, categoryOptions: { SEX: 'U5', AGE: 'U5' } })).toMatchObject({ errorCode: 'ADX_CATEGORY_OPTION_UNKNOWN', object: 'U5', params: { category: 'SEX' } });
  });
  it('takes a non-numeric value from the annotation, and requires it', () => {
    const open = { dataElement: 'OPEN', categoryOptionCombo: undefined, categoryOptions: {}, value: '0' };
    expect(check({ ...open, annotation: 'true' })).toMatchObject({ value: 'true' });
    expect(check({ ...open, annotation: null })).toMatchObject({ errorCode: 'ADX_ANNOTATION_MISSING', field: 'value' });
    expect(check({ categoryOptionCombo: undefined, categoryOptions: { SEX: 'F', AGE: 'U5' }, value: '4', annotation: 'note' })).toMatchObject({ value: '4' });
  });
});
