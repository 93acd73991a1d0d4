// Mali's routine immunization schedule as data (issue 4): the schedule engine
// (src/core/immunization) assesses a child against it, and the EPI package builds one data
// element per dose from it (SCHEDULED_DOSES below is derived from it, not a second list).
//
// Ages and introductions: WHO WIISE schedule data for Mali (2023 rows, and the 2025 version with
// MR, HPV and R21) and the national announcements compiled in mali-facts.md §2.1–2.2. Minimum
// ages, minimum intervals and maximum ages: WHO "Recommendations for routine immunization –
// summary tables" (Table 2, routine immunization of children; Table 3, interrupted or delayed
// vaccination; March 2023 update) and the WHO position papers named at each dose; the choices
// where no source fixes a value are marked DECISION and listed in src/core/immunization/README.md.
// Vaccine codes are the ones of issue 4 (BCG, OPV 0–3, PENTA 1–3, PCV 1–3, ROTA 1–3, IPV 1–2,
// MR 1–2, YF, MENA, HPV, MALARIA 1–5); single-dose vaccines use dose 1.
import { type Age, type ImmunizationSchedule, plusAge, type ScheduleDose } from '../../core/immunization/index.ts';
import type { Bilingual } from '../../core/programmePackage.ts';

/** Doses by age group and sex; age groups as in the DHIS2 immunisation package (<1 year, ≥1 year). */
export const EPI_AGE_SEX = 'EPI_AGE_SEX';
export const UNDER_1 = '0-11M';
export const AGED_12_23M = '12-23M';

export type DoseCombo = typeof EPI_AGE_SEX | 'SEX' | 'default';

/** A dose of Mali's schedule: the engine's rules plus what the EPI report shows of it. */
export interface MaliScheduleDose extends ScheduleDose {
  /** Short label as on the Mali EPI forms, French and English. */
  label: Bilingual;
  /** Recommended age, as the schedule states it. */
  age: Bilingual;
  /** Disaggregation of the monthly report's data element. */
  combo: DoseCombo;
  /** A single-dose vaccine: its data element has no dose number (EPI_BCG, not EPI_BCG1). */
  singleDose?: true;
}

const BIRTH = { fr: 'à la naissance', en: 'at birth' };
const W6 = { fr: '6 semaines', en: '6 weeks' };
const W10 = { fr: '10 semaines', en: '10 weeks' };
const W14 = { fr: '14 semaines', en: '14 weeks' };
const M9 = { fr: '9 mois', en: '9 months' };

const FOUR_WEEKS: Age = { weeks: 4 };
/**
 * Catch-up of the infant series until the 5th birthday. DECISION: WHO Table 3 gives doses "for
 * those who start vaccination late" after 12 months for these antigens without an upper age, except
 * Hib ("> 5 yrs not recommended if healthy", so Penta) and PCV (not recommended for healthy
 * children over 5 years, WHO PCV position paper 2019); the routine registry follows under-fives.
 */
const FIVE_YEARS: Age = { years: 5 };

/**
 * The primary series at 6, 10 and 14 weeks: first dose from 6 weeks (minimum), then at least
 * 4 weeks apart (WHO Table 2 for DTP-containing vaccine, Hib, PCV 3p+0, rotavirus and bOPV;
 * mali-facts.md §2.1). Minimum ages of doses 2 and 3 follow: 10 and 14 weeks.
 */
function primarySeries(vaccine: 'OPV' | 'PENTA' | 'PCV' | 'ROTA', fr: string, en: string, maximumAge: Age): MaliScheduleDose[] {
  return [W6, W10, W14].map((age, index) => {
    const weeks = 6 + 4 * index;
    const dose = index + 1;
    return {
      vaccine,
      dose,
      label: { fr: `${fr} ${dose}`, en: `${en} ${dose}` },
      age,
      combo: EPI_AGE_SEX,
      recommendedAge: { weeks },
      minimumAge: { weeks },
      maximumAge,
      ...(index > 0 ? { minimumInterval: FOUR_WEEKS } : {}),
    };
  });
}

/**
 * Cercles (data/mali codes) of the districts that introduced the R21 malaria vaccine on
 * 25 April 2025. PARTIAL: mali-facts.md §2.2 gives "19 priority districts in Kayes, Koulikoro,
 * Mopti, Ségou and Sikasso" (WHO AFRO, 25 Apr 2025) but not their names; the only one named is
 * Kalaban-Coro, where the vaccine was launched, a health district of the Kati cercle (ML0204).
 * Health districts (75) are finer than cercles (50): a cercle here stands for its districts.
 * Complete this list from the Ministry's introduction plan when it is at hand.
 */
export const R21_INTRODUCING_CERCLES: readonly string[] = ['ML0204'];

const R21_FROM = '2025-04-25';
const R21_DISTRICTS = { districts: R21_INTRODUCING_CERCLES, validFrom: R21_FROM, targetAgeAtIntroduction: { months: 36 } } as const;
/** Doses 4 and 5 seasonal, in May–June before the high-transmission season (mali-facts.md §2.2). */
const MAY_JUNE = { fromMonth: 5, toMonth: 6 };
/** DECISION: minimum 6 months between dose 3 and the seasonal dose 4, and between doses 4 and 5 (no published minimum found). */
const SIX_MONTHS: Age = { months: 6 };
const R21_DOSE4_MINIMUM_AGE = plusAge({ months: 5 }, { weeks: 8, months: 6 });

const MR_FROM = '2024-07-26';

export const maliImmunizationSchedule: ImmunizationSchedule<MaliScheduleDose> = {
  overdueAfter: FOUR_WEEKS,
  // CDC General Best Practice Guidelines ("Timing and spacing of immunobiologics"): a dose given
  // too early is repeated once the minimum interval has passed since the invalid dose; 4 weeks is
  // the minimum interval of every series here (and between live vaccines).
  repeatAfterInvalid: FOUR_WEEKS,
  doses: [
    // BCG at birth; WHO Table 3: one dose also for unvaccinated children over 12 months (BCG
    // position paper 2018); catch-up until 5 years as for the other antigens (DECISION).
    { vaccine: 'BCG', dose: 1, singleDose: true, label: { fr: 'BCG', en: 'BCG' }, age: BIRTH, combo: EPI_AGE_SEX, recommendedAge: {}, minimumAge: {}, maximumAge: FIVE_YEARS },
    // OPV0 is the birth dose, outside the 3-dose primary series (so OPV1 has no interval after it):
    // given "at birth or as soon as possible after birth" (WHO polio position paper 2016); too late
    // from day 14 (DECISION: the usual EPI cut-off, not found in a Mali document). Only the sex
    // disaggregation applies.
    { vaccine: 'OPV', dose: 0, label: { fr: 'VPO 0', en: 'OPV 0' }, age: BIRTH, combo: 'SEX', recommendedAge: {}, minimumAge: {}, maximumAge: { weeks: 2 } },
    ...primarySeries('OPV', 'VPO', 'OPV', FIVE_YEARS),
    ...primarySeries('PENTA', 'Penta', 'Penta', FIVE_YEARS),
    ...primarySeries('PCV', 'Pneumo (PCV13)', 'PCV13', FIVE_YEARS),
    // Rotavirus: not recommended after 24 months (WHO rotavirus position paper 2021).
    ...primarySeries('ROTA', 'Rota', 'Rota', { months: 24 }),
    // IPV1 at 14 weeks, IPV2 at 9 months (WIISE; IPV2 from 2021). WHO Table 3 (2023), bOPV + IPV:
    // IPV from 14 weeks preferred, from 6 weeks as the early option (the minimum age); 2 IPV doses
    // at least 8 weeks apart.
    { vaccine: 'IPV', dose: 1, label: { fr: 'VPI 1', en: 'IPV 1' }, age: W14, combo: EPI_AGE_SEX, recommendedAge: { weeks: 14 }, minimumAge: { weeks: 6 }, maximumAge: FIVE_YEARS },
    {
      vaccine: 'IPV', dose: 2, label: { fr: 'VPI 2', en: 'IPV 2' }, age: M9, combo: EPI_AGE_SEX,
      recommendedAge: { months: 9 }, minimumAge: { weeks: 14 }, minimumInterval: { weeks: 8 }, maximumAge: FIVE_YEARS,
    },
    // Measles–rubella replaced measles-only vaccine on 26 July 2024: MR1 at 9 months, MR2 at 15
    // months, "9–11 months and 15–23 months" (mali-facts.md §2.2): at the introduction MR1 targets
    // children under 12 months and MR2 children under 24 months. WHO measles position paper 2017:
    // MCV1 at 9 months where transmission is high (a dose before 9 months does not count),
    // MCV2 at least 4 weeks after MCV1.
    {
      vaccine: 'MR', dose: 1, label: { fr: 'RR 1', en: 'MR 1' }, age: M9, combo: EPI_AGE_SEX,
      recommendedAge: { months: 9 }, minimumAge: { months: 9 }, maximumAge: FIVE_YEARS, validFrom: MR_FROM, targetAgeAtIntroduction: { months: 12 },
    },
    {
      vaccine: 'MR', dose: 2, label: { fr: 'RR 2', en: 'MR 2' }, age: { fr: '15 mois', en: '15 months' }, combo: EPI_AGE_SEX,
      recommendedAge: { months: 15 }, minimumAge: { months: 9, weeks: 4 }, minimumInterval: FOUR_WEEKS, maximumAge: FIVE_YEARS,
      validFrom: MR_FROM, targetAgeAtIntroduction: { months: 24 },
    },
    // Yellow fever at 9 months (WIISE; WHO yellow fever position paper 2013: routine at 9–12 months).
    { vaccine: 'YF', dose: 1, singleDose: true, label: { fr: 'VAA (fièvre jaune)', en: 'Yellow fever' }, age: M9, combo: EPI_AGE_SEX, recommendedAge: { months: 9 }, minimumAge: { months: 9 }, maximumAge: FIVE_YEARS },
    // MenAfriVac at 9 months (WIISE; WHO Table 2: MenA conjugate, one dose at 9–18 months).
    { vaccine: 'MENA', dose: 1, singleDose: true, label: { fr: 'MenAfriVac', en: 'MenAfriVac' }, age: M9, combo: EPI_AGE_SEX, recommendedAge: { months: 9 }, minimumAge: { months: 9 }, maximumAge: FIVE_YEARS },
    // HPV from 1 November 2024: girls aged 10, one dose (mali-facts.md §2.2); girls aged 10 on that
    // day are targeted (younger than 11). WHO HPV position paper 2022: single dose for girls 9–14
    // years (minimum age 9, too late from the 15th birthday). Girls only: no sex disaggregation.
    {
      vaccine: 'HPV', dose: 1, singleDose: true, label: { fr: 'VPH', en: 'HPV' }, age: { fr: 'filles de 10 ans', en: 'girls aged 10' }, combo: 'default',
      recommendedAge: { years: 10 }, minimumAge: { years: 9 }, maximumAge: { years: 15 }, sex: 'F', validFrom: '2024-11-01', targetAgeAtIntroduction: { years: 11 },
    },
    // R21 from 25 April 2025 in the introducing districts, children aged 5–36 months at launch
    // (under 36 months, DECISION on the bound): doses 1–3 monthly from 5 months (4 weeks minimum
    // apart), doses 4 and 5 seasonal (May–June), dose 5 one year after dose 4 (mali-facts §2.2;
    // WHO malaria vaccine position paper 2024: from about 5 months). Maximum age 5 years (DECISION).
    {
      vaccine: 'MALARIA', dose: 1, label: { fr: 'Antipaludique R21 1', en: 'Malaria R21 1' }, age: { fr: '5 mois', en: '5 months' }, combo: 'SEX',
      recommendedAge: { months: 5 }, minimumAge: { months: 5 }, maximumAge: FIVE_YEARS, ...R21_DISTRICTS,
    },
    {
      vaccine: 'MALARIA', dose: 2, label: { fr: 'Antipaludique R21 2', en: 'Malaria R21 2' }, age: { fr: '6 mois', en: '6 months' }, combo: 'SEX',
      recommendedAge: { months: 6 }, minimumAge: { months: 5, weeks: 4 }, minimumInterval: FOUR_WEEKS, maximumAge: FIVE_YEARS, ...R21_DISTRICTS,
    },
    {
      vaccine: 'MALARIA', dose: 3, label: { fr: 'Antipaludique R21 3', en: 'Malaria R21 3' }, age: { fr: '7 mois', en: '7 months' }, combo: 'SEX',
      recommendedAge: { months: 7 }, minimumAge: { months: 5, weeks: 8 }, minimumInterval: FOUR_WEEKS, maximumAge: FIVE_YEARS, ...R21_DISTRICTS,
    },
    {
      vaccine: 'MALARIA', dose: 4, label: { fr: 'Antipaludique R21 4', en: 'Malaria R21 4' }, age: { fr: 'saisonnière (mai-juin)', en: 'seasonal (May–June)' }, combo: 'SEX',
      recommendedAge: R21_DOSE4_MINIMUM_AGE, minimumAge: R21_DOSE4_MINIMUM_AGE, minimumInterval: SIX_MONTHS, season: MAY_JUNE, maximumAge: FIVE_YEARS, ...R21_DISTRICTS,
    },
    {
      vaccine: 'MALARIA', dose: 5, label: { fr: 'Antipaludique R21 5', en: 'Malaria R21 5' }, age: { fr: 'saisonnière, un an après la dose 4', en: 'seasonal, one year after dose 4' }, combo: 'SEX',
      recommendedAge: plusAge(R21_DOSE4_MINIMUM_AGE, SIX_MONTHS), minimumAge: plusAge(R21_DOSE4_MINIMUM_AGE, SIX_MONTHS),
      minimumInterval: SIX_MONTHS, recommendedInterval: { years: 1 }, season: MAY_JUNE, maximumAge: FIVE_YEARS, ...R21_DISTRICTS,
    },
  ],
};

/** A dose counted by the monthly EPI report: one data element each (derived from the schedule). */
export interface ScheduledDose {
  vaccine: string;
  /** Absent for a single-dose vaccine. */
  dose?: number;
  label: Bilingual;
  age: Bilingual;
  combo: DoseCombo;
}

export const SCHEDULED_DOSES: readonly ScheduledDose[] = maliImmunizationSchedule.doses.map((dose) => ({
  vaccine: dose.vaccine,
  ...(dose.singleDose ? {} : { dose: dose.dose }),
  label: dose.label,
  age: dose.age,
  combo: dose.combo,
}));

/** The data element counting doses given of `vaccine` (dose `dose`): EPI_PENTA3, EPI_BCG … */
export const dosesDataElement = (vaccine: string, dose?: number) => `EPI_${vaccine}${dose ?? ''}`;
