// Signing in to and out of the browser application (the cookie: auth/sessionCookie.ts).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DenwError } from '../../../core/errors.ts';
import { recordLogin } from '../../../store/users.ts';
import { endSession, startSession } from '../../auth/sessionCookie.ts';
import { defineRoute } from '../../route.ts';
import { describeMe } from './me.ts';

const credentials = z.strictObject({
  username: z.string().trim().min(1).max(256),
  password: z.string().min(1).max(1024),
});

export default async function sessionRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(app, {
    method: 'POST',
    url: '/auth/login',
    summary: 'Se connecter (cookie de session) / sign in (session cookie)',
    tags: ['auth'],
    access: 'public',
    body: credentials,
    responses: {
      401: 'Wrong username or password',
      429: 'Too many failed sign-ins for this username or address: wait for Retry-After seconds',
    },
    handler: async ({ body, request, reply }) => {
      const user = await app.authenticator.checkCredentials(body.username, body.password, request.ip);
      if (!user) throw new DenwError('LOGIN_FAILED');
      await startSession(app, request, reply, user.id);
      await recordLogin(app.database, user.id, app.authenticator.now());
      return describeMe(app, user);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/auth/logout',
    summary: 'Se déconnecter / sign out',
    tags: ['auth'],
    access: 'public',
    status: 204,
    handler: ({ request, reply }) => endSession(app, request, reply),
  });
}
