// Users, their roles and their org-unit scopes. Password hashes never leave this file except
// to be verified (findLoginCandidate); every other reader gets a UserDetails without them.
import type { Kysely } from 'kysely';
import { DenwError } from '../core/errors.ts';
import { languages, translate } from '../core/i18n.ts';
import type { CurrentUser, Role } from '../server/access/abilities.ts';
import { hashPassword, newReadablePassword, passwordRule } from '../server/auth/passwords.ts';
import type { Database } from './database.ts';
import { findOrgUnits, scopeUnitsOf, type ScopeUnit } from './orgUnitScope.ts';
import type { Schema } from './schema.ts';
import { deleteSessionsOf } from './sessions.ts';

type Db = Kysely<Schema>;

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  language?: 'fr' | 'en';
  email?: string | null;
  disabled?: boolean;
  /** Codes or UIDs of the org units at the roots of the user's scope. */
  scope: string[];
}

export interface UserDetails {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  language: 'fr' | 'en';
  disabled: boolean;
  created: Date;
  lastLogin: Date | null;
  scope: ScopeUnit[];
}

export type UserChanges = Partial<Omit<NewUser, 'username'>>;

/** Usernames are compared without case, as DHIS2 does since 2.36: they are stored lowercase. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** Replaces the roots of a user's scope; an unknown code or UID fails the whole change. */
async function setScope(tx: Db, userId: number, scope: readonly string[]): Promise<void> {
  const { ids, unknown } = await findOrgUnits(tx, scope);
  if (unknown.length > 0) {
    throw new DenwError('ORG_UNIT_UNKNOWN', { orgUnits: unknown.join(', ') }, `scope.${scope.indexOf(unknown[0]!)}`);
  }
  await tx.deleteFrom('app_user_org_unit').where('user_id', '=', userId).execute();
  const unitIds = [...new Set(scope.map((reference) => ids.get(reference)!))];
  if (unitIds.length > 0) {
    await tx
      .insertInto('app_user_org_unit')
      .values(unitIds.map((orgUnitId) => ({ user_id: userId, org_unit_id: orgUnitId })))
      .execute();
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === '23505';
}

/** Creates a user with its scope, all or nothing; a taken username is a 409. */
export async function createUser(database: Database, user: NewUser): Promise<number> {
  const username = normalizeUsername(user.username);
  const passwordHash = await hashPassword(user.password);
  try {
    return await database.db.transaction().execute(async (tx) => {
      const { id } = await tx
        .insertInto('app_user')
        .values({
          username,
          display_name: user.displayName,
          email: user.email ?? null,
          password_hash: passwordHash,
          role: user.role,
          language: user.language ?? 'fr',
          disabled: user.disabled ?? false,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await setScope(tx, id, user.scope);
      return id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DenwError('USERNAME_TAKEN', { username }, 'username');
    throw error;
  }
}

/** Changes the fields given, all or nothing; a new password ends the user's sessions. */
export async function updateUser(database: Database, userId: number, changes: UserChanges): Promise<boolean> {
  const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password);
  return database.db.transaction().execute(async (tx) => {
    const columns = {
      ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
      ...(changes.email !== undefined ? { email: changes.email } : {}),
      ...(changes.role !== undefined ? { role: changes.role } : {}),
      ...(changes.language !== undefined ? { language: changes.language } : {}),
      ...(changes.disabled !== undefined ? { disabled: changes.disabled } : {}),
      ...(passwordHash !== undefined ? { password_hash: passwordHash } : {}),
    };
    const found =
      Object.keys(columns).length > 0
        ? await tx.updateTable('app_user').set(columns).where('id', '=', userId).returning('id').executeTakeFirst()
        : await tx.selectFrom('app_user').select('id').where('id', '=', userId).executeTakeFirst();
    if (!found) return false;
    if (changes.scope !== undefined) await setScope(tx, userId, changes.scope);
    if (passwordHash !== undefined || changes.disabled) await deleteSessionsOf(tx, userId);
    return true;
  });
}

export async function deleteUser(database: Database, userId: number): Promise<boolean> {
  const deleted = await database.db.deleteFrom('app_user').where('id', '=', userId).returning('id').executeTakeFirst();
  return deleted !== undefined;
}

const detailColumns = [
  'id',
  'username',
  'display_name as displayName',
  'email',
  'role',
  'language',
  'disabled',
  'created',
  'last_login as lastLogin',
] as const;

export async function getUser(database: Database, userId: number): Promise<UserDetails | undefined> {
  const row = await database.db.selectFrom('app_user').select(detailColumns).where('id', '=', userId).executeTakeFirst();
  return row && { ...row, scope: await scopeUnitsOf(database.db, row.id, row.role) };
}

/** One page of users, by username, optionally those whose username, name or email contains `query`. */
export async function listUsers(
  database: Database,
  options: { query?: string | undefined; page: number; pageSize: number },
): Promise<{ total: number; users: UserDetails[] }> {
  const base = database.db.selectFrom('app_user').$if(options.query !== undefined, (query) => {
    const pattern = `%${options.query!.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return query.where((eb) =>
      eb.or([eb('username', 'ilike', pattern), eb('display_name', 'ilike', pattern), eb('email', 'ilike', pattern)]),
    );
  });
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .select(detailColumns)
    .orderBy('username')
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .execute();
  const users = await Promise.all(rows.map(async (row) => ({ ...row, scope: await scopeUnitsOf(database.db, row.id, row.role) })));
  return { total, users };
}

/** The signed-in user as the access rules see it; undefined for an unknown or disabled user. */
export async function loadUser(database: Database, userId: number): Promise<CurrentUser | undefined> {
  const row = await database.db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name', 'role', 'language', 'disabled'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row || row.disabled) return undefined;
  const scope = await scopeUnitsOf(database.db, row.id, row.role);
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    language: row.language,
    scopePaths: scope.map((unit) => unit.path),
  };
}

/** What a sign-in needs to check a password; the only reader of password hashes. */
export async function findLoginCandidate(
  database: Database,
  username: string,
): Promise<{ id: number; passwordHash: string; disabled: boolean } | undefined> {
  return database.db
    .selectFrom('app_user')
    .select(['id', 'password_hash as passwordHash', 'disabled'])
    .where('username', '=', normalizeUsername(username))
    .executeTakeFirst();
}

export async function recordLogin(database: Database, userId: number, at: Date): Promise<void> {
  await database.db.updateTable('app_user').set({ last_login: at }).where('id', '=', userId).execute();
}

/**
 * On the first start (no user at all), creates the superuser `admin` with `password` (from
 * DENW_ADMIN_PASSWORD) or, when none is given, a random one that `print` shows once — it is
 * stored only as a hash. Its scope is the whole country (see scopeUnitsOf). Later starts
 * change nothing, even when DENW_ADMIN_PASSWORD is set: it is not a way to reset a password.
 */
export async function ensureAdminUser(
  database: Database,
  options: { password?: string | undefined; print: (line: string) => void },
): Promise<{ created: boolean }> {
  const existing = await database.db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  if (existing) return { created: false };
  const given = options.password !== undefined && options.password !== '';
  if (given && options.password!.length < passwordRule.minLength) {
    throw new DenwError('ADMIN_PASSWORD_TOO_SHORT', { minimum: passwordRule.minLength }, 'DENW_ADMIN_PASSWORD');
  }
  const password = given ? options.password! : newReadablePassword();
  try {
    await createUser(database, { username: 'admin', displayName: 'Administrateur', password, role: 'superuser', scope: [] });
  } catch (error) {
    // Another process starting on the same database created it first.
    if (error instanceof DenwError && error.code === 'USERNAME_TAKEN') return { created: false };
    throw error;
  }
  const key = given ? 'admin.createdWithGivenPassword' : 'admin.createdWithRandomPassword';
  for (const language of languages) options.print(translate(key, language, { password }));
  return { created: true };
}
