// Personal access tokens, as DHIS2's /api/apiToken (2.37+): a script sends
// `Authorization: ApiToken <key>` and acts as the user who created the token, with that
// user's role and scope. The key is shown once, in the creation answer; only its SHA-256
// hash is stored. Supported: `expire` (epoch milliseconds, as DHIS2) and a `name`. Not
// supported: DHIS2's `attributes` (IP, method and referer allow-lists) — refused as unknown
// fields rather than silently ignored, since a caller would believe itself protected.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DenwError } from '../../../core/errors.ts';
import { createApiToken, deleteApiToken, listApiTokens } from '../../../store/sessions.ts';
import { newSecret, newUid } from '../../auth/passwords.ts';
import { defineRoute, ValidationError } from '../../route.ts';

export default async function apiTokenRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(app, {
    method: 'GET',
    url: '/apiToken',
    summary: "Mes jetons d'accès personnels (sans leur clé) / my personal access tokens (without their key)",
    tags: ['auth'],
    access: 'signedIn',
    handler: async ({ user }) => ({ apiToken: await listApiTokens(app.database, user.id) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/apiToken',
    summary: "Créer un jeton d'accès personnel ; la clé n'est montrée qu'une fois / create a personal access token; the key is shown once",
    tags: ['auth'],
    access: 'signedIn',
    status: 201,
    body: z.strictObject({
      name: z.string().trim().max(100).default('').describe('Libellé / label'),
      expire: z
        .number()
        .int()
        .positive()
        .optional()
        .describe("Fin de validité, en millisecondes depuis 1970 (comme DHIS2) ; sans elle, le jeton n'expire pas / expiry, epoch milliseconds"),
    }),
    responses: { 403: 'A token cannot create another token: sign in with a password' },
    handler: async ({ user, body, request }) => {
      // A leaked token must not be able to mint tokens that outlive its own revocation.
      if (app.authenticator.methodOf(request) === 'apiToken') throw new DenwError('TOKEN_CANNOT_CREATE_TOKEN');
      if (body.expire !== undefined && body.expire <= app.authenticator.now().getTime()) {
        throw new ValidationError([{ field: 'body.expire', code: 'NOT_IN_FUTURE', params: {} }]);
      }
      const uid = newUid();
      const { secret, hash } = newSecret('denw_pat_');
      const expires = body.expire === undefined ? null : new Date(body.expire);
      await createApiToken(app.database, { uid, tokenHash: hash, userId: user.id, name: body.name, expires });
      return {
        httpStatus: 'Created',
        httpStatusCode: 201,
        status: 'OK',
        response: { responseType: 'ApiTokenCreationResponse', uid, key: secret },
      };
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/apiToken/:uid',
    summary: "Révoquer un de mes jetons / revoke one of my tokens",
    tags: ['auth'],
    access: 'signedIn',
    status: 204,
    params: z.strictObject({ uid: z.string().regex(/^[A-Za-z][A-Za-z0-9]{10}$/) }),
    responses: { 404: 'No token of yours has this uid' },
    handler: async ({ user, params }) => {
      if (!(await deleteApiToken(app.database, user.id, params.uid))) throw new DenwError('API_TOKEN_NOT_FOUND', { uid: params.uid });
    },
  });
}
