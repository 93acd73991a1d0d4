// A safe and clean environment (goal 4): community-led total sanitation as Mali runs it (ATPC,
// Assainissement Total Piloté par la Communauté: triggering, certification of villages "FDAL",
// fin de la défécation à l'air libre, and post-certification follow-up), and the emergency WASH
// response (hygiene kits, safe water) that UNICEF reports in its humanitarian situation reports.
//
// Modelled on: the ATPC process of the DNACPN implementation guide and UNICEF Mali's "Guide
// pratique ATPC" (2011), whose stages and progress counts (villages certified FDAL, people,
// latrines with handwashing devices) are in mali-facts.md §6.2; the emergency outputs of the
// UNICEF Mali humanitarian situation reports and the 2022 appeal (mali-country-programme.md B.3).
import type { ProgrammePackage } from '../../core/programmePackage.ts';
import { dataElement, dataSet, indicator, operand } from '../builders.ts';

export const VILLAGES_TRIGGERED = 'WASH_VILLAGES_TRIGGERED';
export const VILLAGES_CERTIFIED = 'WASH_VILLAGES_CERTIFIED_FDAL';
export const VILLAGES_FOLLOWED_UP = 'WASH_VILLAGES_POST_FDAL_VISITED';
export const LATRINES_BUILT = 'WASH_LATRINES_BUILT';
export const PEOPLE_CERTIFIED_VILLAGES = 'WASH_PEOPLE_CERTIFIED_VILLAGES';
export const PEOPLE_HYGIENE_KITS = 'WASH_PEOPLE_EMERGENCY_KITS';
export const PEOPLE_SAFE_WATER = 'WASH_PEOPLE_EMERGENCY_WATER';
export const ATPC_QUARTERLY = 'WASH_ATPC_QUARTERLY';
export const EMERGENCY_MONTHLY = 'WASH_EMERGENCY_MONTHLY';

const NEW_IN_PERIOD = { fr: 'Nouveaux dans la période : la somme des périodes donne le total de l’année.', en: 'New in the period: periods add up to the year’s total.' };

export const wash: ProgrammePackage = {
  id: 'wash',
  name: { fr: 'Eau, hygiène et assainissement (EHA)', en: 'Water, sanitation and hygiene (WASH)' },
  version: '1.0.0',
  modelledOn: {
    fr: 'Étapes de l’ATPC au Mali (déclenchement, certification FDAL, suivi post-FDAL) selon le guide de la DNACPN et le guide pratique ATPC de l’UNICEF ; produits de la réponse d’urgence EHA des rapports de situation humanitaire de l’UNICEF Mali.',
    en: 'The stages of CLTS (ATPC) in Mali (triggering, ODF certification "FDAL", post-FDAL follow-up) as in the DNACPN guide and UNICEF’s ATPC practical guide; emergency WASH outputs of UNICEF Mali’s humanitarian situation reports.',
  },
  sources: [
    'Guide de mise en œuvre de l’ATPC au Mali (DNACPN); UNICEF Mali, Guide pratique ATPC (January 2011); Stratégie nationale post-certification ATPC (DNACPN, July 2014) (mali-facts.md §6.2)',
    'UNICEF Mali Humanitarian Situation Report No. 12, Jan–Dec 2021 (people given emergency WASH kits); HAC 2022 (people with safe water) (mali-country-programme.md B.3)',
  ],
  metadata: {
    dataElements: [
      dataElement({ code: VILLAGES_TRIGGERED, name: { fr: 'Villages déclenchés (ATPC)', en: 'Villages triggered (CLTS)' }, description: NEW_IN_PERIOD }),
      dataElement({
        code: VILLAGES_CERTIFIED,
        name: { fr: 'Villages certifiés FDAL (fin de la défécation à l’air libre)', en: 'Villages certified open-defecation free (FDAL)' },
        shortName: { fr: 'Villages certifiés FDAL', en: 'Villages certified ODF' },
        description: {
          fr: 'Villages dont le comité de certification (commune ou cercle) a vérifié que chaque ménage a une latrine avec dispositif de lave-mains et qu’il n’y a plus de défécation à l’air libre. Nouveaux dans la période.',
          en: 'Villages whose certification committee (commune or cercle) verified that every household has a latrine with a handwashing device and that open defecation has ended. New in the period.',
        },
      }),
      dataElement({
        code: VILLAGES_FOLLOWED_UP,
        name: { fr: 'Villages FDAL visités en suivi post-certification', en: 'ODF villages visited for post-certification follow-up' },
        shortName: { fr: 'Villages FDAL suivis', en: 'ODF villages followed up' },
      }),
      dataElement({
        code: LATRINES_BUILT,
        name: { fr: 'Latrines construites ou réhabilitées avec dispositif de lave-mains', en: 'Latrines built or rehabilitated with a handwashing device' },
        shortName: { fr: 'Latrines avec lave-mains', en: 'Latrines with handwashing device' },
        description: NEW_IN_PERIOD,
      }),
      dataElement({
        code: PEOPLE_CERTIFIED_VILLAGES,
        name: { fr: 'Population des villages certifiés FDAL dans la période', en: 'Population of the villages certified ODF in the period' },
        shortName: { fr: 'Population villages FDAL', en: 'Population ODF villages' },
      }),
      dataElement({
        code: PEOPLE_HYGIENE_KITS,
        name: { fr: 'Personnes ayant reçu un kit EHA d’urgence', en: 'People given an emergency WASH kit' },
        shortName: { fr: 'Personnes kits EHA d’urgence', en: 'People emergency WASH kits' },
        description: NEW_IN_PERIOD,
        categoryCombo: 'SEX',
      }),
      dataElement({
        code: PEOPLE_SAFE_WATER,
        name: { fr: 'Personnes nouvellement desservies en eau potable (réponse d’urgence)', en: 'People newly given safe water (emergency response)' },
        shortName: { fr: 'Personnes eau potable (urgence)', en: 'People safe water (emergency)' },
        description: NEW_IN_PERIOD,
        categoryCombo: 'SEX',
      }),
    ],
    dataSets: [
      dataSet({
        code: ATPC_QUARTERLY,
        name: { fr: 'ATPC — rapport trimestriel du cercle', en: 'CLTS (ATPC) — quarterly cercle report' },
        shortName: { fr: 'ATPC trimestriel', en: 'CLTS quarterly' },
        periodType: 'Quarterly',
        sections: [
          { code: 'VILLAGES', name: { fr: 'Villages', en: 'Villages' }, dataElements: [VILLAGES_TRIGGERED, VILLAGES_CERTIFIED, VILLAGES_FOLLOWED_UP, PEOPLE_CERTIFIED_VILLAGES] },
          { code: 'LATRINES', name: { fr: 'Latrines', en: 'Latrines' }, dataElements: [LATRINES_BUILT] },
        ],
      }),
      dataSet({
        code: EMERGENCY_MONTHLY,
        name: { fr: 'EHA d’urgence — rapport mensuel', en: 'Emergency WASH — monthly report' },
        shortName: { fr: 'EHA d’urgence mensuel', en: 'Emergency WASH monthly' },
        periodType: 'Monthly',
        sections: [{ code: 'PEOPLE', name: { fr: 'Personnes atteintes', en: 'People reached' }, dataElements: [PEOPLE_HYGIENE_KITS, PEOPLE_SAFE_WATER] }],
      }),
    ],
    indicators: [
      indicator({
        code: 'WASH_FDAL_CERTIFICATION_RATE',
        name: { fr: 'Villages certifiés FDAL pour 100 villages déclenchés', en: 'Villages certified ODF per 100 villages triggered' },
        shortName: { fr: 'Certification FDAL (%)', en: 'ODF certification (%)' },
        description: {
          fr: 'Villages certifiés FDAL ÷ villages déclenchés dans la même période × 100. La certification suit le déclenchement de plusieurs mois : lire sur l’année.',
          en: 'Villages certified ODF ÷ villages triggered in the same period × 100. Certification follows triggering by months: read it over a year.',
        },
        indicatorType: 'PERCENT',
        numerator: { expression: operand(VILLAGES_CERTIFIED), description: { fr: 'Villages certifiés FDAL', en: 'Villages certified ODF' } },
        denominator: { expression: operand(VILLAGES_TRIGGERED), description: { fr: 'Villages déclenchés', en: 'Villages triggered' } },
      }),
    ],
  },
  dataSetAssignments: [
    { dataSet: ATPC_QUARTERLY, orgUnitLevel: 3 },
    { dataSet: EMERGENCY_MONTHLY, orgUnitLevel: 3 },
  ],
  dashboards: [
    {
      code: 'WASH_OVERVIEW',
      title: { fr: 'EHA : ATPC et réponse d’urgence', en: 'WASH: CLTS and emergency response' },
      items: [
        {
          code: 'FDAL_BY_QUARTER',
          title: { fr: 'Villages déclenchés et certifiés FDAL, par trimestre', en: 'Villages triggered and certified ODF, by quarter' },
          type: 'column',
          dx: [VILLAGES_TRIGGERED, VILLAGES_CERTIFIED],
          pe: ['LAST_4_QUARTERS'],
          ou: ['USER_ORGUNIT'],
        },
        {
          code: 'FDAL_MAP',
          title: { fr: 'Villages certifiés FDAL par cercle, année écoulée', en: 'Villages certified ODF by cercle, last year' },
          type: 'map',
          dx: [VILLAGES_CERTIFIED],
          pe: ['LAST_YEAR'],
          ou: ['LEVEL-3'],
        },
        {
          code: 'EMERGENCY_BY_MONTH',
          title: { fr: 'Réponse d’urgence : personnes atteintes par mois', en: 'Emergency response: people reached by month' },
          type: 'column',
          dx: [PEOPLE_HYGIENE_KITS, PEOPLE_SAFE_WATER],
          pe: ['LAST_12_MONTHS'],
          ou: ['USER_ORGUNIT'],
        },
      ],
    },
  ],
};
