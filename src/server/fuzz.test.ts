// Property: whatever body, content type, query string or path parameter a client sends,
// the server answers — never a 5xx — and every refusal is a WebMessage with an error code
// and a message (style guideline 3: "never crashes on input", made executable).
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { describeEachEngineApp, type TestUser } from './testing/testApp.ts';

const fields = ['username', 'password', 'displayName', 'role', 'scope', 'language', 'email', 'disabled', 'name', 'expire', 'oldPassword', 'newPassword', '__proto__', 'constructor'];
const anyValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 4 }),
  fc.constantFrom('superuser', 'viewer', 'ML01', 'fr', 'en', 'a@b.ml', 'Mot-de-passe-1'),
);

/** Mostly a valid value, sometimes an invalid one. */
const mostly = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) => fc.oneof({ arbitrary: valid, weight: 6 }, invalid);

/** Values close to what the routes accept, so that many requests get past validation into the store. */
const plausibleValues = {
  username: mostly(fc.stringMatching(/^[a-z][a-z0-9.]{1,10}$/), fc.constantFrom('kayes', 'ADMIN', 'é')),
  displayName: mostly(fc.string({ minLength: 1, maxLength: 30 }), fc.constant('')),
  password: mostly(fc.constant('Mot-de-passe-1'), fc.constantFrom('court', 'x'.repeat(300))),
  role: mostly(fc.constantFrom('superuser', 'data_manager', 'data_entry', 'viewer'), fc.constant('chef')),
  scope: fc.array(mostly(fc.constantFrom('ML', 'ML01', 'ML0406', 'FacKayes002'), fc.constantFrom('NOWHERE', '')), { minLength: 1, maxLength: 3 }),
  language: mostly(fc.constantFrom('fr', 'en'), fc.constant('bm')),
  email: mostly(fc.constantFrom('awa@sante.gov.ml', null), fc.constant('pas-un-courriel')),
  disabled: fc.boolean(),
  name: fc.string({ maxLength: 120 }),
  expire: mostly(fc.integer({ min: Date.now() + 60_000, max: Date.now() + 365 * 86_400_000 }), fc.oneof(fc.integer(), fc.double())),
  oldPassword: fc.constantFrom('faux', ''),
  newPassword: fc.constantFrom('Nouveau-mot-1', 'court'),
};
type Field = keyof typeof plausibleValues;

/** Bodies: any JSON value, plausible objects of the route's own fields, objects of any known field with any values, and text that is not JSON. */
function body(routeFields: Field[]) {
  const plausible = fc.record(Object.fromEntries(routeFields.map((field) => [field, plausibleValues[field]])), { requiredKeys: [] });
  return fc.oneof(
    fc.jsonValue().map((value) => JSON.stringify(value)),
    { arbitrary: plausible.map((value) => JSON.stringify(value)), weight: 4 },
    fc.dictionary(fc.constantFrom(...fields), anyValue, { maxKeys: 6 }).map((value) => JSON.stringify(value)),
    fc.string({ unit: 'binary', maxLength: 200 }),
  );
}

const contentType = fc.oneof(
  { arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8'), weight: 4 },
  fc.constantFrom('text/plain', 'text/csv', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data'),
  fc.stringMatching(/^[a-z]{1,10}\/[a-z0-9.+-]{1,15}$/),
  fc.constant(undefined),
);

/** Query strings: known and hostile parameter names with any values, then raw characters (stray %, &, =). */
const queryString = fc
  .tuple(
    fc.dictionary(fc.constantFrom('page', 'pageSize', 'query', 'x', '__proto__', 'constructor', 'page[]'), fc.string(), { maxKeys: 4 }),
    fc.string({ unit: fc.constantFrom(...'%&=+[]a1é ') as fc.Arbitrary<string>, maxLength: 12 }),
  )
  .map(([params, raw]) => `${new URLSearchParams(params).toString()}&${raw.replace(/ /g, '+')}`);

const pathParameter = fc.oneof(fc.string({ maxLength: 40 }).map(encodeURIComponent), fc.integer().map(String), fc.constantFrom('0', '-1', '1e3', '2147483648', '%E0%A4%A'));

describeEachEngineApp('the API under random input', (api) => {
  let targetId = 0;
  beforeAll(async () => {
    // Changes land on an account of their own, so that the callers' credentials stay valid.
    const created = await api().inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'fuzz.target', displayName: 'Cible', password: 'Mot-de-passe-1', role: 'viewer', scope: ['ML04'] },
      as: 'admin',
    });
    targetId = created.json().id;
  });

  const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, as?: TestUser, payload?: string, type?: string) =>
    api().inject({ method, url, as, ...(payload === undefined ? {} : { payload }), headers: type ? { 'content-type': type } : {}, remoteAddress: as ? '127.0.0.1' : '10.9.9.9' });

  function expectAnswered(response: LightMyRequestResponse): void {
    expect(response.statusCode).toBeLessThan(500);
    if (response.statusCode >= 400) {
      const message = response.json();
      expect(message).toMatchObject({ httpStatusCode: response.statusCode, status: 'ERROR', errorCode: expect.any(String) });
      expect(message.message).not.toMatch(/^(error|reason)\./);
    }
  }

  const userFields: Field[] = ['displayName', 'password', 'role', 'scope', 'language', 'email', 'disabled'];
  const bodyRoutes: Array<[string, 'POST' | 'PUT', () => string, TestUser | undefined, Field[]]> = [
    ['sign-in', 'POST', () => '/api/auth/login', undefined, ['username', 'password']],
    ['user creation', 'POST', () => '/api/users', 'admin', ['username', ...userFields]],
    ['user change', 'PUT', () => `/api/users/${targetId}`, 'admin', userFields],
    ['own profile', 'PUT', () => '/api/me', 'national', ['displayName', 'language', 'email', 'oldPassword', 'newPassword']],
    ['token creation', 'POST', () => '/api/apiToken', 'kayes', ['name', 'expire']],
  ];
  for (const [name, method, url, as, routeFields] of bodyRoutes) {
    it(`answers any body and content type on ${name} (${method}) without a server error`, async () => {
      await fc.assert(
        fc.asyncProperty(body(routeFields), contentType, async (payload, type) => expectAnswered(await send(method, url(), as, payload, type))),
        { numRuns: 60 },
      );
    });
  }

  it('answers any query string on the users list without a server error', async () => {
    await fc.assert(
      fc.asyncProperty(queryString, async (query) => expectAnswered(await send('GET', `/api/users?${query}`, 'admin'))),
      { numRuns: 100 },
    );
  });

  it('answers any path parameter without a server error', async () => {
    await fc.assert(
      fc.asyncProperty(pathParameter, async (parameter) => {
        expectAnswered(await send('GET', `/api/users/${parameter}`, 'admin'));
        expectAnswered(await send('DELETE', `/api/apiToken/${parameter}`, 'kayes'));
      }),
      { numRuns: 100 },
    );
  });
});
