// DENW_TRUST_PROXY: behind a trusted reverse proxy, the sign-in lock counts the client's
// address (X-Forwarded-For) and an HTTPS request (X-Forwarded-Proto: https) gets a Secure
// session cookie; off (the default) or from an untrusted peer, those headers change nothing.
import { describe, expect, it } from 'vitest';
import { DenwError } from '../core/errors.ts';
import { translate } from '../core/i18n.ts';
import { buildApp } from './app.ts';
import { describeEachEngineApp, testPassword } from './testing/testApp.ts';
import { parseTrustProxy, type TrustProxy } from './trustProxy.ts';

describe('parseTrustProxy (DENW_TRUST_PROXY)', () => {
  it('is off when unset, empty or false', () => {
    for (const text of [undefined, '', ' ', 'false', 'FALSE']) expect(parseTrustProxy(text), String(text)).toBe(false);
  });
  it('trusts every hop with true, or the listed proxies: addresses, CIDR ranges, proxy-addr names', () => {
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('10.0.0.1, 192.168.0.0/16,::1, fd00::/8 ,loopback')).toEqual(['10.0.0.1', '192.168.0.0/16', '::1', 'fd00::/8', 'loopback']);
  });
  it('refuses anything else, naming the entry, a hop count included (Fastify 5.12 would trust nothing for it)', () => {
    for (const [text, entry] of [['yes', 'yes'], ['1', '1'], ['10.0.0.1,10.0.0.300', '10.0.0.300'], ['10.0.0.0/33', '10.0.0.0/33'], ['::/129', '::/129']]) {
      try {
        parseTrustProxy(text);
        expect.unreachable(text);
      } catch (error) {
        expect(error).toBeInstanceOf(DenwError);
        expect((error as DenwError).params, text).toEqual({ value: entry });
      }
    }
    expect(translate('error.TRUST_PROXY_INVALID', 'en', { value: '1' })).toContain('a number of hops is not accepted');
  });
});

describeEachEngineApp('behind a reverse proxy', (api) => {
  const proxy = '10.9.9.9';
  // Each app has its own sign-in counts, so each test starts clean.
  const appWith = (trustProxy: TrustProxy | undefined) => buildApp({ database: api().database, ...(trustProxy === undefined ? {} : { trustProxy }) });
  const login = (app: Awaited<ReturnType<typeof appWith>>, username: string, password: string, headers: Record<string, string>) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers, remoteAddress: proxy });

  /** 20 failed sign-ins from `attacker`, then a good one from `client`: its status. */
  const afterTwentyFailures = async (trustProxy: TrustProxy | undefined, attacker: Record<string, string>, client: Record<string, string>) => {
    const app = await appWith(trustProxy);
    for (let i = 0; i < 20; i++) expect((await login(app, `guess${i}`, 'guess', attacker)).statusCode).toBe(401);
    const status = (await login(app, 'kayes', testPassword, client)).statusCode;
    await app.close();
    return status;
  };

  describe('the per-address sign-in lock', () => {
    it('with the proxy trusted, locks the attacking client only, not another client behind the same proxy', async () => {
      expect(await afterTwentyFailures([proxy], { 'x-forwarded-for': '203.0.113.7' }, { 'x-forwarded-for': '198.51.100.4' })).toBe(200);
      expect(await afterTwentyFailures(true, { 'x-forwarded-for': '203.0.113.7' }, { 'x-forwarded-for': '203.0.113.7' })).toBe(429);
    });

    it('off by default: every client has the proxy address, so one attacker locks everybody out', async () => {
      expect(await afterTwentyFailures(undefined, { 'x-forwarded-for': '203.0.113.7' }, { 'x-forwarded-for': '198.51.100.4' })).toBe(429);
    });

    it('from a peer that is not the trusted proxy, X-Forwarded-For is ignored (a direct client cannot pick its address)', async () => {
      expect(await afterTwentyFailures(['10.0.0.1'], { 'x-forwarded-for': '203.0.113.7' }, { 'x-forwarded-for': '198.51.100.4' })).toBe(429);
    });
  });

  describe('the session cookie', () => {
    const secureFlag = async (trustProxy: TrustProxy | undefined) => {
      const app = await appWith(trustProxy);
      const response = await login(app, 'kayes', testPassword, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.8' });
      await app.close();
      expect(response.statusCode).toBe(200);
      return response.cookies.find((cookie) => cookie.name === 'denw_session')!.secure ?? false;
    };

    it('is Secure when the trusted proxy says the client came over HTTPS', async () => {
      expect(await secureFlag([proxy])).toBe(true);
    });

    it('is not Secure on that header alone when the proxy is not trusted', async () => {
      expect(await secureFlag(undefined)).toBe(false);
      expect(await secureFlag(['10.0.0.1'])).toBe(false);
    });
  });
});
