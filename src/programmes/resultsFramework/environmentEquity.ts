// Goals 4 and 5: every child lives in a safe and clean environment (water, sanitation, the
// emergency WASH response) and has an equitable chance in life (child deprivation, social
// protection). Values: mali-facts.md §1.4, §6.2–6.4 and mali-country-programme.md B.3,
// sources in sources.ts.
import type { Observation, ResultIndicator, Target } from '../../core/programmePackage.ts';
import { PEOPLE_HYGIENE_KITS, PEOPLE_SAFE_WATER } from '../wash/index.ts';
import { byRegion, nationalTarget, observed, resultIndicators } from './framework.ts';
import { CHILD_POVERTY, SANITATION_WATER, SOCIAL_PROTECTION, WASH_RESPONSE } from './goals.ts';
import * as source from './sources.ts';

const PERCENT = 'percent' as const;
const REPORTED = 'programme report';

export const BASIC_SANITATION = 'RF_BASIC_SANITATION';
export const OPEN_DEFECATION = 'RF_OPEN_DEFECATION';
export const BASIC_WATER = 'RF_BASIC_WATER';
export const ODF_VILLAGES = 'RF_ODF_VILLAGES_CUMULATIVE';
export const WASH_KITS = 'RF_EMERGENCY_WASH_KITS';
export const SAFE_WATER_RESPONSE = 'RF_EMERGENCY_SAFE_WATER';
export const CHILD_DEPRIVATION = 'RF_CHILD_DEPRIVATION_MODA';
export const RSU_HOUSEHOLDS = 'RF_RSU_HOUSEHOLDS';

const MODA_METHOD =
  'MODA: deprived in ≥ 4 of 7 dimensions (0–59 months) or ≥ 3 of 6 (5–17 years); recorded under the year of publication, the survey year is not stated in the abstract read';

export const indicators: ResultIndicator[] = [
  ...resultIndicators(SANITATION_WATER, [
    {
      code: BASIC_SANITATION,
      name: { fr: 'Population utilisant au moins un service d’assainissement de base', en: 'Population using at least basic sanitation' },
      unit: PERCENT,
      direction: 'increase',
      // EDSM-VII (DHS 2023-24) is recorded under 2024, the year its fieldwork ended.
      baseline: { value: 55, year: 2024, source: source.EDSM_VII_SANITATION },
    },
    {
      code: OPEN_DEFECATION,
      name: { fr: 'Population pratiquant la défécation à l’air libre', en: 'Population practising open defecation' },
      unit: PERCENT,
      direction: 'decrease',
      baseline: { value: 6, year: 2024, source: source.EDSM_VII_SANITATION },
      public: false,
    },
    {
      code: BASIC_WATER,
      name: { fr: 'Population utilisant au moins un service d’eau potable de base', en: 'Population using at least basic drinking water' },
      unit: PERCENT,
      direction: 'increase',
      baseline: { value: 82.5, year: 2020, source: source.JMP_2020 },
    },
    {
      code: ODF_VILLAGES,
      name: { fr: 'Villages certifiés FDAL depuis le lancement de l’ATPC (cumul)', en: 'Villages certified open-defecation free since CLTS began (cumulative)' },
      unit: 'number',
      direction: 'increase',
      baseline: { value: 750, year: 2012, source: source.PROTOS_2016 },
      publicMaxLevel: 1,
    },
  ]),
  ...resultIndicators(WASH_RESPONSE, [
    {
      code: WASH_KITS,
      name: { fr: 'Personnes ayant reçu un kit EHA d’urgence', en: 'People given an emergency WASH kit' },
      unit: 'number',
      direction: 'increase',
      baseline: { value: 99276, year: 2021, source: source.SITREP_2021 },
      dataElement: PEOPLE_HYGIENE_KITS,
      publicMaxLevel: 1,
    },
    {
      code: SAFE_WATER_RESPONSE,
      name: { fr: 'Personnes ayant accès à l’eau potable grâce à la réponse d’urgence', en: 'People given safe water by the emergency response' },
      unit: 'number',
      direction: 'increase',
      dataElement: PEOPLE_SAFE_WATER,
      publicMaxLevel: 1,
    },
  ]),
  ...resultIndicators(CHILD_POVERTY, [
    {
      code: CHILD_DEPRIVATION,
      name: { fr: 'Enfants en situation de privations multiples (MODA)', en: 'Children in multiple deprivation (MODA)' },
      unit: PERCENT,
      direction: 'decrease',
    },
  ]),
  ...resultIndicators(SOCIAL_PROTECTION, [
    {
      code: RSU_HOUSEHOLDS,
      name: { fr: 'Ménages inscrits au Registre social unifié (RSU)', en: 'Households in the Unified Social Registry (RSU)' },
      unit: 'number',
      direction: 'increase',
      baseline: { value: 70000, year: 2019, source: `${source.RSU}; at its launch, 28 Nov 2019` },
      publicMaxLevel: 1,
    },
  ]),
];

export const observations: Observation[] = [
  ...observed(BASIC_SANITATION, source.JMP_2020, 'JMP estimate', [[2020, 45.4]]),
  ...observed(BASIC_SANITATION, source.EDSM_VII_SANITATION, 'household survey', [[2024, 55]]),
  ...observed(OPEN_DEFECATION, source.EDSM_VII_SANITATION, 'household survey', [[2024, 6]]),
  ...observed(BASIC_WATER, source.JMP_2020, 'JMP estimate', [[2020, 82.5]]),
  ...observed(ODF_VILLAGES, source.PROTOS_2016, REPORTED, [[2012, 750]]),
  ...observed(WASH_KITS, source.SITREP_2021, REPORTED, [[2021, 99276]]),
  ...observed(CHILD_DEPRIVATION, source.MODA_2014, MODA_METHOD, [[2014, 50]]),
  // Regions of the 8 + 1 layout, which the 2014 study used.
  ...byRegion(CHILD_DEPRIVATION, 2014, source.MODA_2014, MODA_METHOD, [
    ['ML08', 73],
    ['ML06', 72],
    ['ML05', 68],
    ['ML09', 9],
  ]),
  ...observed(RSU_HOUSEHOLDS, `${source.RSU}; at its launch, 28 Nov 2019`, REPORTED, [[2019, 70000]]),
  ...observed(RSU_HOUSEHOLDS, `${source.RSU}; as of 15 Apr 2020`, REPORTED, [[2020, 352900]]),
];

export const targets: Target[] = [nationalTarget(SAFE_WATER_RESPONSE, 2022, 482000, source.HAC_2022)];
