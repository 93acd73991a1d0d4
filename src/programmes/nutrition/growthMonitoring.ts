// Growth monitoring's monthly counts: children screened (weighed and measured) and children in
// each nutritional class, by age group and sex, at the health area where they were measured.
// The figures are written by the registry of individual measurements (src/store/growth, through
// src/store/rollup) where data set NUT_GROWTH_MONITORING takes its figures from the registry, or
// entered from a paper monthly report where it takes them from the form — never both.
//
// A child is counted once a month: by its latest measurement of the month (a child weighed on
// the 3rd and again on the 24th is one child screened, in the class of the 24th), because a
// monthly growth-monitoring report counts children by growth status, not visits (for example
// the monthly GMP reports of the Avni child programme list each child once by weight-for-age
// grade, github.com/avniproject/calcutta-kids/wiki). No DHIS2 or WHO text stating the rule was
// found; it is stated in each description below.
// The percentages are over the children classified that month: an unclassified child (an
// implausible, WHO-flagged z-score) is screened but in no class, as WHO excludes flagged
// values from prevalence (mali-facts.md §3.3).
import { daysPerMonth } from '../../core/growth/index.ts';
import type { Bilingual } from '../../core/programmePackage.ts';
import { category, categoryCombo, categoryOption, dataElement, dataSet, indicator, operand, sum } from '../builders.ts';
import { SEXES } from '../common/index.ts';

export const GROWTH_MONITORING = 'NUT_GROWTH_MONITORING';
export const GM_SCREENED = 'NUT_GM_SCREENED';
export const GM_ACUTE = 'NUT_GM_ACUTE';
export const GM_STUNTING = 'NUT_GM_STUNTING';
export const GM_UNDERWEIGHT = 'NUT_GM_UNDERWEIGHT';

/**
 * Age groups in completed months (WHO anthro's, with 24–59 together as growth monitoring reports
 * them). Codes prefixed AGE_ so that the option combos (AGE_12-23M_F) differ from immunization's (12-23M_F).
 */
export const GM_AGE_GROUPS = [
  { code: 'AGE_0-5M', below: 6, name: { fr: '0–5 mois', en: '0–5 months' } },
  { code: 'AGE_6-11M', below: 12, name: { fr: '6–11 mois', en: '6–11 months' } },
  { code: 'AGE_12-23M', below: 24, name: { fr: '12–23 mois', en: '12–23 months' } },
  { code: 'AGE_24-59M', below: 60, name: { fr: '24–59 mois', en: '24–59 months' } },
] as const;
/** Acute malnutrition's "normal" is its own option (NO_AM), so that its combos differ from the severity combos' NORMAL. */
const ACUTE_OPTIONS = { SAM: 'SAM', MAM: 'MAM', normal: 'NO_AM' } as const;
const SEVERITY_OPTIONS = { severe: 'SEVERE', moderate: 'MODERATE', normal: 'NORMAL' } as const;

const everyAgeAndSex = (prefix: string) => GM_AGE_GROUPS.flatMap((age) => SEXES.map((sex) => `${prefix}_${age.code}_${sex}`));
const classSum = (dataElement: string, option: string) => sum(everyAgeAndSex(option).map((coc) => operand(dataElement, coc)));

function percent(code: string, name: Bilingual, dataElementCode: string, options: readonly string[], definition: Bilingual): ReturnType<typeof indicator> {
  return indicator({
    code,
    name,
    description: {
      fr: `${definition.fr} Parmi les enfants classés du mois, chacun compté une fois (sa dernière mesure du mois) ; seuils : src/programmes/nutrition/growthClassification.ts.`,
      en: `${definition.en} Among the children classified in the month, each counted once (its latest measurement of the month); thresholds: src/programmes/nutrition/growthClassification.ts.`,
    },
    indicatorType: 'PERCENT',
    numerator: { expression: sum(options.map((option) => classSum(dataElementCode, option))), description: name },
    denominator: { expression: operand(dataElementCode), description: { fr: 'Enfants classés', en: 'Children classified' } },
  });
}

export const growthMonitoringMetadata = {
  categoryOptions: [
    ...GM_AGE_GROUPS.map((age) => categoryOption(age.code, age.name)),
    categoryOption('SAM', { fr: 'Malnutrition aiguë sévère (MAS)', en: 'Severe acute malnutrition (SAM)' }, { fr: 'MAS', en: 'SAM' }),
    categoryOption('MAM', { fr: 'Malnutrition aiguë modérée (MAM)', en: 'Moderate acute malnutrition (MAM)' }, { fr: 'MAM', en: 'MAM' }),
    categoryOption('SEVERE', { fr: 'Sévère (< −3 z)', en: 'Severe (< −3 z)' }),
    categoryOption('MODERATE', { fr: 'Modéré (−3 à < −2 z)', en: 'Moderate (−3 to < −2 z)' }),
    categoryOption('NO_AM', { fr: 'Pas de malnutrition aiguë', en: 'No acute malnutrition' }),
    categoryOption('NORMAL', { fr: 'Normal (≥ −2 z)', en: 'Normal (≥ −2 z)' }),
  ],
  categories: [
    category('NUT_GM_AGE', { fr: 'Âge (suivi de croissance)', en: 'Age (growth monitoring)' }, GM_AGE_GROUPS.map((age) => age.code)),
    category('NUT_GM_ACUTE_CLASS', { fr: 'Malnutrition aiguë (PCIMA)', en: 'Acute malnutrition (CMAM)' }, Object.values(ACUTE_OPTIONS)),
    category('NUT_GM_SEVERITY', { fr: 'Sévérité', en: 'Severity' }, Object.values(SEVERITY_OPTIONS)),
  ],
  categoryCombos: [
    categoryCombo('NUT_GM_AGE_SEX', { fr: 'Âge et sexe', en: 'Age and sex' }, ['NUT_GM_AGE', 'SEX']),
    categoryCombo('NUT_GM_ACUTE_AGE_SEX', { fr: 'Malnutrition aiguë, âge et sexe', en: 'Acute malnutrition, age and sex' }, ['NUT_GM_ACUTE_CLASS', 'NUT_GM_AGE', 'SEX']),
    categoryCombo('NUT_GM_SEVERITY_AGE_SEX', { fr: 'Sévérité, âge et sexe', en: 'Severity, age and sex' }, ['NUT_GM_SEVERITY', 'NUT_GM_AGE', 'SEX']),
  ],
  dataElements: [
    dataElement({
      code: GM_SCREENED,
      name: { fr: 'Suivi de croissance : enfants de 0 à 59 mois dépistés (pesés ou mesurés)', en: 'Growth monitoring: children aged 0–59 months screened (weighed or measured)' },
      shortName: { fr: 'Enfants dépistés', en: 'Children screened' },
      description: { fr: 'Chaque enfant une fois par mois, quel que soit le nombre de mesures.', en: 'Each child once a month, however many times measured.' },
      categoryCombo: 'NUT_GM_AGE_SEX',
    }),
    dataElement({
      code: GM_ACUTE,
      name: { fr: 'Suivi de croissance : enfants de 6 à 59 mois classés pour la malnutrition aiguë (PCIMA)', en: 'Growth monitoring: children aged 6–59 months classified for acute malnutrition (CMAM)' },
      shortName: { fr: 'Enfants classés MAS/MAM/normal', en: 'Children classified SAM/MAM/normal' },
      description: {
        fr: 'MAS : œdèmes bilatéraux, P/T < −3 ou PB < 115 mm ; MAM : P/T de −3 à < −2 ou PB de 115 à < 125 mm (PCIMA, critères OMS). Dernière mesure du mois.',
        en: 'SAM: bilateral oedema, WHZ < −3 or MUAC < 115 mm; MAM: WHZ −3 to < −2 or MUAC 115 to < 125 mm (CMAM, WHO criteria). Latest measurement of the month.',
      },
      categoryCombo: 'NUT_GM_ACUTE_AGE_SEX',
    }),
    dataElement({
      code: GM_STUNTING,
      name: { fr: 'Suivi de croissance : enfants classés selon la taille pour l’âge', en: 'Growth monitoring: children classified by length/height-for-age' },
      shortName: { fr: 'Enfants classés retard de croissance', en: 'Children classified for stunting' },
      description: { fr: 'Sévère : T/A < −3 z ; modéré : −3 à < −2 z (OMS). Dernière mesure du mois.', en: 'Severe: HAZ < −3; moderate: −3 to < −2 (WHO). Latest measurement of the month.' },
      categoryCombo: 'NUT_GM_SEVERITY_AGE_SEX',
    }),
    dataElement({
      code: GM_UNDERWEIGHT,
      name: { fr: 'Suivi de croissance : enfants classés selon le poids pour l’âge', en: 'Growth monitoring: children classified by weight-for-age' },
      shortName: { fr: 'Enfants classés insuffisance pondérale', en: 'Children classified for underweight' },
      description: { fr: 'Sévère : P/A < −3 z ; modéré : −3 à < −2 z (OMS). Dernière mesure du mois.', en: 'Severe: WAZ < −3; moderate: −3 to < −2 (WHO). Latest measurement of the month.' },
      categoryCombo: 'NUT_GM_SEVERITY_AGE_SEX',
    }),
  ],
  dataSets: [
    dataSet({
      code: GROWTH_MONITORING,
      name: { fr: 'Suivi de la croissance — rapport mensuel', en: 'Growth monitoring — monthly report' },
      shortName: { fr: 'Suivi de croissance mensuel', en: 'Growth monitoring monthly' },
      periodType: 'Monthly',
      sections: [
        { code: 'SCREENED', name: { fr: 'Enfants dépistés', en: 'Children screened' }, dataElements: [GM_SCREENED] },
        { code: 'CLASSES', name: { fr: 'Classification', en: 'Classification' }, dataElements: [GM_ACUTE, GM_STUNTING, GM_UNDERWEIGHT] },
      ],
    }),
  ],
  indicators: [
    percent('NUT_GM_SAM_PCT', { fr: 'Enfants dépistés en MAS (%)', en: 'Children screened with SAM (%)' }, GM_ACUTE, ['SAM'], {
      fr: 'Enfants de 6 à 59 mois en malnutrition aiguë sévère ÷ enfants classés × 100.',
      en: 'Children aged 6–59 months with severe acute malnutrition ÷ children classified × 100.',
    }),
    percent('NUT_GM_MAM_PCT', { fr: 'Enfants dépistés en MAM (%)', en: 'Children screened with MAM (%)' }, GM_ACUTE, ['MAM'], {
      fr: 'Enfants de 6 à 59 mois en malnutrition aiguë modérée ÷ enfants classés × 100.',
      en: 'Children aged 6–59 months with moderate acute malnutrition ÷ children classified × 100.',
    }),
    percent('NUT_GM_STUNTING_PCT', { fr: 'Enfants suivis avec retard de croissance (%)', en: 'Children monitored who are stunted (%)' }, GM_STUNTING, ['SEVERE', 'MODERATE'], {
      fr: 'Enfants dont la taille pour l’âge est < −2 z (sévère et modéré) ÷ enfants classés × 100.',
      en: 'Children with length/height-for-age < −2 z (severe and moderate) ÷ children classified × 100.',
    }),
    percent('NUT_GM_UNDERWEIGHT_PCT', { fr: 'Enfants suivis en insuffisance pondérale (%)', en: 'Children monitored who are underweight (%)' }, GM_UNDERWEIGHT, ['SEVERE', 'MODERATE'], {
      fr: 'Enfants dont le poids pour l’âge est < −2 z (sévère et modéré) ÷ enfants classés × 100.',
      en: 'Children with weight-for-age < −2 z (severe and moderate) ÷ children classified × 100.',
    }),
  ],
};

export interface GrowthMonitoringRecord {
  ageDays: number;
  sex: 'F' | 'M';
  acute: 'SAM' | 'MAM' | 'normal' | null;
  stunting: 'severe' | 'moderate' | 'normal' | null;
  underweight: 'severe' | 'moderate' | 'normal' | null;
}

/**
 * The cells (data element, option combo) a child's counted measurement adds 1 to: screened by
 * age group and sex, and its class under each scheme when classified. None from 60 months.
 * Months are days / 30.4375, as WHO anthro counts them.
 */
export function growthMonitoringCells(record: GrowthMonitoringRecord): { dataElement: string; categoryOptionCombo: string }[] {
  const months = record.ageDays / daysPerMonth;
  const age = GM_AGE_GROUPS.find((group) => months < group.below);
  if (!age) return [];
  const ageSex = `${age.code}_${record.sex}`;
  const cells = [{ dataElement: GM_SCREENED, categoryOptionCombo: ageSex }];
  if (record.acute) cells.push({ dataElement: GM_ACUTE, categoryOptionCombo: `${ACUTE_OPTIONS[record.acute]}_${ageSex}` });
  if (record.stunting) cells.push({ dataElement: GM_STUNTING, categoryOptionCombo: `${SEVERITY_OPTIONS[record.stunting]}_${ageSex}` });
  if (record.underweight) cells.push({ dataElement: GM_UNDERWEIGHT, categoryOptionCombo: `${SEVERITY_OPTIONS[record.underweight]}_${ageSex}` });
  return cells;
}
