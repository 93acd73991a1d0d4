// A registered child's measurement at a visit, as growth monitoring saves it: the age from the
// birth date and the visit date (whole days between them, as WHO anthro takes the age from
// dates), the WHO 2006 z-scores and flags of the engine, and the classes under the given
// thresholds. Pure: the caller passes the tables and thresholds.
import { classifyGrowth, type GrowthClassification, type GrowthClassificationThresholds } from './classification.ts';
import type { WhoGrowthTables } from './tables.ts';
import { anthroZscores, type Flag, type Measure } from './who2006.ts';

export interface ChildVisitMeasurement {
  /** Visit date, YYYY-MM-DD. */
  date: string;
  weightKg: number | null;
  lengthHeightCm: number | null;
  measure: Measure | null;
  muacMm: number | null;
  oedema: boolean;
}

export interface ChildMeasurementScores {
  ageDays: number;
  zwei: number | null; fwei: Flag;
  zlen: number | null; flen: Flag;
  zwfl: number | null; fwfl: Flag;
  zbmi: number | null; fbmi: Flag;
  zac: number | null; fac: Flag;
  classification: GrowthClassification;
}

/** Days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Scores and classes of one measurement of a child born on `birthDate`; the visit must not precede the birth. */
export function scoreChildMeasurement(
  child: { sex: 'F' | 'M'; birthDate: string },
  measurement: ChildVisitMeasurement,
  tables: WhoGrowthTables,
  thresholds: GrowthClassificationThresholds,
): ChildMeasurementScores {
  const ageDays = daysBetween(child.birthDate, measurement.date);
  const z = anthroZscores(
    {
      sex: child.sex === 'M' ? 1 : 2,
      ageDays,
      weightKg: measurement.weightKg,
      lenheiCm: measurement.lengthHeightCm,
      measure: measurement.measure,
      oedema: measurement.oedema,
      headcCm: null,
      // anthro takes MUAC in centimetres.
      muacCm: measurement.muacMm === null ? null : measurement.muacMm / 10,
      tricepsMm: null,
      subscapMm: null,
    },
    tables,
  );
  const classification = classifyGrowth({ ageDays, oedema: measurement.oedema, muacMm: measurement.muacMm, zwfl: z.zwfl, fwfl: z.fwfl, zlen: z.zlen, flen: z.flen, zwei: z.zwei, fwei: z.fwei }, thresholds);
  return {
    ageDays,
    zwei: z.zwei, fwei: z.fwei,
    zlen: z.zlen, flen: z.flen,
    zwfl: z.zwfl, fwfl: z.fwfl,
    zbmi: z.zbmi, fbmi: z.fbmi,
    zac: z.zac, fac: z.fac,
    classification,
  };
}
