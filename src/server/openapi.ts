// The OpenAPI 3.1 document, built from the zod schemas the routes validate with.
import { z } from 'zod';

interface Operation {
  method: string;
  url: string;
  summary: string;
  tags: string[];
  access: string;
  querystring?: unknown;
  params?: unknown;
  body?: unknown;
  consumes?: string[];
  produces?: string[];
  status?: number;
  responses?: Record<number, string>;
}

const operations: Array<Operation & { prefix: string }> = [];

export function registerOperation(prefix: string, operation: Operation): void {
  const key = `${operation.method} ${prefix}${operation.url}`;
  if (!operations.some((o) => `${o.method} ${o.prefix}${o.url}` === key)) operations.push({ ...operation, prefix });
}

function jsonSchema(schema: unknown): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' });
  return rest;
}

function parameters(schema: unknown, location: 'query' | 'path') {
  if (!schema) return [];
  const object = jsonSchema(schema) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (object.required ?? []).includes(name),
    schema: property,
    ...(property.description ? { description: property.description } : {}),
  }));
}

/** 'GET /api/users/{id}' → 'getUsersById': stable, unique, usable as a generated client's method name. */
function operationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api/, '')
    .split('/')
    .filter(Boolean)
    .map((segment) => segment.replace(/^\{(\w+)\}$/, 'by-$1'))
    .flatMap((segment) => segment.split(/[^A-Za-z0-9]+/))
    .filter(Boolean);
  return [method.toLowerCase(), ...words.map((word) => word[0]!.toUpperCase() + word.slice(1))].join('');
}

const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/WebMessage' } } };

function responsesOf(operation: Operation): Record<string, unknown> {
  const status = operation.status ?? 200;
  const errors: Record<number, string> = { 400: 'Invalid input: every field at fault, with its reason' };
  if (operation.body) errors[415] = 'The body is not JSON';
  if (operation.access !== 'public') {
    errors[401] = 'Not signed in';
    errors[403] = 'Outside the role or org-unit scope';
    errors[429] = 'Too many failed sign-ins (Basic credentials): wait for Retry-After seconds';
  }
  Object.assign(errors, operation.responses);
  return {
    [status]:
      status === 204
        ? { description: 'No content' }
        : { description: 'OK', content: Object.fromEntries((operation.produces ?? ['application/json']).map((type) => [type, {}])) },
    ...Object.fromEntries(Object.entries(errors).map(([code, description]) => [code, { description, content: errorContent }])),
  };
}

export function openApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    const path = `${operation.prefix}${operation.url}`.replace(/:(\w+)/g, '{$1}');
    const requestBody = operation.body
      ? { required: true, content: { 'application/json': { schema: jsonSchema(operation.body) } } }
      : operation.consumes
        ? { required: true, content: Object.fromEntries(operation.consumes.map((type) => [type, { schema: { type: 'string' } }])) }
        : undefined;
    (paths[path] ??= {})[operation.method.toLowerCase()] = {
      operationId: operationId(operation.method, path),
      summary: operation.summary,
      tags: operation.tags,
      security: operation.access === 'public' ? [] : [{ session: [] }, { basic: [] }, { apiToken: [] }],
      parameters: [...parameters(operation.params, 'path'), ...parameters(operation.querystring, 'query')],
      ...(requestBody ? { requestBody } : {}),
      responses: responsesOf(operation),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Denw API',
      version,
      description: "API de Denw / Denw's API: DHIS2-compatible metadata, data value sets and analytics for Mali's child-rights programme.",
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'denw_session' },
        basic: { type: 'http', scheme: 'basic' },
        apiToken: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'ApiToken <token>' },
      },
      schemas: {
        WebMessage: {
          type: 'object',
          properties: {
            httpStatus: { type: 'string' },
            httpStatusCode: { type: 'integer' },
            status: { type: 'string', enum: ['OK', 'WARNING', 'ERROR'] },
            errorCode: { type: 'string' },
            message: { type: 'string' },
            errors: {
              type: 'array',
              items: { type: 'object', properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } } },
            },
          },
        },
      },
    },
  };
}
