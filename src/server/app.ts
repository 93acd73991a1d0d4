// Builds the Fastify application (without listening, so tests drive it with `inject`):
// the API under /api, one plugin per route area, and the web application's static files.
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { DenwError } from '../core/errors.ts';
import { languageFromHeader, type Language } from '../core/i18n.ts';
import type { Database } from '../store/database.ts';
import type { CurrentUser } from './access/abilities.ts';
import { authenticate } from './auth/authenticate.ts';
import { sendError } from './errorReply.ts';
import { apiRoutes } from './routes/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    optionalUser(request: FastifyRequest): Promise<CurrentUser | undefined>;
    requireUser(request: FastifyRequest): Promise<CurrentUser>;
  }
  interface FastifyRequest {
    language: Language;
  }
}

export interface AppOptions {
  database: Database;
  /** Largest accepted request body in bytes (default 256 MiB: a national DHIS2 CSV file). */
  bodyLimit?: number;
  /** Directory of the built web application; served at / when it exists. */
  webRoot?: string;
  logger?: boolean;
}

/** Body types the import routes read as text (DHIS2 CSV, ADX XML). */
const textBodyTypes = ['text/csv', 'application/csv', 'application/adx+xml', 'application/xml', 'text/xml', 'text/plain'];

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? 256 * 1024 * 1024 });
  app.decorate('database', options.database);
  app.decorateRequest('language', 'fr');
  app.decorate('optionalUser', (request: FastifyRequest) => authenticate(options.database, request));
  app.decorate('requireUser', async (request: FastifyRequest) => {
    const user = await authenticate(options.database, request);
    if (!user) throw new DenwError('UNAUTHENTICATED');
    return user;
  });
  await app.register(cookie);
  app.addContentTypeParser(textBodyTypes, { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.addHook('onRequest', async (request) => {
    request.language = languageFromHeader(request.headers['accept-language']);
  });

  app.setErrorHandler((error, request, reply) => sendError(error, request, reply));
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? request.url;
    const otherMethod = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].some(
      (method) => method !== request.method && app.hasRoute({ method: method as 'GET', url: path }),
    );
    return otherMethod
      ? sendError(new DenwError('METHOD_NOT_ALLOWED', { method: request.method, path }), request, reply)
      : sendError(new DenwError('NOT_FOUND', { path }), request, reply);
  });

  await app.register(apiRoutes, { prefix: '/api' });

  if (options.webRoot && existsSync(options.webRoot)) {
    await app.register(fastifyStatic, { root: options.webRoot, wildcard: false });
    // The single-page application handles its own routes: unknown non-API GETs get index.html.
    app.get('/*', (request, reply) => {
      if (request.url.startsWith('/api/')) return sendError(new DenwError('NOT_FOUND', { path: request.url }), request, reply);
      return reply.sendFile('index.html');
    });
  }
  return app;
}
