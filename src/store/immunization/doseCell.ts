// The cell of the EPI monthly report (src/programmes/immunization) that a dose recorded in the
// registry counts in: data element EPI_<VACCINE><DOSE> (EPI_BCG for a single-dose vaccine),
// the month of the dose, and the category option combo of the element's disaggregation —
// age group at the dose date × sex (EPI_AGE_SEX: 0-11M_F … 12-23M_M), sex alone (OPV0 and the
// malaria vaccine) or none (HPV, girls only).
import { addMonths, parseDay } from '../../core/periods/calendar.ts';
import { periodOf } from '../../core/periods/periods.ts';
import { AGED_12_23M, dosesDataElement, EPI_AGE_SEX, SCHEDULED_DOSES, UNDER_1 } from '../../programmes/immunization/schedule.ts';
import { EPI_MONTHLY } from '../../programmes/immunization/index.ts';

export const immunizationDataSet = EPI_MONTHLY;

export interface DoseCell {
  dataElement: string;
  period: string;
  categoryOptionCombo: string;
}

/**
 * Completed months of age on `date` for a child born on `birthDate` (both YYYY-MM-DD): the
 * largest n such that birth + n calendar months is not after `date`, months added as the
 * schedule engine adds them (calendar.ts addMonths: born 31 January, one month old on the last
 * day of February), so that "12 months" means the same day for the report as for the schedule.
 */
export function completedMonths(birthDate: string, date: string): number {
  const birth = parseDay(birthDate);
  const day = parseDay(date);
  const months = (Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4))) * 12 + Number(date.slice(5, 7)) - Number(birthDate.slice(5, 7));
  return addMonths(birth, months) > day ? months - 1 : months;
}

const combos = new Map(SCHEDULED_DOSES.map((scheduled) => [dosesDataElement(scheduled.vaccine, scheduled.dose), scheduled.combo]));

/**
 * The report cell of a valid dose, or null when the monthly report has no cell for it: a dose
 * the report does not count (not in the schedule), or an infant dose (age × sex) given at 24
 * months or later — the report counts children's doses under 2 years only (age groups 0–11
 * and 12–23 months, as the DHIS2 immunisation package's <1 year / ≥1 year).
 */
export function doseCell(dose: { vaccine: string; dose: number; date: string }, child: { birthDate: string; sex: 'F' | 'M' }): DoseCell | null {
  // Single-dose vaccines are dose 1 in the registry (schedule engine contract) and have one
  // data element without a number (EPI_BCG, EPI_YF, EPI_MENA, EPI_HPV).
  const single = dosesDataElement(dose.vaccine);
  const dataElement = dose.dose === 1 && combos.has(single) ? single : dosesDataElement(dose.vaccine, dose.dose);
  const combo = combos.get(dataElement);
  if (combo === undefined) return null;
  const period = periodOf('Monthly', dose.date).id;
  if (combo === 'default') return { dataElement, period, categoryOptionCombo: 'default' };
  if (combo === 'SEX') return { dataElement, period, categoryOptionCombo: child.sex };
  const months = completedMonths(child.birthDate, dose.date);
  if (combo !== EPI_AGE_SEX || months < 0 || months >= 24) return null;
  return { dataElement, period, categoryOptionCombo: `${months < 12 ? UNDER_1 : AGED_12_23M}_${child.sex}` };
}
