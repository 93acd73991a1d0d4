// The CMAM dashboard: SAM admissions over time, performance rates by region, cure rate by
// cercle, length of stay and weight gain, RUTF stock-outs — the figures a nutrition officer
// checks against the Sphere standards every month (site by site: the /cmam page).
import type { Dashboard } from '../../core/programmePackage.ts';

const SAM_RATES = ['NUT_SAM_CURED_RATE', 'NUT_SAM_DIED_RATE', 'NUT_SAM_DEFAULTED_RATE', 'NUT_SAM_NON_RESPONDENT_RATE'];

export const dashboards: Dashboard[] = [
  {
    code: 'CMAM_OVERVIEW',
    title: { fr: 'Malnutrition aiguë : prise en charge (PCIMA)', en: 'Acute malnutrition: treatment (CMAM)' },
    items: [
      {
        code: 'SAM_ADMISSIONS_YEAR',
        title: { fr: 'Enfants admis pour MAS, 12 derniers mois', en: 'Children admitted for SAM, last 12 months' },
        type: 'singleValue',
        dx: ['NUT_SAM_ADMISSIONS'],
        pe: ['LAST_12_MONTHS'],
        ou: ['USER_ORGUNIT'],
      },
      {
        code: 'SAM_ADMISSIONS_TREND',
        title: { fr: 'Admissions MAS par mois', en: 'SAM admissions by month' },
        type: 'column',
        dx: ['NUT_SAM_ADMISSIONS'],
        pe: ['LAST_12_MONTHS'],
        ou: ['USER_ORGUNIT'],
      },
      {
        code: 'SAM_RATES_TREND',
        title: { fr: 'MAS : taux de guérison, décès, abandon et non-réponse par mois', en: 'SAM: cure, death, default and non-response rates by month' },
        type: 'line',
        dx: SAM_RATES,
        pe: ['LAST_12_MONTHS'],
        ou: ['USER_ORGUNIT'],
      },
      {
        code: 'SAM_RATES_BY_REGION',
        title: { fr: 'MAS : performance par région, année écoulée', en: 'SAM: performance by region, last year' },
        type: 'table',
        dx: SAM_RATES,
        pe: ['LAST_YEAR'],
        ou: ['LEVEL-2'],
      },
      {
        code: 'SAM_CURE_MAP',
        title: { fr: 'MAS : taux de guérison par cercle, année écoulée', en: 'SAM: cure rate by cercle, last year' },
        type: 'map',
        dx: ['NUT_SAM_CURED_RATE'],
        pe: ['LAST_YEAR'],
        ou: ['LEVEL-3'],
      },
      {
        code: 'MAM_RATES_BY_REGION',
        title: { fr: 'MAM : performance par région, année écoulée', en: 'MAM: performance by region, last year' },
        type: 'table',
        dx: ['NUT_MAM_CURED_RATE', 'NUT_MAM_DIED_RATE', 'NUT_MAM_DEFAULTED_RATE'],
        pe: ['LAST_YEAR'],
        ou: ['LEVEL-2'],
      },
      {
        code: 'SAM_STAY_AND_GAIN_BY_REGION',
        title: { fr: 'MAS : durée moyenne de séjour (jours) et gain de poids moyen (g/kg/jour) des guéris par région, année écoulée', en: 'SAM: average length of stay (days) and weight gain (g/kg/day) of cured children by region, last year' },
        type: 'table',
        dx: ['NUT_SAM_AVERAGE_LENGTH_OF_STAY', 'NUT_SAM_AVERAGE_WEIGHT_GAIN'],
        pe: ['LAST_YEAR'],
        ou: ['LEVEL-2'],
      },
      {
        code: 'RUTF_STOCKOUT_TREND',
        title: { fr: 'ATPE : jours de rupture de stock par mois (tous sites)', en: 'RUTF: stock-out days by month (all sites)' },
        type: 'column',
        dx: ['NUT_RUTF_STOCKOUT_DAYS'],
        pe: ['LAST_12_MONTHS'],
        ou: ['USER_ORGUNIT'],
      },
    ],
  },
];
