// The doses of Mali's routine immunization schedule that the monthly EPI report counts, one
// data element per vaccine and dose. Ages and introductions from the WHO WIISE schedule data
// for Mali (2023 rows, and the 2025 version with MR, HPV and R21) and the national
// announcements compiled in mali-facts.md §2.1–2.2. Vaccine codes are the ones of issue 4
// (BCG, OPV 0–3, PENTA 1–3, PCV 1–3, ROTA 1–3, IPV 1–2, MR 1–2, YF, MENA, HPV, MALARIA 1–5).
import type { Bilingual } from '../../core/programmePackage.ts';

/** Doses by age group and sex; age groups as in the DHIS2 immunisation package (<1 year, ≥1 year). */
export const EPI_AGE_SEX = 'EPI_AGE_SEX';
export const UNDER_1 = '0-11M';
export const AGED_12_23M = '12-23M';

export type DoseCombo = typeof EPI_AGE_SEX | 'SEX' | 'default';

export interface ScheduledDose {
  vaccine: string;
  /** Absent for a single-dose vaccine. */
  dose?: number;
  /** Short label as on the Mali EPI forms, French and English. */
  label: Bilingual;
  /** Recommended age, as the schedule states it. */
  age: Bilingual;
  combo: DoseCombo;
}

const BIRTH = { fr: 'à la naissance', en: 'at birth' };
const W6 = { fr: '6 semaines', en: '6 weeks' };
const W10 = { fr: '10 semaines', en: '10 weeks' };
const W14 = { fr: '14 semaines', en: '14 weeks' };
const M9 = { fr: '9 mois', en: '9 months' };

function series(vaccine: string, fr: string, en: string, ages: Bilingual[], combo: DoseCombo = EPI_AGE_SEX, firstDose = 1): ScheduledDose[] {
  return ages.map((age, index) => {
    const dose = firstDose + index;
    return { vaccine, dose, label: { fr: `${fr} ${dose}`, en: `${en} ${dose}` }, age, combo };
  });
}

export const SCHEDULED_DOSES: readonly ScheduledDose[] = [
  { vaccine: 'BCG', label: { fr: 'BCG', en: 'BCG' }, age: BIRTH, combo: EPI_AGE_SEX },
  // OPV0 is the birth dose: only the sex disaggregation applies.
  ...series('OPV', 'VPO', 'OPV', [BIRTH], 'SEX', 0),
  ...series('OPV', 'VPO', 'OPV', [W6, W10, W14]),
  ...series('PENTA', 'Penta', 'Penta', [W6, W10, W14]),
  ...series('PCV', 'Pneumo (PCV13)', 'PCV13', [W6, W10, W14]),
  ...series('ROTA', 'Rota', 'Rota', [W6, W10, W14]),
  // IPV1 at 14 weeks; IPV2 at 9 months appears in 2021 (WUENIC IPV2 series).
  ...series('IPV', 'VPI', 'IPV', [W14, M9]),
  // Measles–rubella replaced measles-only vaccine on 26 July 2024: MR1 at 9 months, MR2 at 15 months.
  ...series('MR', 'RR', 'MR', [M9, { fr: '15 mois', en: '15 months' }]),
  { vaccine: 'YF', label: { fr: 'VAA (fièvre jaune)', en: 'Yellow fever' }, age: M9, combo: EPI_AGE_SEX },
  { vaccine: 'MENA', label: { fr: 'MenAfriVac', en: 'MenAfriVac' }, age: M9, combo: EPI_AGE_SEX },
  // HPV from 1 November 2024: girls aged 10, one dose; girls only, so no sex disaggregation.
  { vaccine: 'HPV', label: { fr: 'VPH', en: 'HPV' }, age: { fr: 'filles de 10 ans', en: 'girls aged 10' }, combo: 'default' },
  // R21 from 25 April 2025 in 19 districts, age 5–36 months at launch: doses 1–3 monthly from
  // 5 months, doses 4 and 5 seasonal (May/June), dose 5 one year after dose 4.
  ...series(
    'MALARIA',
    'Antipaludique R21',
    'Malaria R21',
    [
      { fr: '5 mois', en: '5 months' },
      { fr: '6 mois', en: '6 months' },
      { fr: '7 mois', en: '7 months' },
      { fr: 'saisonnière (mai-juin)', en: 'seasonal (May–June)' },
      { fr: 'saisonnière, un an après la dose 4', en: 'seasonal, one year after dose 4' },
    ],
    'SEX',
  ),
];

/** The data element counting doses given of `vaccine` (dose `dose`): EPI_PENTA3, EPI_BCG … */
export const dosesDataElement = (vaccine: string, dose?: number) => `EPI_${vaccine}${dose ?? ''}`;
