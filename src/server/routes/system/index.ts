// System routes: the API description and basic facts about this server.
import type { FastifyInstance } from 'fastify';
import { demoPresent } from '../../../store/seed/seedDemo.ts';
import type { DemoLoading } from '../../app.ts';
import { openApiDocument } from '../../openapi.ts';
import { defineRoute } from '../../route.ts';
import packageJson from '../../../../package.json' with { type: 'json' };

export default async function systemRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(app, {
    method: 'GET',
    url: '/openapi.json',
    summary: 'Description OpenAPI 3 de cette API / OpenAPI 3 description of this API',
    tags: ['system'],
    access: 'public',
    handler: async () => openApiDocument(packageJson.version),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/system/info',
    summary: 'Version, moteur de base de données / version and database engine',
    tags: ['system'],
    access: 'public',
    handler: async () => ({ name: 'Denw', version: packageJson.version, databaseEngine: app.database.engine, demo: await demoState(app) }),
  });
}

/**
 * The demonstration dataset: while this server loads it (or after it failed to), its own
 * progress; otherwise what the database holds, since `denw seed --remove-demo` (or `denw seed`)
 * may have run beside a PostgreSQL server. `values` counts the values this server loaded
 * (0 when another process loaded them: counting them would scan the whole data value table).
 */
async function demoState(app: FastifyInstance): Promise<DemoLoading> {
  if (app.demo.status === 'loading' || app.demo.status === 'failed') return app.demo;
  return (await demoPresent(app.database)) ? { status: 'ready', values: app.demo.values } : { status: 'absent', values: 0 };
}
