// The results framework against the published figures it must carry (typed here from
// shared/reference/mali-facts.md, not read from the package) and the rules the public page
// relies on.
import { describe, expect, it } from 'vitest';
import type { Observation, ResultIndicator } from '../../core/programmePackage.ts';
import { resultsFramework } from './index.ts';

const { goals = [], results = [], resultIndicators = [], observations = [], targets = [] } = resultsFramework.metadata;
const indicator = (code: string): ResultIndicator => {
  const found = resultIndicators.find((item) => item.code === code);
  if (!found) throw new Error(`no result indicator ${code}`);
  return found;
};
const values = (code: string, filter: (o: Observation) => boolean = () => true) =>
  observations.filter((o) => o.resultIndicator.code === code && filter(o)).map((o) => [o.year, o.value, o.sex, o.orgUnit.code]);

describe('results framework', () => {
  it('has the five goals in order and the four Key Results for Children', () => {
    expect(goals.map((goal) => goal.translations[0]!.value)).toEqual([
      'Every child survives and thrives',
      'Every child learns',
      'Every child is protected from violence and exploitation',
      'Every child lives in a safe and clean environment',
      'Every child has an equitable chance in life',
    ]);
    expect(results.filter((result) => result.kind === 'KRC').map((result) => [result.code, result.goal.code])).toEqual([
      ['KRC_IMMUNIZATION', 'GOAL_SURVIVE_THRIVE'],
      ['KRC_NUTRITION', 'GOAL_SURVIVE_THRIVE'],
      ['KRC_LEARNING', 'GOAL_LEARN'],
      ['KRC_CHILD_MARRIAGE', 'GOAL_PROTECTED'],
    ]);
  });

  it('gives every goal a result and every result a public indicator with a baseline', () => {
    for (const goal of goals) expect(results.some((result) => result.goal.code === goal.code), goal.code).toBe(true);
    for (const result of results) {
      const shown = resultIndicators.filter((item) => item.result.code === result.code && item.public && item.baselineValue !== undefined);
      if (result.code !== 'RESULT_COMMUNITY_COMMITMENT' && result.code !== 'RESULT_CHILD_POVERTY') expect(shown.length, result.code).toBeGreaterThan(0);
    }
  });

  it('carries the published baselines named in issue 3', () => {
    expect(indicator('RF_CHILD_MARRIAGE_18')).toMatchObject({ baselineValue: 53.7, baselineYear: 2018, public: true });
    expect(indicator('RF_CHILD_MARRIAGE_18').baselineSource).toContain('DHS 2018');
    expect(indicator('RF_STUNTING')).toMatchObject({ baselineValue: 25.1, baselineYear: 2024 });
    expect(values('RF_STUNTING', (o) => o.sex === 'T' && o.source.startsWith('EDSM'))).toEqual([
      [2024, 25.1, 'T', 'ML'],
      [2018, 26.9, 'T', 'ML'],
    ]);
    expect(indicator('RF_DTP3_COVERAGE')).toMatchObject({ baselineValue: 77, baselineYear: 2023 });
    expect(indicator('RF_DTP3_COVERAGE').baselineSource).toContain('WUENIC');
  });

  it('keeps the WUENIC 2023 revision series whole: DTP3 2013–2023', () => {
    expect(values('RF_DTP3_COVERAGE', (o) => o.source.includes('WUENIC') && o.source.includes('2023 revision')).map(([year, value]) => [year, value])).toEqual([
      [2013, 64],
      [2014, 66],
      [2015, 71],
      [2016, 76],
      [2017, 77],
      [2018, 77],
      [2019, 77],
      [2020, 70],
      [2021, 77],
      [2022, 77],
      [2023, 77],
    ]);
  });

  it('stores the revision year of every WUENIC value: DTP1 in 2021 was 82 % in the 2021 revision, 79 % in the 2023 one', () => {
    const wuenic = observations.filter((o) => o.method === 'WHO/UNICEF estimate (WUENIC)' && o.resultIndicator.code !== 'RF_ZERO_DOSE_CHILDREN');
    expect(wuenic.every((o) => o.revision === 2021 || o.revision === 2023)).toBe(true);
    const dtp1in2021 = wuenic.filter((o) => o.resultIndicator.code === 'RF_DTP1_COVERAGE' && o.year === 2021);
    expect(dtp1in2021.map((o) => [o.revision, o.value])).toEqual([
      [2023, 79],
      [2021, 82],
    ]);
  });

  it('puts survey, estimate and administrative values side by side, each with its source', () => {
    const dtp1in2022 = observations.filter((o) => o.resultIndicator.code === 'RF_DTP1_COVERAGE' && o.year === 2022);
    expect(dtp1in2022.map((o) => [o.method, o.value])).toEqual([
      ['WHO/UNICEF estimate (WUENIC)', 78],
      ['administrative (doses ÷ target population)', 107],
    ]);
  });

  it('derives dropout and parity from the published survey values, as stated beside them', () => {
    const surveyDtp = (code: string) => values(code, (o) => o.source.startsWith('EDSM-VI (DHS 2018)'))[0]![1] as number;
    const dropout = ((surveyDtp('RF_DTP1_COVERAGE') - surveyDtp('RF_DTP3_COVERAGE')) / surveyDtp('RF_DTP1_COVERAGE')) * 100;
    expect(indicator('RF_DTP1_DTP3_DROPOUT').baselineValue).toBe(Number(dropout.toFixed(1)));
    expect(indicator('RF_GPI_GER_F1').baselineValue).toBe(Number((74 / 86).toFixed(2)));
  });

  it('splits stunting by sex where the survey tables do, the total between boys and girls', () => {
    const bySurvey = new Map<string, Record<string, number>>();
    for (const o of observations.filter((o) => o.resultIndicator.code === 'RF_STUNTING')) {
      bySurvey.set(o.source, { ...bySurvey.get(o.source), [o.sex]: o.value });
    }
    const split = [...bySurvey.values()].filter((row) => row.F !== undefined);
    expect(split).toHaveLength(8);
    for (const row of split) expect(row.T! >= Math.min(row.F!, row.M!) && row.T! <= Math.max(row.F!, row.M!)).toBe(true);
  });

  it('loads only targets a programme document gives, the humanitarian appeal, and says so', () => {
    expect(targets.map((target) => [target.resultIndicator.code, target.year, target.value])).toEqual([
      ['RF_SAM_ADMISSIONS', 2022, 177331],
      ['RF_MEASLES_VACCINATED_RESPONSE', 2022, 200000],
      ['RF_EMERGENCY_SAFE_WATER', 2022, 482000],
    ]);
    for (const target of targets) expect(target.source).toContain('not a country-programme target');
  });

  it('keeps an indicator off the public page exactly when all its values come from a secondary or donor source', () => {
    const secondary = (text: string) => /secondary source|donor report/.test(text);
    const offPublic = resultIndicators.filter((item) => {
      const sources = [item.baselineSource, ...observations.filter((o) => o.resultIndicator.code === item.code).map((o) => o.source)].filter((s) => s !== undefined);
      return sources.length > 0 && sources.every(secondary);
    });
    expect(offPublic.map((item) => item.code)).toEqual(resultIndicators.filter((item) => !item.public).map((item) => item.code));
    expect(offPublic.map((item) => item.code)).toEqual([
      'RF_FULLY_IMMUNIZED_BASIC',
      'RF_ZERO_DOSE_CHILDREN',
      'RF_GER_F1_GIRLS',
      'RF_GPI_GER_F1',
      'RF_COMMUNITIES_DECLARED',
      'RF_OPEN_DEFECATION',
    ]);
  });

  it('links headline indicators to the routine indicators that track them', () => {
    expect(
      resultIndicators.filter((item) => item.indicator).map((item) => [item.code, item.indicator!.code]),
    ).toEqual([
      ['RF_DTP3_COVERAGE', 'EPI_COV_PENTA3'],
      ['RF_DTP1_COVERAGE', 'EPI_COV_PENTA1'],
      ['RF_MCV1_COVERAGE', 'EPI_COV_MR1'],
      ['RF_MCV2_COVERAGE', 'EPI_COV_MR2'],
      ['RF_DTP1_DTP3_DROPOUT', 'EPI_DROPOUT_PENTA1_PENTA3'],
      ['RF_ZERO_DOSE_CHILDREN', 'EPI_ZERO_DOSE'],
      ['RF_SAM_ADMISSIONS', 'NUT_SAM_ADMISSIONS'],
      ['RF_GER_F1_GIRLS', 'EDU_GER_F1_F'],
      ['RF_GPI_GER_F1', 'EDU_GPI_GER_F1'],
    ]);
  });
});
