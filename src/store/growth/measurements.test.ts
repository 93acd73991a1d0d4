// Growth measurements saved with the z-scores of WHO's anthro (rows of
// data/who-growth/sample-oracle.csv, anthro::anthro_zscores' own output, taken at the visit
// date that gives the row's age in days), the classes of the PCIMA thresholds worked by hand
// from those z-scores, and the monthly counts: one child once a month, by its latest
// measurement, in the same transaction, where the registry is the data set's source.
import { beforeAll, describe, expect, it } from 'vitest';
import { DenwError } from '../../core/errors.ts';
import { registerChild, type StoredChild } from '../children/children.ts';
import { switchDataSetSource } from '../rollup/rollup.ts';
import { describeEachEngine } from '../testing/engines.ts';
import { insertFixtures } from '../testing/fixtures.ts';
import { inTransaction } from '../transaction.ts';
import { growthClassificationThresholds } from '../../programmes/nutrition/growthClassification.ts';
import { childMeasurements, deleteMeasurement, growthMonitoringContributions, reclassifyMeasurements, recordMeasurement, type NewMeasurement } from './measurements.ts';
import { loadNutritionPackage } from './testing/nutritionPackage.ts';
import { whoGrowthTables } from './whoGrowthTables.ts';

const today = '2025-01-31';
const visit = (fields: Partial<NewMeasurement> & { date: string }): NewMeasurement => ({
  weightKg: null, lengthHeightCm: null, measure: null, muacMm: null, oedema: false, createdBy: 'agent', ...fields,
});

describeEachEngine('growth measurements', (database) => {
  const ids = new Map<string, number>();
  const children: Record<string, StoredChild> = {};
  const save = async (child: string, fields: Partial<NewMeasurement> & { date: string }) =>
    recordMeasurement(database(), children[child]!, visit(fields), await whoGrowthTables(), today);
  /** The registry's count in a cell of NUT_GROWTH_MONITORING at a health area (undefined when no row). */
  const cell = async (dataElement: string, coc: string, orgUnit = 'FAC_KAYES_1', period = '202408') => {
    const { rows } = await database().pool.query<{ value: string }>(
      `SELECT v.value FROM data_value v JOIN data_element de ON de.id = v.data_element_id JOIN period p ON p.id = v.period_id
       JOIN org_unit ou ON ou.id = v.org_unit_id JOIN category_option_combo coc ON coc.id = v.category_option_combo_id
       WHERE de.code = $1 AND coc.code = $2 AND ou.code = $3 AND p.iso = $4 AND v.source = 'registry'`,
      [dataElement, coc, orgUnit, period],
    );
    return rows[0] ? Number(rows[0].value) : undefined;
  };
  /** A data element's registry total at a health area and month (every option combo). */
  const facilityTotal = async (dataElement: string, orgUnit: string, period: string) => {
    const { rows } = await database().pool.query<{ total: number | null }>(
      `SELECT sum(v.numeric_value)::float8 AS total FROM data_value v JOIN data_element de ON de.id = v.data_element_id
       JOIN period p ON p.id = v.period_id JOIN org_unit ou ON ou.id = v.org_unit_id
       WHERE de.code = $1 AND ou.code = $2 AND p.iso = $3 AND v.source = 'registry'`,
      [dataElement, orgUnit, period],
    );
    return rows[0]?.total ?? 0;
  };
  /** A data element's total above the health areas (cercle, region, country) from the real-time aggregates (every option combo). */
  const aggregated = async (dataElement: string, orgUnit: string, period: string) => {
    const { rows } = await database().pool.query<{ total: number | null }>(
      `SELECT sum(a.value_sum)::float8 AS total FROM aggregated_data_value a JOIN data_element de ON de.id = a.data_element_id
       JOIN period p ON p.id = a.period_id JOIN org_unit ou ON ou.id = a.org_unit_id
       WHERE de.code = $1 AND ou.code = $2 AND p.iso = $3`,
      [dataElement, orgUnit, period],
    );
    return rows[0]?.total ?? 0;
  };

  beforeAll(async () => {
    await insertFixtures(database());
    await loadNutritionPackage(database());
    const { rows } = await database().pool.query<{ code: string; id: number }>('SELECT code, id FROM org_unit');
    for (const row of rows) ids.set(row.code, row.id);
    const register = (orgUnit: string, givenName: string, sex: 'F' | 'M', birthDate: string) =>
      registerChild(database().pool, { orgUnitId: ids.get(orgUnit)!, givenName, familyName: 'Traoré', sex, birthDate, createdBy: 'agent' });
    children.awa = await register('FAC_KAYES_1', 'Awa', 'F', '2024-01-01');
    children.fanta = await register('FAC_KAYES_1', 'Fanta', 'F', '2022-01-01');
    children.moussa = await register('FAC_KAYES_1', 'Moussa', 'M', '2021-01-01');
    children.oumar = await register('FAC_KAYES_2', 'Oumar', 'M', '2023-06-01');
    await inTransaction(database(), (client) =>
      switchDataSetSource(client, { dataSet: 'NUT_GROWTH_MONITORING', orgUnitId: ids.get('FAC_KAYES_1')!, from: '2024-01-01', source: 'registry', changedBy: 'district' }, async () => []),
    );
  });

  describe('z-scores and classes computed on save', () => {
    it('oracle row 2 (girl, 222 days, 6.5 kg, 62.9 cm lying, MUAC 12.1 cm): anthro z-scores; MAM by MUAC 121 mm, stunted (HAZ −2.07)', async () => {
      const saved = await save('awa', { date: '2024-08-10', weightKg: 6.5, lengthHeightCm: 62.9, measure: 'l', muacMm: 121 });
      expect(saved).toMatchObject({
        date: '2024-08-10', ageDays: 222, weightKg: 6.5, lengthHeightCm: 62.9, measure: 'l', muacMm: 121, oedema: false,
        zlen: -2.07, flen: 0, zwei: -1.44, fwei: 0, zwfl: -0.15, fwfl: 0, zbmi: -0.31, fbmi: 0, zac: -1.71, fac: 0,
        classification: { acute: 'MAM', wasting: 'normal', stunting: 'moderate', underweight: 'normal' },
        orgUnit: { code: 'FAC_KAYES_1' }, createdBy: 'agent',
      });
      expect(await childMeasurements(database().pool, children.awa!.id)).toEqual([saved]);
    });
    it('oracle row 13 (girl, 1032 days, 7.5 kg, 89.9 cm standing): WHZ −5.73 flagged, so acute malnutrition and wasting unclassified; WAZ −4.62 severe underweight', async () => {
      const saved = await save('fanta', { date: '2024-10-29', weightKg: 7.5, lengthHeightCm: 89.9, measure: 'h', muacMm: 155 });
      expect(saved).toMatchObject({ ageDays: 1032, zwfl: -5.73, fwfl: 1, zwei: -4.62, fwei: 0, zlen: -0.99, zbmi: -6.02, fbmi: 1, zac: -0.03 });
      expect(saved.classification).toEqual({ acute: null, wasting: null, stunting: 'normal', underweight: 'severe' });
    });
    it('oracle row 48 (boy, 1225 days, oedema): no weight-based z-score; SAM by oedema; HAZ −2.28 stunted; underweight unclassified', async () => {
      const saved = await save('moussa', { date: '2024-05-10', weightKg: 10, lengthHeightCm: 89.9, measure: 'h', muacMm: 143, oedema: true });
      expect(saved).toMatchObject({ ageDays: 1225, zwei: null, fwei: null, zwfl: null, zbmi: null, zlen: -2.28, zac: -1.32 });
      expect(saved.classification).toEqual({ acute: 'SAM', wasting: 'SAM', stunting: 'moderate', underweight: null });
    });
    it('refuses a visit before the birth, in the future, or with nothing measured', async () => {
      const refusal = (fields: Partial<NewMeasurement> & { date: string }) => save('awa', fields).catch((error: unknown) => error);
      expect(await refusal({ date: '2023-12-31', weightKg: 3 })).toMatchObject({ code: 'GROWTH_MEASUREMENT_BEFORE_BIRTH', field: 'date' });
      expect(await refusal({ date: '2025-02-01', weightKg: 3 })).toMatchObject({ code: 'GROWTH_MEASUREMENT_IN_FUTURE', field: 'date' });
      const empty = await refusal({ date: '2024-09-01' });
      expect(empty).toBeInstanceOf(DenwError);
      expect(empty).toMatchObject({ code: 'GROWTH_MEASUREMENT_EMPTY' });
    });
  });

  describe('monthly counts (data set NUT_GROWTH_MONITORING, registry source)', () => {
    it('counts the measured child once in its age group (7.3 months: 6–11) and sex, in each class', async () => {
      expect(await cell('NUT_GM_SCREENED', 'AGE_6-11M_F')).toBe(1);
      expect(await cell('NUT_GM_ACUTE', 'MAM_AGE_6-11M_F')).toBe(1);
      expect(await cell('NUT_GM_STUNTING', 'MODERATE_AGE_6-11M_F')).toBe(1);
      expect(await cell('NUT_GM_UNDERWEIGHT', 'NORMAL_AGE_6-11M_F')).toBe(1);
    });
    it('a flagged child is screened but in no acute-malnutrition class; an oedema is SAM (24–59 months)', async () => {
      expect(await cell('NUT_GM_SCREENED', 'AGE_24-59M_F', 'FAC_KAYES_1', '202410')).toBe(1);
      expect(await facilityTotal('NUT_GM_ACUTE', 'FAC_KAYES_1', '202410')).toBe(0);
      expect(await cell('NUT_GM_UNDERWEIGHT', 'SEVERE_AGE_24-59M_F', 'FAC_KAYES_1', '202410')).toBe(1);
      expect(await cell('NUT_GM_ACUTE', 'SAM_AGE_24-59M_M', 'FAC_KAYES_1', '202405')).toBe(1);
    });
    it('a second measurement later in the month replaces the first: still one child, now in the class of the latest', async () => {
      const later = await save('awa', { date: '2024-08-20', weightKg: 6.5, lengthHeightCm: 62.9, measure: 'l', muacMm: 130 });
      // Same weight and length: WHZ −0.15 again (weight-for-length does not depend on age); MUAC 130 ≥ 125.
      expect(later.classification.acute).toBe('normal');
      expect(await cell('NUT_GM_SCREENED', 'AGE_6-11M_F')).toBe(1);
      expect(await cell('NUT_GM_ACUTE', 'MAM_AGE_6-11M_F')).toBeUndefined();
      expect(await cell('NUT_GM_ACUTE', 'NO_AM_AGE_6-11M_F')).toBe(1);
      expect(await facilityTotal('NUT_GM_STUNTING', 'FAC_KAYES_1', '202408')).toBe(1);
    });
    it('an earlier measurement of the same month changes nothing; another month counts again', async () => {
      await save('awa', { date: '2024-08-05', weightKg: 6.4, muacMm: 110 });
      expect(await facilityTotal('NUT_GM_SCREENED', 'FAC_KAYES_1', '202408')).toBe(1);
      expect(await cell('NUT_GM_ACUTE', 'NO_AM_AGE_6-11M_F')).toBe(1);
      await save('awa', { date: '2024-09-12', weightKg: 6.9, muacMm: 112 });
      expect(await cell('NUT_GM_ACUTE', 'SAM_AGE_6-11M_F', 'FAC_KAYES_1', '202409')).toBe(1);
    });
    it('deleting the counted measurement moves the count to the month’s latest remaining one, and the last one removes it', async () => {
      const september = (await childMeasurements(database().pool, children.awa!.id)).filter((m) => m.date.startsWith('2024-09'));
      const extra = await save('awa', { date: '2024-09-20', weightKg: 7, muacMm: 135 });
      expect(await cell('NUT_GM_ACUTE', 'NO_AM_AGE_6-11M_F', 'FAC_KAYES_1', '202409')).toBe(1);
      expect(await cell('NUT_GM_ACUTE', 'SAM_AGE_6-11M_F', 'FAC_KAYES_1', '202409')).toBeUndefined();
      await deleteMeasurement(database(), children.awa!, extra.id, 'agent');
      expect(await cell('NUT_GM_ACUTE', 'SAM_AGE_6-11M_F', 'FAC_KAYES_1', '202409')).toBe(1);
      expect(await cell('NUT_GM_ACUTE', 'NO_AM_AGE_6-11M_F', 'FAC_KAYES_1', '202409')).toBeUndefined();
      await deleteMeasurement(database(), children.awa!, september[0]!.id, 'agent');
      expect(await facilityTotal('NUT_GM_SCREENED', 'FAC_KAYES_1', '202409')).toBe(0);
      const gone = await deleteMeasurement(database(), children.awa!, september[0]!.id, 'agent').catch((error: unknown) => error);
      expect(gone).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
      // Put September back for the tests below.
      await save('awa', { date: '2024-09-12', weightKg: 6.9, muacMm: 112 });
    });
    it('reaches the cercle, region and national totals in the same transaction', async () => {
      expect(await aggregated('NUT_GM_SCREENED', 'ML', '202408')).toBe(1);
      expect(await aggregated('NUT_GM_SCREENED', 'ML01', '202410')).toBe(1);
    });
    it('writes no count where the monthly form is the source, and the registry’s counts when the source switches', async () => {
      await save('oumar', { date: '2024-08-14', weightKg: 9, lengthHeightCm: 74, measure: 'l', muacMm: 135 });
      expect(await facilityTotal('NUT_GM_SCREENED', 'FAC_KAYES_2', '202408')).toBe(0);
      const kayes2 = ids.get('FAC_KAYES_2')!;
      expect(await growthMonitoringContributions(database().pool, kayes2, '2024-08-01')).toContainEqual({
        dataElement: 'NUT_GM_SCREENED', categoryOptionCombo: 'AGE_12-23M_M', period: '202408', orgUnitId: kayes2, delta: 1,
      });
      await inTransaction(database(), (client) =>
        switchDataSetSource(
          client,
          { dataSet: 'NUT_GROWTH_MONITORING', orgUnitId: kayes2, from: '2024-08-01', source: 'registry', changedBy: 'district' },
          (firstDay) => growthMonitoringContributions(client, kayes2, firstDay),
        ),
      );
      expect(await cell('NUT_GM_SCREENED', 'AGE_12-23M_M', 'FAC_KAYES_2')).toBe(1);
      expect(await aggregated('NUT_GM_SCREENED', 'ML', '202408')).toBe(2);
    });
  });

  describe('a revised threshold table', () => {
    it('reclassifies stored measurements and moves the counts: MUAC 121 mm becomes SAM when the SAM cut-off is 125 mm', async () => {
      const revised = structuredClone(growthClassificationThresholds);
      for (const criterion of revised.acute.classes[0]!.anyOf) if ('measure' in criterion && criterion.measure === 'muacMm') criterion.below = 125;
      // Awa's counted August measurement has MUAC 130 (still not SAM); her 5 August one (MUAC 110) was SAM already.
      // Her counted September one (MUAC 112) too. Only earlier 10 August (MUAC 121: MAM → SAM) changes, and it does not count.
      const changed = await reclassifyMeasurements(database(), revised, 'national');
      expect(changed).toBe(1);
      const august10 = (await childMeasurements(database().pool, children.awa!.id)).find((m) => m.date === '2024-08-10')!;
      expect(august10.classification.acute).toBe('SAM');
      expect(await cell('NUT_GM_ACUTE', 'NO_AM_AGE_6-11M_F')).toBe(1);
      // Back to the PCIMA table: a counted measurement changing class moves the count.
      await save('awa', { date: '2024-08-25', weightKg: 6.5, lengthHeightCm: 62.9, measure: 'l', muacMm: 122 });
      expect(await cell('NUT_GM_ACUTE', 'MAM_AGE_6-11M_F')).toBe(1);
      expect(await reclassifyMeasurements(database(), revised, 'national')).toBe(1);
      expect(await cell('NUT_GM_ACUTE', 'MAM_AGE_6-11M_F')).toBeUndefined();
      expect(await cell('NUT_GM_ACUTE', 'SAM_AGE_6-11M_F')).toBe(1);
      expect(await facilityTotal('NUT_GM_SCREENED', 'FAC_KAYES_1', '202408')).toBe(1);
    });
  });
});
