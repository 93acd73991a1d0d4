// Doses given to registered children (table immunization, migration 041): record one, mark one
// entered in error, list a child's. Each change runs in one transaction that also re-assesses
// the child's doses with the schedule engine and rolls the change up into the EPI monthly
// report (src/store/rollup), so the coverage figures and the analytics move with the record.
//
// What rolls up: a dose counts in the report cell of its vaccine, dose, month, age group at the
// dose date and sex (doseCell.ts), at the org unit where it was given, when it is VALID — given
// at or after the minimum age and interval (schedule engine, src/core/immunization). An invalid
// dose (too early) is recorded and shown on the card but counted nowhere, neither as a dose
// given nor toward coverage: the report's "doses administered" elements are the coverage
// numerator (WHO SMART Immunizations DAK IMMZ.IND.02), so counting an invalid dose there would
// count it toward coverage. Removing or adding a dose can change the validity of the child's
// later doses (Penta2 is valid only 4 weeks after a valid Penta1): the whole child is
// re-assessed and only the doses whose counting changed move.
import type pg from 'pg';
import { DenwError } from '../../core/errors.ts';
import { assessSchedule, type DoseAssessment, type DoseGiven, type VaccineCode } from '../../core/immunization/index.ts';
import { generateUid } from '../../core/metadata/uid.ts';
import { maliImmunizationSchedule } from '../../programmes/immunization/schedule.ts';
import type { Database } from '../database.ts';
import { applyRollup, type RollupDelta } from '../rollup/rollup.ts';
import { inTransaction } from '../transaction.ts';
import type { StoredChild } from '../children/children.ts';
import { doseCell, immunizationDataSet } from './doseCell.ts';

type Client = Pick<pg.ClientBase, 'query'>;

export type ImmunizationStatus = 'completed' | 'entered-in-error';

export interface Immunization {
  /** The record's UID (FHIR Immunization.id). */
  id: string;
  vaccine: VaccineCode;
  dose: number;
  date: string;
  lotNumber: string | null;
  orgUnit: { code: string | null; name: string };
  status: ImmunizationStatus;
  /** Whether the schedule engine found it valid (minimum age and interval). */
  valid: boolean;
  created: string;
}

export interface NewDose {
  vaccine: VaccineCode;
  dose: number;
  date: string;
  lotNumber?: string | null | undefined;
  /** Where it was given; the child's health area when absent. */
  orgUnitId?: number | undefined;
  uid?: string | undefined;
  status?: ImmunizationStatus | undefined;
  createdBy: string | null;
  source?: string | null | undefined;
}

interface DoseRow {
  id: number;
  uid: string;
  vaccine: VaccineCode;
  dose: number;
  date: string;
  lot_number: string | null;
  org_unit_id: number;
  org_unit_code: string | null;
  org_unit_name: string;
  status: ImmunizationStatus;
  valid: boolean;
  created: Date;
}

const doseColumns = `i.id, i.uid, i.vaccine, i.dose, i.date, i.lot_number, i.org_unit_id, ou.code AS org_unit_code, ou.name AS org_unit_name, i.status, i.valid, i.created`;

const toImmunization = (row: DoseRow): Immunization => ({
  id: row.uid,
  vaccine: row.vaccine,
  dose: row.dose,
  date: row.date,
  lotNumber: row.lot_number,
  orgUnit: { code: row.org_unit_code, name: row.org_unit_name },
  status: row.status,
  valid: row.valid,
  created: row.created.toISOString(),
});

async function doseRows(client: Client, childId: number): Promise<DoseRow[]> {
  const { rows } = await client.query<DoseRow>(
    `SELECT ${doseColumns} FROM immunization i JOIN org_unit ou ON ou.id = i.org_unit_id WHERE i.child_id = $1 ORDER BY i.date, i.vaccine, i.dose, i.id`,
    [childId],
  );
  return rows;
}

/** A child's doses, in the order they were given (entered-in-error ones included, marked so). */
export async function childImmunizations(client: Client, childId: number): Promise<Immunization[]> {
  return (await doseRows(client, childId)).map(toImmunization);
}

/** The child's recorded (completed) doses as the schedule engine takes them. */
export const dosesGiven = (doses: ReadonlyArray<{ vaccine: VaccineCode; dose: number; date: string; status: ImmunizationStatus }>): DoseGiven[] =>
  doses.filter((dose) => dose.status === 'completed').map(({ vaccine, dose, date }) => ({ vaccine, dose, date }));

/** The child's schedule on `asOf` (Mali's schedule; the district is the cercle above its health area). */
export function assessChild(child: Pick<StoredChild, 'birthDate' | 'sex' | 'districtCode'>, doses: readonly DoseGiven[], asOf: string): DoseAssessment[] {
  return assessSchedule(maliImmunizationSchedule, { birthDate: child.birthDate, sex: child.sex, ...(child.districtCode ? { districtCode: child.districtCode } : {}), doses }, asOf);
}

/** Validity of each completed dose: the engine's valid date of its vaccine and dose is its date. */
function validity(child: StoredChild, rows: readonly DoseRow[]): Map<number, boolean> {
  const completed = rows.filter((row) => row.status === 'completed');
  const valid = new Map<number, boolean>();
  if (completed.length === 0) return valid;
  // As of the last dose: every recorded dose is seen, and validity does not depend on today.
  const asOf = completed.reduce((latest, row) => (row.date > latest ? row.date : latest), completed[0]!.date);
  const validDates = new Map(
    assessChild(child, dosesGiven(completed), asOf)
      .filter((assessment) => assessment.status === 'given')
      .map((assessment) => [`${assessment.vaccine}:${assessment.dose}`, assessment.validDate]),
  );
  for (const row of completed) valid.set(row.id, validDates.get(`${row.vaccine}:${row.dose}`) === row.date);
  return valid;
}

function contribution(child: StoredChild, row: DoseRow, sign: number): RollupDelta[] {
  const cell = doseCell(row, child);
  return cell ? [{ ...cell, orgUnitId: row.org_unit_id, delta: sign }] : [];
}

/**
 * The child's row is locked before its doses change: two vaccinators recording doses of the
 * same child at once are serialised, so that each re-assessment sees the other's dose.
 */
export async function lockChild(client: Client, child: StoredChild): Promise<void> {
  await client.query('SELECT id FROM child WHERE id = $1 FOR UPDATE', [child.id]);
}

async function revalidate(client: Client, child: StoredChild, before: readonly DoseRow[], user: string | null): Promise<void> {
  const after = await doseRows(client, child.id);
  const valid = validity(child, after);
  const counted = (row: DoseRow, isValid: boolean) => row.status === 'completed' && isValid;
  const previous = new Map(before.map((row) => [row.id, counted(row, row.valid)]));
  const deltas: RollupDelta[] = [];
  const changedValidity: Array<[number, boolean]> = [];
  for (const row of after) {
    const isValid = valid.get(row.id) ?? row.valid;
    if (isValid !== row.valid) changedValidity.push([row.id, isValid]);
    const was = previous.get(row.id) ?? false;
    const now = counted(row, isValid);
    if (was !== now) deltas.push(...contribution(child, row, now ? 1 : -1));
  }
  if (changedValidity.length > 0) {
    await client.query('UPDATE immunization i SET valid = c.valid FROM unnest($1::int[], $2::bool[]) AS c(id, valid) WHERE i.id = c.id', [
      changedValidity.map(([id]) => id),
      changedValidity.map(([, isValid]) => isValid),
    ]);
  }
  await applyRollup(client, immunizationDataSet, deltas, user);
}

/** Inserts doses of one child without re-assessing (the caller does, once). Returns their UIDs. */
async function insertDoses(client: Client, child: StoredChild, doses: readonly NewDose[]): Promise<string[]> {
  const uids = doses.map((dose) => dose.uid ?? generateUid());
  await client.query(
    `INSERT INTO immunization (uid, child_id, vaccine, dose, date, lot_number, org_unit_id, status, created_by, source)
     SELECT d.uid, $1, d.vaccine, d.dose, d.date, d.lot_number, d.org_unit_id, d.status, d.created_by, d.source
     FROM unnest($2::text[], $3::text[], $4::int[], $5::date[], $6::text[], $7::int[], $8::text[], $9::text[], $10::text[])
       AS d(uid, vaccine, dose, date, lot_number, org_unit_id, status, created_by, source)
     ON CONFLICT DO NOTHING`,
    [
      child.id,
      uids,
      doses.map((dose) => dose.vaccine),
      doses.map((dose) => dose.dose),
      doses.map((dose) => dose.date),
      doses.map((dose) => dose.lotNumber ?? null),
      doses.map((dose) => dose.orgUnitId ?? child.orgUnitId),
      doses.map((dose) => dose.status ?? 'completed'),
      doses.map((dose) => dose.createdBy),
      doses.map((dose) => dose.source ?? null),
    ],
  );
  return uids;
}

/**
 * Records a dose and rolls it up. The same dose (child, vaccine, dose, date) recorded again is
 * the same record: the existing one is returned (a resent form does not count twice).
 */
export async function recordDose(database: Database, child: StoredChild, dose: NewDose): Promise<Immunization> {
  return inTransaction(database, async (client) => {
    await lockChild(client, child);
    await recordDoses(client, child, [dose], dose.createdBy);
    const { rows } = await client.query<DoseRow>(
      `SELECT ${doseColumns} FROM immunization i JOIN org_unit ou ON ou.id = i.org_unit_id
       WHERE i.child_id = $1 AND i.vaccine = $2 AND i.dose = $3 AND i.date = $4 AND i.status = 'completed'`,
      [child.id, dose.vaccine, dose.dose, dose.date],
    );
    return toImmunization(rows[0]!);
  });
}

/**
 * Records doses of one child inside the caller's transaction (after lockChild, or on a child
 * created in it), re-assessing and rolling up once. Returns the UIDs given to the doses.
 */
export async function recordDoses(client: Client, child: StoredChild, doses: readonly NewDose[], user: string | null): Promise<string[]> {
  const before = await doseRows(client, child.id);
  const uids = await insertDoses(client, child, doses);
  await revalidate(client, child, before, user);
  return uids;
}

/** Marks a dose entered-in-error (FHIR R4 Immunization.status); NOT_FOUND when the child has no such dose. */
export async function markEnteredInError(database: Database, child: StoredChild, uid: string, user: string | null): Promise<void> {
  await inTransaction(database, async (client) => {
    await lockChild(client, child);
    const before = await doseRows(client, child.id);
    const updated = await client.query(`UPDATE immunization SET status = 'entered-in-error' WHERE child_id = $1 AND uid = $2 AND status = 'completed'`, [child.id, uid]);
    if (updated.rowCount === 0) throw new DenwError('NOT_FOUND', { path: `immunization ${uid}` }, 'id');
    await revalidate(client, child, before, user);
  });
}

/**
 * The registry's counts of an org unit from `firstDay` on, for switchDataSetSource: every
 * valid completed dose given there since that day, as +1 deltas.
 */
export async function registryContributions(client: Client, orgUnitId: number, firstDay: string): Promise<RollupDelta[]> {
  const { rows } = await client.query<{ vaccine: string; dose: number; date: string; birth_date: string; sex: 'F' | 'M' }>(
    `SELECT i.vaccine, i.dose, i.date, c.birth_date, c.sex FROM immunization i JOIN child c ON c.id = i.child_id
     WHERE i.org_unit_id = $1 AND i.date >= $2::date AND i.status = 'completed' AND i.valid`,
    [orgUnitId, firstDay],
  );
  return rows.flatMap((row) => {
    const cell = doseCell(row, { birthDate: row.birth_date, sex: row.sex });
    return cell ? [{ ...cell, orgUnitId, delta: 1 }] : [];
  });
}
