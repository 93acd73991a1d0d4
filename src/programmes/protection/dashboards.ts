// The child-protection dashboard: birth registration, the case load by type, and the
// child-marriage prevention outputs by quarter.
import type { Dashboard } from '../../core/programmePackage.ts';

export const dashboards: Dashboard[] = [
  {
    code: 'CP_OVERVIEW',
    title: { fr: 'Protection de l’enfant et mariage d’enfants', en: 'Child protection and child marriage' },
    items: [
      {
        code: 'BIRTH_REGISTRATION_MAP',
        title: { fr: 'Naissances enregistrées avant un an, par cercle', en: 'Births registered before age 1, by cercle' },
        type: 'map',
        dx: ['CP_BIRTH_REGISTRATION_UNDER1'],
        pe: ['LAST_YEAR'],
        ou: ['LEVEL-3'],
      },
      {
        code: 'CASES_BY_MONTH',
        title: { fr: 'Cas de protection identifiés et référés par mois', en: 'Protection cases identified and referred by month' },
        type: 'column',
        dx: ['CP_CASES_IDENTIFIED', 'CP_CASES_REFERRED'],
        pe: ['LAST_12_MONTHS'],
        ou: ['USER_ORGUNIT'],
      },
      {
        code: 'CHILD_MARRIAGE_CASES',
        title: { fr: 'Cas de mariage d’enfants identifiés, filles et garçons, par région', en: 'Child-marriage cases identified, girls and boys, by region' },
        type: 'table',
        dx: ['CP_CASES_IDENTIFIED.CHILD_MARRIAGE_F', 'CP_CASES_IDENTIFIED.CHILD_MARRIAGE_M', 'CP_CHILD_MARRIAGES_PREVENTED'],
        pe: ['LAST_YEAR'],
        ou: ['LEVEL-2'],
      },
      {
        code: 'PREVENTION_BY_QUARTER',
        title: { fr: 'Prévention : filles en clubs et communautés engagées, par trimestre', en: 'Prevention: girls in clubs and communities committed, by quarter' },
        type: 'column',
        dx: ['CP_GIRLS_LIFE_SKILLS_ENROLLED', 'CP_COMMUNITIES_DECLARED'],
        pe: ['LAST_4_QUARTERS'],
        ou: ['USER_ORGUNIT'],
      },
    ],
  },
];
