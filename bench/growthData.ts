// Synthetic child records for the growth benchmark: plausible ages, sexes and measurements
// drawn around the WHO medians (so most z-scores fall within ±3 and a few beyond, as in a
// real survey), with the missing values and wrong positions real data has. Deterministic.
// Not a test fixture: nothing is asserted on these numbers.
import type { AnthroMeasurement, AnthroplusMeasurement, LmsTable, WhoGrowthTables } from '../src/core/growth/index.ts';
import { normalDeviate as normal, seededRandom } from '../src/core/random.ts';

/** The measurement at z = `z` for a row of an LMS table (M (1 + L S z)^(1/L)), 1 decimal. */
function around(table: LmsTable, sex: 1 | 2, key: number, z: number): number {
  const row = (sex - 1) * table.stride + Math.min(Math.max(key, table.firstKey), table.lastKey) - table.firstKey;
  const l = table.l[row]!;
  const base = 1 + l * table.s[row]! * z;
  return Math.round(10 * table.m[row]! * (base > 0 ? base ** (1 / l) : 0.2)) / 10;
}

/**
 * Children 0–5 years as a survey sees them: length/height-for-age around −1 SD (stunting is
 * common in Mali), weight drawn from weight-for-length/height (WHZ around −0.3, SD 1.05, as in
 * SMART surveys) so that weight, length and BMI agree, 2 % without age, 5 % without position,
 * 1 % oedema, some measurements missing.
 */
export function generateChildren(count: number, tables: WhoGrowthTables, seed = 2006): AnthroMeasurement[] {
  const random = seededRandom(seed);
  const children: AnthroMeasurement[] = [];
  for (let i = 0; i < count; i++) {
    const sex = random() < 0.5 ? 1 : 2;
    const ageDays = random() < 0.1 ? Math.round(random() * 18260) / 10 : Math.floor(random() * 1826);
    const day = Math.round(ageDays);
    const standing = day >= 731 ? random() > 0.1 : random() < 0.1;
    const lenheiCm = around(tables.lhfa, sex, day, normal(random) * 1.1 - 1);
    const weightTable = day < 731 ? tables.wfl : tables.wfh;
    children.push({
      sex,
      ageDays: random() < 0.02 ? null : ageDays,
      weightKg: around(weightTable, sex, Math.round(lenheiCm * 10), normal(random) * 1.05 - 0.3),
      lenheiCm,
      measure: random() < 0.05 ? null : standing ? 'h' : 'l',
      oedema: random() < 0.01,
      headcCm: random() < 0.3 ? null : around(tables.hcfa, sex, day, normal(random)),
      muacCm: day < 91 || random() < 0.2 ? null : around(tables.acfa, sex, day, normal(random)),
      tricepsMm: random() < 0.7 ? null : around(tables.tsfa, sex, Math.max(day, 91), normal(random)),
      subscapMm: random() < 0.7 ? null : around(tables.ssfa, sex, Math.max(day, 91), normal(random)),
    });
  }
  return children;
}

export function generateSchoolChildren(count: number, tables: WhoGrowthTables, seed = 2007): AnthroplusMeasurement[] {
  const random = seededRandom(seed);
  const children: AnthroplusMeasurement[] = [];
  for (let i = 0; i < count; i++) {
    const sex = random() < 0.5 ? 1 : 2;
    const ageMonths = Math.round((60 + random() * 168) * 100) / 100;
    const month = Math.floor(ageMonths);
    children.push({
      sex,
      ageMonths,
      heightCm: around(tables.hfa2007, sex, month, normal(random) - 0.5),
      weightKg: around(tables.wfa2007, sex, Math.min(month, 120), normal(random) - 0.3),
      oedema: false,
    });
  }
  return children;
}

export const anthroCsvHeader = 'id,sex,age_days,weight_kg,lenhei_cm,measure,oedema,headc_cm,muac_cm,triceps_mm,subscap_mm';

/** One CSV line per child, columns as `anthroCsvHeader` (the input of `denw growth zscores`). */
export function anthroCsvLine(child: AnthroMeasurement, id: number): string {
  const cell = (value: number | string | null) => (value === null ? '' : String(value));
  return [
    id, child.sex, cell(child.ageDays), cell(child.weightKg), cell(child.lenheiCm), cell(child.measure),
    child.oedema ? 'y' : 'n', cell(child.headcCm), cell(child.muacCm), cell(child.tricepsMm), cell(child.subscapMm),
  ].join(',');
}
