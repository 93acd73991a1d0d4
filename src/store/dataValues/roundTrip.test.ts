// A round trip through every format, on both engines: JSON in, CSV out, CSV back in, ADX out,
// ADX back in, JSON out and back in; after each import the stored values must be the same,
// field by field: value (texts with commas, quotes, line breaks, tabs, accents and markup),
// comment, follow-up, stored by, last updated, and created where the format carries it (CSV's
// eleven DHIS2 columns do not).
import { beforeAll, expect, it } from 'vitest';
import type { Database } from '../database.ts';
import { describeEachEngine } from '../testing/engines.ts';
import { insertFixtures } from '../testing/fixtures.ts';
import { dataValueSource, type DataValueFormat } from './dataValueSource.ts';
import { exportDataValues } from './exportDataValues.ts';
import { exportText, type ExportFormat } from './exportWriters.ts';
import { importDataValues } from './importDataValues.ts';

const national = { username: 'national', scopePaths: ['/MLuid000001'] };
const today = '2024-06-15';

const value = (dataElement: string, period: string, orgUnit: string, categoryOptionCombo: string | undefined, text: string, extra: Record<string, unknown> = {}) => ({
  dataElement,
  period,
  orgUnit,
  categoryOptionCombo,
  value: text,
  storedBy: 'agent.kayes',
  lastUpdated: '2024-02-03T10:20:30.123Z',
  created: '2024-02-01T08:00:00.000Z',
  ...extra,
});

const document = {
  dataValues: [
    value('PENTA1', '202401', 'FAC_KAYES_1', 'F', '12', { comment: 'vérifié, "registre" page 3' }),
    value('PENTA1', '202401', 'FAC_KAYES_1', 'M', '10', { followup: true }),
    value('PENTA3', '202402', 'FAC_KAYES_2', 'F', '7', { comment: 'ligne 1\nligne 2\ttabulée <b>&</b>' }),
    value('STAFF', '202401', 'FAC_SEGOU_1', undefined, '0', { comment: 'zéro significatif (moyenne)' }),
    value('RUTF_STOCK', '202403', 'FAC_SEGOU_1', undefined, '12.5'),
    value('NOTE', '202402', 'FAC_KAYES_2', undefined, 'Rupture de vaccin, "BCG" ; retour à la normale\nle 12/02 <ok> & fini', { comment: 'note du chef de poste' }),
    value('NOTE', '202403', 'FAC_KAYES_1', undefined, 'Àéèç — 𝄞 ✓'),
  ],
};

async function state(database: Database, withCreated: boolean) {
  const { rows } = await database.pool.query(`SELECT de.code AS de, p.iso AS pe, ou.code AS ou, coc.code AS coc, aoc.code AS aoc, dv.value, dv.comment,
      dv.followup, dv.stored_by, dv.last_updated, dv.created
    FROM data_value dv JOIN data_element de ON de.id = dv.data_element_id JOIN period p ON p.id = dv.period_id JOIN org_unit ou ON ou.id = dv.org_unit_id
    JOIN category_option_combo coc ON coc.id = dv.category_option_combo_id JOIN category_option_combo aoc ON aoc.id = dv.attribute_option_combo_id
    ORDER BY 1, 2, 3, 4, 5`);
  return rows.map(({ created, last_updated, ...row }) => ({ ...row, last_updated: last_updated.toISOString(), ...(withCreated ? { created: created.toISOString() } : {}) }));
}

async function exportAll(database: Database, format: ExportFormat): Promise<string> {
  const exported = await exportDataValues(
    database,
    { dataSet: ['EPI_MONTHLY'], dataElement: [], period: [], startDate: '2024-01-01', endDate: '2024-12-31', orgUnit: ['ML'], children: true, attributeOptionCombo: [] },
    national.scopePaths,
  );
  let text = '';
  for await (const chunk of exportText(exported, format, '2024-06-15T00:00:00.000Z')) text += chunk;
  return text;
}

async function reimport(database: Database, format: DataValueFormat, body: unknown): Promise<void> {
  await database.pool.query('DELETE FROM data_value');
  const summary = await importDataValues(database, dataValueSource(format, body), { idSchemes: {}, dryRun: false, importStrategy: 'CREATE_AND_UPDATE', atomicMode: 'ALL', async: false }, national, { today });
  expect(summary.conflicts).toEqual([]);
  expect(summary.importCount.imported).toBe(document.dataValues.length);
}

describeEachEngine('data value round trip: JSON → CSV → ADX → JSON', (database) => {
  beforeAll(async () => insertFixtures(database()));

  it('keeps every value and its fields through each format', async () => {
    await reimport(database(), 'json', document);
    const original = await state(database(), true);
    expect(original).toHaveLength(7);
    expect(original.find((row) => row.de === 'STAFF')).toMatchObject({ value: '0', created: '2024-02-01T08:00:00.000Z' });

    const csv = await exportAll(database(), 'csv');
    await reimport(database(), 'csv', csv);
    const afterCsv = await state(database(), true);
    expect(afterCsv.map(({ created: _created, ...row }) => row)).toEqual(original.map(({ created: _created, ...row }) => row));

    const adx = await exportAll(database(), 'adx');
    expect(adx).toContain('SEX="F"');
    await reimport(database(), 'adx', adx);
    expect(await state(database(), true)).toEqual(afterCsv);

    const json = await exportAll(database(), 'json');
    await reimport(database(), 'json', json);
    expect(await state(database(), true)).toEqual(afterCsv);
  });
});
