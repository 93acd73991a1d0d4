// Immunization (KRC 1): the monthly EPI report of a health area — doses given by antigen and
// dose, by age group and sex — with coverage, dropout and zero-dose indicators and consistency
// rules. Issue 4 extends it (schedule engine, registry, RED/REC).
//
// Modelled on: the DHIS2 immunisation aggregate configuration package (one monthly data set,
// children's doses disaggregated by age, dhis2/metadata-package-development,
// metadata/EPI/immunisation_aggregate_design.md) with Mali's schedule (schedule.ts), and the
// WHO definitions in mali-facts.md §2.3 (SMART Immunizations DAK IMMZ.IND.02/.04 coverage,
// IMMZ.IND.35 dropout; WHO GHO 7792 / IA2030 IG2.1 zero-dose).
import type { ProgrammePackage } from '../../core/programmePackage.ts';
import { category, categoryCombo, categoryOption, dataElement, dataSet, indicator, operand, sum, validationRule } from '../builders.ts';
import { SEXES } from '../common/index.ts';
import { dashboards } from './dashboards.ts';
import { AGED_12_23M, dosesDataElement, EPI_AGE_SEX, SCHEDULED_DOSES, UNDER_1 } from './schedule.ts';

export const LIVE_BIRTHS = 'EPI_TARGET_LIVE_BIRTHS';
export const SURVIVING_INFANTS = 'EPI_TARGET_SURVIVING_INFANTS';
export const GIRLS_10Y = 'EPI_TARGET_GIRLS_10Y';

const monthlyTarget = (code: string, fr: string, en: string) =>
  dataElement({
    code,
    name: { fr: `Population cible du mois : ${fr}`, en: `Monthly target population: ${en}` },
    shortName: { fr: `PEV cible du mois : ${fr}`, en: `EPI monthly target: ${en}` },
    description: {
      fr: 'Un douzième de la population cible annuelle, saisi par le district : la somme des mois donne la cible annuelle. En attendant les dénominateurs de population de l’analytique.',
      en: 'One twelfth of the annual target population, entered by the district: the months add up to the annual target. Until analytics provides population denominators.',
    },
  });

const doseElements = SCHEDULED_DOSES.map((dose) =>
  dataElement({
    code: dosesDataElement(dose.vaccine, dose.dose),
    name: { fr: `${dose.label.fr} — doses administrées`, en: `${dose.label.en} — doses given` },
    shortName: { fr: `PEV ${dose.label.fr} doses`, en: `EPI ${dose.label.en} doses` },
    description: {
      fr: `Doses de ${dose.label.fr} administrées dans le mois en vaccination de routine (âge recommandé : ${dose.age.fr}). Calendrier PEV du Mali (OMS WIISE 2023 et 2025).`,
      en: `Doses of ${dose.label.en} given in the month in routine immunization (recommended age: ${dose.age.en}). Mali EPI schedule (WHO WIISE 2023 and 2025).`,
    },
    categoryCombo: dose.combo,
  }),
);

/** Doses given to children under 1: the coverage numerator (campaign doses excluded, IMMZ.IND.02). */
const under1 = (vaccine: string, dose?: number) => sum(SEXES.map((sex) => operand(dosesDataElement(vaccine, dose), `${UNDER_1}_${sex}`)));
const aged12to23m = (vaccine: string, dose?: number) => sum(SEXES.map((sex) => operand(dosesDataElement(vaccine, dose), `${AGED_12_23M}_${sex}`)));

const DENOMINATORS = {
  [LIVE_BIRTHS]: { fr: 'Naissances vivantes (cible du mois)', en: 'Live births (monthly target)' },
  [SURVIVING_INFANTS]: { fr: 'Enfants survivants (cible du mois)', en: 'Surviving infants (monthly target)' },
  [GIRLS_10Y]: { fr: 'Filles de 10 ans (cible du mois)', en: 'Girls aged 10 (monthly target)' },
};

interface CoverageSpec {
  label: { fr: string; en: string };
  numerator: string;
  numeratorText: { fr: string; en: string };
  denominator: keyof typeof DENOMINATORS;
}

export const coverageCode = (label: string) => `EPI_COV_${label}`;

function coverage(code: string, spec: CoverageSpec) {
  return indicator({
    code,
    name: { fr: `Couverture ${spec.label.fr}`, en: `${spec.label.en} coverage` },
    description: {
      fr: 'Doses administrées en routine ÷ population cible × 100 (OMS, DAK SMART Immunizations IMMZ.IND.02/.04). Dénominateur : naissances vivantes pour le BCG et le VPO0, enfants survivants pour les autres antigènes, filles de 10 ans pour le VPH (OMS WIISE). Une couverture au-dessus de 100 % signale un problème de dénominateur.',
      en: 'Routine doses given ÷ target population × 100 (WHO SMART Immunizations DAK IMMZ.IND.02/.04). Denominator: live births for BCG and OPV0, surviving infants for the other antigens, girls aged 10 for HPV (WHO WIISE). Coverage above 100% points to a denominator problem.',
    },
    indicatorType: 'PERCENT',
    numerator: { expression: spec.numerator, description: spec.numeratorText },
    denominator: { expression: operand(spec.denominator), description: DENOMINATORS[spec.denominator] },
  });
}

const infantCoverage = (vaccine: string, label: { fr: string; en: string }, dose?: number, denominator: keyof typeof DENOMINATORS = SURVIVING_INFANTS) =>
  coverage(coverageCode(`${vaccine}${dose ?? ''}`), {
    label,
    numerator: under1(vaccine, dose),
    numeratorText: { fr: `${label.fr} administré avant 12 mois`, en: `${label.en} given before 12 months` },
    denominator,
  });

const coverageIndicators = [
  infantCoverage('BCG', { fr: 'BCG', en: 'BCG' }, undefined, LIVE_BIRTHS),
  coverage(coverageCode('OPV0'), {
    label: { fr: 'VPO 0', en: 'OPV0' },
    numerator: operand(dosesDataElement('OPV', 0)),
    numeratorText: { fr: 'VPO 0 administré (dose de naissance)', en: 'OPV0 given (birth dose)' },
    denominator: LIVE_BIRTHS,
  }),
  infantCoverage('OPV', { fr: 'VPO 3', en: 'OPV3' }, 3),
  infantCoverage('PENTA', { fr: 'Penta 1', en: 'Penta1' }, 1),
  infantCoverage('PENTA', { fr: 'Penta 3', en: 'Penta3' }, 3),
  infantCoverage('PCV', { fr: 'Pneumo 3', en: 'PCV3' }, 3),
  infantCoverage('ROTA', { fr: 'Rota 3', en: 'Rota3' }, 3),
  infantCoverage('IPV', { fr: 'VPI 1', en: 'IPV1' }, 1),
  infantCoverage('IPV', { fr: 'VPI 2', en: 'IPV2' }, 2),
  infantCoverage('MR', { fr: 'RR 1', en: 'MR1' }, 1),
  // MR2 is given at 15 months, so its doses are counted at 12–23 months; the denominator is
  // the surviving-infant cohort, the usual approximation of the cohort reaching that age.
  coverage(coverageCode('MR2'), {
    label: { fr: 'RR 2', en: 'MR2' },
    numerator: aged12to23m('MR', 2),
    numeratorText: { fr: 'RR 2 administré à 12–23 mois', en: 'MR2 given at 12–23 months' },
    denominator: SURVIVING_INFANTS,
  }),
  infantCoverage('YF', { fr: 'VAA', en: 'yellow fever' }),
  infantCoverage('MENA', { fr: 'MenAfriVac', en: 'MenAfriVac' }),
  coverage(coverageCode('HPV'), {
    label: { fr: 'VPH', en: 'HPV' },
    numerator: operand(dosesDataElement('HPV')),
    numeratorText: { fr: 'VPH administré aux filles de 10 ans', en: 'HPV given to girls aged 10' },
    denominator: GIRLS_10Y,
  }),
];

function dropout(code: string, later: { vaccine: string; dose: number; fr: string; en: string }, source: { fr: string; en: string }) {
  const penta1 = operand(dosesDataElement('PENTA', 1));
  return indicator({
    code,
    name: { fr: `Taux d’abandon Penta 1 – ${later.fr}`, en: `Dropout rate Penta1–${later.en}` },
    shortName: { fr: `Abandon Penta1–${later.fr}`, en: `Dropout Penta1–${later.en}` },
    description: {
      fr: `(Penta 1 − ${later.fr}) ÷ Penta 1 × 100, doses administrées dans la période (${source.fr}). Un abandon de 10 % ou plus signale un problème d’utilisation ; un abandon négatif, un problème de données.`,
      en: `(Penta1 − ${later.en}) ÷ Penta1 × 100, doses given in the period (${source.en}). Dropout of 10% or more points to a utilisation problem; negative dropout, to a data problem.`,
    },
    indicatorType: 'PERCENT',
    numerator: { expression: `${penta1} - ${operand(dosesDataElement(later.vaccine, later.dose))}`, description: { fr: `Penta 1 moins ${later.fr}`, en: `Penta1 minus ${later.en}` } },
    denominator: { expression: penta1, description: { fr: 'Penta 1 administré', en: 'Penta1 given' } },
  });
}

export const DROPOUT_PENTA1_PENTA3 = 'EPI_DROPOUT_PENTA1_PENTA3';
export const DROPOUT_PENTA1_MR1 = 'EPI_DROPOUT_PENTA1_MR1';
export const ZERO_DOSE = 'EPI_ZERO_DOSE';

const zeroDose = indicator({
  code: ZERO_DOSE,
  name: { fr: 'Enfants zéro dose (sans Penta 1)', en: 'Zero-dose children (no Penta1)' },
  shortName: { fr: 'Enfants zéro dose', en: 'Zero-dose children' },
  description: {
    fr: 'Enfants survivants n’ayant pas reçu la première dose d’un vaccin contenant le DTC : enfants survivants − enfants vaccinés Penta 1 avant 12 mois (OMS GHO 7792, IA2030 IG2.1).',
    en: 'Surviving infants who did not receive a first dose of DTP-containing vaccine: surviving infants − children given Penta1 before 12 months (WHO GHO 7792, IA2030 IG2.1).',
  },
  indicatorType: 'NUMBER',
  numerator: { expression: `${operand(SURVIVING_INFANTS)} - ${under1('PENTA', 1)}`, description: { fr: 'Enfants survivants moins Penta 1 avant 12 mois', en: 'Surviving infants minus Penta1 before 12 months' } },
  denominator: { expression: '1', description: { fr: 'Un', en: 'One' } },
  decimals: 0,
});

interface RuleDose {
  vaccine: string;
  dose: number;
  fr: string;
  en: string;
}

/**
 * A later dose cannot outnumber an earlier one over time: the WHO dropout (D1 − D3) ÷ D1 would
 * be negative, which is a data problem (mali-facts.md §2.3). In one month a catch-up of earlier
 * cohorts may explain it, hence MEDIUM importance.
 */
const laterNotAboveEarlier = (later: RuleDose, earlier: RuleDose) =>
  validationRule({
    code: `EPI_VR_${later.vaccine}${later.dose}_LE_${earlier.vaccine}${earlier.dose}`,
    name: { fr: `${later.fr} ≤ ${earlier.fr}`, en: `${later.en} ≤ ${earlier.en}` },
    instruction: {
      fr: `Plus de doses de ${later.fr} que de ${earlier.fr} dans le mois : vérifier le registre (un rattrapage de cohortes antérieures peut l’expliquer).`,
      en: `More ${later.en} than ${earlier.en} doses in the month: check the register (catching up earlier cohorts may explain it).`,
    },
    importance: 'MEDIUM',
    operator: 'less_than_or_equal_to',
    periodType: 'Monthly',
    left: { expression: operand(dosesDataElement(later.vaccine, later.dose)), description: { fr: `${later.fr} administré`, en: `${later.en} given` } },
    right: { expression: operand(dosesDataElement(earlier.vaccine, earlier.dose)), description: { fr: `${earlier.fr} administré`, en: `${earlier.en} given` } },
  });

const seriesRule = (vaccine: string, fr: string, en: string, last: number) =>
  laterNotAboveEarlier({ vaccine, dose: last, fr: `${fr} ${last}`, en: `${en}${last}` }, { vaccine, dose: 1, fr: `${fr} 1`, en: `${en}1` });

export const EPI_MONTHLY = 'EPI_MONTHLY';

export const immunization: ProgrammePackage = {
  id: 'immunization',
  name: { fr: 'Vaccination (PEV)', en: 'Immunization (EPI)' },
  version: '1.0.0',
  modelledOn: {
    fr: 'Rapport mensuel PEV d’une aire de santé, sur le modèle du paquet DHIS2 « Immunisation » (doses par âge) et du calendrier vaccinal du Mali ; indicateurs selon les définitions OMS.',
    en: 'Monthly EPI report of a health area, modelled on the DHIS2 immunisation package (doses by age) and Mali’s immunization schedule; indicators as WHO defines them.',
  },
  sources: [
    'DHIS2 immunisation aggregate configuration package: dhis2/metadata-package-development, metadata/EPI/immunisation_aggregate_design.md',
    'WHO WIISE vaccine schedule data, Mali rows 2023 and 2025 (mali-facts.md §2.1); MR 26 Jul 2024, HPV 1 Nov 2024, R21 25 Apr 2025 (§2.2)',
    'WHO SMART Immunizations DAK: IMMZ.IND.02/.04 (coverage), IMMZ.IND.35 (dropout Penta1–Penta3) (mali-facts.md §2.3)',
    'WHO GHO indicator 7792 / IA2030 IG2.1 (zero-dose) (mali-facts.md §2.3)',
  ],
  metadata: {
    categoryOptions: [
      categoryOption(UNDER_1, { fr: '0–11 mois', en: '0–11 months' }),
      categoryOption(AGED_12_23M, { fr: '12–23 mois', en: '12–23 months' }),
    ],
    categories: [category('EPI_AGE', { fr: 'Âge (vaccination)', en: 'Age (immunization)' }, [UNDER_1, AGED_12_23M])],
    categoryCombos: [categoryCombo(EPI_AGE_SEX, { fr: 'Âge (vaccination) et sexe', en: 'Age (immunization) and sex' }, ['EPI_AGE', 'SEX'])],
    dataElements: [
      ...doseElements,
      monthlyTarget(LIVE_BIRTHS, 'naissances vivantes', 'live births'),
      monthlyTarget(SURVIVING_INFANTS, 'enfants survivants', 'surviving infants'),
      monthlyTarget(GIRLS_10Y, 'filles de 10 ans', 'girls aged 10'),
    ],
    dataSets: [
      dataSet({
        code: EPI_MONTHLY,
        name: { fr: 'PEV — rapport mensuel de l’aire de santé', en: 'EPI — monthly report of the health area' },
        shortName: { fr: 'PEV mensuel', en: 'EPI monthly' },
        periodType: 'Monthly',
        sections: [
          {
            code: 'CHILDREN',
            name: { fr: 'Vaccination des enfants', en: 'Children’s vaccinations' },
            dataElements: SCHEDULED_DOSES.filter((dose) => dose.vaccine !== 'HPV' && dose.vaccine !== 'MALARIA').map((dose) => dosesDataElement(dose.vaccine, dose.dose)),
          },
          {
            code: 'MALARIA',
            name: { fr: 'Vaccin antipaludique R21 (districts d’introduction)', en: 'R21 malaria vaccine (introducing districts)' },
            dataElements: SCHEDULED_DOSES.filter((dose) => dose.vaccine === 'MALARIA').map((dose) => dosesDataElement(dose.vaccine, dose.dose)),
          },
          { code: 'HPV', name: { fr: 'VPH (filles de 10 ans)', en: 'HPV (girls aged 10)' }, dataElements: [dosesDataElement('HPV')] },
          { code: 'TARGETS', name: { fr: 'Populations cibles du mois', en: 'Monthly target populations' }, dataElements: [LIVE_BIRTHS, SURVIVING_INFANTS, GIRLS_10Y] },
        ],
      }),
    ],
    indicators: [
      ...coverageIndicators,
      dropout(DROPOUT_PENTA1_PENTA3, { vaccine: 'PENTA', dose: 3, fr: 'Penta 3', en: 'Penta3' }, { fr: 'OMS, DAK IMMZ.IND.35', en: 'WHO DAK IMMZ.IND.35' }),
      dropout(DROPOUT_PENTA1_MR1, { vaccine: 'MR', dose: 1, fr: 'RR 1', en: 'MR1' }, { fr: 'abandon « accès–achèvement » de l’OMS', en: 'WHO access-to-completion dropout' }),
      zeroDose,
    ],
    validationRules: [
      seriesRule('PENTA', 'Penta', 'Penta', 3),
      seriesRule('PCV', 'Pneumo', 'PCV', 3),
      seriesRule('ROTA', 'Rota', 'Rota', 3),
      seriesRule('OPV', 'VPO', 'OPV', 3),
      seriesRule('IPV', 'VPI', 'IPV', 2),
      seriesRule('MR', 'RR', 'MR', 2),
      // The Penta1→MR1 "access to completion" dropout (mali-facts §2.3): MR1 above Penta1 makes it negative.
      laterNotAboveEarlier({ vaccine: 'MR', dose: 1, fr: 'RR 1', en: 'MR1' }, { vaccine: 'PENTA', dose: 1, fr: 'Penta 1', en: 'Penta1' }),
    ],
  },
  dataSetAssignments: [{ dataSet: EPI_MONTHLY, orgUnitLevel: 4 }],
  dashboards,
};
