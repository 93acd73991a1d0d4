// The vision, the five goals and the results under them. The goals are UNICEF Mali's own, as
// published on its website (https://www.unicef.org/mali/en/what-we-do, paraphrased there and
// here); the four Key Results for Children are those UNICEF Mali chose among the eight of the
// West and Central Africa region (https://www.unicef.org/mali/en/4-key-results-children).
// mali-country-programme.md A.2 and B.1. The country programme's own outcome statements
// (E/ICEF/2020/P/L.3, results and resources framework) were not found, so none is used.
import type { Bilingual, Goal, Result, ResultKind } from '../../core/programmePackage.ts';
import { ref, translated } from '../builders.ts';

/** What the public page opens with. Not a quotation: composed from the goals and the life-cycle framing of the same page. */
export const introduction = {
  vision: {
    fr: 'Que chaque enfant au Mali, d’avant sa naissance à l’adolescence, survive et s’épanouisse, apprenne, soit protégé de la violence et de l’exploitation, vive dans un environnement sûr et propre, et ait une chance équitable dans la vie.',
    en: 'That every child in Mali, from before birth to adolescence, survives and thrives, learns, is protected from violence and exploitation, lives in a safe and clean environment, and has an equitable chance in life.',
  },
  lifeCycle: {
    fr: 'Les cinq objectifs couvrent tout le cycle de vie de l’enfant, d’avant la naissance à l’adolescence. L’UNICEF agit en amont (appui aux politiques et assistance technique au Gouvernement) et en aval (programmes et services pour les enfants les plus vulnérables), en appui au CREDD 2019–2023 et avec les autres agences des Nations Unies dans le cadre de l’UNSDCF 2020–2024.',
    en: 'The five goals cover the child’s whole life cycle, from before birth to adolescence. UNICEF works upstream (policy support and technical assistance to the Government) and downstream (programmes and services for the most vulnerable children), supporting the CREDD 2019–2023 and working with the other UN agencies under the UNSDCF 2020–2024.',
  },
  programme: {
    fr: 'Programme de pays 2020–2024 (E/ICEF/2020/P/L.3, mars 2020 – décembre 2024). Son cadre de résultats et de ressources n’a pas pu être lu : aucune de ses cibles n’est chargée ; les cibles affichées sont humanitaires et le disent.',
    en: 'Country programme 2020–2024 (E/ICEF/2020/P/L.3, March 2020 – December 2024). Its results and resources framework could not be read: none of its targets is loaded; the targets shown are humanitarian ones and say so.',
  },
  source: 'https://www.unicef.org/mali/en/what-we-do; E/ICEF/2020/P/L.3 cover page — mali-country-programme.md A.1, A.2',
} as const satisfies Record<string, Bilingual | string>;

const goal = (code: string, sortOrder: number, name: Bilingual, description: Bilingual): Goal => ({
  code,
  name: name.fr,
  description: description.fr,
  translations: translated({ NAME: name.en, DESCRIPTION: description.en }),
  sortOrder,
});

export const SURVIVE = 'GOAL_SURVIVE_THRIVE';
export const LEARN = 'GOAL_LEARN';
export const PROTECTED = 'GOAL_PROTECTED';
export const ENVIRONMENT = 'GOAL_SAFE_CLEAN_ENVIRONMENT';
export const EQUITY = 'GOAL_EQUITABLE_CHANCE';

export const goals: Goal[] = [
  goal(
    SURVIVE,
    1,
    { fr: 'Chaque enfant survit et s’épanouit', en: 'Every child survives and thrives' },
    {
      fr: 'Une bonne santé et le bien-être pour tous les enfants et adolescents, afin qu’ils réalisent leur potentiel : vaccination, nutrition, santé.',
      en: 'Good health and wellbeing for all children and adolescents, so that they reach their potential: immunization, nutrition, health.',
    },
  ),
  goal(
    LEARN,
    2,
    { fr: 'Chaque enfant apprend', en: 'Every child learns' },
    { fr: 'Une éducation précoce, de qualité et inclusive pour chaque fille et chaque garçon.', en: 'Early, good-quality, inclusive education for every girl and boy.' },
  ),
  goal(
    PROTECTED,
    3,
    { fr: 'Chaque enfant est protégé contre la violence et l’exploitation', en: 'Every child is protected from violence and exploitation' },
    {
      fr: 'De meilleures politiques et de meilleurs services de protection de l’enfant, pour un pays sûr pour tous les enfants : enregistrement des naissances, prévention du mariage d’enfants.',
      en: 'Better child-protection policies and services, for a country safe for all children: birth registration, prevention of child marriage.',
    },
  ),
  goal(
    ENVIRONMENT,
    4,
    { fr: 'Chaque enfant vit dans un environnement sûr et propre', en: 'Every child lives in a safe and clean environment' },
    { fr: 'L’accès à l’eau potable, à l’assainissement et à l’hygiène.', en: 'Access to clean water, sanitation and hygiene.' },
  ),
  goal(
    EQUITY,
    5,
    { fr: 'Chaque enfant a une chance équitable dans la vie', en: 'Every child has an equitable chance in life' },
    {
      fr: 'Davantage d’investissement dans les enfants grâce à des politiques saines et à une protection sociale inclusive.',
      en: 'More investment in children through sound policies and inclusive social protection.',
    },
  ),
];

const result = (code: string, goalCode: string, kind: ResultKind, sortOrder: number, name: Bilingual): Result => ({
  code,
  name: name.fr,
  translations: translated({ NAME: name.en }),
  goal: ref(goalCode),
  kind,
  sortOrder,
});

export const KRC_IMMUNIZATION = 'KRC_IMMUNIZATION';
export const KRC_NUTRITION = 'KRC_NUTRITION';
export const KRC_LEARNING = 'KRC_LEARNING';
export const KRC_CHILD_MARRIAGE = 'KRC_CHILD_MARRIAGE';
export const HUMANITARIAN_HEALTH = 'RESULT_HUMANITARIAN_HEALTH_NUTRITION';
export const SCHOOL_ACCESS = 'RESULT_SCHOOL_ACCESS';
export const BIRTH_REGISTRATION = 'RESULT_BIRTH_REGISTRATION';
export const COMMUNITY_COMMITMENT = 'RESULT_COMMUNITY_COMMITMENT';
export const PROTECTION_RESPONSE = 'RESULT_PROTECTION_RESPONSE';
export const SANITATION_WATER = 'RESULT_SANITATION_WATER';
export const WASH_RESPONSE = 'RESULT_WASH_RESPONSE';
export const CHILD_POVERTY = 'RESULT_CHILD_POVERTY';
export const SOCIAL_PROTECTION = 'RESULT_SOCIAL_PROTECTION';

export const results: Result[] = [
  result(KRC_IMMUNIZATION, SURVIVE, 'KRC', 1, { fr: 'Augmenter la couverture vaccinale (Immunisation Plus)', en: 'Increasing immunization coverage (Immunization Plus)' }),
  result(KRC_NUTRITION, SURVIVE, 'KRC', 2, { fr: 'Prévenir la malnutrition', en: 'Preventing malnutrition' }),
  result(HUMANITARIAN_HEALTH, SURVIVE, 'OUTPUT', 3, { fr: 'Réponse humanitaire : traitement et vaccination des enfants', en: 'Humanitarian response: treating and vaccinating children' }),
  result(KRC_LEARNING, LEARN, 'KRC', 1, { fr: 'Améliorer les acquis scolaires', en: 'Improving learning outcomes' }),
  result(SCHOOL_ACCESS, LEARN, 'OUTCOME', 2, { fr: 'Accès équitable à l’école, malgré l’insécurité', en: 'Equitable access to school, despite insecurity' }),
  result(KRC_CHILD_MARRIAGE, PROTECTED, 'KRC', 1, { fr: 'Prévenir le mariage d’enfants', en: 'Preventing child marriage' }),
  result(COMMUNITY_COMMITMENT, PROTECTED, 'OUTPUT', 2, { fr: 'Communautés engagées contre le mariage d’enfants', en: 'Communities committed against child marriage' }),
  result(BIRTH_REGISTRATION, PROTECTED, 'OUTCOME', 3, { fr: 'Chaque naissance enregistrée', en: 'Every birth registered' }),
  result(PROTECTION_RESPONSE, PROTECTED, 'OUTPUT', 4, { fr: 'Réponse humanitaire : protection des enfants', en: 'Humanitarian response: protecting children' }),
  result(SANITATION_WATER, ENVIRONMENT, 'OUTCOME', 1, { fr: 'Eau potable et assainissement pour tous', en: 'Safe water and sanitation for all' }),
  result(WASH_RESPONSE, ENVIRONMENT, 'OUTPUT', 2, { fr: 'Réponse humanitaire : eau, hygiène et assainissement', en: 'Humanitarian response: water, sanitation and hygiene' }),
  result(CHILD_POVERTY, EQUITY, 'OUTCOME', 1, { fr: 'Réduire la pauvreté et les privations des enfants', en: 'Reducing child poverty and deprivation' }),
  result(SOCIAL_PROTECTION, EQUITY, 'OUTCOME', 2, { fr: 'Une protection sociale inclusive', en: 'Inclusive social protection' }),
];
