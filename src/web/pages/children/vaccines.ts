// Vaccine and dose labels as the Mali EPI forms write them, from the immunization package
// (one list for the monthly report, the registry and the vaccination card). The schedule
// engine numbers single-dose vaccines (BCG, YF, MenA, HPV) as dose 1, the package leaves
// their dose out.
import type { Language } from '../../../core/i18n.ts';
import { SCHEDULED_DOSES } from '../../../programmes/immunization/schedule.ts';

export interface DoseChoice {
  vaccine: string;
  dose: number;
  label: string;
}

export function doseLabel(vaccine: string, dose: number, language: Language): string {
  const scheduled = SCHEDULED_DOSES.find((item) => item.vaccine === vaccine && (item.dose ?? 1) === dose);
  return scheduled ? scheduled.label[language] : `${vaccine} ${dose}`;
}

export const doseChoices = (language: Language): DoseChoice[] =>
  SCHEDULED_DOSES.map((item) => ({ vaccine: item.vaccine, dose: item.dose ?? 1, label: item.label[language] }));
