import { describe, expect, it } from 'vitest';
import { describeEachEngineApp, testPassword } from '../../testing/testApp.ts';

describeEachEngineApp('the signed-in user', (api) => {
  describe('GET /api/me', () => {
    it('tells a viewer it may read data in Ségou and nothing more', async () => {
      const response = await api().inject({ method: 'GET', url: '/api/me', as: 'segouViewer' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        username: 'segouviewer',
        role: 'viewer',
        language: 'fr',
        abilities: ['data:read', 'metadata:read'],
        scope: [{ id: 'ML04uid0001', code: 'ML04', name: 'Ségou', nameEn: null, level: 2, path: '/MLuid000001/ML04uid0001' }],
      });
    });

    it('gives a superuser every ability and the whole country as scope', async () => {
      const response = await api().inject({ method: 'GET', url: '/api/me', as: 'admin' });
      expect(response.json().abilities).toEqual(['data:read', 'data:write', 'data:editExpired', 'metadata:read', 'metadata:write', 'users:manage']);
      expect(response.json().scope.map((unit: { code: string }) => unit.code)).toEqual(['ML']);
    });

    it('needs a signed-in caller', async () => {
      const response = await api().inject({ method: 'GET', url: '/api/me' });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ errorCode: 'UNAUTHENTICATED', message: 'Authentification requise' });
    });
  });

  describe('PUT /api/me', () => {
    it('changes one’s own display name and language, and answers in the new language from then on', async () => {
      const response = await api().inject({ method: 'PUT', url: '/api/me', payload: { displayName: 'Awa Traoré', language: 'en' }, as: 'national' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ displayName: 'Awa Traoré', language: 'en' });
      const error = await api().inject({ method: 'PUT', url: '/api/me', payload: { language: 'de' }, as: 'national' });
      expect(error.json().message).toBe('Invalid value for field "body.language": must be one of: fr, en');
      const french = await api().inject({
        method: 'PUT',
        url: '/api/me',
        payload: { language: 'de' },
        headers: { 'accept-language': 'fr' },
        as: 'national',
      });
      expect(french.json().message).toBe("Valeur invalide pour le champ « body.language » : doit être l'une des valeurs : fr, en");
      await api().inject({ method: 'PUT', url: '/api/me', payload: { language: 'fr' }, as: 'national' });
    });

    it('refuses a role or a scope: they are not one’s own to change', async () => {
      const response = await api().inject({ method: 'PUT', url: '/api/me', payload: { role: 'superuser', scope: ['ML'] }, as: 'kayes' });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
        ['body.role', 'UNKNOWN_FIELD'],
        ['body.scope', 'UNKNOWN_FIELD'],
      ]);
      expect((await api().inject({ method: 'GET', url: '/api/me', as: 'kayes' })).json().role).toBe('data_entry');
    });

    it('changes the password only with the old one, and not to the username', async () => {
      const withoutOld = await api().inject({ method: 'PUT', url: '/api/me', payload: { newPassword: 'Nouveau-mot-2025' }, as: 'kayes' });
      expect(withoutOld.json().errors).toMatchObject([{ field: 'body.oldPassword', code: 'REQUIRED' }]);
      const wrongOld = await api().inject({
        method: 'PUT',
        url: '/api/me',
        payload: { oldPassword: 'wrong', newPassword: 'Nouveau-mot-2025', displayName: 'Changed?' },
        as: 'kayes',
      });
      expect(wrongOld.json().errors).toMatchObject([{ field: 'body.oldPassword', code: 'WRONG_PASSWORD', message: 'Valeur invalide pour le champ « body.oldPassword » : mot de passe actuel incorrect' }]);
      expect((await api().inject({ method: 'GET', url: '/api/me', as: 'kayes' })).json().displayName).toBe('kayes');
      const asUsername = await api().inject({ method: 'PUT', url: '/api/me', payload: { oldPassword: testPassword, newPassword: 'NATIONAL' }, as: 'national' });
      expect(asUsername.json().errors).toMatchObject([{ field: 'body.newPassword', code: 'PASSWORD_IS_USERNAME' }]);
      const short = await api().inject({ method: 'PUT', url: '/api/me', payload: { oldPassword: testPassword, newPassword: 'court' }, as: 'kayes' });
      expect(short.json().errors[0].message).toBe('Valeur invalide pour le champ « body.newPassword » : doit compter au moins 8 caractères');
    });

    it('after a password change, the old password no longer works, and a browser session is renewed', async () => {
      const login = await api().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'segouViewer', password: testPassword } });
      const oldCookie = login.cookies[0]!.value;
      const other = await api().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'segouViewer', password: testPassword } });
      const change = await api().app.inject({
        method: 'PUT',
        url: '/api/me',
        payload: { oldPassword: testPassword, newPassword: 'Ségou-Pélengana-2025' },
        cookies: { denw_session: oldCookie },
      });
      expect(change.statusCode).toBe(200);
      const newCookie = change.cookies.find((cookie) => cookie.value !== '')!.value;
      const me = (cookie: string) => api().app.inject({ method: 'GET', url: '/api/me', cookies: { denw_session: cookie } });
      expect((await me(newCookie)).statusCode).toBe(200);
      expect((await me(oldCookie)).statusCode).toBe(401);
      expect((await me(other.cookies[0]!.value)).statusCode).toBe(401);
      expect((await api().inject({ method: 'GET', url: '/api/me', as: 'segouViewer' })).statusCode).toBe(401);
      const basic = `Basic ${Buffer.from('segouViewer:Ségou-Pélengana-2025').toString('base64')}`;
      expect((await api().app.inject({ method: 'GET', url: '/api/me', headers: { authorization: basic } })).statusCode).toBe(200);
    });
  });
});
