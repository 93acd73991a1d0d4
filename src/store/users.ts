// Users and their org-unit scopes.
import type { Role } from '../server/access/abilities.ts';
import { hashPassword } from '../server/auth/passwords.ts';
import type { Database } from './database.ts';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  language?: 'fr' | 'en';
  /** Codes of the org units at the roots of the user's scope. */
  scope: string[];
}

export async function createUser(database: Database, user: NewUser): Promise<number> {
  const passwordHash = await hashPassword(user.password);
  return database.db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('app_user')
      .values({
        username: user.username,
        display_name: user.displayName,
        password_hash: passwordHash,
        role: user.role,
        language: user.language ?? 'fr',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (user.scope.length > 0) {
      const units = await tx.selectFrom('org_unit').select(['id', 'code']).where('code', 'in', user.scope).execute();
      const missing = user.scope.filter((code) => !units.some((unit) => unit.code === code));
      if (missing.length > 0) throw new Error(`unknown org units in scope: ${missing.join(', ')}`);
      await tx
        .insertInto('app_user_org_unit')
        .values(units.map((unit) => ({ user_id: id, org_unit_id: unit.id })))
        .execute();
    }
    return id;
  });
}
