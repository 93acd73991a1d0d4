// Dates on the child's record: ISO 'YYYY-MM-DD' strings as the API sends them.

/** Whole months and remaining days between two ISO dates, as the card shows an age. */
export function ageInMonthsAndDays(birthDate: string, onDate: string): { months: number; days: number } {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  const today = Date.UTC(y, m - 1, d);
  // The monthly anniversary falls on the last day of a shorter month (born 31 January: one
  // month old on 28 February), as calendars and date libraries count months.
  const anniversary = (months: number) => Date.UTC(by, bm - 1 + months, Math.min(bd, new Date(Date.UTC(by, bm + months, 0)).getUTCDate()));
  let months = (y - by) * 12 + (m - bm);
  while (months > 0 && anniversary(months) > today) months -= 1;
  return { months, days: Math.round((today - anniversary(months)) / 86_400_000) };
}

/** Today in UTC, the default date of a dose or a measurement (the API's dates carry no time zone). */
export const todayIso = () => new Date().toISOString().slice(0, 10);
