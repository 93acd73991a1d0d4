// A registered child's growth measurements (table growth_measurement, migration 050): saved
// with their WHO z-scores, flags and classes (src/core/growth/childMeasurement.ts, thresholds
// of the nutrition package), and rolled up in the same transaction into the monthly counts of
// data set NUT_GROWTH_MONITORING (src/store/rollup) where that data set takes its figures from
// the registry.
//
// Counting: a child counts once a month, by its latest measurement of the month (latest date,
// then latest saved); see src/programmes/nutrition/growthMonitoring.ts. Saving a measurement
// moves the child's count of that month from the measurement it replaces as the latest (−1 on
// its cells) to the new one (+1), at the org unit of each.
import type pg from 'pg';
import { DenwError } from '../../core/errors.ts';
import { scoreChildMeasurement, type ChildMeasurementScores, type ChildVisitMeasurement } from '../../core/growth/childMeasurement.ts';
import { classifyGrowth, type GrowthClassificationThresholds } from '../../core/growth/classification.ts';
import type { WhoGrowthTables } from '../../core/growth/index.ts';
import { growthClassificationThresholds } from '../../programmes/nutrition/growthClassification.ts';
import { GROWTH_MONITORING, growthMonitoringCells } from '../../programmes/nutrition/growthMonitoring.ts';
import type { StoredChild } from '../children/children.ts';
import type { Database } from '../database.ts';
import { applyRollup, type RollupDelta } from '../rollup/rollup.ts';
import { inTransaction } from '../transaction.ts';

type Client = Pick<pg.ClientBase, 'query'>;

export interface NewMeasurement extends ChildVisitMeasurement {
  createdBy: string | null;
  source?: string | null;
}

export type Measurement = { id: number; date: string; orgUnit: { code: string | null; name: string }; created: string; createdBy: string | null } &
  Omit<ChildVisitMeasurement, 'date'> &
  ChildMeasurementScores;

const measurementColumns = `m.id, m.date, m.org_unit_id, m.age_days, m.weight_kg, m.length_height_cm, m.measure, m.muac_mm, m.oedema,
  m.zwei, m.zlen, m.zwfl, m.zbmi, m.zac, m.fwei, m.flen, m.fwfl, m.fbmi, m.fac,
  m.acute, m.wasting, m.stunting, m.underweight, m.created, m.created_by, ou.code AS org_unit_code, ou.name AS org_unit_name`;

interface MeasurementRow {
  id: number;
  date: string;
  org_unit_id: number;
  age_days: number;
  weight_kg: number | null;
  length_height_cm: number | null;
  measure: 'l' | 'h' | null;
  muac_mm: number | null;
  oedema: boolean;
  zwei: number | null; zlen: number | null; zwfl: number | null; zbmi: number | null; zac: number | null;
  fwei: 0 | 1 | null; flen: 0 | 1 | null; fwfl: 0 | 1 | null; fbmi: 0 | 1 | null; fac: 0 | 1 | null;
  acute: Measurement['classification']['acute'];
  wasting: Measurement['classification']['wasting'];
  stunting: Measurement['classification']['stunting'];
  underweight: Measurement['classification']['underweight'];
  created: Date;
  created_by: string | null;
  org_unit_code: string | null;
  org_unit_name: string;
}

function toMeasurement(row: MeasurementRow): Measurement {
  return {
    id: row.id,
    date: row.date,
    ageDays: row.age_days,
    weightKg: row.weight_kg,
    lengthHeightCm: row.length_height_cm,
    measure: row.measure,
    muacMm: row.muac_mm,
    oedema: row.oedema,
    zwei: row.zwei, zlen: row.zlen, zwfl: row.zwfl, zbmi: row.zbmi, zac: row.zac,
    fwei: row.fwei, flen: row.flen, fwfl: row.fwfl, fbmi: row.fbmi, fac: row.fac,
    classification: { wasting: row.wasting, stunting: row.stunting, underweight: row.underweight, acute: row.acute },
    orgUnit: { code: row.org_unit_code, name: row.org_unit_name },
    created: row.created.toISOString(),
    createdBy: row.created_by,
  };
}

/** A child's measurements, oldest first (the order of a growth chart). */
export async function childMeasurements(client: Client, childId: number): Promise<Measurement[]> {
  const { rows } = await client.query<MeasurementRow>(
    `SELECT ${measurementColumns} FROM growth_measurement m JOIN org_unit ou ON ou.id = m.org_unit_id
     WHERE m.child_id = $1 ORDER BY m.date, m.id`,
    [childId],
  );
  return rows.map(toMeasurement);
}

/**
 * Saves a measurement of `child` at the child's health area, with its scores and classes, and
 * moves the child's monthly count to it when it is the latest of its month. Refused:
 * GROWTH_MEASUREMENT_BEFORE_BIRTH, GROWTH_MEASUREMENT_IN_FUTURE (after `today`),
 * GROWTH_MEASUREMENT_EMPTY (no weight, length/height, MUAC or oedema).
 */
export async function recordMeasurement(
  database: Database,
  child: StoredChild,
  measurement: NewMeasurement,
  tables: WhoGrowthTables,
  today: string,
  thresholds: GrowthClassificationThresholds = growthClassificationThresholds,
): Promise<Measurement> {
  if (measurement.date < child.birthDate) throw new DenwError('GROWTH_MEASUREMENT_BEFORE_BIRTH', { date: measurement.date, birthDate: child.birthDate }, 'date');
  if (measurement.date > today) throw new DenwError('GROWTH_MEASUREMENT_IN_FUTURE', { date: measurement.date, today }, 'date');
  if (measurement.weightKg === null && measurement.lengthHeightCm === null && measurement.muacMm === null && !measurement.oedema) {
    throw new DenwError('GROWTH_MEASUREMENT_EMPTY', {}, 'weightKg');
  }
  const scores = scoreChildMeasurement(child, measurement, tables, thresholds);
  return inTransaction(database, async (client) => {
    // One writer per child at a time: two measurements of the same month saved together must
    // not both take the count from the same predecessor.
    await client.query('SELECT id FROM child WHERE id = $1 FOR UPDATE', [child.id]);
    const before = await countedInMonth(client, child.id, measurement.date);
    const inserted = await client.query<{ id: number }>(
      `INSERT INTO growth_measurement (child_id, org_unit_id, date, age_days, weight_kg, length_height_cm, measure, muac_mm, oedema,
         zwei, zlen, zwfl, zbmi, zac, fwei, flen, fwfl, fbmi, fac, acute, wasting, stunting, underweight, created_by, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25) RETURNING id`,
      [
        child.id, child.orgUnitId, measurement.date, scores.ageDays, measurement.weightKg, measurement.lengthHeightCm, measurement.measure,
        measurement.muacMm, measurement.oedema, scores.zwei, scores.zlen, scores.zwfl, scores.zbmi, scores.zac,
        scores.fwei, scores.flen, scores.fwfl, scores.fbmi, scores.fac, scores.classification.acute, scores.classification.wasting,
        scores.classification.stunting, scores.classification.underweight, measurement.createdBy, measurement.source ?? null,
      ],
    );
    await moveMonthlyCount(client, child, measurement.date, before, measurement.createdBy);
    const { rows } = await client.query<MeasurementRow>(
      `SELECT ${measurementColumns} FROM growth_measurement m JOIN org_unit ou ON ou.id = m.org_unit_id WHERE m.id = $1`,
      [inserted.rows[0]!.id],
    );
    return toMeasurement(rows[0]!);
  });
}

/**
 * Deletes a measurement entered by mistake; the child's count of that month moves to the
 * month's latest remaining measurement, or is removed when none remains. NOT_FOUND when the
 * child has no measurement `id`.
 */
export async function deleteMeasurement(database: Database, child: StoredChild, id: number, user: string | null): Promise<void> {
  await inTransaction(database, async (client) => {
    await client.query('SELECT id FROM child WHERE id = $1 FOR UPDATE', [child.id]);
    const found = await client.query<{ date: string }>('SELECT date FROM growth_measurement WHERE child_id = $1 AND id = $2', [child.id, id]);
    const date = found.rows[0]?.date;
    if (date === undefined) throw new DenwError('NOT_FOUND', { path: `measurement ${id}` }, 'id');
    const before = await countedInMonth(client, child.id, date);
    await client.query('DELETE FROM growth_measurement WHERE id = $1', [id]);
    await moveMonthlyCount(client, child, date, before, user);
  });
}

/** After a change of the child's measurements in the month of `date`: −1 on the cells of the one that counted, +1 on the one that counts now. */
async function moveMonthlyCount(client: Client, child: StoredChild, date: string, before: CountedRow | undefined, user: string | null): Promise<void> {
  const after = await countedInMonth(client, child.id, date);
  if (before?.id === after?.id) return;
  const deltas = [...(before ? countedCells(before, child.sex, -1) : []), ...(after ? countedCells(after, child.sex, 1) : [])];
  await applyRollup(client, GROWTH_MONITORING, deltas, user);
}

interface CountedRow {
  id: number;
  org_unit_id: number;
  date: string;
  age_days: number;
  acute: Measurement['classification']['acute'];
  stunting: Measurement['classification']['stunting'];
  underweight: Measurement['classification']['underweight'];
}

/** The measurement that counts for the child in the month of `date`: its latest. */
async function countedInMonth(client: Client, childId: number, date: string): Promise<CountedRow | undefined> {
  const { rows } = await client.query<CountedRow>(
    `SELECT id, org_unit_id, date, age_days, acute, stunting, underweight FROM growth_measurement
     WHERE child_id = $1 AND date >= date_trunc('month', $2::date) AND date < date_trunc('month', $2::date) + interval '1 month'
     ORDER BY date DESC, id DESC LIMIT 1`,
    [childId, date],
  );
  return rows[0];
}

function countedCells(row: CountedRow, sex: 'F' | 'M', delta: number): RollupDelta[] {
  const period = row.date.slice(0, 4) + row.date.slice(5, 7);
  return growthMonitoringCells({ ageDays: row.age_days, sex, acute: row.acute, stunting: row.stunting, underweight: row.underweight }).map((cell) => ({
    ...cell,
    period,
    orgUnitId: row.org_unit_id,
    delta,
  }));
}

/**
 * Classifies every stored measurement again under `thresholds` (after a revision of the
 * protocol's table) from its stored z-scores, flags, MUAC and oedema, and moves the monthly
 * counts of the measurements that count and changed class, in one transaction. Returns how
 * many measurements changed class.
 */
export async function reclassifyMeasurements(database: Database, thresholds: GrowthClassificationThresholds, user: string | null): Promise<number> {
  return inTransaction(database, async (client) => {
    const { rows } = await client.query<MeasurementRow & { child_id: number; sex: 'F' | 'M'; counted: boolean }>(
      `SELECT m.*, c.sex, m.id = (SELECT l.id FROM growth_measurement l WHERE l.child_id = m.child_id
           AND date_trunc('month', l.date) = date_trunc('month', m.date) ORDER BY l.date DESC, l.id DESC LIMIT 1) AS counted
       FROM growth_measurement m JOIN child c ON c.id = m.child_id FOR UPDATE OF m`,
    );
    const deltas: RollupDelta[] = [];
    let changed = 0;
    for (const row of rows) {
      const classes = classifyGrowth({ ageDays: row.age_days, oedema: row.oedema, muacMm: row.muac_mm, zwfl: row.zwfl, fwfl: row.fwfl, zlen: row.zlen, flen: row.flen, zwei: row.zwei, fwei: row.fwei }, thresholds);
      if (classes.acute === row.acute && classes.wasting === row.wasting && classes.stunting === row.stunting && classes.underweight === row.underweight) continue;
      changed += 1;
      await client.query('UPDATE growth_measurement SET acute = $2, wasting = $3, stunting = $4, underweight = $5 WHERE id = $1', [
        row.id, classes.acute, classes.wasting, classes.stunting, classes.underweight,
      ]);
      if (row.counted) deltas.push(...countedCells(row, row.sex, -1), ...countedCells({ ...row, ...classes }, row.sex, 1));
    }
    // The rollup writes only where the registry is the data set's source.
    await applyRollup(client, GROWTH_MONITORING, deltas, user);
    return changed;
  });
}

/**
 * The registry's counts at an org unit from `firstDay` on, for switchDataSetSource: each
 * child's latest measurement of each month, when it was taken at that org unit.
 */
export async function growthMonitoringContributions(client: Client, orgUnitId: number, firstDay: string): Promise<RollupDelta[]> {
  const { rows } = await client.query<CountedRow & { sex: 'F' | 'M' }>(
    `SELECT counted.*, c.sex FROM (
       SELECT DISTINCT ON (m.child_id, date_trunc('month', m.date)) m.id, m.child_id, m.org_unit_id, m.date, m.age_days, m.acute, m.stunting, m.underweight
       FROM growth_measurement m
       WHERE m.date >= $2::date AND m.child_id IN (SELECT child_id FROM growth_measurement WHERE org_unit_id = $1 AND date >= $2::date)
       ORDER BY m.child_id, date_trunc('month', m.date), m.date DESC, m.id DESC) counted
     JOIN child c ON c.id = counted.child_id
     WHERE counted.org_unit_id = $1`,
    [orgUnitId, firstDay],
  );
  return rows.flatMap((row) => countedCells(row, row.sex, 1));
}
