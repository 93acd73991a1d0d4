// Export → import into an empty store → export gives the same document: nothing the format
// carries is lost, for every collection, and for DHIS2's own e2e metadata export.
import { expect, it } from 'vitest';
import { programmePackages } from '../../programmes/index.ts';
import { loadMaliMetadata } from '../../programmes/mali/loadMali.ts';
import type { Database, Engine } from '../database.ts';
import { createTestDatabase, describeEachEngine } from '../testing/engines.ts';
import { exportMetadata } from './exportMetadata.ts';
import { importMetadata } from './importMetadata.ts';
import { importDhis2E2eMetadata } from './testing/dhis2E2eMetadata.ts';

const en = (name: string, property = 'NAME') => ({ property, locale: 'en', value: name });
const square = (x: number, y: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + 1, y],
      [x + 1, y + 1],
      [x, y + 1],
      [x, y],
    ],
  ],
});

/** One of everything the format carries, written as a programme package writes it (codes, no UIDs). */
export const everything = {
  attributes: [{ code: 'NAME_ASCII', name: 'Nom sans accents', valueType: 'TEXT', organisationUnitAttribute: true, translations: [en('ASCII name')] }],
  organisationUnitLevels: [
    { code: 'COUNTRY', level: 1, name: 'Pays', translations: [en('Country')] },
    { code: 'REGION', level: 2, name: 'Région', translations: [en('Region')] },
  ],
  organisationUnits: [
    { code: 'ML04', name: 'Ségou', parent: { code: 'ML' }, openingDate: '1977-01-01', geometry: square(-6, 13), boundaryVersion: '8plus1', attributeValues: [{ attribute: { code: 'NAME_ASCII' }, value: 'Segou' }] },
    { code: 'ML', name: 'Mali', shortName: 'Mali', description: 'République du Mali', openingDate: '1960-09-22', translations: [en('Mali')] },
    { code: 'ML01', name: 'Kayes', parent: { code: 'ML' }, openingDate: '1977-01-01', closedDate: '2030-12-31', source: 'demo' },
  ],
  organisationUnitGroups: [{ code: 'URBAN', name: 'Urbain', description: 'Zones urbaines', organisationUnits: [{ code: 'ML04' }, { code: 'ML01' }], translations: [en('Urban'), en('Urban areas', 'DESCRIPTION')] }],
  organisationUnitGroupSets: [{ code: 'AREA', name: 'Milieu', includeSubhierarchyInAnalytics: true, organisationUnitGroups: [{ code: 'URBAN' }] }],
  categoryOptions: [
    { code: 'F', name: 'Féminin', translations: [en('Female')] },
    { code: 'M', name: 'Masculin', startDate: '2000-01-01', endDate: '2099-12-31' },
  ],
  categories: [{ code: 'SEX', name: 'Sexe', categoryOptions: [{ code: 'F' }, { code: 'M' }] }],
  categoryCombos: [{ code: 'SEX', name: 'Sexe', categories: [{ code: 'SEX' }] }],
  dataElements: [
    { code: 'PENTA1', name: 'Penta 1', formName: 'Penta 1 (doses)', valueType: 'INTEGER_ZERO_OR_POSITIVE', categoryCombo: { code: 'SEX' }, zeroIsSignificant: true },
    { code: 'STOCK', name: 'Stock', aggregationType: 'LAST', description: 'Cartons en fin de mois', translations: [en('Stock'), en('Cartons at month end', 'DESCRIPTION')] },
  ],
  dataSets: [
    {
      code: 'EPI',
      name: 'PEV mensuel',
      periodType: 'Monthly',
      expiryDays: 10,
      openFuturePeriods: 1,
      validCompleteOnly: true,
      dataSetElements: [{ dataElement: { code: 'PENTA1' } }, { dataElement: { code: 'STOCK' }, categoryCombo: { code: 'SEX' } }],
      organisationUnits: [{ code: 'ML01' }, { code: 'ML04' }],
      sections: [
        { code: 'EPI_DOSES', name: 'Doses', sortOrder: 1, dataElements: [{ code: 'PENTA1' }] },
        { code: 'EPI_STOCK', name: 'Stock', sortOrder: 2, dataElements: [{ code: 'STOCK' }] },
      ],
    },
  ],
  indicatorTypes: [{ code: 'PERCENT', name: 'Pourcentage', factor: 100 }],
  indicators: [
    { code: 'PENTA1_COV', name: 'Couverture Penta 1', indicatorType: { code: 'PERCENT' }, numerator: '#{PENTA1}', denominator: '#{POP_0_11M}', decimals: 1, numeratorDescription: 'Doses' },
  ],
  constants: [{ code: 'PI', name: 'Pi', value: 3.14159 }],
  validationRules: [
    {
      code: 'STOCK_POSITIVE',
      name: 'Stock positif',
      importance: 'HIGH',
      operator: 'greater_than_or_equal_to',
      periodType: 'Monthly',
      leftSide: { expression: '#{STOCK}', description: 'Stock', missingValueStrategy: 'NEVER_SKIP' },
      rightSide: { expression: '0' },
      organisationUnitLevels: [3],
    },
  ],
  population: [
    { orgUnit: { code: 'ML' }, year: 2024, ageGroup: 'total', sex: 'T', value: 22395489, source: 'RGPH5 2022 projeté' },
    { orgUnit: { code: 'ML01' }, year: 2024, ageGroup: '0-4y', sex: 'F', value: 321000, source: 'Estimation' },
  ],
  goals: [{ code: 'G1', name: 'Survie', description: 'Chaque enfant survit', translations: [en('Survive'), en('Every child survives', 'DESCRIPTION')], sortOrder: 1 }],
  results: [{ code: 'KRC1', name: 'Vaccination', goal: { code: 'G1' }, kind: 'KRC' }],
  resultIndicators: [
    { code: 'RI_PENTA3', name: 'Couverture Penta 3', result: { code: 'KRC1' }, indicator: { code: 'PENTA1_COV' }, baselineValue: 70, baselineYear: 2023, baselineSource: 'WUENIC', public: true, publicMaxLevel: 2 },
  ],
  targets: [{ resultIndicator: { code: 'RI_PENTA3' }, orgUnit: { code: 'ML' }, year: 2027, value: 90, source: 'Programme de pays 2025-2029' }],
  observations: [
    { resultIndicator: { code: 'RI_PENTA3' }, orgUnit: { code: 'ML' }, year: 2018, sex: 'T', value: 66, source: 'EDSM-VI 2018', method: 'Enquête' },
    { resultIndicator: { code: 'RI_PENTA3' }, orgUnit: { code: 'ML' }, year: 2021, sex: 'T', value: 77, source: 'WUENIC 2023', method: 'Estimation', revision: 2023 },
  ],
};

/** Loads `load` into a fresh store, exports, imports the export into another fresh store, exports again. */
async function roundTrip(engine: Engine, load: (database: Database) => Promise<void>) {
  const source = await createTestDatabase(engine);
  const target = await createTestDatabase(engine);
  try {
    await load(source);
    const first = await exportMetadata(source);
    const report = await importMetadata(target, first as Record<string, unknown>);
    return { first, report, second: await exportMetadata(target) };
  } finally {
    await source.close();
    await target.close();
  }
}

describeEachEngine('metadata round trip', (_database, engine) => {
  it('export, import into an empty store, export again: the same document, for every collection', async () => {
    const { first, report, second } = await roundTrip(engine, async (database) => {
      expect((await importMetadata(database, everything)).status).toBe('OK');
    });
    for (const [collection, list] of Object.entries(first)) expect(list.length, collection).toBeGreaterThan(0);
    expect(first.categoryOptionCombos).toHaveLength(2);
    // What was imported is what is exported (the round trip would not see a field dropped both ways).
    const units = first.organisationUnits as Record<string, unknown>[];
    expect(units.find((unit) => unit.code === 'ML04')).toMatchObject({
      geometry: square(-6, 13),
      boundaryVersion: '8plus1',
      level: 2,
      attributeValues: [{ attribute: { id: (first.attributes as { id: string }[])[0]!.id }, value: 'Segou' }],
    });
    expect(units.find((unit) => unit.code === 'ML01')).toMatchObject({ closedDate: '2030-12-31', source: 'demo' });
    expect(first.organisationUnitGroupSets).toMatchObject([{ includeSubhierarchyInAnalytics: true }]);
    expect(first.dataSets).toMatchObject([{ validCompleteOnly: true, expiryDays: 10, openFuturePeriods: 1 }]);
    const sections = first.sections as { code: string; sortOrder: number }[];
    expect(sections.map((section) => [section.code, section.sortOrder]).sort()).toEqual([
      ['EPI_DOSES', 1],
      ['EPI_STOCK', 2],
    ]);
    expect(first.goals).toEqual([{ ...everything.goals[0], translations: [en('Survive'), en('Every child survives', 'DESCRIPTION')] }]);
    expect(report.status).toBe('OK');
    expect(second).toEqual(first);
  });

  it('does the same for DHIS2 e2e aggregate metadata, UIDs of explicit option combos kept', async () => {
    const { first, report, second } = await roundTrip(engine, async (database) => {
      await importDhis2E2eMetadata(database);
    });
    expect(report.status).toBe('OK');
    expect(second).toEqual(first);
    expect((first.categoryOptionCombos as { id: string }[]).map((coc) => coc.id)).toContain('t5FrQ0GTvGf');
  });

  it("does the same for Mali's geography and population and every programme package", async () => {
    const { first, report, second } = await roundTrip(engine, async (database) => {
      expect((await importMetadata(database, loadMaliMetadata() as unknown as Record<string, unknown>)).status).toBe('OK');
      for (const programme of programmePackages) {
        expect((await importMetadata(database, programme.metadata as unknown as Record<string, unknown>)).status, programme.id).toBe('OK');
      }
    });
    expect(report.status).toBe('OK');
    expect(second).toEqual(first);
    expect((first.organisationUnits as unknown[]).length).toBeGreaterThan(50);
  });
});
