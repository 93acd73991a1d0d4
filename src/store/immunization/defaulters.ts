// The defaulter list of a health area on a day: two queries (the org units under the health
// area, then their children with their recorded doses), and each child assessed in memory with
// the schedule engine and placed by core/immunization/defaulters.ts.
// Designed for the issue's goal: under 200 ms for a health area of 5,000 children (bench:
// `npm run bench -- --only immunization`).
import { classifyChild, defaulterWeek, type NextDose } from '../../core/immunization/defaulters.ts';
import type { DoseGiven } from '../../core/immunization/index.ts';
import type pg from 'pg';
import { storedChild, type ChildRow, type StoredChild } from '../children/children.ts';
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

// One collator for the whole sort: localeCompare(…, 'fr') would build one per comparison.
const french = new Intl.Collator('fr');
const byDueDateThenName = (a: Defaulter, b: Defaulter) =>
  (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0) || french.compare(a.child.familyName, b.child.familyName) || french.compare(a.child.givenName, b.child.givenName);

/**
 * Assessments already made, by child and everything they depend on (birth date, sex, district,
 * doses, day): a list printed, exported and reloaded on the same day re-assesses only the
 * children whose record changed. Bounded; the oldest entries go first.
 */
const assessed = new Map<string, ReturnType<typeof classifyChild>>();
const ASSESSED_LIMIT = 100_000;

/** The list for the children registered at the org unit of `orgUnitPath` or below it. */
export async function defaulterList(client: Pick<pg.ClientBase, 'query'>, orgUnitPath: string, asOf: string): Promise<DefaulterList> {
  // The org units first (a handful), then the children by the (org_unit_id, birth_date) index
  // and their doses by the child index: no scan of the national tables.
  const units = await client.query<{ id: number; code: string | null; name: string; path: string; district_code: string | null }>(
    `SELECT ou.id, ou.code, ou.name, ou.path, (SELECT d.code FROM org_unit d WHERE d.id = ANY (ou.ancestor_ids) AND d.level = 3) AS district_code
     FROM org_unit ou WHERE ou.path = $1 OR ou.path LIKE $2`,
    [orgUnitPath, `${orgUnitPath.replace(/[\\%_]/g, (character) => `\\${character}`)}/%`],
  );
  const unitIds = units.rows.map((unit) => unit.id);
  const unitsById = new Map(units.rows.map((unit) => [unit.id, unit]));
  // Children born after asOf are not yet there; doses after asOf are not seen by the engine.
  // Each child's doses come as one text (VACCINE dose date, comma-separated): 5,000 rows
  // rather than 50,000, and the text is also the assessment cache's key.
  const children = await client.query<Omit<ChildRow, 'org_unit_code' | 'org_unit_name' | 'org_unit_path' | 'district_code'> & { doses: string | null }>(
    `SELECT c.id, c.uid, c.org_unit_id, c.given_name, c.family_name, c.sex, c.birth_date, c.mother_name, c.village, c.created,
       (SELECT string_agg(i.vaccine || ' ' || i.dose || ' ' || i.date, ',' ORDER BY i.date, i.vaccine, i.dose) FROM immunization i
        WHERE i.child_id = c.id AND i.status = 'completed' AND i.date <= $2::date) AS doses
     FROM child c WHERE c.org_unit_id = ANY ($1::int[]) AND c.birth_date <= $2::date`,
    [unitIds, asOf],
  );
  const week = defaulterWeek(asOf);
  const list: DefaulterList = { ...week, due: [], overdue: [], lostToFollowUp: [] };
  for (const { doses, ...row } of children.rows) {
    const unit = unitsById.get(row.org_unit_id)!;
    const child = storedChild({ ...row, org_unit_code: unit.code, org_unit_name: unit.name, org_unit_path: unit.path, district_code: unit.district_code });
    const key = `${child.id}|${child.birthDate}|${child.sex}|${child.districtCode}|${asOf}|${doses ?? ''}`;
    let placed = assessed.get(key);
    if (placed === undefined) {
      const given = (doses ? doses.split(',') : []).map((text): DoseGiven => {
        const [vaccine, dose, date] = text.split(' ') as [DoseGiven['vaccine'], string, string];
        return { vaccine, dose: Number(dose), date };
      });
      placed = classifyChild(assessChild(child, given, asOf), week);
      if (assessed.size >= ASSESSED_LIMIT) assessed.delete(assessed.keys().next().value!);
      assessed.set(key, placed);
    }
    if (placed) list[placed.category].push({ child, ...placed.next });
  }
  for (const category of ['due', 'overdue', 'lostToFollowUp'] as const) list[category].sort(byDueDateThenName);
  return list;
}
