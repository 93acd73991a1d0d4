import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { describeEachEngineApp, testPassword } from '../../testing/testApp.ts';

const hour = 3600_000;

describeEachEngineApp('signing in and out', (api) => {
  // An application of its own, with a clock the tests move.
  let clock = new Date('2025-03-03T08:00:00Z');
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ database: api().database, auth: { now: () => clock } });
  });
  afterAll(() => app.close());

  let address = 0;
  /** Each test signs in from an address of its own, so that per-address counts do not mix. */
  const newAddress = () => `10.1.0.${++address}`;
  const login = (username: string, password: string, remoteAddress: string, language = 'fr') =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress,
      headers: { 'accept-language': language },
    });
  const me = (cookie: string) => app.inject({ method: 'GET', url: '/api/me', cookies: { denw_session: cookie } });
  const basic = (username: string, password: string, remoteAddress: string) =>
    app.inject({
      method: 'GET',
      url: '/api/me',
      remoteAddress,
      headers: { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` },
    });

  describe('a successful sign-in', () => {
    it('sets an HttpOnly, SameSite=Lax session cookie for the whole site, living 24 hours', async () => {
      const response = await login('kayes', testPassword, newAddress());
      expect(response.statusCode).toBe(200);
      const cookie = response.cookies.find((c) => c.name === 'denw_session')!;
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 86_400 });
      expect(cookie.secure).toBeUndefined();
      expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it('answers with the user, its abilities and its scope, as GET /api/me does', async () => {
      const response = await login('kayes', testPassword, newAddress());
      const cookie = response.cookies.find((c) => c.name === 'denw_session')!.value;
      expect(response.json()).toMatchObject({
        username: 'kayes',
        role: 'data_entry',
        abilities: ['data:read', 'data:write', 'metadata:read'],
        scope: [{ code: 'ML01', name: 'Kayes', level: 2, path: '/MLuid000001/ML01uid0001' }],
      });
      expect(response.json()).not.toHaveProperty('passwordHash');
      expect((await me(cookie)).json()).toEqual(response.json());
    });

    it('accepts the username in any case', async () => {
      expect((await login('KAYES', testPassword, newAddress())).statusCode).toBe(200);
    });

    it('marks the cookie Secure when told the server is behind HTTPS (DENW_SECURE_COOKIES=true)', async () => {
      const secureApp = await buildApp({ database: api().database, auth: { secureCookies: true } });
      const response = await secureApp.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'kayes', password: testPassword } });
      expect(response.cookies.find((c) => c.name === 'denw_session')!.secure).toBe(true);
      await secureApp.close();
    });

    it('replaces the session the browser already held', async () => {
      const from = newAddress();
      const first = (await login('kayes', testPassword, from)).cookies[0]!.value;
      const second = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'kayes', password: testPassword },
        cookies: { denw_session: first },
        remoteAddress: from,
      });
      expect(second.statusCode).toBe(200);
      expect((await me(first)).statusCode).toBe(401);
      expect((await me(second.cookies.find((c) => c.value !== '')!.value)).statusCode).toBe(200);
    });
  });

  describe('a failed sign-in', () => {
    it('says the username or password is wrong, without saying which, in the request’s language', async () => {
      const from = newAddress();
      const wrongPassword = await login('kayes', 'not the password', from);
      const unknownUser = await login('nobody', 'not the password', from, 'en');
      expect(wrongPassword.statusCode).toBe(401);
      expect(wrongPassword.json()).toMatchObject({ errorCode: 'LOGIN_FAILED', message: "Nom d'utilisateur ou mot de passe incorrect" });
      expect(unknownUser.statusCode).toBe(401);
      expect(unknownUser.json().message).toBe('Wrong username or password');
      expect(wrongPassword.cookies).toEqual([]);
    });

    it('names the missing field when the body lacks one', async () => {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'kayes' } });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([
        { field: 'body.password', code: 'REQUIRED', message: 'Valeur invalide pour le champ « body.password » : valeur obligatoire manquante' },
      ]);
    });
  });

  describe('the lockout after repeated failures', () => {
    it('refuses a username for 15 minutes after 5 wrong passwords, even with the right one, saying how long to wait', async () => {
      const from = newAddress();
      for (let i = 0; i < 5; i++) expect((await login('segouViewer', `wrong ${i}`, from)).statusCode).toBe(401);
      const locked = await login('segouViewer', testPassword, newAddress());
      expect(locked.statusCode).toBe(429);
      expect(locked.headers['retry-after']).toBe('900');
      expect(locked.json()).toMatchObject({ errorCode: 'LOGIN_LOCKED', message: "Trop d'échecs de connexion ; réessayez dans 15 min" });
      const english = await login('segouViewer', testPassword, newAddress(), 'en-GB,en;q=0.9');
      expect(english.json().message).toBe('Too many failed sign-ins; try again in 15 min');

      clock = new Date(clock.getTime() + 15 * 60_000);
      expect((await login('segouViewer', testPassword, newAddress())).statusCode).toBe(200);
    });

    it('counts wrong HTTP Basic credentials as failed sign-ins too', async () => {
      const from = newAddress();
      for (let i = 0; i < 5; i++) expect((await basic('national', `wrong ${i}`, from)).statusCode).toBe(401);
      const locked = await basic('national', testPassword, newAddress());
      expect(locked.statusCode).toBe(429);
      expect((await login('national', testPassword, newAddress())).statusCode).toBe(429);
      clock = new Date(clock.getTime() + 15 * 60_000);
      expect((await basic('national', testPassword, newAddress())).statusCode).toBe(200);
    });

    it('refuses an address after 20 failures, whatever the usernames, but not other addresses', async () => {
      const from = newAddress();
      for (let i = 0; i < 20; i++) await login(`guess${i}`, 'guess', from);
      expect((await login('kayes', testPassword, from)).statusCode).toBe(429);
      expect((await login('kayes', testPassword, newAddress())).statusCode).toBe(200);
      clock = new Date(clock.getTime() + 15 * 60_000);
    });
  });

  describe('signing out and session expiry', () => {
    const signIn = async () => (await login('kayes', testPassword, newAddress())).cookies[0]!.value;

    it('ends the session and clears the cookie', async () => {
      const cookie = await signIn();
      const response = await app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { denw_session: cookie } });
      expect(response.statusCode).toBe(204);
      expect(response.cookies[0]).toMatchObject({ name: 'denw_session', value: '' });
      expect((await me(cookie)).statusCode).toBe(401);
    });

    it('ends a session left unused for 12 hours', async () => {
      const cookie = await signIn();
      clock = new Date(clock.getTime() + 12 * hour - 60_000);
      expect((await me(cookie)).statusCode).toBe(200);
      clock = new Date(clock.getTime() + 12 * hour);
      expect((await me(cookie)).statusCode).toBe(401);
    });

    it('ends even a busy session 24 hours after sign-in', async () => {
      const cookie = await signIn();
      for (let hours = 6; hours < 24; hours += 6) {
        clock = new Date(clock.getTime() + 6 * hour);
        expect((await me(cookie)).statusCode, `after ${hours} h`).toBe(200);
      }
      clock = new Date(clock.getTime() + 6 * hour);
      expect((await me(cookie)).statusCode).toBe(401);
    });

    it('ends the sessions of a user who is disabled, and refuses its sign-in', async () => {
      const cookie = await signIn();
      const disable = await api().inject({ method: 'PUT', url: `/api/users/${await idOf('kayes')}`, payload: { disabled: true }, as: 'admin' });
      expect(disable.statusCode).toBe(200);
      expect((await me(cookie)).statusCode).toBe(401);
      expect((await login('kayes', testPassword, newAddress())).statusCode).toBe(401);
      await api().inject({ method: 'PUT', url: `/api/users/${await idOf('kayes')}`, payload: { disabled: false }, as: 'admin' });
    });
  });

  async function idOf(username: string): Promise<number> {
    const row = await api().database.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    return row.id;
  }
});
