// The humanitarian response: people in need and people targeted by the Humanitarian Response
// Plan, and people reached, by cluster, children and adults, sex — the "for whom" of the
// 5W — so that reach can be read against the plan in each cercle.
//
// Modelled on: the cluster structure of the Mali response (mali-facts.md §7.2; the areas of
// responsibility of the Protection cluster are [K] there), the population statuses of HDX HAPI
// (in need, targeted, reached) and the HXL people attributes (+children, +f, +m) (§7.3).
// HRP figures by cluster were not found (§7.1), so the package ships no values.
import type { ProgrammePackage } from '../../core/programmePackage.ts';
import { category, categoryCombo, categoryOption, dataElement, dataSet, indicator, operand, sum, validationRule } from '../builders.ts';
import { SEXES } from '../common/index.ts';

export const CLUSTERS = {
  HEALTH: { fr: 'Santé', en: 'Health' },
  NUTRITION: { fr: 'Nutrition', en: 'Nutrition' },
  WASH: { fr: 'Eau, hygiène et assainissement', en: 'Water, sanitation and hygiene' },
  EDUCATION: { fr: 'Éducation', en: 'Education' },
  PROTECTION: { fr: 'Protection', en: 'Protection' },
  CHILD_PROTECTION: { fr: 'Protection de l’enfant (domaine de responsabilité)', en: 'Child protection (area of responsibility)', shortFr: 'Protection de l’enfant', shortEn: 'Child protection' },
  GBV: { fr: 'Violences basées sur le genre (domaine de responsabilité)', en: 'Gender-based violence (area of responsibility)', shortFr: 'Violences basées sur le genre', shortEn: 'Gender-based violence' },
  FOOD_SECURITY: { fr: 'Sécurité alimentaire', en: 'Food security' },
  SHELTER_NFI: { fr: 'Abris et articles non alimentaires', en: 'Shelter and non-food items' },
} as const;
type Cluster = keyof typeof CLUSTERS;
const CLUSTER_CODES = Object.keys(CLUSTERS) as Cluster[];
const AGES = ['CHILDREN', 'ADULTS'] as const;

export const IN_NEED = 'HUM_PEOPLE_IN_NEED';
export const TARGETED = 'HUM_PEOPLE_TARGETED';
export const REACHED = 'HUM_PEOPLE_REACHED';
export const HRP_PLAN = 'HUM_HRP_PLAN';
export const REACH_MONTHLY = 'HUM_REACHED_MONTHLY';

/** The people of one cluster: every age group and sex. */
const ofCluster = (element: string, cluster: Cluster) => sum(AGES.flatMap((age) => SEXES.map((sex) => operand(element, `${cluster}_${age}_${sex}`))));

const people = (code: string, name: { fr: string; en: string }, shortName: { fr: string; en: string }, description: { fr: string; en: string }) =>
  dataElement({ code, name, shortName, description, categoryCombo: 'HUM_CLUSTER_AGE_SEX' });

const reachRate = (cluster: Cluster) =>
  indicator({
    code: `HUM_REACH_${cluster}`,
    name: { fr: `Personnes atteintes pour 100 ciblées — ${CLUSTERS[cluster].fr}`, en: `People reached per 100 targeted — ${CLUSTERS[cluster].en}` },
    shortName: { fr: `Atteints/ciblés ${cluster}`, en: `Reached/targeted ${cluster}` },
    description: {
      fr: 'Personnes atteintes dans l’année ÷ personnes ciblées par le plan de réponse × 100, pour l’année (la cible est annuelle).',
      en: 'People reached in the year ÷ people targeted by the response plan × 100, for the year (the target is annual).',
    },
    indicatorType: 'PERCENT',
    numerator: { expression: ofCluster(REACHED, cluster), description: { fr: 'Personnes atteintes', en: 'People reached' } },
    denominator: { expression: ofCluster(TARGETED, cluster), description: { fr: 'Personnes ciblées', en: 'People targeted' } },
  });

const targetedRule = (cluster: Cluster) =>
  validationRule({
    code: `HUM_VR_TARGETED_LE_IN_NEED_${cluster}`,
    name: { fr: `${CLUSTERS[cluster].fr} : ciblés ≤ dans le besoin`, en: `${CLUSTERS[cluster].en}: targeted ≤ in need` },
    instruction: { fr: 'Le plan cible une partie des personnes dans le besoin.', en: 'The plan targets part of the people in need.' },
    importance: 'HIGH',
    operator: 'less_than_or_equal_to',
    periodType: 'Yearly',
    left: { expression: ofCluster(TARGETED, cluster), description: { fr: 'Personnes ciblées', en: 'People targeted' } },
    right: { expression: ofCluster(IN_NEED, cluster), description: { fr: 'Personnes dans le besoin', en: 'People in need' } },
  });

export const humanitarian: ProgrammePackage = {
  id: 'humanitarian',
  name: { fr: 'Réponse humanitaire', en: 'Humanitarian response' },
  version: '1.0.0',
  modelledOn: {
    fr: 'Personnes dans le besoin, ciblées et atteintes par cluster, enfants et adultes, sexe : statuts de population de HDX HAPI et attributs HXL ; clusters de la réponse au Mali.',
    en: 'People in need, targeted and reached by cluster, children and adults, sex: HDX HAPI population statuses and HXL attributes; clusters of the Mali response.',
  },
  sources: [
    'Cluster structure of the Mali response, 2013 CAP (mali-facts.md §7.2)',
    'HDX HAPI humanitarian needs (population_status in need, targeted, reached); HXL hashtags #inneed, #targeted, #reached with +children, +f, +m (mali-facts.md §7.3)',
  ],
  metadata: {
    categoryOptions: [
      ...CLUSTER_CODES.map((code) => {
        const cluster: { fr: string; en: string; shortFr?: string; shortEn?: string } = CLUSTERS[code];
        return categoryOption(code, cluster, { fr: cluster.shortFr ?? cluster.fr, en: cluster.shortEn ?? cluster.en });
      }),
      categoryOption('CHILDREN', { fr: 'Enfants (moins de 18 ans)', en: 'Children (under 18)' }),
      categoryOption('ADULTS', { fr: 'Adultes (18 ans et plus)', en: 'Adults (18 and over)' }),
    ],
    categories: [
      category('HUM_CLUSTER', { fr: 'Cluster', en: 'Cluster' }, CLUSTER_CODES),
      category('HUM_AGE', { fr: 'Enfants ou adultes', en: 'Children or adults' }, AGES),
    ],
    categoryCombos: [categoryCombo('HUM_CLUSTER_AGE_SEX', { fr: 'Cluster, enfants ou adultes, sexe', en: 'Cluster, children or adults, sex' }, ['HUM_CLUSTER', 'HUM_AGE', 'SEX'])],
    dataElements: [
      people(IN_NEED, { fr: 'Personnes dans le besoin', en: 'People in need' }, { fr: 'Humanitaire dans le besoin', en: 'Humanitarian in need' }, {
        fr: 'Selon le plan de réponse humanitaire de l’année (HXL #inneed). Les clusters se recouvrent : ne pas additionner les clusters.',
        en: 'As in the year’s humanitarian response plan (HXL #inneed). Clusters overlap: do not add clusters up.',
      }),
      people(TARGETED, { fr: 'Personnes ciblées', en: 'People targeted' }, { fr: 'Humanitaire ciblés', en: 'Humanitarian targeted' }, {
        fr: 'Selon le plan de réponse humanitaire de l’année (HXL #targeted).',
        en: 'As in the year’s humanitarian response plan (HXL #targeted).',
      }),
      people(REACHED, { fr: 'Personnes atteintes pour la première fois dans l’année', en: 'People reached for the first time in the year' }, { fr: 'Humanitaire atteints', en: 'Humanitarian reached' }, {
        fr: 'Chaque personne comptée le mois où elle est atteinte pour la première fois dans l’année par le cluster (HXL #reached), pour que les mois s’additionnent.',
        en: 'Each person counted in the month the cluster first reaches them in the year (HXL #reached), so that months add up.',
      }),
    ],
    dataSets: [
      dataSet({
        code: HRP_PLAN,
        name: { fr: 'Plan de réponse humanitaire — besoins et cibles', en: 'Humanitarian response plan — needs and targets' },
        shortName: { fr: 'PRH besoins et cibles', en: 'HRP needs and targets' },
        periodType: 'Yearly',
        sections: [{ code: 'PLAN', name: { fr: 'Plan', en: 'Plan' }, dataElements: [IN_NEED, TARGETED] }],
      }),
      dataSet({
        code: REACH_MONTHLY,
        name: { fr: 'Réponse humanitaire — personnes atteintes', en: 'Humanitarian response — people reached' },
        shortName: { fr: 'Humanitaire atteints mensuel', en: 'Humanitarian reached monthly' },
        periodType: 'Monthly',
        sections: [{ code: 'REACHED', name: { fr: 'Personnes atteintes', en: 'People reached' }, dataElements: [REACHED] }],
      }),
    ],
    indicators: CLUSTER_CODES.map(reachRate),
    validationRules: CLUSTER_CODES.map(targetedRule),
  },
  // The plan prioritises cercles (97 of 159 in 2026, mali-facts.md §7.1); HXL #adm2.
  dataSetAssignments: [
    { dataSet: HRP_PLAN, orgUnitLevel: 3 },
    { dataSet: REACH_MONTHLY, orgUnitLevel: 3 },
  ],
  dashboards: [
    {
      code: 'HUM_OVERVIEW',
      title: { fr: 'Réponse humanitaire : besoins, cibles et personnes atteintes', en: 'Humanitarian response: needs, targets and people reached' },
      items: [
        {
          code: 'REACH_BY_CLUSTER',
          title: { fr: 'Personnes atteintes pour 100 ciblées, par cluster', en: 'People reached per 100 targeted, by cluster' },
          type: 'column',
          dx: CLUSTER_CODES.map((cluster) => `HUM_REACH_${cluster}`),
          pe: ['LAST_YEAR'],
          ou: ['USER_ORGUNIT'],
        },
        {
          code: 'CHILDREN_IN_NEED',
          title: { fr: 'Enfants dans le besoin (protection de l’enfant), par région', en: 'Children in need (child protection), by region' },
          type: 'table',
          dx: [`${IN_NEED}.CHILD_PROTECTION_CHILDREN_F`, `${IN_NEED}.CHILD_PROTECTION_CHILDREN_M`, `${REACHED}.CHILD_PROTECTION_CHILDREN_F`, `${REACHED}.CHILD_PROTECTION_CHILDREN_M`],
          pe: ['LAST_YEAR'],
          ou: ['LEVEL-2'],
        },
        {
          code: 'NUTRITION_REACH_MAP',
          title: { fr: 'Nutrition : personnes atteintes pour 100 ciblées, par cercle', en: 'Nutrition: people reached per 100 targeted, by cercle' },
          type: 'map',
          dx: ['HUM_REACH_NUTRITION'],
          pe: ['LAST_YEAR'],
          ou: ['LEVEL-3'],
        },
      ],
    },
  ],
};
