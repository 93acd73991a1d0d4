// Prevention and treatment of malnutrition (KRC 2): the monthly CMAM (PCIMA) report of a site —
// admissions by type and criterion, exits by outcome, children in treatment — for the three
// Mali treatment units, with cure, death, default and non-response rates over exits.
// Issue 5 extends it (length of stay, weight gain, RUTF stock, Sphere pass/fail, growth).
//
// Modelled on: Mali's CMAM units and terms (URENI, URENAS, URENAM; mali-facts.md §3.1, from a
// Croix-Rouge SQUEAC report's acronym list) and the performance formulas of the WFP indicator
// compendium, based on Sphere (§3.2). The PCIMA 2022 criteria themselves were not found; the
// admission criteria are WHO's (MUAC, WHZ, bilateral oedema; §3.1).
import type { ProgrammePackage } from '../../core/programmePackage.ts';
import { category, categoryCombo, categoryOption, dataElement, dataSet, indicator, operand, sum, validationRule } from '../builders.ts';
import { dashboards } from './dashboards.ts';

const URENI = 'URENI';
const URENAS = 'URENAS';
const URENAM = 'URENAM';
const SAM_UNITS = [URENI, URENAS];

const ADMISSION_TYPES = ['NEW_CASE', 'RELAPSE', 'READMISSION', 'TRANSFER_IN'] as const;
const EXIT_TYPES = ['CURED', 'DIED', 'DEFAULTED', 'NON_RESPONDENT', 'TRANSFER_OUT', 'MEDICAL_TRANSFER'] as const;
const CRITERIA = ['MUAC', 'WHZ', 'OEDEMA'] as const;
/** Exits that end treatment in the programme: transfers (between units or to hospital) are not exits. */
export const PROGRAMME_EXITS = ['CURED', 'DIED', 'DEFAULTED', 'NON_RESPONDENT'] as const;

export const ADMISSIONS = 'NUT_CMAM_ADMISSIONS';
export const NEW_BY_CRITERION = 'NUT_CMAM_NEW_BY_CRITERION';
export const EXITS = 'NUT_CMAM_EXITS';
export const IN_TREATMENT = 'NUT_CMAM_IN_TREATMENT_END';
export const CMAM_MONTHLY = 'NUT_CMAM_MONTHLY';
export const SAM_ADMISSIONS = 'NUT_SAM_ADMISSIONS';

type Exit = (typeof EXIT_TYPES)[number];
const exits = (units: readonly string[], outcomes: readonly Exit[]) => sum(units.flatMap((unit) => outcomes.map((outcome) => operand(EXITS, `${unit}_${outcome}`))));

const EXIT_DEFINITION = {
  fr: 'Sorties = guéris + décédés + abandons + non-répondants ; les transferts (entre unités PCIMA ou vers l’hôpital) ne sont pas des sorties, car l’enfant reste en traitement. Pour compter autrement, modifier cet indicateur : les taux l’utilisent tous.',
  en: 'Exits = cured + died + defaulted + non-respondent; transfers (between CMAM units or to hospital) are not exits, since the child stays in treatment. To count otherwise, edit this indicator: every rate uses it.',
};

function programme(prefix: 'SAM' | 'MAM', units: readonly string[], label: { fr: string; en: string }) {
  const exitsCode = `NUT_${prefix}_EXITS`;
  const rate = (outcome: Exit, name: { fr: string; en: string }) =>
    indicator({
      code: `NUT_${prefix}_${outcome}_RATE`,
      name: { fr: `${label.fr} : taux ${name.fr}`, en: `${label.en}: ${name.en} rate` },
      description: {
        fr: `Sorties « ${name.fr} » ÷ total des sorties × 100, chaque mois (compendium d’indicateurs du PAM, d’après Sphere). ${EXIT_DEFINITION.fr}`,
        en: `"${name.en}" exits ÷ total exits × 100, each month (WFP indicator compendium, after Sphere). ${EXIT_DEFINITION.en}`,
      },
      indicatorType: 'PERCENT',
      numerator: { expression: exits(units, [outcome]), description: { fr: `Sorties : ${name.fr}`, en: `Exits: ${name.en}` } },
      denominator: { expression: `N{${exitsCode}}`, description: { fr: 'Total des sorties', en: 'Total exits' } },
    });
  return [
    indicator({
      code: exitsCode,
      name: { fr: `${label.fr} : total des sorties`, en: `${label.en}: total exits` },
      description: EXIT_DEFINITION,
      indicatorType: 'NUMBER',
      numerator: { expression: exits(units, PROGRAMME_EXITS), description: { fr: 'Guéris, décédés, abandons, non-répondants', en: 'Cured, died, defaulted, non-respondent' } },
      denominator: { expression: '1', description: { fr: 'Un', en: 'One' } },
      decimals: 0,
    }),
    rate('CURED', { fr: 'de guérison', en: 'cure' }),
    rate('DIED', { fr: 'de décès', en: 'death' }),
    rate('DEFAULTED', { fr: 'd’abandon', en: 'default' }),
    rate('NON_RESPONDENT', { fr: 'de non-réponse', en: 'non-response' }),
  ];
}

/** New children admitted by criterion add up to the new admissions of the unit. */
const criterionRule = (unit: string) =>
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
    left: { expression: sum(CRITERIA.map((criterion) => operand(NEW_BY_CRITERION, `${unit}_${criterion}`))), description: { fr: 'Nouvelles admissions par critère', en: 'New admissions by criterion' } },
    right: { expression: operand(ADMISSIONS, `${unit}_NEW_CASE`), description: { fr: 'Nouvelles admissions', en: 'New admissions' } },
  });

export const nutrition: ProgrammePackage = {
  id: 'nutrition',
  name: { fr: 'Nutrition (PCIMA)', en: 'Nutrition (CMAM)' },
  version: '1.0.0',
  modelledOn: {
    fr: 'Rapport mensuel d’un site PCIMA (URENI, URENAS, URENAM) ; taux de performance sur les sorties selon le compendium du PAM et Sphere ; critères d’admission de l’OMS (le texte PCIMA 2022 n’a pas été trouvé).',
    en: 'Monthly report of a CMAM site (URENI, URENAS, URENAM); performance rates over exits as in the WFP compendium and Sphere; WHO admission criteria (the PCIMA 2022 text was not found).',
  },
  sources: [
    'Mali CMAM unit terms: Croix-Rouge française / Croix-Rouge malienne SQUEAC report, Kayes/Yélimané, acronym list (mali-facts.md §3.1)',
    'WFP indicator compendium v5.0 (recovery, death, default, non-response rates over total exits), based on Sphere (mali-facts.md §3.2)',
    'WHO SAM criteria: MUAC < 115 mm, WHZ < −3 or bilateral oedema (ICHRC/WHO, mali-facts.md §3.1)',
  ],
  metadata: {
    categoryOptions: [
      categoryOption(URENI, { fr: 'URENI (hospitalisation, MAS compliquée)', en: 'URENI (inpatient, complicated SAM)' }, { fr: 'URENI', en: 'URENI' }),
      categoryOption(URENAS, { fr: 'URENAS (ambulatoire, MAS)', en: 'URENAS (outpatient, SAM)' }, { fr: 'URENAS', en: 'URENAS' }),
      categoryOption(URENAM, { fr: 'URENAM (ambulatoire, MAM)', en: 'URENAM (outpatient, MAM)' }, { fr: 'URENAM', en: 'URENAM' }),
      categoryOption('NEW_CASE', { fr: 'Nouvelle admission', en: 'New admission' }),
      categoryOption('RELAPSE', { fr: 'Rechute', en: 'Relapse' }),
      categoryOption('READMISSION', { fr: 'Réadmission après abandon', en: 'Readmission after default' }),
      categoryOption('TRANSFER_IN', { fr: 'Transfert entrant', en: 'Transfer in' }),
      categoryOption('CURED', { fr: 'Guéri', en: 'Cured' }),
      categoryOption('DIED', { fr: 'Décédé', en: 'Died' }),
      categoryOption('DEFAULTED', { fr: 'Abandon', en: 'Defaulted' }),
      categoryOption('NON_RESPONDENT', { fr: 'Non-répondant', en: 'Non-respondent' }),
      categoryOption('TRANSFER_OUT', { fr: 'Transfert vers une autre unité PCIMA', en: 'Transfer to another CMAM unit' }, { fr: 'Transfert sortant', en: 'Transfer out' }),
      categoryOption('MEDICAL_TRANSFER', { fr: 'Référence médicale', en: 'Medical transfer' }),
      categoryOption('MUAC', { fr: 'Périmètre brachial (PB)', en: 'Mid-upper arm circumference (MUAC)' }, { fr: 'PB', en: 'MUAC' }),
      categoryOption('WHZ', { fr: 'Poids pour taille (P/T)', en: 'Weight-for-height (WHZ)' }, { fr: 'P/T', en: 'WHZ' }),
      categoryOption('OEDEMA', { fr: 'Œdèmes bilatéraux', en: 'Bilateral oedema' }),
    ],
    categories: [
      category('CMAM_UNIT', { fr: 'Unité PCIMA', en: 'CMAM unit' }, [URENI, URENAS, URENAM]),
      category('CMAM_ADMISSION', { fr: 'Type d’admission', en: 'Admission type' }, ADMISSION_TYPES),
      category('CMAM_EXIT', { fr: 'Type de sortie', en: 'Exit type' }, EXIT_TYPES),
      category('CMAM_CRITERION', { fr: 'Critère d’admission', en: 'Admission criterion' }, CRITERIA),
    ],
    categoryCombos: [
      categoryCombo('CMAM_UNIT', { fr: 'Unité PCIMA', en: 'CMAM unit' }, ['CMAM_UNIT']),
      categoryCombo('CMAM_UNIT_ADMISSION', { fr: 'Unité PCIMA et type d’admission', en: 'CMAM unit and admission type' }, ['CMAM_UNIT', 'CMAM_ADMISSION']),
      categoryCombo('CMAM_UNIT_EXIT', { fr: 'Unité PCIMA et type de sortie', en: 'CMAM unit and exit type' }, ['CMAM_UNIT', 'CMAM_EXIT']),
      categoryCombo('CMAM_UNIT_CRITERION', { fr: 'Unité PCIMA et critère d’admission', en: 'CMAM unit and admission criterion' }, ['CMAM_UNIT', 'CMAM_CRITERION']),
    ],
    dataElements: [
      dataElement({
        code: ADMISSIONS,
        name: { fr: 'PCIMA : admissions des enfants de 6 à 59 mois', en: 'CMAM: admissions of children aged 6–59 months' },
        shortName: { fr: 'PCIMA admissions', en: 'CMAM admissions' },
        categoryCombo: 'CMAM_UNIT_ADMISSION',
      }),
      dataElement({
        code: NEW_BY_CRITERION,
        name: { fr: 'PCIMA : nouvelles admissions par critère', en: 'CMAM: new admissions by criterion' },
        shortName: { fr: 'PCIMA nouvelles admissions par critère', en: 'CMAM new admissions by criterion' },
        description: {
          fr: 'Chaque enfant sous le critère retenu à l’admission. MAS : PB < 115 mm, P/T < −3 ou œdèmes bilatéraux ; MAM : PB de 115 à < 125 mm ou P/T de −3 à < −2, sans œdème (OMS).',
          en: 'Each child under the criterion recorded at admission. SAM: MUAC < 115 mm, WHZ < −3 or bilateral oedema; MAM: MUAC 115 to < 125 mm or WHZ −3 to < −2, no oedema (WHO).',
        },
        categoryCombo: 'CMAM_UNIT_CRITERION',
      }),
      dataElement({
        code: EXITS,
        name: { fr: 'PCIMA : sorties par type', en: 'CMAM: exits by type' },
        shortName: { fr: 'PCIMA sorties', en: 'CMAM exits' },
        categoryCombo: 'CMAM_UNIT_EXIT',
      }),
      dataElement({
        code: IN_TREATMENT,
        name: { fr: 'PCIMA : enfants en traitement en fin de mois', en: 'CMAM: children in treatment at the end of the month' },
        shortName: { fr: 'PCIMA en traitement fin de mois', en: 'CMAM in treatment end of month' },
        categoryCombo: 'CMAM_UNIT',
        // A count at a date: over time keep the latest month, over places add up.
        aggregationType: 'LAST',
      }),
    ],
    dataSets: [
      dataSet({
        code: CMAM_MONTHLY,
        name: { fr: 'PCIMA — rapport mensuel du site', en: 'CMAM — monthly site report' },
        shortName: { fr: 'PCIMA mensuel', en: 'CMAM monthly' },
        periodType: 'Monthly',
        sections: [
          { code: 'ADMISSIONS', name: { fr: 'Admissions', en: 'Admissions' }, dataElements: [ADMISSIONS, NEW_BY_CRITERION] },
          { code: 'EXITS', name: { fr: 'Sorties', en: 'Exits' }, dataElements: [EXITS] },
          { code: 'IN_TREATMENT', name: { fr: 'En traitement', en: 'In treatment' }, dataElements: [IN_TREATMENT] },
        ],
      }),
    ],
    indicators: [
      indicator({
        code: SAM_ADMISSIONS,
        name: { fr: 'Enfants admis pour malnutrition aiguë sévère', en: 'Children admitted for severe acute malnutrition' },
        shortName: { fr: 'Admissions MAS', en: 'SAM admissions' },
        description: {
          fr: 'Nouvelles admissions et rechutes en URENI et URENAS : chaque nouvel épisode de MAS une fois ; les réadmissions après abandon et les transferts poursuivent un épisode déjà compté.',
          en: 'New admissions and relapses in URENI and URENAS: each new SAM episode once; readmissions after default and transfers continue an episode already counted.',
        },
        indicatorType: 'NUMBER',
        numerator: {
          expression: sum(SAM_UNITS.flatMap((unit) => ['NEW_CASE', 'RELAPSE'].map((type) => operand(ADMISSIONS, `${unit}_${type}`)))),
          description: { fr: 'Nouvelles admissions et rechutes, URENI et URENAS', en: 'New admissions and relapses, URENI and URENAS' },
        },
        denominator: { expression: '1', description: { fr: 'Un', en: 'One' } },
        decimals: 0,
      }),
      ...programme('SAM', SAM_UNITS, { fr: 'MAS (URENI et URENAS)', en: 'SAM (URENI and URENAS)' }),
      ...programme('MAM', [URENAM], { fr: 'MAM (URENAM)', en: 'MAM (URENAM)' }),
    ],
    validationRules: [URENI, URENAS, URENAM].map(criterionRule),
  },
  dataSetAssignments: [{ dataSet: CMAM_MONTHLY, orgUnitLevel: 4 }],
  dashboards,
};
