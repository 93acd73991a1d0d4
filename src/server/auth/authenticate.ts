// Who is calling: a browser session cookie, HTTP Basic credentials, or a personal access
// token (`Authorization: ApiToken <token>`). Secrets are stored only as hashes.
import type { FastifyRequest } from 'fastify';
import { DenwError } from '../../core/errors.ts';
import type { Database } from '../../store/database.ts';
import type { CurrentUser } from '../access/abilities.ts';
import { hashSecret, verifyPassword } from './passwords.ts';

export const sessionCookie = 'denw_session';

export async function loadUser(database: Database, userId: number): Promise<CurrentUser | undefined> {
  const row = await database.db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name', 'role', 'language', 'disabled'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row || row.disabled) return undefined;
  const scope = await database.db
    .selectFrom('app_user_org_unit')
    .innerJoin('org_unit', 'org_unit.id', 'app_user_org_unit.org_unit_id')
    .select('org_unit.path')
    .where('app_user_org_unit.user_id', '=', userId)
    .execute();
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    language: row.language,
    scopePaths: scope.map((unit) => unit.path),
  };
}

/** Checks a username and password; undefined when they do not match an active user. */
export async function checkPassword(database: Database, username: string, password: string): Promise<CurrentUser | undefined> {
  const row = await database.db
    .selectFrom('app_user')
    .select(['id', 'password_hash', 'disabled'])
    .where('username', '=', username)
    .executeTakeFirst();
  if (!row || row.disabled || !(await verifyPassword(password, row.password_hash))) return undefined;
  return loadUser(database, row.id);
}

// Scripts send Basic credentials with every request; scrypt is deliberately slow, so a
// verified pair is remembered (by hash, never in clear) for a few minutes.
const verifiedBasic = new Map<string, { userId: number; until: number }>();
const basicCacheMs = 5 * 60_000;

export async function authenticate(database: Database, request: FastifyRequest): Promise<CurrentUser | undefined> {
  const header = request.headers.authorization;
  if (header?.startsWith('ApiToken ')) {
    const hash = hashSecret(header.slice('ApiToken '.length).trim());
    const token = await database.db
      .updateTable('api_token')
      .set({ last_used: new Date() })
      .where('token_hash', '=', hash)
      .where((eb) => eb.or([eb('expires', 'is', null), eb('expires', '>', new Date())]))
      .returning('user_id')
      .executeTakeFirst();
    if (!token) throw new DenwError('UNAUTHENTICATED');
    return loadUser(database, token.user_id);
  }
  if (header?.startsWith('Basic ')) {
    const decoded = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new DenwError('UNAUTHENTICATED');
    const key = hashSecret(decoded);
    const cached = verifiedBasic.get(key);
    if (cached && cached.until > Date.now()) return loadUser(database, cached.userId);
    const user = await checkPassword(database, decoded.slice(0, colon), decoded.slice(colon + 1));
    if (!user) throw new DenwError('UNAUTHENTICATED');
    verifiedBasic.set(key, { userId: user.id, until: Date.now() + basicCacheMs });
    return user;
  }
  const session = request.cookies?.[sessionCookie];
  if (session) {
    const row = await database.db
      .selectFrom('app_session')
      .select('user_id')
      .where('token_hash', '=', hashSecret(session))
      .where('expires', '>', new Date())
      .executeTakeFirst();
    if (row) return loadUser(database, row.user_id);
  }
  return undefined;
}
