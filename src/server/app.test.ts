import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { describeEachEngineApp, testPassword } from './testing/testApp.ts';

describeEachEngineApp('the API edge', (api) => {
  describe('routes and methods', () => {
    it('answers unknown routes 404 in French by default and in English on request', async () => {
      const fr = await api().inject({ method: 'GET', url: '/api/nowhere' });
      expect(fr.statusCode).toBe(404);
      expect(fr.json()).toMatchObject({ httpStatusCode: 404, status: 'ERROR', errorCode: 'NOT_FOUND' });
      expect(fr.json().message).toBe('Ressource introuvable : /api/nowhere');
      const en = await api().inject({ method: 'GET', url: '/api/nowhere', headers: { 'accept-language': 'en' } });
      expect(en.json().message).toBe('Not found: /api/nowhere');
    });

    it('answers a wrong method 405, naming the allowed ones in Allow (RFC 9110 §15.5.6), for fixed and parametric paths', async () => {
      const fixed = await api().inject({ method: 'DELETE', url: '/api/system/info' });
      expect(fixed.statusCode).toBe(405);
      expect(fixed.json().errorCode).toBe('METHOD_NOT_ALLOWED');
      expect(fixed.headers.allow).toBe('GET, HEAD');
      const parametric = await api().inject({ method: 'PATCH', url: '/api/users/12', as: 'admin' });
      expect(parametric.statusCode).toBe(405);
      expect(parametric.headers.allow).toBe('GET, HEAD, PUT, DELETE');
    });

    it('answers a malformed address 400 and an over-long path parameter 414, in the same error shape', async () => {
      const malformed = await api().inject({ method: 'GET', url: '/api/users/%E0%A4%A', headers: { 'accept-language': 'en' } });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json()).toMatchObject({ errorCode: 'INVALID_URL', message: 'Malformed address: /api/users/%E0%A4%A' });
      const long = await api().inject({ method: 'GET', url: `/api/users/${'9'.repeat(200)}` });
      expect(long.statusCode).toBe(414);
      expect(long.json().errorCode).toBe('URI_TOO_LONG');
    });
  });

  describe('request bodies', () => {
    const login = (payload: string, contentType?: string) =>
      api().inject({ method: 'POST', url: '/api/auth/login', payload, headers: contentType ? { 'content-type': contentType } : {} });

    it('answers malformed JSON 400, naming the body', async () => {
      const response = await login('{"username": "kayes",', 'application/json');
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ errorCode: 'INVALID_JSON', field: 'body' });
    });

    it('says why a JSON body is refused in the request language only, not in the English of the framework', async () => {
      const fr = await login('{"username": "kayes",', 'application/json');
      expect(fr.json().message).toBe("Le corps de la requête n'est pas un JSON valide : la syntaxe JSON n'est pas respectée (accolade, guillemet ou virgule)");
      const empty = await api().inject({ method: 'POST', url: '/api/auth/login', payload: '', headers: { 'content-type': 'application/json', 'accept-language': 'en' } });
      expect(empty.statusCode).toBe(400);
      expect(empty.json()).toMatchObject({ errorCode: 'INVALID_JSON', field: 'body', message: 'The request body is not valid JSON: the body is empty' });
    });

    it('refuses JSON carrying a __proto__ key (prototype pollution) as invalid', async () => {
      expect((await login('{"username": "kayes", "__proto__": {"role": "superuser"}}', 'application/json')).statusCode).toBe(400);
    });

    it('answers 415 for a type the server does not read, for text sent to a JSON route, and for a body without type', async () => {
      const form = await login('username=kayes&password=x', 'application/x-www-form-urlencoded');
      expect(form.statusCode).toBe(415);
      expect(form.json().message).toBe('Type de contenu non pris en charge : application/x-www-form-urlencoded');
      // text/plain is what another site's form can send without a CORS preflight.
      const text = await login(JSON.stringify({ username: 'kayes', password: testPassword }), 'text/plain');
      expect(text.statusCode).toBe(415);
      expect((await login('{}')).json().errorCode).toBe('CONTENT_TYPE_MISSING');
    });

    it('accepts JSON with a charset parameter', async () => {
      const body = JSON.stringify({ username: 'kayes', password: testPassword });
      expect((await login(body, 'application/json; charset=utf-8')).statusCode).toBe(200);
    });

    it('reports a JSON value of the wrong shape by field, never as a server error', async () => {
      for (const payload of ['null', '[]', '"text"', '42', '{"username": 7, "password": []}']) {
        const response = await login(payload, 'application/json');
        expect(response.statusCode, payload).toBe(400);
        expect(response.json().errors.length, payload).toBeGreaterThan(0);
      }
    });
  });

  describe('with a small body limit', () => {
    let small: FastifyInstance;
    beforeAll(async () => {
      small = await buildApp({ database: api().database, bodyLimit: 64 });
    });
    afterAll(() => small.close());

    it('answers an oversized body 413, stating the limit, before reading it all', async () => {
      const response = await small.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'kayes', password: 'x'.repeat(100) },
        headers: { 'accept-language': 'en' },
      });
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ errorCode: 'PAYLOAD_TOO_LARGE', message: 'Request too large (limit: 64 bytes)' });
    });

    it('still accepts a body within the limit', async () => {
      const response = await small.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'kayes', password: testPassword } });
      expect(response.statusCode).toBe(200);
    });
  });

  it('accepts Basic credentials of a known user and refuses wrong ones', async () => {
    const wrong = await api().inject({
      method: 'GET',
      url: '/api/system/info',
      headers: { authorization: `Basic ${Buffer.from('admin:wrong').toString('base64')}` },
    });
    expect(wrong.statusCode).toBe(401);
    const right = await api().inject({ method: 'GET', url: '/api/system/info', as: 'admin' });
    expect(right.statusCode).toBe(200);
  });

  it('answers a signed-in user in its own language when the request names none', async () => {
    await api().inject({ method: 'PUT', url: '/api/me', payload: { language: 'en' }, as: 'kayes' });
    const response = await api().inject({ method: 'GET', url: '/api/users', as: 'kayes' });
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toBe('Access denied');
    await api().inject({ method: 'PUT', url: '/api/me', payload: { language: 'fr' }, as: 'kayes' });
  });
});
