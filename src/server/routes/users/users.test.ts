import { describe, expect, it } from 'vitest';
import { describeEachEngineApp, type TestUser } from '../../testing/testApp.ts';

const newDistrictUser = {
  username: 'Ségou.Cercle',
  displayName: 'Point focal Ségou cercle',
  password: 'Pelengana-2025',
  role: 'data_entry',
  scope: ['ML0406'],
};

describeEachEngineApp('users administration', (api) => {
  const idOf = async (username: string) =>
    (await api().database.db.selectFrom('app_user').select('id').where('username', '=', username.toLowerCase()).executeTakeFirstOrThrow()).id;
  const post = (payload: unknown, as: TestUser = 'admin') => api().inject({ method: 'POST', url: '/api/users', payload: payload as object, as });
  const put = async (username: string, payload: object, as: TestUser = 'admin') =>
    api().inject({ method: 'PUT', url: `/api/users/${await idOf(username)}`, payload, as });

  describe('who may administer users', () => {
    for (const as of ['national', 'kayes', 'segouViewer'] as const) {
      it(`not ${as}, whose role lacks users:manage`, async () => {
        const list = await api().inject({ method: 'GET', url: '/api/users', as });
        expect(list.statusCode).toBe(403);
        expect((await post({ ...newDistrictUser, username: `by-${as}` }, as)).statusCode).toBe(403);
        // Nor widen another account's scope or role, nor delete it (users:manage is the superuser's).
        const widen = await put('segouviewer', { role: 'data_manager', scope: ['ML'] }, as);
        expect([widen.statusCode, widen.json().errorCode]).toEqual([403, 'FORBIDDEN']);
        const removed = await api().inject({ method: 'DELETE', url: `/api/users/${await idOf('segouviewer')}`, as });
        expect(removed.statusCode).toBe(403);
        expect((await api().inject({ method: 'GET', url: `/api/users/${await idOf('segouviewer')}`, as: 'admin' })).json()).toMatchObject({ role: 'viewer' });
      });
    }
    it('nobody signed out', async () => {
      expect((await api().inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
    });
  });

  describe('creating a user', () => {
    it('rejects a username with characters outside letters, digits and . _ @ -', async () => {
      const response = await post(newDistrictUser);
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toMatchObject([{ field: 'body.username', code: 'INVALID_FORMAT' }]);
    });

    it('creates one with its scope given by code, stores the username in lower case, and never answers a password hash', async () => {
      const response = await post({ ...newDistrictUser, username: 'Segou.Cercle' });
      expect(response.statusCode).toBe(201);
      const user = response.json();
      expect(user).toMatchObject({
        username: 'segou.cercle',
        displayName: 'Point focal Ségou cercle',
        role: 'data_entry',
        language: 'fr',
        disabled: false,
        email: null,
        lastLogin: null,
        scope: [{ id: 'ML0406uid01', code: 'ML0406', level: 3, path: '/MLuid000001/ML04uid0001/ML0406uid01' }],
      });
      expect(JSON.stringify(user)).not.toMatch(/scrypt|password/i);
      const signIn = await api().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'segou.cercle', password: 'Pelengana-2025' } });
      expect(signIn.statusCode).toBe(200);
    });

    it('accepts the scope by DHIS2 UID as well as by code', async () => {
      const response = await post({ ...newDistrictUser, username: 'kayes.facility', scope: ['FacKayes002'] });
      expect(response.json().scope).toMatchObject([{ code: 'FAC_KAYES_2' }]);
    });

    it('answers 409 for a username already taken, whatever its case', async () => {
      const response = await post({ ...newDistrictUser, username: 'KAYES' });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ errorCode: 'USERNAME_TAKEN', message: "Le nom d'utilisateur « kayes » est déjà pris" });
    });

    it('reports every bad field at once, each unknown org unit at its position, and writes nothing', async () => {
      const response = await post({ username: 'x', displayName: '', password: 'short', role: 'chef', scope: ['ML01', 'NOWHERE'] });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`)).toEqual([
        'body.username INVALID_FORMAT',
        'body.displayName TOO_SHORT',
        'body.password TOO_SHORT',
        'body.role NOT_ONE_OF',
      ]);
      const unknownUnit = await post({ ...newDistrictUser, username: 'unknown.unit', scope: ['ML01', 'NOWHERE'] });
      expect(unknownUnit.json().errors).toEqual([
        {
          field: 'body.scope.1',
          code: 'UNKNOWN_ORG_UNIT',
          message: "Valeur invalide pour le champ « body.scope.1 » : aucune unité d'organisation n'a le code ou l'UID « NOWHERE »",
        },
      ]);
      const count = await api().database.db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).where('username', '=', 'unknown.unit').executeTakeFirstOrThrow();
      expect(count.n).toBe(0);
    });

    it('requires a scope for every role but superuser, and a password that is not the username', async () => {
      const noScope = await post({ ...newDistrictUser, username: 'no.scope', scope: [] });
      expect(noScope.json().errors).toMatchObject([{ field: 'body.scope', code: 'SCOPE_REQUIRED' }]);
      const superuser = await post({ ...newDistrictUser, username: 'second.admin', role: 'superuser', scope: [] });
      expect(superuser.statusCode).toBe(201);
      expect(superuser.json().scope).toMatchObject([{ code: 'ML' }]);
      const samePassword = await post({ ...newDistrictUser, username: 'password1', password: 'PASSWORD1' });
      expect(samePassword.json().errors).toMatchObject([{ field: 'body.password', code: 'PASSWORD_IS_USERNAME' }]);
    });
  });

  describe('reading users', () => {
    it('lists them by username, a page at a time, with a DHIS2-style pager', async () => {
      const response = await api().inject({ method: 'GET', url: '/api/users?pageSize=2&page=2', as: 'admin' });
      const body = response.json();
      const total = await api().database.db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(body.pager).toEqual({ page: 2, pageSize: 2, total: total.n, pageCount: Math.ceil(total.n / 2) });
      const all = (await api().inject({ method: 'GET', url: '/api/users?pageSize=500', as: 'admin' })).json().users.map((u: { username: string }) => u.username);
      expect(all).toEqual([...all].sort());
      expect(body.users.map((u: { username: string }) => u.username)).toEqual(all.slice(2, 4));
    });

    it('finds users by part of their username or name, ignoring case', async () => {
      const response = await api().inject({ method: 'GET', url: '/api/users?query=FOCAL', as: 'admin' });
      expect(response.json().users.map((u: { username: string }) => u.username)).toEqual(['kayes.facility', 'second.admin', 'segou.cercle']);
    });

    it('reads one user, and answers 404 for an unknown id and 400 for a malformed one', async () => {
      const one = await api().inject({ method: 'GET', url: `/api/users/${await idOf('kayes')}`, as: 'admin' });
      expect(one.json()).toMatchObject({ username: 'kayes', role: 'data_entry', scope: [{ code: 'ML01' }] });
      const missing = await api().inject({ method: 'GET', url: '/api/users/999999', as: 'admin' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().message).toBe('Utilisateur introuvable : 999999');
      const malformed = await api().inject({ method: 'GET', url: '/api/users/abc', as: 'admin' });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().errors).toMatchObject([{ field: 'params.id', code: 'INVALID_TYPE' }]);
    });
  });

  describe('changing a user', () => {
    it('changes only the fields given: here the role and scope, which apply at the next request', async () => {
      const response = await put('segou.cercle', { role: 'viewer', scope: ['ML04', 'ML0101'] });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ displayName: 'Point focal Ségou cercle', role: 'viewer', scope: [{ code: 'ML0101' }, { code: 'ML04' }] });
      const basic = `Basic ${Buffer.from('segou.cercle:Pelengana-2025').toString('base64')}`;
      const me = await api().app.inject({ method: 'GET', url: '/api/me', headers: { authorization: basic } });
      expect(me.json().abilities).toEqual(['data:read', 'metadata:read']);
    });

    it('resets a password: the old one stops working at once', async () => {
      const basic = (password: string) => ({ authorization: `Basic ${Buffer.from(`kayes.facility:${password}`).toString('base64')}` });
      expect((await api().app.inject({ method: 'GET', url: '/api/me', headers: basic('Pelengana-2025') })).statusCode).toBe(200);
      expect((await put('kayes.facility', { password: 'Nouveau-2025!' })).statusCode).toBe(200);
      expect((await api().app.inject({ method: 'GET', url: '/api/me', headers: basic('Pelengana-2025') })).statusCode).toBe(401);
      expect((await api().app.inject({ method: 'GET', url: '/api/me', headers: basic('Nouveau-2025!') })).statusCode).toBe(200);
    });

    it('refuses to leave a non-superuser without scope, and refuses an unknown field such as the username', async () => {
      expect((await put('kayes', { scope: [] })).json().errors).toMatchObject([{ field: 'body.scope', code: 'SCOPE_REQUIRED' }]);
      expect((await put('second.admin', { role: 'data_manager' })).json().errors).toMatchObject([{ field: 'body.scope', code: 'SCOPE_REQUIRED' }]);
      expect((await put('kayes', { username: 'other' })).json().errors).toMatchObject([{ field: 'body.username', code: 'UNKNOWN_FIELD' }]);
    });

    it('lets nobody raise or lower their own access, but lets them resend it unchanged', async () => {
      for (const change of [{ role: 'viewer' }, { disabled: true }]) {
        const response = await put('admin', change);
        expect(response.statusCode, JSON.stringify(change)).toBe(403);
        expect(response.json().errorCode).toBe('OWN_ACCESS_UNCHANGEABLE');
      }
      const unchanged = await put('admin', { role: 'superuser', disabled: false, displayName: 'Administrateur national' });
      expect(unchanged.statusCode).toBe(200);
      expect(unchanged.json().displayName).toBe('Administrateur national');
    });

    it('keeps a superuser’s scope the whole country, whatever scope is sent', async () => {
      const response = await put('second.admin', { scope: ['ML01'] });
      expect(response.json().scope).toMatchObject([{ code: 'ML' }]);
    });
  });

  describe('deleting a user', () => {
    it('deletes another user, who can no longer sign in', async () => {
      const id = await idOf('segou.cercle');
      const response = await api().inject({ method: 'DELETE', url: `/api/users/${id}`, as: 'admin' });
      expect(response.statusCode).toBe(204);
      expect((await api().inject({ method: 'GET', url: `/api/users/${id}`, as: 'admin' })).statusCode).toBe(404);
      const signIn = await api().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'segou.cercle', password: 'Pelengana-2025' } });
      expect(signIn.statusCode).toBe(401);
    });

    it('refuses to delete one’s own account', async () => {
      const response = await api().inject({ method: 'DELETE', url: `/api/users/${await idOf('admin')}`, as: 'admin' });
      expect(response.statusCode).toBe(403);
      expect((await api().inject({ method: 'GET', url: '/api/me', as: 'admin' })).statusCode).toBe(200);
    });
  });
});
