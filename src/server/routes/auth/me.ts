// The signed-in user as the web application sees it (GET /api/me): who, which role, which
// abilities (the app shows or hides actions by them and never works out access itself) and
// the org units at the roots of its scope. PUT /api/me changes one's own name, language,
// email or password.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DenwError } from '../../../core/errors.ts';
import { getUser, updateUser } from '../../../store/users.ts';
import { roleAbilities, type CurrentUser } from '../../access/abilities.ts';
import { passwordRule } from '../../auth/passwords.ts';
import { defineRoute, ValidationError } from '../../route.ts';
import { startSession } from '../../auth/sessionCookie.ts';

export async function describeMe(app: FastifyInstance, user: CurrentUser) {
  const details = await getUser(app.database, user.id);
  if (!details) throw new DenwError('UNAUTHENTICATED');
  const { id, username, displayName, email, role, language, lastLogin, scope } = details;
  return { id, username, displayName, email, role, language, lastLogin, abilities: roleAbilities[role], scope };
}

const ownChanges = z
  .strictObject({
    displayName: z.string().trim().min(1).max(200).optional(),
    language: z.enum(['fr', 'en']).optional(),
    email: z.email().max(254).nullable().optional(),
    oldPassword: z.string().max(passwordRule.maxLength).optional(),
    newPassword: z.string().min(passwordRule.minLength).max(passwordRule.maxLength).optional(),
  })
  .superRefine((changes, context) => {
    if (changes.newPassword !== undefined && changes.oldPassword === undefined) {
      context.addIssue({ code: 'custom', path: ['oldPassword'], params: { reason: 'REQUIRED' }, message: 'oldPassword required' });
    }
  });

/** Refuses a new password equal to the username, or a wrong old password. */
async function checkPasswordChange(
  app: FastifyInstance,
  request: FastifyRequest,
  user: CurrentUser,
  passwords: { oldPassword: string; newPassword: string },
): Promise<void> {
  if (passwords.newPassword.toLowerCase() === user.username) {
    throw new ValidationError([{ field: 'body.newPassword', code: 'PASSWORD_IS_USERNAME', params: {} }]);
  }
  // The old password is checked like a sign-in, under the same throttle: a stolen session
  // cannot be used to guess it.
  if (!(await app.authenticator.checkCredentials(user.username, passwords.oldPassword, request.ip))) {
    throw new ValidationError([{ field: 'body.oldPassword', code: 'WRONG_PASSWORD', params: {} }]);
  }
}

export default async function meRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(app, {
    method: 'GET',
    url: '/me',
    summary: 'Utilisateur connecté, rôle, capacités, périmètre / signed-in user, role, abilities, scope',
    tags: ['auth'],
    access: 'signedIn',
    handler: ({ user }) => describeMe(app, user),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/me',
    summary: 'Modifier son nom, sa langue, son courriel ou son mot de passe (ancien requis) / change own name, language, email or password (old one required)',
    tags: ['auth'],
    access: 'signedIn',
    body: ownChanges,
    responses: { 429: 'Too many wrong old passwords: wait for Retry-After seconds' },
    handler: async ({ user, body, request, reply }) => {
      const { oldPassword, newPassword, ...profile } = body;
      if (newPassword !== undefined) await checkPasswordChange(app, request, user, { oldPassword: oldPassword!, newPassword });
      await updateUser(app.database, user.id, { ...profile, ...(newPassword !== undefined ? { password: newPassword } : {}) });
      if (newPassword !== undefined) {
        // The new password ended every session; the one in use is replaced by a fresh one
        // (OWASP Session Management Cheat Sheet: renew the session ID on a privilege change).
        app.authenticator.forgetCredentials(user.id);
        if (app.authenticator.methodOf(request) === 'session') await startSession(app, request, reply, user.id);
      }
      return describeMe(app, user);
    },
  });
}
