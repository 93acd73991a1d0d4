// The defaulter list of a health area on a day: two queries (the children registered at the
// org unit or below it, then all their recorded doses, in child order), and each child
// assessed in memory with the schedule engine and placed by core/immunization/defaulters.ts.
// Designed for the issue's goal: under 200 ms for a health area of 5,000 children (bench:
// `npm run bench -- --only immunization`).
import { classifyChild, defaulterWeek, type NextDose } from '../../core/immunization/defaulters.ts';
import type { DoseGiven } from '../../core/immunization/index.ts';
import type pg from 'pg';
import { childColumns, childFrom, storedChild, type ChildRow, type StoredChild } from '../children/children.ts';
import { assessChild } from './immunizations.ts';

export interface Defaulter extends NextDose {
  child: StoredChild;
}

export interface DefaulterList {
  asOf: string;
  weekStart: string;
  weekEnd: string;
  due: Defaulter[];
  overdue: Defaulter[];
  lostToFollowUp: Defaulter[];
}

const byDueDateThenName = (a: Defaulter, b: Defaulter) =>
  a.dueDate.localeCompare(b.dueDate) || a.child.familyName.localeCompare(b.child.familyName, 'fr') || a.child.givenName.localeCompare(b.child.givenName, 'fr');

/** The list for the children registered at the org unit of `orgUnitPath` or below it. */
export async function defaulterList(client: Pick<pg.ClientBase, 'query'>, orgUnitPath: string, asOf: string): Promise<DefaulterList> {
  const underPath = `(ou.path = $1 OR ou.path LIKE $2)`;
  const pathParameters = [orgUnitPath, `${orgUnitPath.replace(/[\\%_]/g, (character) => `\\${character}`)}/%`];
  // Children born after asOf are not yet there; doses after asOf are not seen by the engine.
  const children = await client.query<ChildRow>(`SELECT ${childColumns} FROM ${childFrom} WHERE ${underPath} AND c.birth_date <= $3::date ORDER BY c.id`, [
    ...pathParameters,
    asOf,
  ]);
  const doses = await client.query<{ child_id: number; vaccine: DoseGiven['vaccine']; dose: number; date: string }>(
    `SELECT i.child_id, i.vaccine, i.dose, i.date FROM immunization i
     WHERE i.status = 'completed' AND i.child_id IN (SELECT c.id FROM ${childFrom} WHERE ${underPath})
     ORDER BY i.child_id`,
    pathParameters,
  );
  const dosesByChild = new Map<number, DoseGiven[]>();
  for (const row of doses.rows) {
    const list = dosesByChild.get(row.child_id);
    const given = { vaccine: row.vaccine, dose: row.dose, date: row.date };
    if (list) list.push(given);
    else dosesByChild.set(row.child_id, [given]);
  }
  const week = defaulterWeek(asOf);
  const list: DefaulterList = { ...week, due: [], overdue: [], lostToFollowUp: [] };
  for (const row of children.rows) {
    const child = storedChild(row);
    const placed = classifyChild(assessChild(child, dosesByChild.get(child.id) ?? [], asOf), week);
    if (placed) list[placed.category].push({ child, ...placed.next });
  }
  for (const category of ['due', 'overdue', 'lostToFollowUp'] as const) list[category].sort(byDueDateThenName);
  return list;
}
