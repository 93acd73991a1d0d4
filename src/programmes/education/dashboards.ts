// The education dashboard: enrolment of girls and boys over five school years, parity and
// school closures by region.
import type { Dashboard } from '../../core/programmePackage.ts';

export const dashboards: Dashboard[] = [
  {
    code: 'EDU_OVERVIEW',
    title: { fr: 'Éducation : accès, parité et écoles fermées', en: 'Education: access, parity and closed schools' },
    items: [
      {
        code: 'GER_F1_BY_SEX',
        title: { fr: 'TBS du fondamental 1, filles et garçons', en: 'Fondamental 1 GER, girls and boys' },
        type: 'line',
        dx: ['EDU_GER_F1_F', 'EDU_GER_F1_M'],
        pe: ['LAST_5_YEARS'],
        ou: ['USER_ORGUNIT'],
      },
      {
        code: 'GPI_F1_MAP',
        title: { fr: 'Indice de parité du TBS du fondamental 1 par région', en: 'Fondamental 1 GER parity index by region' },
        type: 'map',
        dx: ['EDU_GPI_GER_F1'],
        pe: ['LAST_YEAR'],
        ou: ['LEVEL-2'],
      },
      {
        code: 'GER_BY_LEVEL',
        title: { fr: 'TBS par niveau et par région', en: 'GER by level and region' },
        type: 'table',
        dx: ['EDU_GER_PRESCHOOL', 'EDU_GER_F1', 'EDU_GER_F2', 'EDU_GER_SECONDARY', 'EDU_COMPLETION_PROXY_F1'],
        pe: ['LAST_YEAR'],
        ou: ['LEVEL-2'],
      },
      {
        code: 'SCHOOLS_CLOSED_BY_REGION',
        title: { fr: 'Écoles fermées pour cause d’insécurité, par région', en: 'Schools closed by insecurity, by region' },
        type: 'column',
        dx: ['EDU_SCHOOLS_CLOSED_INSECURITY'],
        pe: ['LAST_YEAR'],
        ou: ['LEVEL-2'],
      },
    ],
  },
];
