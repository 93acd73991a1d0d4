import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from './engines.ts';
import { fixtureOrgUnits, insertFixtures } from './fixtures.ts';

describeEachEngine('test fixtures', (database) => {
  beforeAll(() => insertFixtures(database()));

  it('builds each path from the ancestors, root first', async () => {
    const { rows } = await database().pool.query<{ code: string; path: string; ancestors: string[] }>(
      `SELECT o.code, o.path, array(SELECT a.code FROM unnest(o.ancestor_ids) WITH ORDINALITY x(id, n)
                                     JOIN org_unit a ON a.id = x.id ORDER BY n) AS ancestors
       FROM org_unit o WHERE o.code = 'FAC_SEGOU_1'`,
    );
    expect(rows[0]).toEqual({
      code: 'FAC_SEGOU_1',
      path: '/MLuid000001/ML04uid0001/ML0406uid01/FacSegou001',
      ancestors: ['ML', 'ML04', 'ML0406', 'FAC_SEGOU_1'],
    });
  });

  it('inserts every org unit', async () => {
    const { rows } = await database().pool.query('SELECT count(*)::int AS n FROM org_unit');
    expect(rows[0].n).toBe(fixtureOrgUnits.length);
  });
});
