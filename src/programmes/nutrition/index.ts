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
import { category, categoryCombo, categoryOption, dataElement, dataSet, indicator, operand, sum } from '../builders.ts';
import {
  ADMISSION_TYPES,
  ADMISSIONS,
  cmamAverageIndicators,
  cmamDataElements,
  cmamExitText,
  cmamSections,
  cmamValidationRules,
  CRITERIA,
  EXIT_TYPES,
  EXITS,
  exitsExpression,
  IN_TREATMENT,
  IN_TREATMENT_START,
  NEW_BY_CRITERION,
  SAM_UNITS,
  unitSum,
  URENAM,
  URENAS,
  URENI,
  type ExitType,
} from './cmam.ts';
import { dashboards } from './dashboards.ts';
import { GROWTH_MONITORING, growthMonitoringMetadata } from './growthMonitoring.ts';

export { ADMISSIONS, EXITS, IN_TREATMENT, NEW_BY_CRITERION };
export const CMAM_MONTHLY = 'NUT_CMAM_MONTHLY';
export const SAM_ADMISSIONS = 'NUT_SAM_ADMISSIONS';

const exits = (units: readonly string[], outcomes: readonly ExitType[]) => unitSum(EXITS, units, outcomes);
const EXIT_DEFINITION = cmamExitText;

function programme(prefix: 'SAM' | 'MAM', units: readonly string[], label: { fr: string; en: string }) {
  const exitsCode = `NUT_${prefix}_EXITS`;
  const rate = (outcome: ExitType, name: { fr: string; en: string }) =>
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
      numerator: { expression: exitsExpression(units), description: { fr: 'Sorties comptées (voir la définition)', en: 'Exits counted (see the definition)' } },
      denominator: { expression: '1', description: { fr: 'Un', en: 'One' } },
      decimals: 0,
    }),
    rate('CURED', { fr: 'de guérison', en: 'cure' }),
    rate('DIED', { fr: 'de décès', en: 'death' }),
    rate('DEFAULTED', { fr: 'd’abandon', en: 'default' }),
    rate('NON_RESPONDENT', { fr: 'de non-réponse', en: 'non-response' }),
  ];
}

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
    'Sphere Handbook 2018, Management of acute malnutrition standards 2.1 (MAM) and 2.2 (SAM): discharges and performance thresholds (mali-facts.md §3.2; cmam.ts, sphere.ts)',
    'Weight gain from the minimum weight, g/kg/day: M. Golden, NGOnut list, 25 Feb 2000; en-net question 1420 (2014)',
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
      ...growthMonitoringMetadata.categoryOptions,
    ],
    categories: [
      category('CMAM_UNIT', { fr: 'Unité PCIMA', en: 'CMAM unit' }, [URENI, URENAS, URENAM]),
      category('CMAM_ADMISSION', { fr: 'Type d’admission', en: 'Admission type' }, ADMISSION_TYPES),
      category('CMAM_EXIT', { fr: 'Type de sortie', en: 'Exit type' }, EXIT_TYPES),
      category('CMAM_CRITERION', { fr: 'Critère d’admission', en: 'Admission criterion' }, CRITERIA),
      ...growthMonitoringMetadata.categories,
    ],
    categoryCombos: [
      categoryCombo('CMAM_UNIT', { fr: 'Unité PCIMA', en: 'CMAM unit' }, ['CMAM_UNIT']),
      categoryCombo('CMAM_UNIT_ADMISSION', { fr: 'Unité PCIMA et type d’admission', en: 'CMAM unit and admission type' }, ['CMAM_UNIT', 'CMAM_ADMISSION']),
      categoryCombo('CMAM_UNIT_EXIT', { fr: 'Unité PCIMA et type de sortie', en: 'CMAM unit and exit type' }, ['CMAM_UNIT', 'CMAM_EXIT']),
      categoryCombo('CMAM_UNIT_CRITERION', { fr: 'Unité PCIMA et critère d’admission', en: 'CMAM unit and admission criterion' }, ['CMAM_UNIT', 'CMAM_CRITERION']),
      ...growthMonitoringMetadata.categoryCombos,
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
      ...cmamDataElements,
      ...growthMonitoringMetadata.dataElements,
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
          { code: 'IN_TREATMENT', name: { fr: 'En traitement', en: 'In treatment' }, dataElements: [IN_TREATMENT_START, IN_TREATMENT] },
          ...cmamSections,
        ],
      }),
      ...growthMonitoringMetadata.dataSets,
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
      ...cmamAverageIndicators,
      ...growthMonitoringMetadata.indicators,
    ],
    validationRules: cmamValidationRules,
  },
  dataSetAssignments: [{ dataSet: CMAM_MONTHLY, orgUnitLevel: 4 }, { dataSet: GROWTH_MONITORING, orgUnitLevel: 4 }],
  dashboards,
};
