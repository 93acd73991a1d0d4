// Goal 1, every child survives and thrives: the immunization and nutrition Key Results, and
// the humanitarian treatment and vaccination outputs. Values: mali-facts.md §1.2, §1.3 and
// mali-country-programme.md B.3, sources in sources.ts.
import type { Observation, ResultIndicator, Target } from '../../core/programmePackage.ts';
import { coverageCode, DROPOUT_PENTA1_PENTA3, ZERO_DOSE } from '../immunization/index.ts';
import { SAM_ADMISSIONS } from '../nutrition/index.ts';
import { byRegion, nationalTarget, observed, resultIndicators, withSexes } from './framework.ts';
import { HUMANITARIAN_HEALTH, KRC_IMMUNIZATION, KRC_NUTRITION } from './goals.ts';
import * as source from './sources.ts';

export const WUENIC = 'WHO/UNICEF estimate (WUENIC)';
export const SURVEY = 'household survey, card or history';
export const ADMIN = 'administrative (doses ÷ target population)';
const JME_METHOD = 'JME re-analysis, WHO flags';
const SMART_METHOD = 'SMART survey report, SMART flags, oedema included';
const REPORTED = 'programme report';

export const DTP3 = 'RF_DTP3_COVERAGE';
export const DTP1 = 'RF_DTP1_COVERAGE';
export const MCV1 = 'RF_MCV1_COVERAGE';
export const MCV2 = 'RF_MCV2_COVERAGE';
export const DROPOUT = 'RF_DTP1_DTP3_DROPOUT';
export const AGE_APPROPRIATE = 'RF_AGE_APPROPRIATE_VACCINATION';
export const FULLY_IMMUNIZED = 'RF_FULLY_IMMUNIZED_BASIC';
export const ZERO_DOSE_CHILDREN = 'RF_ZERO_DOSE_CHILDREN';
export const STUNTING = 'RF_STUNTING';
export const WASTING = 'RF_WASTING';
export const GAM = 'RF_GAM_SMART';
export const UNDERWEIGHT = 'RF_UNDERWEIGHT';
export const SAM_TREATED = 'RF_SAM_ADMISSIONS';
export const MEASLES_RESPONSE = 'RF_MEASLES_VACCINATED_RESPONSE';

const PERCENT = 'percent' as const;
const wuenic = (code: string, values: readonly number[], firstYear = 2013) =>
  observed(code, source.WUENIC_2023, WUENIC, values.map((value, index) => [firstYear + index, value] as const), { revision: 2023 });
/** The 2021 revision's value for 2021, kept beside the 2023 revision's to show how WUENIC revises back years. */
const wuenic2021 = (code: string, value: number) => observed(code, source.WUENIC_2021, WUENIC, [[2021, value]], { revision: 2021 });

export const indicators: ResultIndicator[] = [
  ...resultIndicators(KRC_IMMUNIZATION, [
    {
      code: DTP3,
      name: { fr: 'Couverture DTC3 (Penta 3) des enfants de moins d’un an', en: 'DTP3 (Penta3) coverage of children under 1' },
      unit: PERCENT,
      direction: 'increase',
      baseline: { value: 77, year: 2023, source: source.WUENIC_2023 },
      indicator: coverageCode('PENTA3'),
    },
    {
      code: DTP1,
      name: { fr: 'Couverture DTC1 (Penta 1) des enfants de moins d’un an', en: 'DTP1 (Penta1) coverage of children under 1' },
      unit: PERCENT,
      direction: 'increase',
      baseline: { value: 78, year: 2023, source: source.WUENIC_2023 },
      indicator: coverageCode('PENTA1'),
    },
    {
      code: MCV1,
      name: { fr: 'Couverture de la première dose de vaccin contre la rougeole (RR 1)', en: 'First-dose measles-containing vaccine coverage (MR1)' },
      unit: PERCENT,
      direction: 'increase',
      baseline: { value: 73, year: 2023, source: source.WUENIC_2023 },
      indicator: coverageCode('MR1'),
    },
    {
      code: MCV2,
      name: { fr: 'Couverture de la deuxième dose de vaccin contre la rougeole (RR 2)', en: 'Second-dose measles-containing vaccine coverage (MR2)' },
      unit: PERCENT,
      direction: 'increase',
      baseline: { value: 59, year: 2023, source: source.WUENIC_2023 },
      indicator: coverageCode('MR2'),
    },
    {
      code: DROPOUT,
      name: { fr: 'Taux d’abandon DTC1–DTC3 (Penta 1 – Penta 3)', en: 'DTP1–DTP3 (Penta1–Penta3) dropout rate' },
      unit: PERCENT,
      direction: 'decrease',
      // (82 − 71) ÷ 82 = 13.4 % (mali-facts §1.2.1, derived from the survey values).
      baseline: { value: 13.4, year: 2018, source: `${source.DHS_2018_VACCINATION}; (82 − 71) ÷ 82` },
      indicator: DROPOUT_PENTA1_PENTA3,
    },
    {
      code: AGE_APPROPRIATE,
      name: { fr: 'Enfants de 12 à 23 mois ayant reçu toutes les vaccinations de leur âge', en: 'Children 12–23 months with all age-appropriate vaccinations' },
      unit: PERCENT,
      direction: 'increase',
      baseline: { value: 17.8, year: 2018, source: source.DHS_2018_AGE_APPROPRIATE },
    },
    {
      code: FULLY_IMMUNIZED,
      name: { fr: 'Enfants de 12 à 23 mois complètement vaccinés (antigènes de base)', en: 'Children 12–23 months fully immunized (basic antigens)' },
      unit: PERCENT,
      direction: 'increase',
      baseline: { value: 45, year: 2018, source: source.DHS_2018_FULLY_IMMUNIZED },
      public: false,
    },
    {
      code: ZERO_DOSE_CHILDREN,
      name: { fr: 'Enfants zéro dose (sans DTC1)', en: 'Zero-dose children (no DTP1)' },
      unit: 'number',
      direction: 'decrease',
      baseline: { value: 114476, year: 2021, source: source.ZERO_DOSE_2021 },
      indicator: ZERO_DOSE,
      public: false,
    },
  ]),
  ...resultIndicators(KRC_NUTRITION, [
    {
      code: STUNTING,
      name: { fr: 'Retard de croissance des enfants de moins de 5 ans', en: 'Stunting among children under 5' },
      unit: PERCENT,
      direction: 'decrease',
      // EDSM-VII (DHS 2023-24) is recorded under 2024, the year its fieldwork ended.
      baseline: { value: 25.1, year: 2024, source: `EDSM-VII (DHS 2023-24), ${source.JME}` },
    },
    {
      code: WASTING,
      name: { fr: 'Émaciation des enfants de moins de 5 ans (P/T < −2)', en: 'Wasting among children under 5 (WHZ < −2)' },
      unit: PERCENT,
      direction: 'decrease',
      baseline: { value: 9.0, year: 2018, source: `EDSM-VI (DHS 2018), ${source.JME}` },
    },
    {
      code: GAM,
      name: { fr: 'Malnutrition aiguë globale des enfants de 6 à 59 mois (enquête SMART)', en: 'Global acute malnutrition among children 6–59 months (SMART survey)' },
      unit: PERCENT,
      direction: 'decrease',
      baseline: { value: 11.5, year: 2024, source: source.SMART_2024 },
    },
    {
      code: UNDERWEIGHT,
      name: { fr: 'Insuffisance pondérale des enfants de moins de 5 ans', en: 'Underweight among children under 5' },
      unit: PERCENT,
      direction: 'decrease',
      baseline: { value: 18.6, year: 2018, source: `EDSM-VI (DHS 2018), ${source.JME}` },
    },
  ]),
  ...resultIndicators(HUMANITARIAN_HEALTH, [
    {
      code: SAM_TREATED,
      name: { fr: 'Enfants de 6 à 59 mois admis pour malnutrition aiguë sévère', en: 'Children 6–59 months admitted for severe acute malnutrition' },
      unit: 'number',
      direction: 'increase',
      baseline: { value: 131221, year: 2021, source: source.SITREP_2021 },
      indicator: SAM_ADMISSIONS,
      publicMaxLevel: 1,
    },
    {
      code: MEASLES_RESPONSE,
      name: { fr: 'Enfants vaccinés contre la rougeole dans la réponse humanitaire', en: 'Children vaccinated against measles in the humanitarian response' },
      unit: 'number',
      direction: 'increase',
      baseline: { value: 345057, year: 2021, source: source.SITREP_2021 },
      publicMaxLevel: 1,
    },
  ]),
];

const stuntingBySex: [string, number, number, number, number][] = [
  ['EDSM-VII (DHS 2023-24)', 2024, 25.1, 26.7, 23.6],
  ['SMART 2022', 2022, 21.8, 24.9, 18.7],
  ['SMART 2021', 2021, 22.1, 24.8, 19.4],
  ['SMART 2020', 2020, 23.0, 25.4, 20.5],
  ['SMART 2019', 2019, 26.4, 29.0, 23.7],
  ['EDSM-VI (DHS 2018)', 2018, 26.9, 28.0, 25.7],
  ['SMART 2018', 2018, 24.2, 26.5, 21.8],
  ['MICS 2015', 2015, 30.4, 32.9, 27.8],
];
const jme = (survey: string) => `${survey}, ${source.JME}`;
/** JME values of one indicator, one per survey: [survey, year, value]. */
const jmeSeries = (code: string, rows: readonly (readonly [string, number, number])[]) =>
  rows.flatMap(([survey, year, value]) => observed(code, jme(survey), JME_METHOD, [[year, value]]));

export const observations: Observation[] = [
  ...wuenic(DTP3, [64, 66, 71, 76, 77, 77, 77, 70, 77, 77, 77]),
  ...wuenic(DTP1, [69, 73, 78, 82, 82, 82, 81, 75, 79, 78, 78]),
  ...wuenic(MCV1, [62, 61, 65, 70, 70, 71, 71, 62, 72, 73, 73]),
  ...wuenic(MCV2, [4, 26, 33, 44, 59], 2019),
  ...wuenic2021(DTP1, 82),
  ...wuenic2021(DTP3, 77),
  ...wuenic2021(MCV1, 70),
  ...observed(DTP3, source.DHS_2018_VACCINATION, SURVEY, [[2018, 71]]),
  ...observed(DTP3, source.MICS_2015_VACCINATION, SURVEY, [[2015, 56]]),
  ...observed(DTP3, source.EPI_REVIEW_2016, SURVEY, [[2016, 73]]),
  ...observed(DTP3, source.ADMIN_2022, ADMIN, [[2022, 96]]),
  ...observed(DTP1, source.DHS_2018_VACCINATION, SURVEY, [[2018, 82]]),
  ...observed(DTP1, source.MICS_2015_VACCINATION, SURVEY, [[2015, 73]]),
  ...observed(DTP1, source.EPI_REVIEW_2016, SURVEY, [[2016, 92]]),
  ...observed(DTP1, source.ADMIN_2022, ADMIN, [[2022, 107]]),
  ...observed(MCV1, source.DHS_2018_VACCINATION, SURVEY, [[2018, 70]]),
  ...observed(MCV1, source.MICS_2015_VACCINATION, SURVEY, [[2015, 61]]),
  ...observed(MCV1, source.EPI_REVIEW_2016, SURVEY, [[2016, 74]]),
  ...observed(MCV1, source.ADMIN_2022, ADMIN, [[2022, 99]]),
  ...observed(MCV2, source.ADMIN_2022, ADMIN, [[2022, 44]]),
  // Dropout from the survey coverage of the same children: (DTP1 − DTP3) ÷ DTP1 (mali-facts §1.2.1).
  ...observed(DROPOUT, `${source.MICS_2015_VACCINATION}; (73 − 56) ÷ 73`, SURVEY, [[2015, 23.3]]),
  ...observed(DROPOUT, `${source.DHS_2018_VACCINATION}; (82 − 71) ÷ 82`, SURVEY, [[2018, 13.4]]),
  ...observed(AGE_APPROPRIATE, source.DHS_2018_AGE_APPROPRIATE, SURVEY, [[2018, 17.8]]),
  ...byRegion(AGE_APPROPRIATE, 2018, source.DHS_2018_AGE_APPROPRIATE, SURVEY, [
    ['ML09', 23.2],
    ['ML01', 12.7],
    ['ML02', 15.9],
    ['ML03', 15.1],
    ['ML04', 29.9],
    ['ML05', 11.7],
    ['ML06', 19.7],
    ['ML07', 8.5],
  ]),
  ...observed(FULLY_IMMUNIZED, source.DHS_2018_FULLY_IMMUNIZED, SURVEY, [[2018, 45]]),
  ...observed(ZERO_DOSE_CHILDREN, source.ZERO_DOSE_2021, WUENIC, [[2021, 114476]]),

  ...stuntingBySex.flatMap(([survey, year, total, male, female]) => withSexes(STUNTING, jme(survey), JME_METHOD, year, total, male, female)),
  ...jmeSeries(STUNTING, [
    ['SMART 2017', 2017, 24.6],
    ['SMART 2016', 2016, 26.4],
    ['SMART 2015', 2015, 29.0],
    ['SMART 2014', 2014, 28.1],
    ['SMART 2011', 2011, 27.9],
    ['MICS 2010', 2010, 27.8],
    ['DHS 2006', 2006, 37.6],
    ['DHS 2001', 2001, 42.5],
  ]),
  ...jmeSeries(WASTING, [
    ['SMART 2022', 2022, 10.6],
    ['SMART 2021', 2021, 9.3],
    ['SMART 2020', 2020, 7.2],
    ['SMART 2019', 2019, 9.3],
    ['EDSM-VI (DHS 2018)', 2018, 9.0],
    ['SMART 2018', 2018, 9.8],
    ['SMART 2017', 2017, 10.5],
    ['SMART 2016', 2016, 10.6],
    ['MICS 2015', 2015, 13.5],
    ['SMART 2015', 2015, 12.5],
    ['SMART 2014', 2014, 13.1],
    ['SMART 2011', 2011, 10.4],
  ]),
  ...jmeSeries(UNDERWEIGHT, [
    ['EDSM-VI (DHS 2018)', 2018, 18.6],
    ['SMART 2018', 2018, 18.8],
    ['MICS 2015', 2015, 25.0],
    ['SMART 2015', 2015, 24.1],
  ]),
  ...observed(GAM, source.SMART_2024, SMART_METHOD, [[2024, 11.5]]),
  ...observed(GAM, source.SMART_2019, SMART_METHOD, [[2019, 9.4]]),
  ...observed(GAM, source.SMART_2018, SMART_METHOD, [[2018, 10.7]]),

  ...observed(SAM_TREATED, source.SITREP_2021, REPORTED, [[2021, 131221]]),
  ...observed(MEASLES_RESPONSE, source.SITREP_2021, REPORTED, [[2021, 345057]]),
];

export const targets: Target[] = [nationalTarget(SAM_TREATED, 2022, 177331, source.HAC_2022), nationalTarget(MEASLES_RESPONSE, 2022, 200000, source.HAC_2022)];
