// The OpenAPI document checked against the structural rules of OpenAPI 3.1.0
// (https://spec.openapis.org/oas/v3.1.0): path templating (§4.8.8.2: every {name} in a path
// has a required path parameter of that name, §4.8.12.1), unique operationIds (§4.8.10.1),
// responses with descriptions (§4.8.17), security requirements naming declared schemes
// (§4.8.30) — and against the server itself: every route under /api is documented.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../store/database.ts';
import { buildApp } from './app.ts';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: unknown;
}
interface Operation {
  operationId: string;
  summary: string;
  parameters: Parameter[];
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses: Record<string, { description?: string; content?: unknown }>;
  security: Array<Record<string, string[]>>;
}
type Document = {
  openapi: string;
  info: Record<string, unknown>;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, Record<string, string>>; schemas: Record<string, unknown> };
};

/** Every method and path the server routes under /api, read from Fastify's route tree. */
function serverRoutes(app: FastifyInstance): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    // '│   ├── /:id (GET, HEAD)': four characters of indentation per level; a node without
    // methods is only a shared prefix of its children.
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?$/.exec(line);
    if (!match) continue;
    stack.length = match[1]!.length / 4;
    stack.push(match[2]!);
    for (const method of match[3]?.split(', ') ?? []) if (method !== 'HEAD') routes.push(`${method} ${stack.join('')}`);
  }
  return routes.filter((route) => route.includes(' /api/')).sort();
}

describe('the OpenAPI document', () => {
  let app: FastifyInstance;
  let document: Document;
  const operations = () =>
    Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));

  beforeAll(async () => {
    // Describing the API reads no data: a database that is never called suffices.
    app = await buildApp({ database: {} as Database });
    document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  });
  afterAll(() => app.close());

  it('is OpenAPI 3.1 with a title, version and licence', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toMatchObject({ title: 'Denw API', license: { identifier: 'AGPL-3.0-or-later' } });
    expect(document.info.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('documents every route the server has under /api, and nothing it does not have', () => {
    // Fastify's tree merges sibling parameters ('/:type|:id'): compare with parameters unnamed,
    // then check each documented route by its exact pattern.
    const unnamed = (route: string) => route.replace(/:[^/]+/g, ':');
    const documented = operations().map(({ path, method }) => ({ method: method.toUpperCase(), url: path.replace(/\{(\w+)\}/g, ':$1') }));
    expect(documented.map(({ method, url }) => unnamed(`${method} ${url}`)).sort()).toEqual(serverRoutes(app).map(unnamed).sort());
    for (const route of documented) expect(app.hasRoute(route as { method: 'GET'; url: string }), `${route.method} ${route.url}`).toBe(true);
  });

  it('includes the sign-in, current user, token and users routes', () => {
    for (const [method, path] of [
      ['post', '/api/auth/login'],
      ['post', '/api/auth/logout'],
      ['get', '/api/me'],
      ['put', '/api/me'],
      ['get', '/api/apiToken'],
      ['post', '/api/apiToken'],
      ['delete', '/api/apiToken/{uid}'],
      ['get', '/api/users'],
      ['post', '/api/users'],
      ['get', '/api/users/{id}'],
      ['put', '/api/users/{id}'],
      ['delete', '/api/users/{id}'],
    ] as const) {
      expect(document.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
  });

  it('declares, for every {name} in a path, a required path parameter with a schema, and no other', () => {
    for (const { path, method, operation } of operations()) {
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      const declared = operation.parameters.filter((p) => p.in === 'path');
      expect(declared.map((p) => p.name).sort(), `${method} ${path}`).toEqual(templated);
      for (const parameter of declared) expect(parameter, `${method} ${path}`).toMatchObject({ required: true, schema: expect.any(Object) });
      for (const parameter of operation.parameters) expect(['path', 'query']).toContain(parameter.in);
    }
  });

  it('gives every operation a unique operationId and a summary', () => {
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/);
    for (const { operation } of operations()) expect(operation.summary.length).toBeGreaterThan(0);
    expect(document.paths['/api/users/{id}']!.get!.operationId).toBe('getUsersById');
  });

  it('describes the JSON body of every route that reads one, with its schema', () => {
    expect(document.paths['/api/users']!.post!.requestBody!.content['application/json']!.schema).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['username', 'displayName', 'password', 'role']),
      additionalProperties: false,
    });
    for (const { path, method, operation } of operations()) {
      if (!operation.requestBody) continue;
      for (const [type, media] of Object.entries(operation.requestBody.content)) expect(media.schema, `${method} ${path} ${type}`).toBeDefined();
    }
  });

  it('answers each operation with a success status and described errors whose $ref resolve', () => {
    for (const { path, method, operation } of operations()) {
      const statuses = Object.keys(operation.responses);
      expect(statuses.some((status) => /^2\d\d$/.test(status)), `${method} ${path}`).toBe(true);
      for (const [status, response] of Object.entries(operation.responses)) {
        expect(response.description, `${method} ${path} ${status}`).toBeTruthy();
        for (const [, ref] of JSON.stringify(response).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)) {
          expect(document.components.schemas[ref!], ref).toBeDefined();
        }
      }
    }
    expect(Object.keys(document.paths['/api/users']!.post!.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409', '415']));
    expect(document.paths['/api/users/{id}']!.delete!.responses['204']).toEqual({ description: 'No content' });
  });

  it('declares the three ways to authenticate, and names only those in security requirements', () => {
    expect(document.components.securitySchemes).toEqual({
      session: { type: 'apiKey', in: 'cookie', name: 'denw_session' },
      basic: { type: 'http', scheme: 'basic' },
      apiToken: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'ApiToken <token>' },
    });
    for (const { path, method, operation } of operations()) {
      for (const requirement of operation.security) {
        for (const scheme of Object.keys(requirement)) expect(document.components.securitySchemes, `${method} ${path}`).toHaveProperty(scheme);
      }
    }
    expect(document.paths['/api/auth/login']!.post!.security).toEqual([]);
    expect(document.paths['/api/me']!.get!.security).toHaveLength(3);
  });
});
