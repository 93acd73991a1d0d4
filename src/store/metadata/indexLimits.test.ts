// Text the store indexes must fit a PostgreSQL btree entry (~2,700 bytes) or the write fails
// with a 500. A parent chain of ~225 units makes such a path: refused per unit with
// ORG_UNIT_TOO_DEEP, level 100 accepted. A code longer than DHIS2's 50 characters: E4001.
// Both engines.
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../testing/engines.ts';
import { importMetadata } from './importMetadata.ts';

/** A chain of `depth` units, CHAIN_1 the root, listed deepest first (children before parents). */
const chain = (depth: number) => ({
  organisationUnits: Array.from({ length: depth }, (_, i) => ({
    code: `CHAIN_${depth - i}`,
    name: `Maillon ${depth - i}`,
    ...(depth - i > 1 ? { parent: { code: `CHAIN_${depth - i - 1}` } } : {}),
  })),
});

describeEachEngine('metadata import: org unit depth', (database) => {
  describe('a chain of units', () => {
    it('is written down to level 100', async () => {
      const report = await importMetadata(database(), chain(100), { dryRun: true });
      expect(report.status).toBe('OK');
      expect(report.stats.created).toBe(100);
    });

    it('deeper, refuses each unit below level 100 with ORG_UNIT_TOO_DEEP on parent, and writes nothing', async () => {
      const report = await importMetadata(database(), chain(300));
      expect(report.status).toBe('ERROR');
      const errors = report.typeReports[0]!.objectReports.flatMap((object) => object.errorReports);
      expect(errors).toHaveLength(200);
      expect(errors[0]).toMatchObject({ errorCode: 'ORG_UNIT_TOO_DEEP', errorProperty: 'parent', value: { code: 'CHAIN_299' } });
      expect(errors[0]!.message).toBe('CHAIN_300 (OrganisationUnit) serait au niveau 300 de la hiérarchie : 100 niveaux au plus.');
      const { rows } = await database().pool.query(`SELECT count(*)::int AS n FROM org_unit WHERE code LIKE 'CHAIN_%'`);
      expect(rows[0].n).toBe(0);
    });
  });
});

describeEachEngine('metadata import: a code too long for its index', (database) => {
  it('is E4001 on code (409 report), where an incompressible 6,000-character code made the unique index refuse the write (500)', async () => {
    // Letters and digits that do not repeat: PostgreSQL compresses repetitive text inside index entries.
    let code = '';
    for (let i = 0; code.length < 6_000; i++) code += (i * 7919).toString(36);
    const report = await importMetadata(database(), { organisationUnitGroups: [{ code: code.slice(0, 6_000), name: 'Groupe' }] });
    expect(report.status).toBe('ERROR');
    expect(report.typeReports[0]!.objectReports[0]!.errorReports).toMatchObject([{ errorCode: 'E4001', errorProperty: 'code' }]);
  });
});
