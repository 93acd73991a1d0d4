// Goals 2 and 3: every child learns (learning outcomes Key Result, access to school) and every
// child is protected (child-marriage Key Result, community commitment, birth registration,
// humanitarian protection). Values: mali-facts.md §1.5–1.8, §4.2 and mali-country-programme.md
// A.3, B.3, B.4, sources in sources.ts.
import type { Observation, ResultIndicator } from '../../core/programmePackage.ts';
import { SCHOOLS_CLOSED } from '../education/index.ts';
import { CHILDREN_ASSISTED, COMMUNITIES_DECLARED } from '../protection/index.ts';
import { observed, resultIndicators } from './framework.ts';
import { BIRTH_REGISTRATION, COMMUNITY_COMMITMENT, KRC_CHILD_MARRIAGE, KRC_LEARNING, PROTECTION_RESPONSE, SCHOOL_ACCESS } from './goals.ts';
import * as source from './sources.ts';

const SURVEY = 'household survey';
const ADMIN = 'administrative statistics';
const REPORTED = 'programme report';

export const READING_PROFICIENCY = 'RF_READING_PROFICIENCY';
export const PRESCHOOL = 'RF_PRESCHOOL_3_5';
export const OUT_OF_SCHOOL = 'RF_OUT_OF_SCHOOL_PRIMARY';
export const GER_F1_GIRLS = 'RF_GER_F1_GIRLS';
export const GPI_F1 = 'RF_GPI_GER_F1';
export const SCHOOLS_CLOSED_NUMBER = 'RF_SCHOOLS_CLOSED';
export const MARRIED_BEFORE_18 = 'RF_CHILD_MARRIAGE_18';
export const MARRIED_BEFORE_15 = 'RF_CHILD_MARRIAGE_15';
export const MEN_MARRIED_BEFORE_18 = 'RF_CHILD_MARRIAGE_MEN_18';
export const COMMUNITIES = 'RF_COMMUNITIES_DECLARED';
export const NO_BIRTH_CERTIFICATE = 'RF_NO_BIRTH_CERTIFICATE';
export const PROTECTION_ASSISTANCE = 'RF_CP_ASSISTANCE';

const PERCENT = 'percent' as const;

export const indicators: ResultIndicator[] = [
  ...resultIndicators(KRC_LEARNING, [
    {
      // SDG 4.1.1: PASEC2019 results for Mali were not found (Mali may not have completed
      // it) and the 2011/12 PASEC figures were not extracted, so there is no baseline yet.
      code: READING_PROFICIENCY,
      name: { fr: 'Élèves atteignant le seuil minimal de compétence en lecture en fin de primaire', en: 'Pupils reaching minimum proficiency in reading at the end of primary' },
      unit: PERCENT,
      direction: 'increase',
    },
    {
      code: PRESCHOOL,
      name: { fr: 'Enfants de 3 à 5 ans inscrits au préscolaire', en: 'Children aged 3–5 enrolled in preschool' },
      unit: PERCENT,
      direction: 'increase',
    },
    {
      code: OUT_OF_SCHOOL,
      name: { fr: 'Enfants d’âge primaire non scolarisés', en: 'Primary-age children out of school' },
      unit: PERCENT,
      direction: 'decrease',
      baseline: { value: 26.7, year: 2012, source: source.EPT_2014 },
    },
  ]),
  ...resultIndicators(SCHOOL_ACCESS, [
    {
      code: GER_F1_GIRLS,
      name: { fr: 'Taux brut de scolarisation des filles au fondamental 1', en: 'Girls’ gross enrolment ratio in fondamental 1' },
      unit: PERCENT,
      direction: 'increase',
      baseline: { value: 74, year: 2019, source: source.CPS_EDUCATION_2019 },
      indicator: 'EDU_GER_F1_F',
      public: false,
    },
    {
      code: GPI_F1,
      name: { fr: 'Indice de parité filles-garçons du TBS au fondamental 1', en: 'Gender parity index of the fondamental 1 GER' },
      unit: 'ratio',
      direction: 'increase',
      // 74 ÷ 86 = 0.86 (girls and boys, 2019).
      baseline: { value: 0.86, year: 2019, source: `${source.CPS_EDUCATION_2019}; 74 ÷ 86` },
      indicator: 'EDU_GPI_GER_F1',
      public: false,
    },
    {
      code: SCHOOLS_CLOSED_NUMBER,
      name: { fr: 'Écoles fermées pour cause d’insécurité', en: 'Schools closed by insecurity' },
      unit: 'number',
      direction: 'decrease',
      baseline: { value: 1657, year: 2024, source: source.SCHOOLS_CLOSED_2024 },
      dataElement: SCHOOLS_CLOSED,
    },
  ]),
  ...resultIndicators(KRC_CHILD_MARRIAGE, [
    {
      code: MARRIED_BEFORE_18,
      name: { fr: 'Femmes de 20 à 24 ans mariées ou en union avant 18 ans (ODD 5.3.1)', en: 'Women aged 20–24 married or in union before 18 (SDG 5.3.1)' },
      unit: PERCENT,
      direction: 'decrease',
      baseline: { value: 53.7, year: 2018, source: source.CHILD_MARRIAGE_DHS_2018 },
    },
    {
      code: MARRIED_BEFORE_15,
      name: { fr: 'Femmes de 20 à 24 ans mariées ou en union avant 15 ans (ODD 5.3.1)', en: 'Women aged 20–24 married or in union before 15 (SDG 5.3.1)' },
      unit: PERCENT,
      direction: 'decrease',
      baseline: { value: 15.9, year: 2018, source: source.CHILD_MARRIAGE_DHS_2018 },
    },
    {
      code: MEN_MARRIED_BEFORE_18,
      name: { fr: 'Hommes de 20 à 24 ans mariés ou en union avant 18 ans', en: 'Men aged 20–24 married or in union before 18' },
      unit: PERCENT,
      direction: 'decrease',
      baseline: { value: 2.1, year: 2018, source: source.CHILD_MARRIAGE_DHS_2018 },
    },
  ]),
  ...resultIndicators(COMMUNITY_COMMITMENT, [
    {
      code: COMMUNITIES,
      name: { fr: 'Communautés ayant déclaré publiquement l’abandon du mariage d’enfants', en: 'Communities publicly declaring the abandonment of child marriage' },
      unit: 'number',
      direction: 'increase',
      dataElement: COMMUNITIES_DECLARED,
      public: false,
    },
  ]),
  ...resultIndicators(BIRTH_REGISTRATION, [
    {
      // The official SDG 16.9.1 value (registered, with or without certificate) was not found;
      // the share without a birth certificate is what the DHS microdata analysis gives.
      code: NO_BIRTH_CERTIFICATE,
      name: { fr: 'Enfants de moins de 5 ans sans acte de naissance', en: 'Children under 5 without a birth certificate' },
      unit: PERCENT,
      direction: 'decrease',
      baseline: { value: 18.22, year: 2018, source: source.BIRTH_CERTIFICATE },
    },
  ]),
  ...resultIndicators(PROTECTION_RESPONSE, [
    {
      code: PROTECTION_ASSISTANCE,
      name: { fr: 'Enfants ayant reçu une assistance de protection (réponse humanitaire)', en: 'Children given child-protection assistance (humanitarian response)' },
      unit: 'number',
      direction: 'increase',
      baseline: { value: 56145, year: 2021, source: source.SITREP_2021 },
      dataElement: CHILDREN_ASSISTED,
      publicMaxLevel: 1,
    },
  ]),
];

export const observations: Observation[] = [
  ...observed(PRESCHOOL, source.CPD_PAGE, 'situation figure', [[2018, 7]]),
  ...observed(OUT_OF_SCHOOL, source.EPT_2014, ADMIN, [[2012, 26.7]]),
  // The school year 2018-19 is recorded under 2019, as UIS does (education package).
  ...observed(GER_F1_GIRLS, source.CPS_EDUCATION_2019, ADMIN, [
    [2018, 70],
    [2019, 74],
  ]),
  ...observed(GPI_F1, `${source.CPS_EDUCATION_2019}; 70 ÷ 83`, ADMIN, [[2018, 0.84]]),
  ...observed(GPI_F1, `${source.CPS_EDUCATION_2019}; 74 ÷ 86`, ADMIN, [[2019, 0.86]]),
  ...observed(SCHOOLS_CLOSED_NUMBER, source.SCHOOLS_CLOSED_2019, REPORTED, [[2019, 1113]]),
  ...observed(SCHOOLS_CLOSED_NUMBER, source.SCHOOLS_CLOSED_2020, REPORTED, [[2020, 1344]]),
  ...observed(SCHOOLS_CLOSED_NUMBER, source.SCHOOLS_CLOSED_2021, REPORTED, [[2021, 1664]]),
  ...observed(SCHOOLS_CLOSED_NUMBER, source.SCHOOLS_CLOSED_2022, REPORTED, [[2022, 1766]]),
  ...observed(SCHOOLS_CLOSED_NUMBER, source.SCHOOLS_CLOSED_2024, REPORTED, [[2024, 1657]]),

  ...observed(MARRIED_BEFORE_18, source.CHILD_MARRIAGE_DHS_2001, SURVEY, [[2001, 65]]),
  ...observed(MARRIED_BEFORE_18, source.CHILD_MARRIAGE_MICS_2015, SURVEY, [[2015, 52]]),
  ...observed(MARRIED_BEFORE_18, source.CHILD_MARRIAGE_DHS_2018, SURVEY, [[2018, 53.7]]),
  ...observed(MARRIED_BEFORE_15, source.CHILD_MARRIAGE_MICS_2015, SURVEY, [[2015, 17]]),
  ...observed(MARRIED_BEFORE_15, source.CHILD_MARRIAGE_DHS_2018, SURVEY, [[2018, 15.9]]),
  ...observed(MEN_MARRIED_BEFORE_18, source.CHILD_MARRIAGE_DHS_2018, SURVEY, [[2018, 2.1]]),
  // "102 village communities in Koulikoro and Ségou" (2023): held at national level.
  ...observed(COMMUNITIES, source.SIDA_2023, REPORTED, [[2023, 102]]),
  // DHS 2012-13 is recorded under 2013, the year its fieldwork ended.
  ...observed(NO_BIRTH_CERTIFICATE, source.BIRTH_CERTIFICATE, SURVEY, [
    [2006, 39.17],
    [2013, 21.08],
    [2018, 18.22],
  ]),
  ...observed(PROTECTION_ASSISTANCE, source.SITREP_2021, REPORTED, [[2021, 56145]]),
];
