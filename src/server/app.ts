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
import { trackAllowedMethods } from './allowedMethods.ts';
import { createAuthenticator, type Authenticator, type AuthOptions } from './auth/authenticate.ts';
import { sendError } from './errorReply.ts';
import { apiRoutes } from './routes/index.ts';
import type { TrustProxy } from './trustProxy.ts';
import { checkedUtf8, isTextBody } from './utf8Body.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    demo: DemoLoading;
    authenticator: Authenticator;
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
  /** Sign-in settings: the clock, session limits, Secure cookies (see auth/authenticate.ts). */
  auth?: AuthOptions;
  /** Loading state of the demonstration dataset, when the server loads it in the background. */
  demo?: DemoLoading;
  /** The reverse proxies believed about the client's address and protocol (DENW_TRUST_PROXY, trustProxy.ts); none by default. */
  trustProxy?: TrustProxy;
}

/** The demonstration dataset as /api/system/info reports it. */
export interface DemoLoading {
  status: 'absent' | 'loading' | 'ready' | 'failed';
  values: number;
}

/** Body types the import routes read as text (DHIS2 CSV, ADX XML). */
const textBodyTypes = ['text/csv', 'application/csv', 'application/adx+xml', 'application/xml', 'text/xml', 'text/plain'];

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 256 * 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    // Malformed URLs and over-long path parameters get the same error shape as the rest.
    frameworkErrors: (error, request, reply) => {
      request.language = languageFromHeader(request.headers['accept-language']);
      return sendError(error, request, reply);
    },
  });
  app.decorate('database', options.database);
  app.decorate('demo', options.demo ?? { status: 'absent', values: 0 });
  app.decorateRequest('language', 'fr');
  const authenticator = createAuthenticator(options.database, options.auth);
  app.decorate('authenticator', authenticator);
  app.decorate('optionalUser', (request: FastifyRequest) => authenticator.authenticate(request));
  app.decorate('requireUser', async (request: FastifyRequest) => {
    const user = await authenticator.authenticate(request);
    if (!user) throw new DenwError('UNAUTHENTICATED');
    return user;
  });
  await app.register(cookie);
  app.addContentTypeParser(textBodyTypes, { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.addHook('preParsing', async (request, _reply, payload) => (isTextBody(request.headers['content-type']) ? checkedUtf8(payload) : payload));
  app.addHook('onRequest', async (request) => {
    request.language = languageFromHeader(request.headers['accept-language']);
  });

  const allowedMethods = trackAllowedMethods(app);
  app.setErrorHandler((error, request, reply) => sendError(error, request, reply));
  const webRoot = options.webRoot && existsSync(options.webRoot) ? options.webRoot : undefined;
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? request.url;
    // The single-page application draws its own pages: a GET of an address that is neither
    // the API nor a file (no extension) gets index.html; a missing file stays a 404.
    if (webRoot && (request.method === 'GET' || request.method === 'HEAD') && !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path)) {
      return reply.type('text/html').sendFile('index.html');
    }
    const allowed = allowedMethods(path);
    if (allowed.length === 0) return sendError(new DenwError('NOT_FOUND', { path }), request, reply);
    // RFC 9110 §15.5.6: a 405 names the methods the resource does support.
    reply.header('allow', allowed.join(', '));
    return sendError(new DenwError('METHOD_NOT_ALLOWED', { method: request.method, path }), request, reply);
  });

  await app.register(apiRoutes, { prefix: '/api' });

  // Files are looked up at each request, so a rebuilt web application is served without a restart.
  if (webRoot) await app.register(fastifyStatic, { root: webRoot });
  return app;
}
