// Learning (KRC 3, access side): the annual school statistics of a cercle — enrolment by
// level and sex, official-age population, teachers, grade-6 new entrants, schools closed by
// insecurity — with gross and net enrolment ratios, the adjusted gender parity index, the
// primary completion proxy and the pupil–teacher ratio. Learning outcomes themselves come from
// assessments (PASEC, EGRA), kept as survey values in the results framework.
//
// Modelled on: UIS indicator definitions (mali-facts.md §4.1) and Mali's system structure
// (§4.2: preschool from 4 for 3 years; fondamental 1 from 7 for 6 years; fondamental 2 from 13
// for 3 years; secondary from 16 for 3 years). A school year is recorded under the calendar
// year in which it ends, as UIS does (2025 = school year 2024-25, started in October 2024).
import type { ProgrammePackage } from '../../core/programmePackage.ts';
import { category, categoryCombo, categoryOption, dataElement, dataSet, indicator, operand, sum, validationRule } from '../builders.ts';
import { SEXES } from '../common/index.ts';
import { dashboards } from './dashboards.ts';

export const LEVELS = {
  PRESCHOOL: { fr: 'Préscolaire', en: 'Preschool', ages: '4–6' },
  F1: { fr: 'Fondamental 1 (1re–6e année)', en: 'Fondamental 1 (grades 1–6)', ages: '7–12' },
  F2: { fr: 'Fondamental 2 (7e–9e année)', en: 'Fondamental 2 (grades 7–9)', ages: '13–15' },
  SECONDARY: { fr: 'Secondaire général', en: 'General secondary', ages: '16–18' },
} as const;
type Level = keyof typeof LEVELS;
const LEVEL_CODES = Object.keys(LEVELS) as Level[];

export const ENROLMENT = 'EDU_ENROLMENT';
export const ENROLMENT_OFFICIAL_AGE = 'EDU_ENROLMENT_OFFICIAL_AGE';
export const POPULATION_OFFICIAL_AGE = 'EDU_POP_OFFICIAL_AGE';
export const NEW_ENTRANTS_GRADE6 = 'EDU_NEW_ENTRANTS_GRADE6';
export const POPULATION_AGE_12 = 'EDU_POP_AGE_12';
export const TEACHERS = 'EDU_TEACHERS';
export const SCHOOLS = 'EDU_SCHOOLS';
export const SCHOOLS_CLOSED = 'EDU_SCHOOLS_CLOSED_INSECURITY';
export const SCHOOL_CENSUS = 'EDU_SCHOOL_CENSUS';

const ofLevel = (element: string, level: Level, sexes: readonly string[] = SEXES) => sum(sexes.map((sex) => operand(element, `${level}_${sex}`)));
const SEX_LABEL: Record<string, { fr: string; en: string }> = { F: { fr: 'filles', en: 'girls' }, M: { fr: 'garçons', en: 'boys' } };

function ratio(kind: 'GER' | 'NER', level: Level, sex?: string) {
  const sexes = sex ? [sex] : SEXES;
  const who = sex ? { fr: `, ${SEX_LABEL[sex]!.fr}`, en: `, ${SEX_LABEL[sex]!.en}` } : { fr: '', en: '' };
  const gross = kind === 'GER';
  return indicator({
    code: `EDU_${kind}_${level}${sex ? `_${sex}` : ''}`,
    name: {
      fr: `Taux ${gross ? 'brut' : 'net'} de scolarisation — ${LEVELS[level].fr}${who.fr}`,
      en: `${gross ? 'Gross' : 'Net'} enrolment ratio — ${LEVELS[level].en}${who.en}`,
    },
    shortName: { fr: `${gross ? 'TBS' : 'TNS'} ${level}${who.fr}`, en: `${kind} ${level}${who.en}` },
    description: gross
      ? {
          fr: `Élèves inscrits au niveau, quel que soit leur âge ÷ population d’âge officiel (${LEVELS[level].ages} ans) × 100 (définition ISU). Peut dépasser 100 %.`,
          en: `Pupils enrolled in the level, whatever their age ÷ official-age population (${LEVELS[level].ages} years) × 100 (UIS definition). Can exceed 100%.`,
        }
      : {
          fr: `Élèves d’âge officiel (${LEVELS[level].ages} ans) inscrits au niveau ÷ population de cet âge × 100 (définition ISU).`,
          en: `Official-age pupils (${LEVELS[level].ages} years) enrolled in the level ÷ population of that age × 100 (UIS definition).`,
        },
    indicatorType: 'PERCENT',
    numerator: {
      expression: ofLevel(gross ? ENROLMENT : ENROLMENT_OFFICIAL_AGE, level, sexes),
      description: gross ? { fr: `Élèves inscrits${who.fr}`, en: `Pupils enrolled${who.en}` } : { fr: `Élèves d’âge officiel inscrits${who.fr}`, en: `Official-age pupils enrolled${who.en}` },
    },
    denominator: { expression: ofLevel(POPULATION_OFFICIAL_AGE, level, sexes), description: { fr: `Population d’âge officiel${who.fr}`, en: `Official-age population${who.en}` } },
  });
}

/** UIS adjusted GPI (SDG 4.5.1): F/M when F ≤ M, otherwise 2 − M/F, symmetric around 1. */
function genderParity(level: Level) {
  const female = `N{EDU_GER_${level}_F}`;
  const male = `N{EDU_GER_${level}_M}`;
  return indicator({
    code: `EDU_GPI_GER_${level}`,
    name: { fr: `Indice de parité (ajusté) du TBS — ${LEVELS[level].fr}`, en: `Adjusted gender parity index of GER — ${LEVELS[level].en}` },
    shortName: { fr: `IPS ajusté TBS ${level}`, en: `Adjusted GPI GER ${level}` },
    description: {
      fr: 'IPS ajusté de l’ISU (ODD 4.5.1) : TBS filles ÷ TBS garçons si les filles sont en dessous, sinon 2 − garçons ÷ filles. Parité entre 0,97 et 1,03.',
      en: 'UIS adjusted GPI (SDG 4.5.1): girls’ GER ÷ boys’ GER when girls are below, otherwise 2 − boys ÷ girls. Parity between 0.97 and 1.03.',
    },
    indicatorType: 'RATIO',
    numerator: { expression: `if(${female} <= ${male}, ${female} / ${male}, 2 - ${male} / ${female})`, description: { fr: 'IPS ajusté', en: 'Adjusted GPI' } },
    denominator: { expression: '1', description: { fr: 'Un', en: 'One' } },
    decimals: 2,
  });
}

const officialAgeRule = (level: Level) =>
  validationRule({
    code: `EDU_VR_OFFICIAL_AGE_LE_ENROLMENT_${level}`,
    name: { fr: `${LEVELS[level].fr} : élèves d’âge officiel ≤ élèves inscrits`, en: `${LEVELS[level].en}: official-age pupils ≤ pupils enrolled` },
    instruction: { fr: 'Les élèves d’âge officiel font partie des inscrits.', en: 'Official-age pupils are among those enrolled.' },
    importance: 'HIGH',
    operator: 'less_than_or_equal_to',
    periodType: 'Yearly',
    left: { expression: ofLevel(ENROLMENT_OFFICIAL_AGE, level), description: { fr: 'Élèves d’âge officiel', en: 'Official-age pupils' } },
    right: { expression: ofLevel(ENROLMENT, level), description: { fr: 'Élèves inscrits', en: 'Pupils enrolled' } },
  });

const byLevelAndSex = (code: string, name: { fr: string; en: string }, shortName: { fr: string; en: string }, description?: { fr: string; en: string }) =>
  dataElement({ code, name, shortName, ...(description ? { description } : {}), categoryCombo: 'EDU_LEVEL_SEX' });

export const education: ProgrammePackage = {
  id: 'education',
  name: { fr: 'Éducation', en: 'Education' },
  version: '1.0.0',
  modelledOn: {
    fr: 'Statistiques scolaires annuelles par cercle, selon les définitions de l’ISU et la structure du système malien (préscolaire, fondamental 1 et 2, secondaire) ; écoles fermées comme les décompte le Cluster Éducation.',
    en: 'Annual school statistics by cercle, with UIS definitions and the structure of Mali’s system (preschool, fondamental 1 and 2, secondary); closed schools as the Education Cluster counts them.',
  },
  sources: [
    'UIS glossary and SDG 4 metadata: GER, NER, adjusted GPI (SDG 4.5.1), gross intake ratio to the last grade, pupil–teacher ratio (mali-facts.md §4.1)',
    'Mali system structure: ISCED mapping for MLI, CPS/clicmali (official ages and durations) (mali-facts.md §4.2)',
    'Schools closed by insecurity: Education Cluster Mali, as reported (mali-facts.md §4.2)',
  ],
  metadata: {
    categoryOptions: LEVEL_CODES.map((level) => categoryOption(level, { fr: LEVELS[level].fr, en: LEVELS[level].en })),
    categories: [category('EDU_LEVEL', { fr: 'Niveau d’enseignement', en: 'Level of education' }, LEVEL_CODES)],
    categoryCombos: [categoryCombo('EDU_LEVEL_SEX', { fr: 'Niveau d’enseignement et sexe', en: 'Level of education and sex' }, ['EDU_LEVEL', 'SEX'])],
    dataElements: [
      byLevelAndSex(ENROLMENT, { fr: 'Élèves inscrits', en: 'Pupils enrolled' }, { fr: 'Éducation élèves inscrits', en: 'Education pupils enrolled' }),
      byLevelAndSex(ENROLMENT_OFFICIAL_AGE, { fr: 'Élèves inscrits d’âge officiel', en: 'Official-age pupils enrolled' }, { fr: 'Éducation élèves d’âge officiel', en: 'Education official-age pupils' }),
      byLevelAndSex(
        POPULATION_OFFICIAL_AGE,
        { fr: 'Population d’âge officiel du niveau', en: 'Official-age population of the level' },
        { fr: 'Éducation population d’âge officiel', en: 'Education official-age population' },
        {
          fr: 'Préscolaire 4–6 ans, fondamental 1 7–12 ans, fondamental 2 13–15 ans, secondaire 16–18 ans. Saisie en attendant les dénominateurs de population de l’analytique.',
          en: 'Preschool 4–6 years, fondamental 1 7–12, fondamental 2 13–15, secondary 16–18. Entered until analytics provides population denominators.',
        },
      ),
      byLevelAndSex(TEACHERS, { fr: 'Enseignants', en: 'Teachers' }, { fr: 'Éducation enseignants', en: 'Education teachers' }),
      dataElement({
        code: NEW_ENTRANTS_GRADE6,
        name: { fr: 'Nouveaux entrants (non-redoublants) en 6e année', en: 'New entrants (non-repeaters) to grade 6' },
        shortName: { fr: 'Éducation nouveaux entrants 6e année', en: 'Education new entrants grade 6' },
        categoryCombo: 'SEX',
      }),
      dataElement({
        code: POPULATION_AGE_12,
        name: { fr: 'Population de 12 ans (âge théorique d’entrée en 6e année)', en: 'Population aged 12 (theoretical entrance age to grade 6)' },
        shortName: { fr: 'Éducation population de 12 ans', en: 'Education population aged 12' },
        categoryCombo: 'SEX',
      }),
      dataElement({ code: SCHOOLS, name: { fr: 'Écoles', en: 'Schools' }, shortName: { fr: 'Éducation écoles', en: 'Education schools' } }),
      dataElement({
        code: SCHOOLS_CLOSED,
        name: { fr: 'Écoles fermées pour cause d’insécurité', en: 'Schools closed by insecurity' },
        shortName: { fr: 'Éducation écoles fermées (insécurité)', en: 'Education schools closed (insecurity)' },
      }),
    ],
    dataSets: [
      dataSet({
        code: SCHOOL_CENSUS,
        name: { fr: 'Éducation — statistiques scolaires annuelles', en: 'Education — annual school statistics' },
        shortName: { fr: 'Statistiques scolaires', en: 'School statistics' },
        periodType: 'Yearly',
        sections: [
          { code: 'ENROLMENT', name: { fr: 'Effectifs', en: 'Enrolment' }, dataElements: [ENROLMENT, ENROLMENT_OFFICIAL_AGE, NEW_ENTRANTS_GRADE6] },
          { code: 'POPULATION', name: { fr: 'Populations scolarisables', en: 'School-age population' }, dataElements: [POPULATION_OFFICIAL_AGE, POPULATION_AGE_12] },
          { code: 'SCHOOLS', name: { fr: 'Écoles et enseignants', en: 'Schools and teachers' }, dataElements: [SCHOOLS, SCHOOLS_CLOSED, TEACHERS] },
        ],
      }),
    ],
    indicators: [
      ...LEVEL_CODES.map((level) => ratio('GER', level)),
      ...(['F1', 'F2'] as const).flatMap((level) => SEXES.map((sex) => ratio('GER', level, sex))),
      ratio('NER', 'F1'),
      genderParity('F1'),
      genderParity('F2'),
      indicator({
        code: 'EDU_COMPLETION_PROXY_F1',
        name: { fr: 'Taux brut d’admission en dernière année du fondamental 1', en: 'Gross intake ratio to the last grade of fondamental 1' },
        shortName: { fr: 'Taux d’achèvement F1 (approché)', en: 'F1 completion rate (proxy)' },
        description: {
          fr: 'Nouveaux entrants (non-redoublants) en 6e année ÷ population de 12 ans × 100 : l’approximation administrative du taux d’achèvement du primaire (ISU ; Banque mondiale SE.PRM.CMPT.ZS). Le taux d’achèvement de l’ODD 4.1.2 vient des enquêtes auprès des ménages.',
          en: 'New entrants (non-repeaters) to grade 6 ÷ population aged 12 × 100: the administrative proxy of the primary completion rate (UIS; World Bank SE.PRM.CMPT.ZS). The SDG 4.1.2 completion rate comes from household surveys.',
        },
        indicatorType: 'PERCENT',
        numerator: { expression: operand(NEW_ENTRANTS_GRADE6), description: { fr: 'Nouveaux entrants en 6e année', en: 'New entrants to grade 6' } },
        denominator: { expression: operand(POPULATION_AGE_12), description: { fr: 'Population de 12 ans', en: 'Population aged 12' } },
      }),
      indicator({
        code: 'EDU_PTR_F1',
        name: { fr: 'Ratio élèves-enseignant — fondamental 1', en: 'Pupil–teacher ratio — fondamental 1' },
        shortName: { fr: 'Ratio élèves-enseignant F1', en: 'Pupil–teacher ratio F1' },
        description: { fr: 'Élèves inscrits ÷ enseignants du niveau, en effectifs (ISU).', en: 'Pupils enrolled ÷ teachers of the level, headcounts (UIS).' },
        indicatorType: 'RATIO',
        numerator: { expression: ofLevel(ENROLMENT, 'F1'), description: { fr: 'Élèves inscrits', en: 'Pupils enrolled' } },
        denominator: { expression: ofLevel(TEACHERS, 'F1'), description: { fr: 'Enseignants', en: 'Teachers' } },
      }),
      indicator({
        code: 'EDU_SCHOOLS_CLOSED_SHARE',
        name: { fr: 'Part des écoles fermées pour cause d’insécurité', en: 'Share of schools closed by insecurity' },
        shortName: { fr: 'Écoles fermées (%)', en: 'Schools closed (%)' },
        description: { fr: 'Écoles fermées pour cause d’insécurité ÷ écoles × 100.', en: 'Schools closed by insecurity ÷ schools × 100.' },
        indicatorType: 'PERCENT',
        numerator: { expression: operand(SCHOOLS_CLOSED), description: { fr: 'Écoles fermées', en: 'Schools closed' } },
        denominator: { expression: operand(SCHOOLS), description: { fr: 'Écoles', en: 'Schools' } },
      }),
    ],
    validationRules: [
      ...LEVEL_CODES.map(officialAgeRule),
      validationRule({
        code: 'EDU_VR_CLOSED_LE_SCHOOLS',
        name: { fr: 'Écoles fermées ≤ écoles', en: 'Schools closed ≤ schools' },
        instruction: { fr: 'Les écoles fermées font partie des écoles.', en: 'Closed schools are among the schools.' },
        importance: 'HIGH',
        operator: 'less_than_or_equal_to',
        periodType: 'Yearly',
        left: { expression: operand(SCHOOLS_CLOSED), description: { fr: 'Écoles fermées', en: 'Schools closed' } },
        right: { expression: operand(SCHOOLS), description: { fr: 'Écoles', en: 'Schools' } },
      }),
    ],
  },
  // School statistics are compiled by cercle here: the académies and CAP (centres d'animation
  // pédagogique) of the education administration are not in the org-unit tree.
  dataSetAssignments: [{ dataSet: SCHOOL_CENSUS, orgUnitLevel: 3 }],
  dashboards,
};
