import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { describeEachEngineApp, testPassword, type TestUser } from '../../testing/testApp.ts';

describeEachEngineApp('personal access tokens', (api) => {
  // An application of its own, with a clock the tests move; callers sign in with Basic.
  let clock = new Date();
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ database: api().database, auth: { now: () => clock } });
  });
  afterAll(() => app.close());

  const as = (user: TestUser) => ({ authorization: `Basic ${Buffer.from(`${user}:${testPassword}`).toString('base64')}` });
  const withToken = (key: string) => app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `ApiToken ${key}` } });
  const create = (payload: object, user: TestUser = 'kayes') => app.inject({ method: 'POST', url: '/api/apiToken', payload, headers: as(user) });
  const list = (user: TestUser) => app.inject({ method: 'GET', url: '/api/apiToken', headers: as(user) });
  const revoke = (uid: string, user: TestUser) => app.inject({ method: 'DELETE', url: `/api/apiToken/${uid}`, headers: as(user) });

  it('creates a token as DHIS2 does, showing its key once, and the key then signs in as its creator', async () => {
    const response = await create({ name: 'Import DHIS2 Kayes' });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ httpStatus: 'Created', httpStatusCode: 201, status: 'OK', response: { responseType: 'ApiTokenCreationResponse' } });
    expect(body.response.uid).toMatch(/^[A-Za-z][A-Za-z0-9]{10}$/);
    expect(body.response.key).toMatch(/^denw_pat_[A-Za-z0-9_-]{43}$/);
    const me = await withToken(body.response.key);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: 'kayes', role: 'data_entry' });
  });

  it('stores only the hash of the key, and never shows the key again', async () => {
    const { response } = (await create({ name: 'once' })).json();
    const stored = await api().database.db.selectFrom('api_token').selectAll().where('uid', '=', response.uid).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(response.key);
    const listed = await list('kayes');
    expect(JSON.stringify(listed.json())).not.toContain(response.key);
    expect(listed.json().apiToken).toContainEqual(expect.objectContaining({ id: response.uid, name: 'once', expire: null }));
  });

  it('lists only one’s own tokens, with when each was last used', async () => {
    const { response } = (await create({ name: 'admin script' }, 'admin')).json();
    await withToken(response.key);
    const mine = (await list('kayes')).json().apiToken;
    expect(mine.map((token: { id: string }) => token.id)).not.toContain(response.uid);
    const admins = (await list('admin')).json().apiToken;
    expect(admins).toEqual([expect.objectContaining({ id: response.uid, lastUsed: clock.toISOString() })]);
  });

  it('stops working at its expiry (epoch milliseconds, as DHIS2’s `expire`)', async () => {
    const expire = clock.getTime() + 3600_000;
    const { response } = (await create({ name: 'one hour', expire })).json();
    expect((await withToken(response.key)).statusCode).toBe(200);
    clock = new Date(expire);
    expect((await withToken(response.key)).statusCode).toBe(401);
  });

  it('refuses an expiry in the past, and DHIS2 attributes it does not enforce', async () => {
    const past = await create({ expire: Date.parse('2020-01-01') });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors).toMatchObject([{ field: 'body.expire', code: 'NOT_IN_FUTURE' }]);
    const attributes = await create({ attributes: [{ type: 'IpAllowedList', allowedIps: ['10.0.0.1'] }] });
    expect(attributes.json().errors).toMatchObject([{ field: 'body.attributes', code: 'UNKNOWN_FIELD' }]);
  });

  it('is revoked by its owner only, and a revoked key no longer signs in', async () => {
    const { response } = (await create({ name: 'to revoke' })).json();
    const byOther = await revoke(response.uid, 'admin');
    expect(byOther.statusCode).toBe(404);
    expect(byOther.json().errorCode).toBe('API_TOKEN_NOT_FOUND');
    const byOwner = await revoke(response.uid, 'kayes');
    expect(byOwner.statusCode).toBe(204);
    expect(byOwner.body).toBe('');
    expect((await withToken(response.key)).statusCode).toBe(401);
  });

  it('cannot create another token: a leaked token must not outlive its revocation', async () => {
    const { response } = (await create({ name: 'script' })).json();
    const minted = await app.inject({
      method: 'POST',
      url: '/api/apiToken',
      payload: {},
      headers: { authorization: `ApiToken ${response.key}` },
    });
    expect(minted.statusCode).toBe(403);
    expect(minted.json().errorCode).toBe('TOKEN_CANNOT_CREATE_TOKEN');
  });

  it('answers 401 for an unknown key, and stops working when its owner is disabled', async () => {
    expect((await withToken('denw_pat_unknown')).statusCode).toBe(401);
    const { response } = (await create({ name: 'owner disabled' })).json();
    const kayes = (await api().inject({ method: 'GET', url: '/api/me', as: 'kayes' })).json();
    await api().inject({ method: 'PUT', url: `/api/users/${kayes.id}`, payload: { disabled: true }, as: 'admin' });
    expect((await withToken(response.key)).statusCode).toBe(401);
    await api().inject({ method: 'PUT', url: `/api/users/${kayes.id}`, payload: { disabled: false }, as: 'admin' });
    expect((await withToken(response.key)).statusCode).toBe(200);
  });
});
