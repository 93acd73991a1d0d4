// Child protection and the prevention of child marriage (KRC 4): birth registration at the
// civil registry, the case load of the social services, and the outputs of a child-marriage
// prevention programme (girls' life-skills clubs, community declarations, dialogue).
//
// Modelled on: SDG 16.9.1 (birth registration, by age) and the UNICEF child-protection
// indicator set (mali-facts.md §6.1); the case types of UNICEF Mali's humanitarian reporting
// (UASC, CAAFAG, child-protection assistance; mali-country-programme.md B.3); and the output
// indicators of the UNFPA-UNICEF Global Programme to End Child Marriage results framework
// (mali-facts.md §5.4 — Mali is not one of its countries, its framework is the usual template).
import type { ProgrammePackage } from '../../core/programmePackage.ts';
import { category, categoryCombo, categoryOption, dataElement, dataSet, indicator, operand, sum, validationRule } from '../builders.ts';
import { SEXES } from '../common/index.ts';
import { LIVE_BIRTHS } from '../immunization/index.ts';
import { dashboards } from './dashboards.ts';

export const BIRTHS_REGISTERED = 'CP_BIRTHS_REGISTERED';
export const CASES_IDENTIFIED = 'CP_CASES_IDENTIFIED';
export const CASES_REFERRED = 'CP_CASES_REFERRED';
export const CASES_CLOSED = 'CP_CASES_CLOSED';
export const CHILDREN_ASSISTED = 'CP_CHILDREN_ASSISTED';
export const LIFE_SKILLS_ENROLLED = 'CP_GIRLS_LIFE_SKILLS_ENROLLED';
export const LIFE_SKILLS_COMPLETED = 'CP_GIRLS_LIFE_SKILLS_COMPLETED';
export const COMMUNITIES_DECLARED = 'CP_COMMUNITIES_DECLARED';
export const PEOPLE_REACHED_DIALOGUE = 'CP_PEOPLE_REACHED_DIALOGUE';
export const LEADERS_ENGAGED = 'CP_LEADERS_ENGAGED';
export const MARRIAGES_PREVENTED = 'CP_CHILD_MARRIAGES_PREVENTED';

const REGISTRATION_AGES = ['LT1Y', '1-4Y'] as const;
const CASE_TYPES = {
  VIOLENCE: { fr: 'Violence, abus ou négligence', en: 'Violence, abuse or neglect' },
  CHILD_MARRIAGE: { fr: 'Mariage d’enfant (ou risque)', en: 'Child marriage (or risk of it)' },
  UASC: { fr: 'Enfant non accompagné ou séparé', en: 'Unaccompanied or separated child' },
  CAAFAG: { fr: 'Enfant associé aux forces ou groupes armés', en: 'Child associated with armed forces or groups' },
  CHILD_LABOUR: { fr: 'Travail des enfants', en: 'Child labour' },
  OTHER_PROTECTION: { fr: 'Autre besoin de protection', en: 'Other protection need' },
} as const;
const CASE_TYPE_CODES = Object.keys(CASE_TYPES) as (keyof typeof CASE_TYPES)[];

const casesBy = (code: string, fr: string, en: string, shortFr: string, shortEn: string) =>
  dataElement({ code, name: { fr, en }, shortName: { fr: shortFr, en: shortEn }, categoryCombo: 'CP_CASE_TYPE_SEX' });

const count = (code: string, name: { fr: string; en: string }, shortName: { fr: string; en: string }, description?: { fr: string; en: string }, categoryCombo?: string) =>
  dataElement({ code, name, shortName, ...(description ? { description } : {}), ...(categoryCombo ? { categoryCombo } : {}) });

export const BIRTH_REGISTRATION = 'CP_BIRTH_REGISTRATION';
export const CASE_MANAGEMENT = 'CP_CASE_MANAGEMENT';
export const CHILD_MARRIAGE_PREVENTION = 'CP_CHILD_MARRIAGE_PREVENTION';

export const protection: ProgrammePackage = {
  id: 'protection',
  name: { fr: 'Protection de l’enfant et prévention du mariage d’enfants', en: 'Child protection and prevention of child marriage' },
  version: '1.0.0',
  modelledOn: {
    fr: 'Enregistrement des naissances selon l’ODD 16.9.1 ; cas pris en charge par les services sociaux selon les catégories des rapports humanitaires de l’UNICEF Mali ; produits d’un programme de prévention du mariage d’enfants selon le cadre du Programme mondial UNFPA-UNICEF.',
    en: 'Birth registration as in SDG 16.9.1; social-service case load with the categories of UNICEF Mali’s humanitarian reports; child-marriage prevention outputs as in the UNFPA-UNICEF Global Programme framework.',
  },
  sources: [
    'SDG 16.9.1 definition; UNICEF data warehouse codes PT_CHLD_Y0T4_REG and related (mali-facts.md §6.1)',
    'UNICEF Mali Humanitarian Situation Report No. 12, Jan–Dec 2021: child-protection assistance, UASC, CAAFAG (mali-country-programme.md B.3)',
    'UNFPA-UNICEF Global Programme to End Child Marriage, progress report 2016 and annual reports 2017–2018: outcome structure and output indicators (mali-facts.md §5.4)',
  ],
  metadata: {
    categoryOptions: [
      categoryOption('LT1Y', { fr: 'Moins d’un an', en: 'Under 1 year' }),
      categoryOption('1-4Y', { fr: '1 à 4 ans', en: '1–4 years' }),
      ...CASE_TYPE_CODES.map((code) => categoryOption(code, CASE_TYPES[code])),
    ],
    categories: [
      category('REGISTRATION_AGE', { fr: 'Âge à l’enregistrement', en: 'Age at registration' }, REGISTRATION_AGES),
      category('CP_CASE_TYPE', { fr: 'Type de cas de protection', en: 'Protection case type' }, CASE_TYPE_CODES),
    ],
    categoryCombos: [
      categoryCombo('REGISTRATION_AGE_SEX', { fr: 'Âge à l’enregistrement et sexe', en: 'Age at registration and sex' }, ['REGISTRATION_AGE', 'SEX']),
      categoryCombo('CP_CASE_TYPE_SEX', { fr: 'Type de cas et sexe', en: 'Case type and sex' }, ['CP_CASE_TYPE', 'SEX']),
    ],
    dataElements: [
      count(
        BIRTHS_REGISTERED,
        { fr: 'Naissances d’enfants de moins de 5 ans enregistrées à l’état civil', en: 'Births of children under 5 registered with the civil registry' },
        { fr: 'État civil naissances enregistrées', en: 'Civil registry births registered' },
        {
          fr: 'Déclarations de naissance enregistrées dans le mois, par âge de l’enfant à l’enregistrement (ODD 16.9.1 : enregistré auprès d’une autorité civile).',
          en: 'Birth declarations registered in the month, by the child’s age at registration (SDG 16.9.1: registered with a civil authority).',
        },
        'REGISTRATION_AGE_SEX',
      ),
      casesBy(CASES_IDENTIFIED, 'Cas de protection identifiés', 'Protection cases identified', 'Protection cas identifiés', 'Protection cases identified'),
      casesBy(CASES_REFERRED, 'Cas de protection référés vers un service', 'Protection cases referred to a service', 'Protection cas référés', 'Protection cases referred'),
      casesBy(CASES_CLOSED, 'Cas de protection clôturés', 'Protection cases closed', 'Protection cas clôturés', 'Protection cases closed'),
      count(
        CHILDREN_ASSISTED,
        { fr: 'Enfants ayant reçu une assistance de protection', en: 'Children given child-protection assistance' },
        { fr: 'Protection enfants assistés', en: 'Protection children assisted' },
        undefined,
        'SEX',
      ),
      count(
        LIFE_SKILLS_ENROLLED,
        { fr: 'Filles de 10 à 19 ans inscrites dans un club de compétences de vie', en: 'Girls aged 10–19 enrolled in a life-skills club' },
        { fr: 'Filles inscrites clubs compétences de vie', en: 'Girls enrolled in life-skills clubs' },
      ),
      count(
        LIFE_SKILLS_COMPLETED,
        { fr: 'Filles de 10 à 19 ans ayant achevé le cycle du club de compétences de vie', en: 'Girls aged 10–19 who completed the life-skills club cycle' },
        { fr: 'Filles ayant achevé clubs compétences de vie', en: 'Girls completing life-skills clubs' },
      ),
      count(
        COMMUNITIES_DECLARED,
        { fr: 'Communautés ayant déclaré publiquement l’abandon du mariage d’enfants', en: 'Communities publicly declaring the abandonment of child marriage' },
        { fr: 'Communautés déclaration publique', en: 'Communities public declaration' },
        { fr: 'Nouvelles déclarations publiques du trimestre.', en: 'New public declarations in the quarter.' },
      ),
      count(
        PEOPLE_REACHED_DIALOGUE,
        { fr: 'Personnes touchées par le dialogue communautaire sur le mariage d’enfants', en: 'People reached by community dialogue on child marriage' },
        { fr: 'Personnes touchées dialogue communautaire', en: 'People reached community dialogue' },
        undefined,
        'SEX',
      ),
      count(
        LEADERS_ENGAGED,
        { fr: 'Leaders religieux et traditionnels engagés contre le mariage d’enfants', en: 'Religious and traditional leaders engaged against child marriage' },
        { fr: 'Leaders religieux et traditionnels engagés', en: 'Religious and traditional leaders engaged' },
      ),
      count(
        MARRIAGES_PREVENTED,
        { fr: 'Mariages d’enfants évités par la prise en charge des cas', en: 'Child marriages prevented through case management' },
        { fr: 'Mariages d’enfants évités', en: 'Child marriages prevented' },
      ),
    ],
    dataSets: [
      dataSet({
        code: BIRTH_REGISTRATION,
        name: { fr: 'État civil — naissances enregistrées', en: 'Civil registry — births registered' },
        shortName: { fr: 'État civil mensuel', en: 'Civil registry monthly' },
        periodType: 'Monthly',
        sections: [{ code: 'BIRTHS', name: { fr: 'Naissances enregistrées', en: 'Births registered' }, dataElements: [BIRTHS_REGISTERED] }],
      }),
      dataSet({
        code: CASE_MANAGEMENT,
        name: { fr: 'Protection de l’enfant — cas pris en charge', en: 'Child protection — case management' },
        shortName: { fr: 'Protection cas mensuel', en: 'Protection cases monthly' },
        periodType: 'Monthly',
        sections: [
          { code: 'CASES', name: { fr: 'Cas', en: 'Cases' }, dataElements: [CASES_IDENTIFIED, CASES_REFERRED, CASES_CLOSED] },
          { code: 'ASSISTANCE', name: { fr: 'Assistance', en: 'Assistance' }, dataElements: [CHILDREN_ASSISTED] },
        ],
      }),
      dataSet({
        code: CHILD_MARRIAGE_PREVENTION,
        name: { fr: 'Prévention du mariage d’enfants — rapport trimestriel', en: 'Child-marriage prevention — quarterly report' },
        shortName: { fr: 'Mariage d’enfants trimestriel', en: 'Child marriage quarterly' },
        periodType: 'Quarterly',
        sections: [
          { code: 'GIRLS', name: { fr: 'Filles (compétences de vie)', en: 'Girls (life skills)' }, dataElements: [LIFE_SKILLS_ENROLLED, LIFE_SKILLS_COMPLETED] },
          { code: 'COMMUNITIES', name: { fr: 'Communautés', en: 'Communities' }, dataElements: [COMMUNITIES_DECLARED, PEOPLE_REACHED_DIALOGUE, LEADERS_ENGAGED] },
          { code: 'CASES', name: { fr: 'Cas', en: 'Cases' }, dataElements: [MARRIAGES_PREVENTED] },
        ],
      }),
    ],
    indicators: [
      indicator({
        code: 'CP_BIRTH_REGISTRATION_UNDER1',
        name: { fr: 'Naissances enregistrées avant un an, pour 100 naissances attendues', en: 'Births registered before age 1, per 100 expected births' },
        shortName: { fr: 'Enregistrement des naissances avant 1 an', en: 'Birth registration before age 1' },
        description: {
          fr: 'Enfants enregistrés à l’état civil avant un an ÷ naissances vivantes attendues (cible du PEV) × 100 : complétude de l’enregistrement dans l’année. Ce n’est pas l’ODD 16.9.1, qui mesure par enquête la part des moins de 5 ans enregistrés.',
          en: 'Children registered before age 1 ÷ expected live births (EPI target) × 100: completeness of registration within the year. Not SDG 16.9.1, which measures by survey the share of children under 5 registered.',
        },
        indicatorType: 'PERCENT',
        numerator: { expression: sum(SEXES.map((sex) => operand(BIRTHS_REGISTERED, `LT1Y_${sex}`))), description: { fr: 'Enregistrés avant un an', en: 'Registered before age 1' } },
        denominator: { expression: operand(LIVE_BIRTHS), description: { fr: 'Naissances vivantes attendues', en: 'Expected live births' } },
      }),
      indicator({
        code: 'CP_CASES_REFERRED_SHARE',
        name: { fr: 'Cas référés vers un service, pour 100 cas identifiés', en: 'Cases referred to a service, per 100 cases identified' },
        shortName: { fr: 'Cas référés (%)', en: 'Cases referred (%)' },
        description: { fr: 'Cas référés ÷ cas identifiés dans la période × 100.', en: 'Cases referred ÷ cases identified in the period × 100.' },
        indicatorType: 'PERCENT',
        numerator: { expression: operand(CASES_REFERRED), description: { fr: 'Cas référés', en: 'Cases referred' } },
        denominator: { expression: operand(CASES_IDENTIFIED), description: { fr: 'Cas identifiés', en: 'Cases identified' } },
      }),
      indicator({
        code: 'CP_LIFE_SKILLS_COMPLETION',
        name: { fr: 'Filles ayant achevé le club de compétences de vie, pour 100 inscrites', en: 'Girls completing the life-skills club, per 100 enrolled' },
        shortName: { fr: 'Achèvement clubs compétences de vie', en: 'Life-skills club completion' },
        description: { fr: 'Filles ayant achevé le cycle ÷ filles inscrites × 100.', en: 'Girls who completed the cycle ÷ girls enrolled × 100.' },
        indicatorType: 'PERCENT',
        numerator: { expression: operand(LIFE_SKILLS_COMPLETED), description: { fr: 'Filles ayant achevé', en: 'Girls who completed' } },
        denominator: { expression: operand(LIFE_SKILLS_ENROLLED), description: { fr: 'Filles inscrites', en: 'Girls enrolled' } },
      }),
    ],
    validationRules: [
      validationRule({
        code: 'CP_VR_COMPLETED_LE_ENROLLED',
        name: { fr: 'Filles ayant achevé ≤ filles inscrites', en: 'Girls completing ≤ girls enrolled' },
        instruction: { fr: 'Plus de filles ayant achevé que d’inscrites dans le trimestre : vérifier les registres des clubs.', en: 'More girls completing than enrolled in the quarter: check the club registers.' },
        importance: 'MEDIUM',
        operator: 'less_than_or_equal_to',
        periodType: 'Quarterly',
        left: { expression: operand(LIFE_SKILLS_COMPLETED), description: { fr: 'Filles ayant achevé', en: 'Girls who completed' } },
        right: { expression: operand(LIFE_SKILLS_ENROLLED), description: { fr: 'Filles inscrites', en: 'Girls enrolled' } },
      }),
    ],
  },
  // Civil registry centres and social services sit in communes and cercles; communes are not in
  // the org-unit tree, so the cercle reports.
  dataSetAssignments: [BIRTH_REGISTRATION, CASE_MANAGEMENT, CHILD_MARRIAGE_PREVENTION].map((code) => ({ dataSet: code, orgUnitLevel: 3 })),
  dashboards,
};
