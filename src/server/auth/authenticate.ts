// Who is calling: a browser session cookie, HTTP Basic credentials, or a personal access
// token (`Authorization: ApiToken <token>`, as DHIS2). One authenticator per application
// holds the sign-in throttle and the cache of verified Basic credentials.
import type { FastifyRequest } from 'fastify';
import process from 'node:process';
import { DenwError } from '../../core/errors.ts';
import type { Database } from '../../store/database.ts';
import { findApiTokenUser, findSessionUser, type SessionLimits } from '../../store/sessions.ts';
import { findLoginCandidate, loadUser } from '../../store/users.ts';
import type { CurrentUser } from '../access/abilities.ts';
import { createLoginThrottle, type LoginThrottle } from './loginThrottle.ts';
import { hashSecret, spendVerification, verifyPassword } from './passwords.ts';

export const sessionCookie = 'denw_session';

/**
 * A session ends after 12 hours without a request (a working day in the field, with long
 * gaps between data-entry sittings) and in any case 24 hours after sign-in, so that a
 * forgotten browser on a shared computer is signed out by the next morning.
 */
export const defaultSessionLimits: SessionLimits = { idleMs: 12 * 3600_000, absoluteMs: 24 * 3600_000 };

export type AuthenticationMethod = 'session' | 'basic' | 'apiToken';

export interface AuthOptions {
  /** The clock (tests move it to check expiries and lockouts). */
  now?: () => Date;
  sessionLimits?: SessionLimits;
  /** Mark the session cookie Secure even on plain HTTP (behind a TLS-terminating proxy). */
  secureCookies?: boolean;
  throttle?: LoginThrottle;
}

export interface Authenticator {
  readonly now: () => Date;
  readonly sessionLimits: SessionLimits;
  readonly secureCookies: boolean;
  /** The caller, or undefined when the request carries no credentials at all. */
  authenticate(request: FastifyRequest): Promise<CurrentUser | undefined>;
  /** How the request's caller was authenticated (after authenticate). */
  methodOf(request: FastifyRequest): AuthenticationMethod | undefined;
  /**
   * Checks a username and password under the throttle: the user, or undefined for a wrong
   * pair (counted as a failure); throws LOGIN_LOCKED while the username or address is locked.
   */
  checkCredentials(username: string, password: string, address: string): Promise<CurrentUser | undefined>;
  /** Forgets the cached Basic credentials of a user whose password or status changed. */
  forgetCredentials(userId: number): void;
}

// Scripts send Basic credentials with every request; scrypt is deliberately slow, so a
// verified pair is remembered (under its hash, never in clear) for a few minutes.
const basicCacheMs = 5 * 60_000;

export function createAuthenticator(database: Database, options: AuthOptions = {}): Authenticator {
  const now = options.now ?? (() => new Date());
  const sessionLimits = options.sessionLimits ?? defaultSessionLimits;
  const throttle = options.throttle ?? createLoginThrottle();
  const verifiedBasic = new Map<string, { userId: number; until: number }>();
  const methods = new WeakMap<FastifyRequest, AuthenticationMethod>();

  async function checkCredentials(username: string, password: string, address: string): Promise<CurrentUser | undefined> {
    const at = now().getTime();
    const lockedMs = throttle.lockedFor(username, address, at);
    if (lockedMs > 0) {
      throw new DenwError('LOGIN_LOCKED', { minutes: Math.ceil(lockedMs / 60_000), seconds: Math.ceil(lockedMs / 1000) });
    }
    const candidate = await findLoginCandidate(database, username);
    const matches = candidate ? await verifyPassword(password, candidate.passwordHash) : await spendVerification(password);
    const user = matches && candidate && !candidate.disabled ? await loadUser(database, candidate.id) : undefined;
    if (!user) {
      throttle.failed(username, address, at);
      return undefined;
    }
    throttle.succeeded(username);
    return user;
  }

  async function basic(request: FastifyRequest, encoded: string): Promise<CurrentUser> {
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new DenwError('UNAUTHENTICATED');
    const key = hashSecret(decoded);
    const cached = verifiedBasic.get(key);
    if (cached && cached.until > now().getTime()) {
      const user = await loadUser(database, cached.userId);
      if (user) return user;
    }
    const user = await checkCredentials(decoded.slice(0, colon), decoded.slice(colon + 1), request.ip);
    if (!user) throw new DenwError('UNAUTHENTICATED');
    for (const [stored, entry] of verifiedBasic) if (entry.until <= now().getTime()) verifiedBasic.delete(stored);
    verifiedBasic.set(key, { userId: user.id, until: now().getTime() + basicCacheMs });
    return user;
  }

  async function identify(request: FastifyRequest): Promise<{ method: AuthenticationMethod; user: CurrentUser } | undefined> {
    const header = request.headers.authorization;
    if (header?.startsWith('ApiToken ')) {
      const userId = await findApiTokenUser(database, hashSecret(header.slice('ApiToken '.length).trim()), now());
      const user = userId === undefined ? undefined : await loadUser(database, userId);
      if (!user) throw new DenwError('UNAUTHENTICATED');
      return { method: 'apiToken', user };
    }
    if (header?.startsWith('Basic ')) return { method: 'basic', user: await basic(request, header.slice('Basic '.length)) };
    const session = request.cookies?.[sessionCookie];
    if (!session) return undefined;
    const userId = await findSessionUser(database, hashSecret(session), now(), sessionLimits);
    const user = userId === undefined ? undefined : await loadUser(database, userId);
    return user && { method: 'session', user };
  }

  return {
    now,
    sessionLimits,
    secureCookies: options.secureCookies ?? process.env.DENW_SECURE_COOKIES === 'true',
    async authenticate(request) {
      const identified = await identify(request);
      if (identified) methods.set(request, identified.method);
      return identified?.user;
    },
    methodOf: (request) => methods.get(request),
    checkCredentials,
    forgetCredentials(userId) {
      for (const [key, entry] of verifiedBasic) if (entry.userId === userId) verifiedBasic.delete(key);
    },
  };
}
