// Users administration (ability users:manage, granted to superusers only): list, create,
// read, change and delete accounts, with their role, org-unit scope, language and status,
// and reset a password. Password hashes never appear in an answer. Nobody changes their own
// role, scope or status, nor deletes their own account (access/policy.ts) — so the last
// superuser can never be demoted either, since only a superuser could demote it.
import type { FastifyInstance } from 'fastify';
import { DenwError } from '../../../core/errors.ts';
import { createUser, deleteUser, getUser, listUsers, updateUser, type UserChanges, type UserDetails } from '../../../store/users.ts';
import { findOrgUnits } from '../../../store/orgUnitScope.ts';
import type { CurrentUser } from '../../access/abilities.ts';
import { assertNotOwnAccess } from '../../access/policy.ts';
import { defineRoute, ValidationError } from '../../route.ts';
import { newUser, scopeRequired, userChanges, userId, userQuery } from './schema.ts';

async function existingUser(app: FastifyInstance, id: number): Promise<UserDetails> {
  const user = await getUser(app.database, id);
  if (!user) throw new DenwError('USER_NOT_FOUND', { id });
  return user;
}

/** Every scope entry that names no org unit, each reported at its position. */
async function checkScope(app: FastifyInstance, scope: readonly string[] | undefined): Promise<void> {
  if (!scope || scope.length === 0) return;
  const { unknown } = await findOrgUnits(app.database.db, scope);
  if (unknown.length === 0) return;
  throw new ValidationError(
    scope.flatMap((reference, index) =>
      unknown.includes(reference) ? [{ field: `body.scope.${index}`, code: 'UNKNOWN_ORG_UNIT', params: { value: reference } }] : [],
    ),
  );
}

/** The access fields a change really alters: sending one's own unchanged role is no escalation. */
function accessChanges(current: UserDetails, changes: UserChanges) {
  const currentScope = new Set(current.scope.flatMap((unit) => [unit.id, unit.code]));
  const sameScope = changes.scope === undefined || (changes.scope.length === current.scope.length && changes.scope.every((ref) => currentScope.has(ref)));
  return {
    role: changes.role === current.role ? undefined : changes.role,
    disabled: changes.disabled === current.disabled ? undefined : changes.disabled,
    // A superuser's scope is the whole tree whatever is sent (orgUnitScope.ts).
    scope: sameScope || (changes.role ?? current.role) === 'superuser' ? undefined : changes.scope,
  };
}

async function changeUser(app: FastifyInstance, actor: CurrentUser, id: number, changes: UserChanges): Promise<UserDetails> {
  const current = await existingUser(app, id);
  assertNotOwnAccess(actor, id, accessChanges(current, changes));
  const role = changes.role ?? current.role;
  const scope = changes.scope ?? (current.role === 'superuser' ? [] : current.scope.map((unit) => unit.id));
  if (scopeRequired(role, scope)) throw new ValidationError([{ field: 'body.scope', code: 'SCOPE_REQUIRED', params: {} }]);
  if (changes.password !== undefined && changes.password.toLowerCase() === current.username) {
    throw new ValidationError([{ field: 'body.password', code: 'PASSWORD_IS_USERNAME', params: {} }]);
  }
  await checkScope(app, changes.scope);
  await updateUser(app.database, id, changes);
  if (changes.password !== undefined || changes.disabled) app.authenticator.forgetCredentials(id);
  return existingUser(app, id);
}

export default async function userRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(app, {
    method: 'GET',
    url: '/users',
    summary: 'Liste des utilisateurs, par page / users, by page',
    tags: ['users'],
    access: 'users:manage',
    querystring: userQuery,
    handler: async ({ query }) => {
      const { total, users } = await listUsers(app.database, query);
      return {
        pager: { page: query.page, pageCount: Math.max(1, Math.ceil(total / query.pageSize)), total, pageSize: query.pageSize },
        users,
      };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/users',
    summary: 'Créer un utilisateur / create a user',
    tags: ['users'],
    access: 'users:manage',
    status: 201,
    body: newUser,
    responses: { 409: 'The username is taken' },
    handler: async ({ body }) => {
      await checkScope(app, body.scope);
      return existingUser(app, await createUser(app.database, body));
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/users/:id',
    summary: 'Un utilisateur / one user',
    tags: ['users'],
    access: 'users:manage',
    params: userId,
    responses: { 404: 'No such user' },
    handler: ({ params }) => existingUser(app, params.id),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/users/:id',
    summary: 'Modifier les champs donnés (rôle, périmètre, langue, statut, mot de passe…) / change the fields given',
    tags: ['users'],
    access: 'users:manage',
    params: userId,
    body: userChanges,
    responses: { 403: 'Nobody changes their own role, scope or status', 404: 'No such user' },
    handler: ({ user, params, body }) => changeUser(app, user, params.id, body),
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/users/:id',
    summary: 'Supprimer un utilisateur / delete a user',
    tags: ['users'],
    access: 'users:manage',
    status: 204,
    params: userId,
    responses: { 403: 'Nobody deletes their own account', 404: 'No such user' },
    handler: async ({ user, params }) => {
      assertNotOwnAccess(user, params.id, 'delete');
      if (!(await deleteUser(app.database, params.id))) throw new DenwError('USER_NOT_FOUND', { id: params.id });
      app.authenticator.forgetCredentials(params.id);
    },
  });
}
