// Browser sessions and personal access tokens. Only SHA-256 hashes of their secrets are
// stored: a copy of the database does not let anyone sign in.
import type { Kysely } from 'kysely';
import type { Database } from './database.ts';
import type { Schema } from './schema.ts';

type Db = Kysely<Schema>;

export interface SessionLimits {
  /** A session unused for this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, however active. */
  absoluteMs: number;
}

/** Opens a session, and forgets the sessions of every user that have ended. */
export async function createSession(
  database: Database,
  session: { tokenHash: string; userId: number; now: Date; limits: SessionLimits },
): Promise<Date> {
  const expires = new Date(session.now.getTime() + session.limits.absoluteMs);
  const idleSince = new Date(session.now.getTime() - session.limits.idleMs);
  await database.db.transaction().execute(async (tx) => {
    await tx
      .deleteFrom('app_session')
      .where((eb) => eb.or([eb('expires', '<=', session.now), eb('last_seen', '<=', idleSince)]))
      .execute();
    await tx
      .insertInto('app_session')
      .values({ token_hash: session.tokenHash, user_id: session.userId, created: session.now, last_seen: session.now, expires })
      .execute();
  });
  return expires;
}

// Marking every request would write on every read; a session is marked at most this often,
// which makes the idle limit exact to within this margin.
const touchIntervalMs = 60_000;

/** The user of a live session, marking it as used; undefined when it has ended or never was. */
export async function findSessionUser(
  database: Database,
  tokenHash: string,
  now: Date,
  limits: SessionLimits,
): Promise<number | undefined> {
  const row = await database.db
    .selectFrom('app_session')
    .select(['user_id', 'last_seen'])
    .where('token_hash', '=', tokenHash)
    .where('expires', '>', now)
    .where('last_seen', '>', new Date(now.getTime() - limits.idleMs))
    .executeTakeFirst();
  if (!row) return undefined;
  if (now.getTime() - row.last_seen.getTime() >= touchIntervalMs) {
    await database.db.updateTable('app_session').set({ last_seen: now }).where('token_hash', '=', tokenHash).execute();
  }
  return row.user_id;
}

export async function deleteSession(database: Database, tokenHash: string): Promise<void> {
  await database.db.deleteFrom('app_session').where('token_hash', '=', tokenHash).execute();
}

/** Ends a user's sessions (after a password change or when disabled), except `keepTokenHash`. */
export async function deleteSessionsOf(db: Db, userId: number, keepTokenHash?: string): Promise<void> {
  await db
    .deleteFrom('app_session')
    .where('user_id', '=', userId)
    .$if(keepTokenHash !== undefined, (query) => query.where('token_hash', '<>', keepTokenHash!))
    .execute();
}

export interface ApiTokenSummary {
  id: string;
  name: string;
  created: Date;
  expire: Date | null;
  lastUsed: Date | null;
}

export async function createApiToken(
  database: Database,
  token: { uid: string; tokenHash: string; userId: number; name: string; expires: Date | null },
): Promise<void> {
  await database.db
    .insertInto('api_token')
    .values({ uid: token.uid, token_hash: token.tokenHash, user_id: token.userId, name: token.name, expires: token.expires })
    .execute();
}

export async function listApiTokens(database: Database, userId: number): Promise<ApiTokenSummary[]> {
  return database.db
    .selectFrom('api_token')
    .select(['uid as id', 'name', 'created', 'expires as expire', 'last_used as lastUsed'])
    .where('user_id', '=', userId)
    .orderBy('created')
    .orderBy('uid')
    .execute();
}

/** Revokes one of the user's tokens; false when the user has no token with this UID. */
export async function deleteApiToken(database: Database, userId: number, uid: string): Promise<boolean> {
  const deleted = await database.db
    .deleteFrom('api_token')
    .where('uid', '=', uid)
    .where('user_id', '=', userId)
    .returning('id')
    .executeTakeFirst();
  return deleted !== undefined;
}

/** The owner of an unexpired token, recording its use; undefined for an unknown or expired one. */
export async function findApiTokenUser(database: Database, tokenHash: string, now: Date): Promise<number | undefined> {
  const token = await database.db
    .updateTable('api_token')
    .set({ last_used: now })
    .where('token_hash', '=', tokenHash)
    .where((eb) => eb.or([eb('expires', 'is', null), eb('expires', '>', now)]))
    .returning('user_id')
    .executeTakeFirst();
  return token?.user_id;
}
