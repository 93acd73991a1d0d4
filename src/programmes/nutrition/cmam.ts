// The CMAM (PCIMA) monthly site report beyond admissions and exits: the definition of an
// "exit" used by every performance rate (as data: one constant to change), the caseload at the
// start of the month, length of stay, weight gain and RUTF (ATPE) stock, with their indicators
// and consistency rules. index.ts assembles them into the nutrition package.
//
// Sources (mali-facts.md §3.1–3.2): Mali's units URENI/URENAS/URENAM and terms (ATPE = RUTF);
// the WFP indicator compendium v5.0 (indicator 14: rates over "the total number of discharged
// individuals (i.e., cured, deaths, defaulters, non-responders, and transfers)", monthly);
// Sphere Handbook 2018, "Management of acute malnutrition" standards 2.1 (MAM) and 2.2 (SAM),
// whose key indicators are proportions of discharges. The Mali PCIMA 2022 text itself was not
// found: where it fixes the exit definition, change CMAM_EXIT_DEFINITION below.
import type { Bilingual } from '../../core/programmePackage.ts';
import { dataElement, indicator, operand, sum, validationRule } from '../builders.ts';

export const URENI = 'URENI';
export const URENAS = 'URENAS';
export const URENAM = 'URENAM';
export const CMAM_UNITS = [URENI, URENAS, URENAM] as const;
export const SAM_UNITS = [URENI, URENAS] as const;
export const MAM_UNITS = [URENAM] as const;

export const ADMISSION_TYPES = ['NEW_CASE', 'RELAPSE', 'READMISSION', 'TRANSFER_IN'] as const;
export const EXIT_TYPES = ['CURED', 'DIED', 'DEFAULTED', 'NON_RESPONDENT', 'TRANSFER_OUT', 'MEDICAL_TRANSFER'] as const;
export const CRITERIA = ['MUAC', 'WHZ', 'OEDEMA'] as const;
export type ExitType = (typeof EXIT_TYPES)[number];

export const ADMISSIONS = 'NUT_CMAM_ADMISSIONS';
export const NEW_BY_CRITERION = 'NUT_CMAM_NEW_BY_CRITERION';
export const EXITS = 'NUT_CMAM_EXITS';
export const IN_TREATMENT = 'NUT_CMAM_IN_TREATMENT_END';
export const IN_TREATMENT_START = 'NUT_CMAM_IN_TREATMENT_START';
export const CURED_DAYS = 'NUT_CMAM_CURED_DAYS';
export const CURED_WEIGHT_GAIN = 'NUT_CMAM_CURED_WEIGHT_GAIN_G';
export const CURED_KG_DAYS = 'NUT_CMAM_CURED_KG_DAYS';
export const RUTF_OPENING = 'NUT_RUTF_OPENING';
export const RUTF_RECEIVED = 'NUT_RUTF_RECEIVED';
export const RUTF_USED = 'NUT_RUTF_USED';
export const RUTF_LOSSES = 'NUT_RUTF_LOSSES';
export const RUTF_CLOSING = 'NUT_RUTF_CLOSING';
export const RUTF_STOCKOUT_DAYS = 'NUT_RUTF_STOCKOUT_DAYS';

/** The ways of counting "total exits" found in CMAM guidance; which one applies is CMAM_EXIT_DEFINITION. */
export const EXIT_DEFINITIONS = {
  /**
   * Sphere 2018 (standards 2.1 and 2.2) counts discharges as recovered, died, defaulted and
   * non-recovered; a child transferred to another CMAM unit or to hospital is still in treatment.
   */
  PROGRAMME: {
    outcomes: ['CURED', 'DIED', 'DEFAULTED', 'NON_RESPONDENT'],
    text: {
      fr: 'Sorties = guéris + décédés + abandons + non-répondants (Sphere 2018, normes 2.1 et 2.2 de prise en charge de la malnutrition aiguë) ; les transferts (entre unités PCIMA ou vers l’hôpital) ne sont pas des sorties, car l’enfant reste en traitement.',
      en: 'Exits = cured + died + defaulted + non-respondent (Sphere 2018, management of acute malnutrition standards 2.1 and 2.2); transfers (between CMAM units or to hospital) are not exits, since the child stays in treatment.',
    },
  },
  /** As PROGRAMME, plus transfers to another CMAM unit (a site that cannot follow the child up counts it as its exit). */
  WITH_TRANSFERS_OUT: {
    outcomes: ['CURED', 'DIED', 'DEFAULTED', 'NON_RESPONDENT', 'TRANSFER_OUT'],
    text: {
      fr: 'Sorties = guéris + décédés + abandons + non-répondants + transferts vers une autre unité PCIMA ; les références médicales ne sont pas des sorties.',
      en: 'Exits = cured + died + defaulted + non-respondent + transfers to another CMAM unit; medical transfers are not exits.',
    },
  },
  /** Every way of leaving the site: the WFP indicator compendium v5.0 (indicator 14) counts transfers among discharges. */
  ALL_DISCHARGES: {
    outcomes: EXIT_TYPES,
    text: {
      fr: 'Sorties = guéris + décédés + abandons + non-répondants + transferts sortants + références médicales (compendium d’indicateurs du PAM v5.0, indicateur 14).',
      en: 'Exits = cured + died + defaulted + non-respondent + transfers out + medical transfers (WFP indicator compendium v5.0, indicator 14).',
    },
  },
} as const satisfies Record<string, { outcomes: readonly ExitType[]; text: Bilingual }>;
export type ExitDefinition = keyof typeof EXIT_DEFINITIONS;

/**
 * The exit definition of this package: every rate's denominator (NUT_SAM_EXITS, NUT_MAM_EXITS)
 * and the performance API are generated from it. A protocol that counts differently is an edit here.
 */
export const CMAM_EXIT_DEFINITION: ExitDefinition = 'PROGRAMME';
export const cmamExitOutcomes: readonly ExitType[] = EXIT_DEFINITIONS[CMAM_EXIT_DEFINITION].outcomes;
export const cmamExitText: Bilingual = {
  fr: `${EXIT_DEFINITIONS[CMAM_EXIT_DEFINITION].text.fr} Pour compter autrement, changer CMAM_EXIT_DEFINITION (nutrition/cmam.ts) : tous les taux l’utilisent.`,
  en: `${EXIT_DEFINITIONS[CMAM_EXIT_DEFINITION].text.en} To count otherwise, change CMAM_EXIT_DEFINITION (nutrition/cmam.ts): every rate uses it.`,
};

/** The sum of an element's option combos for these units and options (`URENAS_CURED` …). */
export const unitSum = (dataElementCode: string, units: readonly string[], options?: readonly string[]) =>
  sum(units.flatMap((unit) => (options ? options.map((option) => operand(dataElementCode, `${unit}_${option}`)) : [operand(dataElementCode, unit)])));

/** Total exits of these units under an exit definition (the package's by default): every rate's denominator. */
export const exitsExpression = (units: readonly string[], definition: ExitDefinition = CMAM_EXIT_DEFINITION) =>
  unitSum(EXITS, units, EXIT_DEFINITIONS[definition].outcomes);

const perUnit = { categoryCombo: 'CMAM_UNIT' };

export const cmamDataElements = [
  dataElement({
    code: IN_TREATMENT_START,
    name: { fr: 'PCIMA : enfants en traitement en début de mois', en: 'CMAM: children in treatment at the start of the month' },
    shortName: { fr: 'PCIMA en traitement début de mois', en: 'CMAM in treatment start of month' },
    description: {
      fr: 'Le total de fin du mois précédent. Un compte à une date : valable mois par mois (sur un trimestre, l’analytique garde le dernier mois).',
      en: 'The previous month’s end total. A count at a date: valid month by month (over a quarter, analytics keeps the last month).',
    },
    ...perUnit,
    aggregationType: 'LAST',
  }),
  dataElement({
    code: CURED_DAYS,
    name: { fr: 'PCIMA : durée de séjour des guéris, somme des jours', en: 'CMAM: length of stay of cured children, sum of days' },
    shortName: { fr: 'PCIMA jours de séjour des guéris', en: 'CMAM days of stay of cured' },
    description: {
      fr: 'Pour chaque enfant sorti guéri dans le mois, le nombre de jours entre l’admission et la sortie ; on additionne. Durée moyenne = cette somme ÷ guéris (une moyenne s’additionne par ses sommes, pas par ses moyennes).',
      en: 'For each child discharged cured in the month, the days between admission and discharge, added up. Average length of stay = this sum ÷ cured (an average adds up through its sums, not through averages).',
    },
    ...perUnit,
  }),
  dataElement({
    code: CURED_WEIGHT_GAIN,
    name: { fr: 'PCIMA : gain de poids des guéris, somme en grammes', en: 'CMAM: weight gain of cured children, sum in grams' },
    shortName: { fr: 'PCIMA gain de poids des guéris (g)', en: 'CMAM weight gain of cured (g)' },
    description: {
      fr: 'Pour chaque guéri (cas sans œdème), poids de sortie − poids minimum pendant le traitement, en grammes ; on additionne. Le poids minimum, pas celui d’admission (usage PCIMA/CMAM : M. Golden, NGOnut 2000 ; en-net question 1420).',
      en: 'For each cured child (non-oedematous cases), discharge weight − minimum weight during treatment, in grams, added up. The minimum weight, not the admission weight (CMAM practice: M. Golden, NGOnut 2000; en-net question 1420).',
    },
    ...perUnit,
  }),
  dataElement({
    code: CURED_KG_DAYS,
    name: { fr: 'PCIMA : kg-jours des guéris (poids minimum × jours)', en: 'CMAM: kg-days of cured children (minimum weight × days)' },
    shortName: { fr: 'PCIMA kg-jours des guéris', en: 'CMAM kg-days of cured' },
    description: {
      fr: 'Pour les mêmes enfants, poids minimum (kg) × jours entre le poids minimum et la sortie ; on additionne (arrondi au kg-jour). Gain moyen (g/kg/jour) = somme des gains ÷ somme des kg-jours.',
      en: 'For the same children, minimum weight (kg) × days from the minimum weight to discharge, added up (rounded to the kg-day). Average gain (g/kg/day) = sum of gains ÷ sum of kg-days.',
    },
    ...perUnit,
  }),
  ...[
    [RUTF_OPENING, { fr: 'stock initial', en: 'opening stock' }, 'LAST'],
    [RUTF_RECEIVED, { fr: 'quantité reçue', en: 'quantity received' }, 'SUM'],
    [RUTF_USED, { fr: 'quantité utilisée (distribuée)', en: 'quantity used (distributed)' }, 'SUM'],
    [RUTF_LOSSES, { fr: 'pertes (avariés, périmés, volés)', en: 'losses (damaged, expired, stolen)' }, 'SUM'],
    [RUTF_CLOSING, { fr: 'stock final', en: 'closing stock' }, 'LAST'],
  ].map(([code, label, aggregationType]) =>
    dataElement({
      code: code as string,
      name: { fr: `ATPE : ${(label as Bilingual).fr}, en cartons`, en: `RUTF: ${(label as Bilingual).en}, in cartons` },
      shortName: { fr: `ATPE ${(label as Bilingual).fr}`, en: `RUTF ${(label as Bilingual).en}` },
      description: {
        fr: 'Aliment thérapeutique prêt à l’emploi (ATPE, type Plumpy’Nut) du site, en cartons. Stock final = stock initial + reçu − utilisé − pertes.',
        en: 'Ready-to-use therapeutic food (RUTF, Plumpy’Nut type) of the site, in cartons. Closing = opening + received − used − losses.',
      },
      aggregationType: aggregationType as 'SUM' | 'LAST',
    }),
  ),
  dataElement({
    code: RUTF_STOCKOUT_DAYS,
    name: { fr: 'ATPE : jours de rupture de stock dans le mois', en: 'RUTF: stock-out days in the month' },
    shortName: { fr: 'ATPE jours de rupture', en: 'RUTF stock-out days' },
  }),
];

function averages(prefix: 'SAM' | 'MAM', units: readonly string[], label: Bilingual) {
  const cured = { expression: unitSum(EXITS, units, ['CURED']), description: { fr: 'Guéris', en: 'Cured' } };
  return [
    indicator({
      code: `NUT_${prefix}_AVERAGE_LENGTH_OF_STAY`,
      name: { fr: `${label.fr} : durée moyenne de séjour des guéris (jours)`, en: `${label.en}: average length of stay of cured children (days)` },
      shortName: { fr: `${prefix === 'SAM' ? 'MAS' : 'MAM'} durée moyenne de séjour`, en: `${prefix} average length of stay` },
      description: {
        fr: 'Somme des jours de séjour des guéris ÷ nombre de guéris : la moyenne sur tous les guéris de la période et des sites choisis, quel que soit leur nombre par site (rapport de sommes).',
        en: 'Sum of days of stay of cured children ÷ number cured: the mean over every cured child of the period and sites chosen, however many each site had (a ratio of sums).',
      },
      indicatorType: 'RATIO',
      numerator: { expression: unitSum(CURED_DAYS, units), description: { fr: 'Jours de séjour des guéris', en: 'Days of stay of cured children' } },
      denominator: cured,
    }),
    indicator({
      code: `NUT_${prefix}_AVERAGE_WEIGHT_GAIN`,
      name: { fr: `${label.fr} : gain de poids moyen des guéris (g/kg/jour)`, en: `${label.en}: average weight gain of cured children (g/kg/day)` },
      shortName: { fr: `${prefix === 'SAM' ? 'MAS' : 'MAM'} gain de poids moyen`, en: `${prefix} average weight gain` },
      description: {
        fr: 'Somme des gains (poids de sortie − poids minimum, g) ÷ somme des kg-jours (poids minimum × jours jusqu’à la sortie) : le gain g/kg/jour d’un enfant (M. Golden, NGOnut 2000) mis en commun sur tous les guéris, pondéré par leurs kg-jours, seule moyenne que des sommes mensuelles permettent.',
        en: 'Sum of gains (discharge weight − minimum weight, g) ÷ sum of kg-days (minimum weight × days to discharge): a child’s g/kg/day gain (M. Golden, NGOnut 2000) pooled over every cured child, weighted by their kg-days, the only mean monthly sums allow.',
      },
      indicatorType: 'RATIO',
      numerator: { expression: unitSum(CURED_WEIGHT_GAIN, units), description: { fr: 'Gain de poids des guéris (g)', en: 'Weight gain of cured children (g)' } },
      denominator: { expression: unitSum(CURED_KG_DAYS, units), description: { fr: 'kg-jours des guéris', en: 'kg-days of cured children' } },
    }),
  ];
}

export const cmamAverageIndicators = [
  ...averages('SAM', SAM_UNITS, { fr: 'MAS (URENI et URENAS)', en: 'SAM (URENI and URENAS)' }),
  ...averages('MAM', MAM_UNITS, { fr: 'MAM (URENAM)', en: 'MAM (URENAM)' }),
];

const allExits = (unit: string) => unitSum(EXITS, [unit], EXIT_TYPES);
const allAdmissions = (unit: string) => unitSum(ADMISSIONS, [unit], ADMISSION_TYPES);

/** Consistency rules of the monthly report: new admissions by criterion (per unit), exits against caseload, no oedema in MAM, stock balance. */
export const cmamValidationRules = [
  ...CMAM_UNITS.map((unit) =>
    validationRule({
      code: `NUT_VR_${unit}_CRITERIA_EQ_NEW`,
      name: { fr: `${unit} : admissions par critère = nouvelles admissions`, en: `${unit}: admissions by criterion = new admissions` },
      instruction: {
        fr: 'Chaque nouvel admis est compté une fois, sous le critère retenu à l’admission : le total par critère doit égaler les nouvelles admissions.',
        en: 'Each new admission is counted once, under the criterion recorded at admission: the total by criterion must equal new admissions.',
      },
      importance: 'MEDIUM',
      operator: 'equal_to',
      periodType: 'Monthly',
      left: { expression: unitSum(NEW_BY_CRITERION, [unit], CRITERIA), description: { fr: 'Nouvelles admissions par critère', en: 'New admissions by criterion' } },
      right: { expression: operand(ADMISSIONS, `${unit}_NEW_CASE`), description: { fr: 'Nouvelles admissions', en: 'New admissions' } },
    }),
  ),
  ...CMAM_UNITS.map((unit) =>
    validationRule({
      code: `NUT_VR_${unit}_EXITS_LE_CASELOAD`,
      name: { fr: `${unit} : sorties ≤ en traitement en début de mois + admissions`, en: `${unit}: exits ≤ in treatment at start of month + admissions` },
      instruction: {
        fr: 'Un enfant ne peut sortir que s’il était en traitement au début du mois ou admis pendant le mois (toutes sorties, transferts compris).',
        en: 'A child can leave only if in treatment at the start of the month or admitted during it (all exits, transfers included).',
      },
      importance: 'HIGH',
      operator: 'less_than_or_equal_to',
      periodType: 'Monthly',
      left: { expression: allExits(unit), description: { fr: 'Toutes les sorties', en: 'All exits' } },
      right: {
        expression: `${operand(IN_TREATMENT_START, unit)} + ${allAdmissions(unit)}`,
        description: { fr: 'En traitement en début de mois + toutes les admissions', en: 'In treatment at start of month + all admissions' },
      },
    }),
  ),
  validationRule({
    code: 'NUT_VR_URENAM_NO_OEDEMA',
    name: { fr: 'URENAM : aucune admission pour œdèmes', en: 'URENAM: no admission for oedema' },
    instruction: {
      fr: 'Un enfant avec des œdèmes bilatéraux a une malnutrition aiguë sévère (OMS) : il est admis en URENAS ou en URENI, jamais en URENAM.',
      en: 'A child with bilateral oedema has severe acute malnutrition (WHO): admitted to URENAS or URENI, never to URENAM.',
    },
    importance: 'MEDIUM',
    operator: 'equal_to',
    periodType: 'Monthly',
    left: { expression: operand(NEW_BY_CRITERION, `${URENAM}_OEDEMA`), description: { fr: 'URENAM : nouvelles admissions pour œdèmes', en: 'URENAM: new admissions for oedema' } },
    right: { expression: '0', description: { fr: 'Zéro', en: 'Zero' } },
  }),
  validationRule({
    code: 'NUT_VR_RUTF_STOCK_BALANCE',
    name: { fr: 'ATPE : stock final = initial + reçu − utilisé − pertes', en: 'RUTF: closing = opening + received − used − losses' },
    instruction: {
      fr: 'Le stock final compté doit égaler le stock initial plus les réceptions moins les quantités utilisées et les pertes ; sinon, recompter ou déclarer les pertes.',
      en: 'The closing stock counted must equal opening stock plus receipts minus quantities used and losses; otherwise recount or report the losses.',
    },
    importance: 'HIGH',
    operator: 'equal_to',
    periodType: 'Monthly',
    left: { expression: operand(RUTF_CLOSING), description: { fr: 'Stock final', en: 'Closing stock' } },
    right: {
      expression: `${operand(RUTF_OPENING)} + ${operand(RUTF_RECEIVED)} - ${operand(RUTF_USED)} - ${operand(RUTF_LOSSES)}`,
      description: { fr: 'Initial + reçu − utilisé − pertes', en: 'Opening + received − used − losses' },
    },
  }),
];

/** The sections this file adds to the monthly report, after admissions, exits and caseload. */
export const cmamSections = [
  { code: 'LENGTH_OF_STAY_WEIGHT_GAIN', name: { fr: 'Durée de séjour et gain de poids des guéris', en: 'Length of stay and weight gain of cured children' }, dataElements: [CURED_DAYS, CURED_KG_DAYS, CURED_WEIGHT_GAIN] },
  { code: 'RUTF_STOCK', name: { fr: 'Stock d’ATPE', en: 'RUTF stock' }, dataElements: [RUTF_OPENING, RUTF_RECEIVED, RUTF_USED, RUTF_LOSSES, RUTF_CLOSING, RUTF_STOCKOUT_DAYS] },
];
