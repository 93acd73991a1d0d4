// System routes: the API description and basic facts about this server.
import type { FastifyInstance } from 'fastify';
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
    handler: async () => ({ name: 'Denw', version: packageJson.version, databaseEngine: app.database.engine, demo: app.demo }),
  });
}
