// Periods as forms offer them: a readable name in the interface language, and the periods a
// data set is open for, as DHIS2's data entry lists them (built on core/periods, the same
// period arithmetic the server checks imports with).
import type { Language } from '../../core/i18n.ts';
import { translate } from '../../core/i18n.ts';
import { parsePeriod, periodOf, shiftPeriod, type Period } from '../../core/periods/periods.ts';
import type { PeriodTypeName } from '../../core/periods/periodTypes.ts';

const locales: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };
const utc = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

function format(language: Language, options: Intl.DateTimeFormatOptions, isoDate: string): string {
  return new Intl.DateTimeFormat(locales[language], { ...options, timeZone: 'UTC' }).format(utc(isoDate));
}

/**
 * The name people read for a period: `janvier 2024`, `Semaine 5 de 2024 (29 janv. – 4 févr.)`,
 * `avril 2024 – mars 2025`, `2024`, `15 janv. 2024`. Unparseable identifiers are shown as given.
 */
export function periodLabel(id: string, language: Language): string {
  let period: Period;
  try {
    period = parsePeriod(id);
  } catch {
    return id;
  }
  const day = (isoDate: string) => format(language, { day: 'numeric', month: 'short' }, isoDate);
  switch (period.type) {
    case 'Daily':
      return format(language, { dateStyle: 'medium' }, period.startDate);
    case 'Monthly':
      return format(language, { month: 'long', year: 'numeric' }, period.startDate);
    case 'Yearly':
      return period.id;
    default:
      break;
  }
  const week = /W(\d+)$/.exec(period.id);
  if (week) {
    const key = period.type === 'BiWeekly' ? 'web.periodLabel.biWeek' : 'web.periodLabel.week';
    const year = /^\d{4}/.exec(period.id)![0];
    return `${translate(key, language, { number: Number(week[1]), year })} (${day(period.startDate)} – ${day(period.endDate)})`;
  }
  // Month-based spans (two months to a financial year): first month – last month, year once
  // when both lie in the same year.
  const sameYear = period.startDate.slice(0, 4) === period.endDate.slice(0, 4);
  const first = format(language, sameYear ? { month: 'long' } : { month: 'long', year: 'numeric' }, period.startDate);
  return `${first} – ${format(language, { month: 'long', year: 'numeric' }, period.endDate)}`;
}

/**
 * The last period a data set accepts today (DHIS2 DataSet.openFuturePeriods): with none open,
 * the current period is still running and closed to entry, so the latest is the previous one;
 * the server refuses later periods the same way (core/dataValueSets/checkDataValue.ts, E7641).
 */
export function latestOpenPeriod(type: PeriodTypeName, today: string, openFuturePeriods: number): Period {
  return shiftPeriod(periodOf(type, today), openFuturePeriods - 1);
}

/**
 * The periods a picker lists around `selected`: `before` earlier ones, and later ones up to
 * `after` or the latest open period, latest first (DHIS2's data entry lists newest first).
 */
export function periodWindow(selected: Period, latest: Period, before = 12, after = 12): Period[] {
  const periods: Period[] = [];
  for (let offset = after; offset >= -before; offset -= 1) {
    const period = shiftPeriod(selected, offset);
    if (period.startDate <= latest.startDate) periods.push(period);
  }
  return periods;
}
