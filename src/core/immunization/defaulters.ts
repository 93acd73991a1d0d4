// The defaulter list of a health area (issue 4): for each child, from its schedule assessment
// on a day, whether it is due this week, overdue, or lost to follow-up, with the next dose to
// give and the date it became due. Pure: the store assesses each child with assessSchedule
// and passes the assessments here.
//
// Definitions:
// - The week is the ISO week containing `asOf`, Monday to Sunday (the week the vaccinator plans).
// - DUE this week: the child's most urgent dose is due (status 'due': due and not yet 4 weeks
//   late) or becomes due by Sunday.
// - OVERDUE (a defaulter): a dose is overdue — 4 weeks past its due date (issue 4; the
//   schedule's `overdueAfter`). WHO calls "defaulters" the children who started the schedule and
//   did not come back for the next dose (WHO/IVB/04.06 Immunization in practice, Module 6, §1.4
//   "The defaulter tracking list"), listed from the register each month for tracing.
// - LOST TO FOLLOW-UP: overdue for 3 months or more (the oldest overdue date is at least three
//   months before `asOf`). DECISION: no WHO or Gavi document consulted gives a number; three
//   months is three monthly tracing rounds (the rhythm WHO Module 6 and the HEAT immunization
//   module 10.5 recommend: "trace defaulters regularly every month") without the child coming
//   back. Such children leave the weekly tracing list for community search.
// A dose that was given too early (status 'invalid') and must be repeated is treated by its
// repeat dates like any other dose to give.
import { formatDay, isoWeekday, parseDay } from '../periods/calendar.ts';
import { addAge, type Age } from './ages.ts';
import type { DoseAssessment } from './schedule.ts';

export const LOST_TO_FOLLOW_UP_AFTER: Age = { months: 3 };

export type DefaulterCategory = 'due' | 'overdue' | 'lostToFollowUp';

export interface NextDose {
  vaccine: DoseAssessment['vaccine'];
  dose: number;
  dueDate: string;
  overdueDate: string;
}

export interface DefaulterWeek {
  asOf: string;
  /** Monday of the ISO week containing asOf. */
  weekStart: string;
  /** Sunday of that week. */
  weekEnd: string;
}

/** The ISO week (Monday–Sunday) containing `asOf`. */
export function defaulterWeek(asOf: string): DefaulterWeek {
  const day = parseDay(asOf);
  const monday = day - isoWeekday(day) + 1;
  return { asOf, weekStart: formatDay(monday), weekEnd: formatDay(monday + 6) };
}

/** Doses still to give with their dates: not given, not too late, eligible. */
function toGive(assessments: readonly DoseAssessment[]): NextDose[] {
  return assessments
    .filter((a) => (a.status === 'due' || a.status === 'overdue' || a.status === 'not_due' || a.status === 'invalid') && a.dueDate !== null && a.overdueDate !== null)
    .map((a) => ({ vaccine: a.vaccine, dose: a.dose, dueDate: a.dueDate!, overdueDate: a.overdueDate! }));
}

const byDueDate = (a: NextDose, b: NextDose) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0);

/**
 * Where a child stands on the defaulter list of the week, with its most urgent dose (the
 * earliest due date; the schedule's order between doses due the same day), or null when it has
 * nothing to receive by the end of the week.
 */
export function classifyChild(assessments: readonly DoseAssessment[], week: DefaulterWeek): { category: DefaulterCategory; next: NextDose } | null {
  const doses = toGive(assessments);
  const overdue = doses.filter((dose) => dose.overdueDate <= week.asOf);
  if (overdue.length > 0) {
    const next = [...overdue].sort(byDueDate)[0]!;
    const lostSince = formatDay(addAge(parseDay(next.overdueDate), LOST_TO_FOLLOW_UP_AFTER));
    return { category: lostSince <= week.asOf ? 'lostToFollowUp' : 'overdue', next };
  }
  const due = doses.filter((dose) => dose.dueDate <= week.weekEnd);
  if (due.length === 0) return null;
  return { category: 'due', next: [...due].sort(byDueDate)[0]! };
}
