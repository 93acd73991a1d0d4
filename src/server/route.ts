// One way to declare an API route: zod schemas for the query string, path parameters and
// body validate the request at the edge (every problem reported, by field, in the user's
// language) and the same schemas generate the OpenAPI document (openapi.ts), so the
// documentation cannot drift from what the server accepts (openapi.test.ts fails for a
// route under /api registered any other way).
//
// - A route with a `body` schema reads JSON only: another content type is a 415.
// - `status` sets the success status (201, 204 …); `responses` documents further answers.
// - A refinement reports a translatable reason with
//   ctx.addIssue({ code: 'custom', path: [...], params: { reason: 'SCOPE_REQUIRED' }, message })
//   (message `reason.SCOPE_REQUIRED` in i18n/fr.json and i18n/en.json).
// - Access rules for org-unit data: access/policy.ts and access/README.md.
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { z } from 'zod';
import { DenwError } from '../core/errors.ts';
import type { Language } from '../core/i18n.ts';
import { hasAbility, type Ability, type CurrentUser } from './access/abilities.ts';
import { registerOperation } from './openapi.ts';

type Schema = z.ZodType;
type Output<S> = S extends Schema ? z.output<S> : undefined;

/** 'public': no sign-in; 'signedIn': any user; an ability: users whose role grants it. */
export type Access = 'public' | 'signedIn' | Ability;

export interface RouteContext<Q, P, B, A extends Access> {
  query: Output<Q>;
  params: Output<P>;
  body: Output<B>;
  user: A extends 'public' ? CurrentUser | undefined : CurrentUser;
  language: Language;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteDefinition<Q, P, B, A extends Access> {
  method: HTTPMethods;
  url: string;
  summary: string;
  tags: string[];
  access: A;
  querystring?: Q;
  params?: P;
  /** A zod schema for JSON bodies; routes that take files declare `consumes` instead. */
  body?: B;
  consumes?: string[];
  produces?: string[];
  /** The status of a success (default 200; 201 for a creation, 204 for an empty answer). */
  status?: 200 | 201 | 202 | 204;
  /** Further answers worth documenting, by status: { 404: 'No such user' }. */
  responses?: Record<number, string>;
  handler: (context: RouteContext<Q, P, B, A>) => Promise<unknown>;
}

export class ValidationError extends DenwError {
  constructor(readonly issues: Array<{ field: string; code: string; params: Record<string, string | number> }>) {
    super('INVALID_INPUT', {}, issues[0]?.field);
  }
}

/** Turns zod issues into field-level problems with translatable reason codes. */
type Issue = ValidationError['issues'][number];

/** Bounds speak of characters for text, of items for lists, of the value for numbers. */
const boundReason = {
  small: { string: 'TOO_SHORT', array: 'TOO_FEW', set: 'TOO_FEW' },
  big: { string: 'TOO_LONG', array: 'TOO_MANY', set: 'TOO_MANY' },
} as const;

function toIssues(issue: z.core.$ZodIssue, location: string): Issue[] {
  const field = [location, ...issue.path.map(String)].filter(Boolean).join('.');
  // One problem per unknown field, each named in full.
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ field: `${field}.${key}`, code: 'UNKNOWN_FIELD', params: {} }));
  return [toIssue(issue, field)];
}

function toIssue(issue: z.core.$ZodIssue, field: string): Issue {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? { field, code: 'REQUIRED', params: {} }
        : { field, code: 'INVALID_TYPE', params: { expected: String(issue.expected) } };
    case 'too_small':
      return { field, code: boundReason.small[issue.origin as 'string'] ?? 'TOO_SMALL', params: { minimum: String(issue.minimum) } };
    case 'too_big':
      return { field, code: boundReason.big[issue.origin as 'string'] ?? 'TOO_BIG', params: { maximum: String(issue.maximum) } };
    case 'invalid_value':
      return { field, code: 'NOT_ONE_OF', params: { options: issue.values.map(String).join(', ') } };
    case 'invalid_format':
      // The format's name or pattern reads the same in French and English.
      return { field, code: 'INVALID_FORMAT', params: { detail: 'pattern' in issue && issue.pattern ? issue.pattern : issue.format } };
    case 'custom':
      // A refinement names its reason: ctx.addIssue({ code: 'custom', params: { reason: 'X', … } })
      // is reported with the message reason.X of the catalogues.
      if (typeof issue.params?.reason === 'string') {
        const { reason, ...params } = issue.params as Record<string, string | number>;
        return { field, code: String(reason), params };
      }
      return { field, code: 'INVALID_FORMAT', params: { detail: issue.message } };
    default:
      return { field, code: 'INVALID_FORMAT', params: { detail: issue.message } };
  }
}

/** A JSON body must say so: anything else sent to a route that reads JSON is a 415. */
function assertJsonBody(request: FastifyRequest): void {
  const type = request.headers['content-type'];
  if (type === undefined) return;
  const mediaType = type.split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new DenwError('UNSUPPORTED_MEDIA_TYPE', { type: mediaType });
  }
}

/** Validates the query string, path parameters and body together, reporting every problem of all three. */
function parseRequest(definition: RouteDefinition<unknown, unknown, unknown, Access>, request: FastifyRequest) {
  const issues: Issue[] = [];
  const parse = (schema: unknown, input: unknown, location: string): unknown => {
    if (!schema) return undefined;
    // reportInput: tells a missing value (REQUIRED) from a wrong one (INVALID_TYPE).
    const result = (schema as Schema).safeParse(input, { reportInput: true });
    if (result.success) return result.data;
    issues.push(...result.error.issues.flatMap((issue) => toIssues(issue, location)));
    return undefined;
  };
  const parsed = {
    query: parse(definition.querystring, request.query, 'query'),
    params: parse(definition.params, request.params, 'params'),
    body: parse(definition.body, request.body, 'body'),
  };
  if (issues.length > 0) throw new ValidationError(issues);
  return parsed;
}

export function defineRoute<
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  A extends Access = Access,
>(app: FastifyInstance, definition: RouteDefinition<Q, P, B, A>): void {
  registerOperation(app.prefix, definition);
  app.route({
    method: definition.method,
    url: definition.url,
    handler: async (request, reply) => {
      const user = definition.access === 'public' ? await request.server.optionalUser(request) : await request.server.requireUser(request);
      // Without an Accept-Language header, a signed-in user is answered in its own language.
      if (user && !request.headers['accept-language']) request.language = user.language;
      if (definition.access !== 'public' && definition.access !== 'signedIn' && !hasAbility(user!, definition.access as Ability)) {
        throw new DenwError('FORBIDDEN');
      }
      if (definition.body) assertJsonBody(request);
      reply.code(definition.status ?? 200);
      const context = {
        ...parseRequest(definition as RouteDefinition<unknown, unknown, unknown, Access>, request),
        user,
        language: request.language,
        request,
        reply,
      } as RouteContext<Q, P, B, A>;
      return definition.handler(context);
    },
  });
}
