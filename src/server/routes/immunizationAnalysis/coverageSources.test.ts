// GET /api/immunization/coverageSources on both engines: the results framework's DTP1 values
// for Mali as shipped (WUENIC 2023 and 2021 revisions, DHS 2018, MICS 2015, EPI review 2016,
// government-reported 2022; mali-facts.md §1.2.1–1.2.2) and last year's routine data, side by
// side by year with the gaps worked by hand.
import { beforeAll, expect, it } from 'vitest';
import { common } from '../../../programmes/common/index.ts';
import { immunization } from '../../../programmes/immunization/index.ts';
import { resultsFramework } from '../../../programmes/resultsFramework/index.ts';
import { DTP1 } from '../../../programmes/resultsFramework/survive.ts';
import { importMetadata } from '../../../store/metadata/importMetadata.ts';
import { describeEachEngineApp } from '../../testing/testApp.ts';

// Routine data lie in the last complete year, the latest the results framework computes.
const lastYear = new Date().getUTCFullYear() - 1;

describeEachEngineApp('immunization analysis: coverage by source', (api) => {
  beforeAll(async () => {
    const { database } = api();
    const { goals, results, resultIndicators, observations } = resultsFramework.metadata;
    const framework = {
      goals,
      results,
      resultIndicators: resultIndicators!.filter((indicator) => indicator.code === DTP1),
      observations: observations!.filter((observation) => observation.resultIndicator.code === DTP1),
    };
    for (const metadata of [common.metadata, immunization.metadata, framework]) {
      const report = await importMetadata(database, metadata as object, { importStrategy: 'CREATE_AND_UPDATE', atomicMode: 'ALL' });
      expect(report.status, JSON.stringify(report).slice(0, 1000)).not.toBe('ERROR');
    }
    const { pool } = database;
    await pool.query(`INSERT INTO period (iso, period_type, start_date, end_date) VALUES ($1, 'Monthly', $2, $3) ON CONFLICT DO NOTHING`, [
      `${lastYear}06`,
      `${lastYear}-06-01`,
      `${lastYear}-06-30`,
    ]);
    // Two health areas: targets 100 + 60 = 160 surviving infants, Penta1 before 12 months
    // 50 + 57 + 40 = 147 → 147 ÷ 160 = 91.875 %.
    for (const [area, element, combo, value] of [
      ['FAC_KAYES_1', 'EPI_TARGET_SURVIVING_INFANTS', 'default', 100],
      ['FAC_KAYES_1', 'EPI_PENTA1', '0-11M_F', 50],
      ['FAC_KAYES_1', 'EPI_PENTA1', '0-11M_M', 57],
      ['FAC_SEGOU_1', 'EPI_TARGET_SURVIVING_INFANTS', 'default', 60],
      ['FAC_SEGOU_1', 'EPI_PENTA1', '0-11M_F', 40],
    ] as const) {
      await pool.query(
        `INSERT INTO data_value (data_element_id, period_id, org_unit_id, category_option_combo_id, value, numeric_value)
         SELECT de.id, p.id, ou.id, coc.id, $4::text, $4::float8
         FROM data_element de, period p, org_unit ou, category_option_combo coc
         WHERE de.code = $2 AND p.iso = $5 AND ou.code = $1 AND coc.code = $3 AND coc.category_combo_id = de.category_combo_id`,
        [area, element, combo, value, `${lastYear}06`],
      );
    }
  });

  const sources = async (query: string) => {
    const response = await api().inject({ method: 'GET', url: `/api/immunization/coverageSources?${query}`, as: 'national', headers: { 'accept-language': 'en' } });
    return { status: response.statusCode, body: response.json() };
  };
  type Year = Record<string, unknown> & { year: number; gaps: Record<string, number | null> };
  const yearOf = (body: { years: Year[] }, year: number) => body.years.find((y) => y.year === year)!;

  it('puts reported, WUENIC and survey coverage of DTP1 side by side, with the gaps', async () => {
    const { status, body } = await sources('antigen=DTP1');
    expect(status).toBe(200);
    expect(body).toMatchObject({ antigen: 'DTP1', indicator: { code: 'RF_DTP1_COVERAGE', dx: 'EPI_COV_PENTA1' } });

    // 2022: reported 107 %, WUENIC (2023 revision) 78 % → 29 points above the estimate.
    const y2022 = yearOf(body, 2022);
    expect(y2022).toMatchObject({ reported: { value: 107 }, wuenic: { value: 78, revision: 2023 }, surveys: [] });
    expect(y2022.gaps).toEqual({ administrativeMinusWuenic: 29, administrativeMinusSurvey: null, wuenicMinusSurvey: null });

    // 2021: the 2023 revision says 79 %, the 2021 revision said 82 %; the latest revision leads.
    expect(yearOf(body, 2021)).toMatchObject({
      wuenic: { value: 79, revision: 2023 },
      wuenicRevisions: [
        { revision: 2023, value: 79 },
        { revision: 2021, value: 82 },
      ],
    });

    // 2018: DHS 82 %, WUENIC 82 % (anchored on the DHS) → no gap; 2015: MICS 73 %, WUENIC 78 % → +5;
    // 2016: EPI external review 92 %, WUENIC 82 % → −10.
    expect(yearOf(body, 2018)).toMatchObject({ surveys: [{ value: 82 }], gaps: { wuenicMinusSurvey: 0, administrativeMinusWuenic: null } });
    expect(yearOf(body, 2015).gaps.wuenicMinusSurvey).toBe(5);
    expect(yearOf(body, 2016).gaps.wuenicMinusSurvey).toBe(-10);
    expect(body.years.map((y: { year: number }) => y.year)).toEqual([2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, lastYear]);
  });

  it('adds the coverage Denw computes from routine data for last year', async () => {
    const { body } = await sources('antigen=DTP1');
    const last = yearOf(body, lastYear);
    // 147 ÷ 160 = 91.875 %, shown as analytics shows it, to one decimal.
    expect(last.routine).toMatchObject({ value: 91.9 });
    expect(last.gaps).toEqual({ administrativeMinusWuenic: null, administrativeMinusSurvey: null, wuenicMinusSurvey: null });
    expect(last.wuenic).toBeNull();
  });

  it("shows the national routine coverage of an indicator not public only to a reader of the whole country", async () => {
    // Kayes and Ségou data give it: analytics of the country, which a Kayes user may not ask (403).
    const { pool } = api().database;
    const routineAs = async (as: 'national' | 'kayes') => {
      const response = await api().inject({ method: 'GET', url: '/api/immunization/coverageSources?antigen=DTP1', as, headers: { 'accept-language': 'en' } });
      return yearOf(response.json(), lastYear)?.routine ?? null;
    };
    // Public (the package's default): the public page shows it, so every reader sees it.
    expect(await routineAs('kayes')).toMatchObject({ value: 91.9 });
    await pool.query(`UPDATE rf_indicator SET public = false WHERE code = $1`, [DTP1]);
    try {
      expect(await routineAs('national')).toMatchObject({ value: 91.9 });
      expect(await routineAs('kayes')).toBeNull();
    } finally {
      await pool.query(`UPDATE rf_indicator SET public = true WHERE code = $1`, [DTP1]);
    }
  });

  it('refuses an unknown antigen, and answers 404 when the framework lacks it', async () => {
    const bad = await sources('antigen=PENTA9');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('query.antigen');
    expect((await sources('antigen=MCV2')).status).toBe(404);
  });
});
