// The access rules as a matrix: national / region / district / facility users × read /
// write × inside / outside their scope, on the fixture tree (store/testing/fixtures.ts) plus
// a second root, EXT, that no national scope covers. Users and org-unit paths come from the
// database, as the routes get them; the expected sets come from the fixture tree's parent
// links, walked here independently of the SQL.
import { beforeAll, describe, expect, it } from 'vitest';
import { DenwError } from '../../core/errors.ts';
import type { Database } from '../../store/database.ts';
import { pathInScope } from '../../store/orgUnitScope.ts';
import { describeEachEngine } from '../../store/testing/engines.ts';
import { fixtureOrgUnits, insertFixtures } from '../../store/testing/fixtures.ts';
import { createUser, loadUser } from '../../store/users.ts';
import type { CurrentUser, Role } from './abilities.ts';
import { assertCanRead, assertCanWrite, canWriteOrgUnitMetadata, mayEditExpired, readScope, writeScope } from './policy.ts';

interface Row {
  role: Role;
  scope: string[];
  inside: string[];
  outside: string[];
}

const matrix: Record<'national' | 'region' | 'district' | 'facility', Row> = {
  national: { role: 'data_manager', scope: ['ML'], inside: ['ML', 'ML04', 'FAC_KAYES_1'], outside: ['EXT'] },
  region: { role: 'data_entry', scope: ['ML01'], inside: ['ML01', 'ML0101', 'FAC_KAYES_2'], outside: ['ML', 'ML04', 'FAC_SEGOU_1'] },
  district: { role: 'data_entry', scope: ['ML0406'], inside: ['ML0406', 'FAC_SEGOU_1', 'FAC_SEGOU_CLOSED'], outside: ['ML04', 'ML0101', 'FAC_KAYES_1'] },
  facility: { role: 'data_entry', scope: ['FAC_KAYES_2'], inside: ['FAC_KAYES_2'], outside: ['FAC_KAYES_1', 'ML0101', 'ML01'] },
};

/** Every fixture unit at or below `root`, by following parent links upwards. */
function subtree(root: string): string[] {
  const parentOf = new Map<string, string | null>(fixtureOrgUnits.map((unit) => [unit.code, unit.parent]));
  const isBelow = (code: string): boolean => code === root || (parentOf.get(code) ? isBelow(parentOf.get(code)!) : false);
  return fixtureOrgUnits.map((unit) => unit.code).filter(isBelow);
}

describeEachEngine('access policy', (database) => {
  const users = new Map<string, CurrentUser>();
  const paths = new Map<string, string>();

  beforeAll(async () => {
    const db: Database = database();
    await insertFixtures(db);
    await db.pool.query(`INSERT INTO org_unit (id, uid, code, name, level, path, ancestor_ids)
      SELECT n.id, 'ExtRoot0001', 'EXT', 'Racine hors Mali (test)', 1, '/ExtRoot0001', ARRAY[n.id]
      FROM (SELECT nextval('org_unit_id_seq')::int AS id) n`);
    for (const unit of await db.db.selectFrom('org_unit').select(['code', 'path']).execute()) paths.set(unit.code!, unit.path);
    const accounts: Record<string, { role: Role; scope: string[] }> = {
      ...matrix,
      viewer: { role: 'viewer', scope: ['ML04'] },
      superuser: { role: 'superuser', scope: [] },
      regionManager: { role: 'data_manager', scope: ['ML01'] },
    };
    for (const [name, account] of Object.entries(accounts)) {
      const id = await createUser(db, { username: name, displayName: name, password: 'Mot-de-passe-1', ...account });
      users.set(name, (await loadUser(db, id))!);
    }
  });

  const attempt = (check: () => void): string => {
    try {
      check();
      return 'allowed';
    } catch (error) {
      return (error as DenwError).code;
    }
  };

  for (const [level, row] of Object.entries(matrix)) {
    describe(`${level} user (${row.role}, scope ${row.scope.join(', ')})`, () => {
      for (const [access, assert] of [['read', assertCanRead], ['write', assertCanWrite]] as const) {
        describe(access, () => {
          it(`inside its scope: ${row.inside.join(', ')}`, () => {
            for (const code of row.inside) expect(attempt(() => assert(users.get(level)!, paths.get(code)!, code)), code).toBe('allowed');
          });
          it(`outside its scope: ${row.outside.join(', ')} refused as OUT_OF_SCOPE`, () => {
            for (const code of row.outside) expect(attempt(() => assert(users.get(level)!, paths.get(code)!, code)), code).toBe('OUT_OF_SCOPE');
          });
        });
      }
      it('lists exactly the org units of its subtrees through the SQL filter', async () => {
        const rows = await database()
          .db.selectFrom('org_unit')
          .select('code')
          .where(pathInScope('org_unit.path', readScope(users.get(level)!)))
          .orderBy('code')
          .execute();
        expect(rows.map((unit) => unit.code)).toEqual(row.scope.flatMap(subtree).sort());
      });
    });
  }

  describe('viewer (scope ML04)', () => {
    it('reads inside its scope', () => {
      expect(attempt(() => assertCanRead(users.get('viewer')!, paths.get('FAC_SEGOU_1')!))).toBe('allowed');
    });
    it('writes nowhere, not even inside its scope: its role lacks data:write', () => {
      expect(attempt(() => assertCanWrite(users.get('viewer')!, paths.get('FAC_SEGOU_1')!))).toBe('FORBIDDEN');
      expect(writeScope(users.get('viewer')!)).toEqual([]);
    });
    it('is refused outside its scope with the org unit named in the message parameters', () => {
      try {
        assertCanRead(users.get('viewer')!, paths.get('FAC_KAYES_1')!, 'FAC_KAYES_1');
        expect.unreachable();
      } catch (error) {
        expect(error).toMatchObject({ code: 'OUT_OF_SCOPE', params: { orgUnit: 'FAC_KAYES_1' }, field: 'orgUnit' });
      }
    });
  });

  // Metadata of an org unit: the unit itself, its population, its data set assignments and
  // group memberships (the metadata import applies it: store/metadata/scopeCheck.ts).
  describe('org-unit metadata (canWriteOrgUnitMetadata)', () => {
    const metadataMatrix = {
      regionManager: { inside: ['ML01', 'ML0101', 'FAC_KAYES_2'], outside: ['ML', 'ML04', 'ML0406', 'FAC_SEGOU_1', 'EXT'] },
      national: { inside: ['ML', 'ML04', 'FAC_KAYES_1'], outside: ['EXT'] },
    };
    for (const [name, row] of Object.entries(metadataMatrix)) {
      it(`${name} (data_manager): writes ${row.inside.join(', ')}; not ${row.outside.join(', ')}`, () => {
        for (const code of row.inside) expect(canWriteOrgUnitMetadata(users.get(name)!, paths.get(code)!), code).toBe(true);
        for (const code of row.outside) expect(canWriteOrgUnitMetadata(users.get(name)!, paths.get(code)!), code).toBe(false);
      });
    }
    it('a data entry user or a viewer writes no metadata, not even inside its scope: its role lacks metadata:write', () => {
      expect(canWriteOrgUnitMetadata(users.get('region')!, paths.get('ML0101')!)).toBe(false);
      expect(canWriteOrgUnitMetadata(users.get('viewer')!, paths.get('FAC_SEGOU_1')!)).toBe(false);
    });
    it('a superuser writes anywhere, a new root outside every tree included', () => {
      for (const path of [paths.get('ML')!, paths.get('EXT')!, '/NewRoot0001']) expect(canWriteOrgUnitMetadata(users.get('superuser')!, path), path).toBe(true);
    });
  });

  // Periods past their data set's expiry days (E7640): DHIS2's F_EDIT_EXPIRED, held by its administrators.
  describe('expired periods (mayEditExpired)', () => {
    it('only the superuser writes them; data managers, data entry users and viewers do not', () => {
      const allowed = ['superuser', 'national', 'regionManager', 'region', 'district', 'facility', 'viewer'].filter((name) => mayEditExpired(users.get(name)!));
      expect(allowed).toEqual(['superuser']);
    });
  });

  describe('superuser', () => {
    it('reads and writes in every tree, including roots no one assigned to it', async () => {
      const superuser = users.get('superuser')!;
      for (const code of ['ML', 'FAC_SEGOU_CLOSED', 'EXT']) {
        expect(attempt(() => assertCanWrite(superuser, paths.get(code)!))).toBe('allowed');
      }
      const rows = await database().db.selectFrom('org_unit').select('code').where(pathInScope('org_unit.path', readScope(superuser))).execute();
      expect(rows).toHaveLength(fixtureOrgUnits.length + 1);
    });
  });

  it('matches no row when the scope is empty, and escapes LIKE wildcards in paths', async () => {
    const none = await database().db.selectFrom('org_unit').select('code').where(pathInScope('org_unit.path', [])).execute();
    expect(none).toEqual([]);
    const wildcard = await database().db.selectFrom('org_unit').select('code').where(pathInScope('org_unit.path', ['/MLuid00000_'])).execute();
    expect(wildcard).toEqual([]);
  });
});
