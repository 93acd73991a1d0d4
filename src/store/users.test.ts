import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../server/auth/passwords.ts';
import { describeEachEngine } from './testing/engines.ts';
import { insertFixtures } from './testing/fixtures.ts';
import { createUser, ensureAdminUser, findLoginCandidate, getUser, loadUser, updateUser } from './users.ts';

describeEachEngine('the first administrator', (database) => {
  it('refuses a DENW_ADMIN_PASSWORD shorter than 8 characters, creating nothing', async () => {
    await expect(ensureAdminUser(database(), { password: 'admin', print: () => {} })).rejects.toMatchObject({
      code: 'ADMIN_PASSWORD_TOO_SHORT',
      field: 'DENW_ADMIN_PASSWORD',
    });
    expect(await findLoginCandidate(database(), 'admin')).toBeUndefined();
  });

  it('is created on the first start with a random password, printed once in French and English, stored only hashed', async () => {
    const lines: string[] = [];
    expect(await ensureAdminUser(database(), { print: (line) => lines.push(line) })).toEqual({ created: true });
    expect(lines).toHaveLength(2);
    const password = /: ([A-Za-z0-9]{20})$/.exec(lines[0]!)![1]!;
    expect(lines[0]).toContain('Compte administrateur « admin » créé');
    expect(lines[1]).toBe(`Administrator account "admin" created; its password, shown this once only (change it): ${password}`);
    const stored = (await findLoginCandidate(database(), 'admin'))!;
    expect(stored.passwordHash).not.toContain(password);
    expect(await verifyPassword(password, stored.passwordHash)).toBe(true);
  });

  it('is a superuser whose scope is the whole country, once the country is loaded', async () => {
    const { id } = (await findLoginCandidate(database(), 'admin'))!;
    expect((await loadUser(database(), id))!.scopePaths).toEqual([]);
    await insertFixtures(database());
    const admin = (await loadUser(database(), id))!;
    expect(admin).toMatchObject({ username: 'admin', role: 'superuser', scopePaths: ['/MLuid000001'] });
  });

  it('is not created again, nor its password changed, on later starts', async () => {
    const lines: string[] = [];
    const before = (await findLoginCandidate(database(), 'admin'))!.passwordHash;
    expect(await ensureAdminUser(database(), { password: 'Un-autre-mot-de-passe', print: (line) => lines.push(line) })).toEqual({ created: false });
    expect(lines).toEqual([]);
    expect((await findLoginCandidate(database(), 'admin'))!.passwordHash).toBe(before);
  });
});

describeEachEngine('the first administrator with DENW_ADMIN_PASSWORD', (database) => {
  it('takes the given password, and does not print it', async () => {
    const lines: string[] = [];
    await ensureAdminUser(database(), { password: 'Bamako-Admin-2025', print: (line) => lines.push(line) });
    expect(lines.join('\n')).not.toContain('Bamako-Admin-2025');
    expect(lines[0]).toBe('Compte administrateur « admin » créé avec le mot de passe de DENW_ADMIN_PASSWORD');
    expect(await verifyPassword('Bamako-Admin-2025', (await findLoginCandidate(database(), 'admin'))!.passwordHash)).toBe(true);
  });
});

describeEachEngine('user accounts in the store', (database) => {
  describe('writes are all or nothing', () => {
    it('creates no user when a scope unit is unknown', async () => {
      await insertFixtures(database());
      await expect(
        createUser(database(), { username: 'partial', displayName: 'P', password: 'Mot-de-passe-1', role: 'viewer', scope: ['ML01', 'NOWHERE'] }),
      ).rejects.toMatchObject({ code: 'ORG_UNIT_UNKNOWN', params: { orgUnits: 'NOWHERE' }, field: 'scope.1' });
      expect(await findLoginCandidate(database(), 'partial')).toBeUndefined();
    });

    it('keeps the old role and scope when a new scope unit is unknown', async () => {
      const id = await createUser(database(), { username: 'kept', displayName: 'K', password: 'Mot-de-passe-1', role: 'viewer', scope: ['ML01'] });
      await expect(updateUser(database(), id, { role: 'data_entry', scope: ['NOWHERE'] })).rejects.toMatchObject({ code: 'ORG_UNIT_UNKNOWN' });
      expect(await getUser(database(), id)).toMatchObject({ role: 'viewer', scope: [{ code: 'ML01' }] });
    });
  });

  it('tells nothing about a user that does not exist', async () => {
    expect(await getUser(database(), 999_999)).toBeUndefined();
    expect(await loadUser(database(), 999_999)).toBeUndefined();
    expect(await updateUser(database(), 999_999, { displayName: 'x' })).toBe(false);
  });
});
