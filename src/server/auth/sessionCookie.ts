// The browser session's cookie: HttpOnly (no script can read it), SameSite=Lax (not sent
// with another site's form posts, the cross-site request forgery that matters here), Secure
// over HTTPS or when DENW_SECURE_COOKIES=true (behind a proxy that ends TLS), and no longer
// lived than the session itself (limits in authenticate.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createSession, deleteSession } from '../../store/sessions.ts';
import { sessionCookie } from './authenticate.ts';
import { hashSecret, newSecret } from './passwords.ts';

/** Opens a session for the user and sets its cookie, ending the one the browser held. */
export async function startSession(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, userId: number): Promise<void> {
  const { authenticator } = app;
  await endSession(app, request, reply);
  const { secret, hash } = newSecret();
  await createSession(app.database, { tokenHash: hash, userId, now: authenticator.now(), limits: authenticator.sessionLimits });
  reply.setCookie(sessionCookie, secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: authenticator.secureCookies || request.protocol === 'https',
    maxAge: Math.floor(authenticator.sessionLimits.absoluteMs / 1000),
  });
}

/** Ends the session the browser holds, if any, and clears its cookie. */
export async function endSession(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const session = request.cookies[sessionCookie];
  if (session === undefined) return;
  await deleteSession(app.database, hashSecret(session));
  reply.clearCookie(sessionCookie, { path: '/' });
}
