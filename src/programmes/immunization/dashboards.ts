// The immunization dashboard: coverage trend and map, dropout by region, doses by month and
// zero-dose children — what a district EPI officer looks at first (issue 4).
import type { Dashboard } from '../../core/programmePackage.ts';

export const dashboards: Dashboard[] = [
  {
    code: 'EPI_OVERVIEW',
    title: { fr: 'Vaccination : couverture et abandons', en: 'Immunization: coverage and dropout' },
    items: [
      {
        code: 'PENTA3_NATIONAL',
        title: { fr: 'Couverture Penta 3, 12 derniers mois', en: 'Penta3 coverage, last 12 months' },
        type: 'singleValue',
        dx: ['EPI_COV_PENTA3'],
        pe: ['LAST_12_MONTHS'],
        ou: ['USER_ORGUNIT'],
      },
      {
        code: 'COVERAGE_TREND',
        title: { fr: 'Couverture Penta 1, Penta 3 et RR 1 par mois', en: 'Penta1, Penta3 and MR1 coverage by month' },
        type: 'line',
        dx: ['EPI_COV_PENTA1', 'EPI_COV_PENTA3', 'EPI_COV_MR1'],
        pe: ['LAST_12_MONTHS'],
        ou: ['USER_ORGUNIT'],
      },
      {
        code: 'PENTA3_MAP',
        title: { fr: 'Couverture Penta 3 par cercle, année écoulée', en: 'Penta3 coverage by cercle, last year' },
        type: 'map',
        dx: ['EPI_COV_PENTA3'],
        pe: ['LAST_YEAR'],
        ou: ['LEVEL-3'],
      },
      {
        code: 'DROPOUT_BY_REGION',
        title: { fr: 'Taux d’abandon par région, année écoulée', en: 'Dropout rates by region, last year' },
        type: 'table',
        dx: ['EPI_DROPOUT_PENTA1_PENTA3', 'EPI_DROPOUT_PENTA1_MR1'],
        pe: ['LAST_YEAR'],
        ou: ['LEVEL-2'],
      },
      {
        code: 'DOSES_BY_MONTH',
        title: { fr: 'Doses administrées par mois : Penta 1, Penta 3, RR 1', en: 'Doses given by month: Penta1, Penta3, MR1' },
        type: 'column',
        dx: ['EPI_PENTA1', 'EPI_PENTA3', 'EPI_MR1'],
        pe: ['LAST_12_MONTHS'],
        ou: ['USER_ORGUNIT'],
      },
      {
        // What RED/REC categorises (the categories themselves: page « Vaccination : RED/REC »).
        code: 'RED_REC_BY_CERCLE',
        title: { fr: 'Accès (Penta 1), abandons et enfants zéro dose par cercle, année écoulée', en: 'Access (Penta1), dropout and zero-dose children by cercle, last year' },
        type: 'table',
        dx: ['EPI_COV_PENTA1', 'EPI_DROPOUT_PENTA1_PENTA3', 'EPI_DROPOUT_PENTA1_MR1', 'EPI_ZERO_DOSE'],
        pe: ['LAST_YEAR'],
        ou: ['LEVEL-3'],
      },
      {
        code: 'ZERO_DOSE_BY_REGION',
        title: { fr: 'Enfants zéro dose par région, année écoulée', en: 'Zero-dose children by region, last year' },
        type: 'column',
        dx: ['EPI_ZERO_DOSE'],
        pe: ['LAST_YEAR'],
        ou: ['LEVEL-2'],
      },
    ],
  },
];
