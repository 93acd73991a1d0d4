// Display names of periods in analytics metadata, in French or English, shaped like DHIS2's
// (dhis2-core I18nFormat.formatPeriod): "January 2024", "January - March 2024", "2024",
// and the first and last day for the other period types.
import type { Language } from '../i18n.ts';
import { parseDay, civilFromDays } from '../periods/calendar.ts';
import type { Period } from '../periods/periods.ts';

const MONTHS: Record<Language, readonly string[]> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

export function periodName(period: Period, language: Language): string {
  const start = civilFromDays(parseDay(period.startDate));
  const end = civilFromDays(parseDay(period.endDate));
  const month = (m: number) => MONTHS[language][m - 1]!;
  switch (period.type) {
    case 'Yearly':
      return String(start.year);
    case 'Monthly':
      return `${month(start.month)} ${start.year}`;
    case 'BiMonthly':
    case 'Quarterly':
    case 'QuarterlyNov':
    case 'SixMonthly':
    case 'SixMonthlyApril':
    case 'SixMonthlyNov':
      return start.year === end.year
        ? `${month(start.month)} - ${month(end.month)} ${end.year}`
        : `${month(start.month)} ${start.year} - ${month(end.month)} ${end.year}`;
    case 'Daily':
      return period.startDate;
    default:
      return `${period.id} ${period.startDate} - ${period.endDate}`;
  }
}
