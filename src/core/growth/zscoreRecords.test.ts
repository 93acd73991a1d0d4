import { describe, expect, it } from 'vitest';
import { oracleRecords, oracleScoreColumns } from './testOracle.ts';
import { whoTables } from './testTables.ts';
import { zscoreRows } from './zscoreRecords.ts';

describe('zscoreRows (JSON records)', () => {
  it('gives the oracle\'s z-scores as numbers (null for NA) for rows whose cells are numbers or text', () => {
    const rows = oracleRecords.map(({ cells }) => ({ ...cells, age_days: cells.age_days === '' ? null : Number(cells.age_days) }));
    const { rows: output, issueCount } = zscoreRows(rows, 2006, whoTables);
    expect(issueCount).toBe(0);
    output.forEach((row, i) => {
      for (const column of oracleScoreColumns) {
        const cell = oracleRecords[i]!.cells[column]!;
        expect(row[column]).toBe(cell === '' ? null : Number(cell));
      }
    });
  });
  it('keeps the input fields and adds the 2007 columns', () => {
    const { rows } = zscoreRows([{ id: 'a7', sex: 'f', age_months: 60.911701, height_cm: 113.6, weight_kg: 20.5 }], 2007, whoTables);
    expect(rows[0]).toMatchObject({ id: 'a7', zhfa: 0.85, fhfa: 0, zwfa: 0.79, fwfa: 0, zbfa: 0.42, fbfa: 0 });
  });
  it('reports a wrong JSON type by record and field and leaves that value out', () => {
    const { rows, issues } = zscoreRows([{ sex: 1, age_days: 400, weight_kg: true, lenhei_cm: 75, measure: 'l' }], 2006, whoTables);
    expect(issues).toEqual([{ row: 1, field: 'weight_kg', code: 'GROWTH_INVALID_NUMBER', value: 'true' }]);
    expect(rows[0]).toMatchObject({ zwei: null, zlen: -0.86 });
  });
  it('never calls a JSON object\'s own toString: {"toString": 0} is reported, not thrown', () => {
    const { issues } = zscoreRows([JSON.parse('{"sex": {"toString": 0}, "weight_kg": [9]}')], 2006, whoTables);
    expect(issues).toEqual([
      { row: 1, field: 'sex', code: 'GROWTH_INVALID_SEX', value: '[object]' },
      { row: 1, field: 'weight_kg', code: 'GROWTH_INVALID_NUMBER', value: '[array]' },
    ]);
  });
});
