// Mali's declarative org-unit metadata: levels, the attributes each unit carries, and the
// org-unit groups that are not read from a data file. Shapes as in a DHIS2 metadata export;
// names in French (the reference language) with an English translation.
import { COD2021_PREFIX, type OrganisationUnitGroup, type OrganisationUnitGroupSet } from '../../core/geography/orgUnitGroups.ts';
import { ISO3166_2, NAME_ASCII } from '../../core/geography/maliOrgUnits.ts';
import type { Translation } from '../../core/geography/orgUnitTree.ts';

/**
 * DHIS2 requires an opening date, and data values dated before it are refused. The creation
 * dates of Mali's regions and cercles are not in the shipped sources, so a conventional early
 * date is used that admits every historical series (RGPH 1998 onwards); it is not a fact.
 */
export const OPENING_DATE_UNKNOWN = '1900-01-01';

/** Last year of the population projection (the 2025–2029 country programme, plus one). */
export const LAST_POPULATION_YEAR = 2030;

const en = (name: string, shortName = name): Translation[] => [
  { property: 'NAME', locale: 'en', value: name },
  { property: 'SHORT_NAME', locale: 'en', value: shortName },
];

export interface OrganisationUnitLevel {
  code: string;
  name: string;
  level: number;
  translations: Translation[];
}

export const organisationUnitLevels: OrganisationUnitLevel[] = [
  { code: 'COUNTRY', level: 1, name: 'Pays', translations: en('Country') },
  { code: 'REGION', level: 2, name: 'Région', translations: en('Region') },
  { code: 'CERCLE', level: 3, name: 'Cercle', translations: en('Cercle') },
  // The first-level health facility (CSCom) serves an "aire de santé" (health area).
  { code: 'HEALTH_AREA', level: 4, name: 'Aire de santé', translations: en('Health area') },
];

export interface Attribute {
  code: string;
  name: string;
  shortName: string;
  valueType: 'TEXT';
  organisationUnitAttribute: true;
  unique: boolean;
  mandatory: boolean;
  translations: Translation[];
}

export const attributes: Attribute[] = [
  {
    code: NAME_ASCII,
    name: 'Nom sans accents',
    shortName: 'Nom ASCII',
    valueType: 'TEXT',
    organisationUnitAttribute: true,
    unique: false,
    mandatory: false,
    // Kept for joins with ASCII data (DHS, geoBoundaries, OCHA): data/mali/README.md.
    translations: en('Name without accents', 'ASCII name'),
  },
  {
    code: ISO3166_2,
    name: 'Code ISO 3166-2',
    shortName: 'ISO 3166-2',
    valueType: 'TEXT',
    organisationUnitAttribute: true,
    unique: true,
    mandatory: false,
    translations: en('ISO 3166-2 code', 'ISO 3166-2'),
  },
];

interface DeclaredGroup {
  code: string;
  name: string;
  shortName: string;
  nameEn: string;
  shortNameEn: string;
  description: string;
  descriptionEn: string;
  members: string[];
}

const PYRAMID_SOURCE = 'data/mali/mli_health_system_facts.csv, « Operational tiers »';
const HEALTH_PYRAMID_SOURCE = `${PYRAMID_SOURCE} (texte de planification du Ministère de la Santé citant le SNIS 2018)`;
const HEALTH_PYRAMID_SOURCE_EN = `${PYRAMID_SOURCE} (Ministry of Health planning text citing SNIS 2018)`;

const declaredGroups: DeclaredGroup[] = [
  {
    code: 'INSECURITY_AFFECTED',
    name: "Régions touchées par l'insécurité (écoles fermées fin 2019)",
    shortName: 'Insécurité : écoles fermées fin 2019',
    nameEn: 'Regions affected by insecurity (schools closed, end 2019)',
    shortNameEn: 'Insecurity: schools closed end 2019',
    description: "Régions où des écoles étaient fermées pour cause d'insécurité fin 2019 : Ménaka 41 %, Kidal 33 %, Mopti 30 %, Tombouctou 21 %, Gao 18 % des écoles (1 113 écoles fermées). Ménaka est un cercle de Gao (ML07) dans l'arbre par défaut. Source : bamada.net / malijet, fin 2019, compilé dans les notes de référence du projet (mali-facts.md, § 4.2) ; source secondaire, à vérifier auprès du Cluster Éducation.",
    descriptionEn: 'Regions with schools closed by insecurity at the end of 2019: Ménaka 41%, Kidal 33%, Mopti 30%, Tombouctou 21%, Gao 18% of schools (1,113 schools closed). Ménaka is a cercle of Gao (ML07) in the default tree. Source: bamada.net / malijet, end 2019, compiled in the project reference notes (mali-facts.md, section 4.2); secondary source, to be checked with the Education Cluster.',
    members: ['ML05', 'ML06', 'ML07', 'ML08'],
  },
  {
    code: 'CSCOM',
    name: 'Centre de santé communautaire (CSCom)',
    shortName: 'CSCom',
    nameEn: 'Community health centre (CSCom)',
    shortNameEn: 'CSCom',
    description: `Premier niveau (PMA), géré par une ASACO. Source : ${HEALTH_PYRAMID_SOURCE}.`,
    descriptionEn: `First level (minimum package), run by an ASACO. Source: ${HEALTH_PYRAMID_SOURCE_EN}.`,
    members: [],
  },
  {
    code: 'CSREF',
    name: 'Centre de santé de référence (CSRéf)',
    shortName: 'CSRéf',
    nameEn: 'Referral health centre (CSRéf)',
    shortNameEn: 'CSRéf',
    description: `District sanitaire, première référence. Source : ${HEALTH_PYRAMID_SOURCE}.`,
    descriptionEn: `Health district, first referral. Source: ${HEALTH_PYRAMID_SOURCE_EN}.`,
    members: [],
  },
  {
    code: 'EPH_REGIONAL',
    name: 'Hôpital régional (EPH, deuxième référence)',
    shortName: 'Hôpital régional',
    nameEn: 'Regional hospital (EPH, second referral)',
    shortNameEn: 'Regional hospital',
    description: `Établissement public hospitalier régional. Source : ${HEALTH_PYRAMID_SOURCE}.`,
    descriptionEn: `Regional public hospital. Source: ${HEALTH_PYRAMID_SOURCE_EN}.`,
    members: [],
  },
  {
    code: 'NATIONAL_HOSPITAL',
    name: 'Hôpital national ou universitaire (troisième référence)',
    shortName: 'Hôpital national',
    nameEn: 'National or university hospital (third referral)',
    shortNameEn: 'National hospital',
    description: `Troisième référence. Source : ${HEALTH_PYRAMID_SOURCE}.`,
    descriptionEn: `Third referral. Source: ${HEALTH_PYRAMID_SOURCE_EN}.`,
    members: [],
  },
];

/** Groups declared here; the facility-type groups are filled when facilities are created. */
export const organisationUnitGroups: OrganisationUnitGroup[] = declaredGroups.map((group) => ({
  code: group.code,
  name: group.name,
  shortName: group.shortName,
  description: group.description,
  translations: [...en(group.nameEn, group.shortNameEn), { property: 'DESCRIPTION', locale: 'en', value: group.descriptionEn }],
  organisationUnits: group.members.map((code) => ({ code })),
}));

/** The group sets; `cod2021Groups` are the codes of the COD-AB 2021 region groups. */
export function organisationUnitGroupSets(cod2021Groups: readonly string[]): OrganisationUnitGroupSet[] {
  return [
    {
      code: 'COD2021_REGIONS',
      name: 'Régions COD-AB 2021 (10 régions)',
      shortName: 'Régions COD-AB 2021',
      description: 'Découpage OCHA COD-AB 2021 à 10 régions (Ménaka séparée de Gao), chaque cercle dans sa région.',
      compulsory: false,
      dataDimension: true,
      includeSubhierarchyInAnalytics: true,
      translations: [
        ...en('COD-AB 2021 regions (10 regions)', 'COD-AB 2021 regions'),
        { property: 'DESCRIPTION', locale: 'en', value: 'OCHA COD-AB 2021 layout with 10 regions (Ménaka separated from Gao), each cercle in its region.' },
      ],
      organisationUnitGroups: cod2021Groups.filter((code) => code.startsWith(COD2021_PREFIX)).map((code) => ({ code })),
    },
    {
      code: 'HEALTH_FACILITY_TYPE',
      name: 'Type de formation sanitaire',
      shortName: 'Type de formation sanitaire',
      description: `Pyramide sanitaire : CSCom → CSRéf → hôpital régional → hôpital national. Source : ${HEALTH_PYRAMID_SOURCE}.`,
      compulsory: false,
      dataDimension: true,
      includeSubhierarchyInAnalytics: false,
      translations: [
        ...en('Health facility type'),
        { property: 'DESCRIPTION', locale: 'en', value: `Health pyramid: CSCom → CSRéf → regional hospital → national hospital. Source: ${HEALTH_PYRAMID_SOURCE_EN}.` },
      ],
      organisationUnitGroups: ['CSCOM', 'CSREF', 'EPH_REGIONAL', 'NATIONAL_HOSPITAL'].map((code) => ({ code })),
    },
  ];
}
