// Disaggregations and indicator types that several programme packages share, defined once so
// that a code means one thing everywhere. Loaded before every other package.
import type { ProgrammePackage } from '../../core/programmePackage.ts';
import { category, categoryCombo, categoryOption, indicatorType } from '../builders.ts';

/** Sex options: the codes are the `sex` values of the population table and of observations. */
export const FEMALE = 'F';
export const MALE = 'M';
export const SEXES = [FEMALE, MALE] as const;

export const common: ProgrammePackage = {
  id: 'common',
  name: { fr: 'Éléments communs', en: 'Common elements' },
  version: '1.0.0',
  modelledOn: {
    fr: 'Conventions DHIS2 : catégorie de désagrégation par sexe et types d’indicateurs (pourcentage, nombre, ratio).',
    en: 'DHIS2 conventions: a sex disaggregation category and indicator types (percentage, number, ratio).',
  },
  sources: ['DHIS2 metadata model (category options, categories, category combos, indicator types): docs.dhis2.org, "Metadata"'],
  metadata: {
    categoryOptions: [
      categoryOption(FEMALE, { fr: 'Féminin', en: 'Female' }),
      categoryOption(MALE, { fr: 'Masculin', en: 'Male' }),
    ],
    categories: [category('SEX', { fr: 'Sexe', en: 'Sex' }, SEXES)],
    categoryCombos: [categoryCombo('SEX', { fr: 'Sexe', en: 'Sex' }, ['SEX'])],
    indicatorTypes: [
      indicatorType('PERCENT', { fr: 'Pourcentage', en: 'Percentage' }, 100),
      indicatorType('NUMBER', { fr: 'Nombre', en: 'Number' }, 1, true),
      indicatorType('RATIO', { fr: 'Ratio', en: 'Ratio' }, 1),
    ],
  },
  dataSetAssignments: [],
  dashboards: [],
};
