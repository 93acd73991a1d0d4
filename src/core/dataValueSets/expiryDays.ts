// Expiry days of a data set (DHIS2 DataSet.expiryDays): how many days after the end of a period
// data may still be entered for it; 0 means never (DataSet.NO_EXPIRY).
//
// dhis2-core 2.42, DataSet.isLocked(user, period, now):
//   expiryDays != NO_EXPIRY && !Period.isDateInTimeFrame(null, period.endDate + expiryDays days, now)
// and Period.isDateInTimeFrame compares whole days, both ends inclusive ("!sample.isAfter(to)").
// So the last day entry is allowed is endDate + expiryDays, and the day after is the first refused:
// January 2024 (ends 31 January) with 10 expiry days is open until 10 February, refused from
// 11 February. A user with the F_EDIT_EXPIRED authority is never refused (isLocked returns
// false first); in Denw that is the superuser (server/access/policy.ts mayEditExpired).
import { formatDay, parseDay } from '../periods/calendar.ts';

/** The last day (`YYYY-MM-DD`) data may be entered for a period ending on `endDate`; null when it never expires. */
export function lastEntryDay(endDate: string, expiryDays: number): string | null {
  return expiryDays > 0 ? formatDay(parseDay(endDate) + expiryDays) : null;
}

/** The last entry day when `today` (`YYYY-MM-DD`) is after it (DHIS2's E7640: the period is locked); null while entry is open. */
export function expiredSince(endDate: string, expiryDays: number, today: string): string | null {
  const last = lastEntryDay(endDate, expiryDays);
  return last !== null && today > last ? last : null;
}
