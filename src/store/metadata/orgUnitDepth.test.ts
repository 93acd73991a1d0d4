// A parent chain deeper than the store can index (a path of ~225 UIDs overflows a PostgreSQL
// btree entry) is refused per unit with ORG_UNIT_TOO_DEEP instead of failing the write with a
// 500; level 100 is accepted. Both engines.
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
