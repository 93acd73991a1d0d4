// Marking a data set complete for an org unit and period, and undoing it, with the parameters
// of DHIS2's completeDataSetRegistrations API (ds, pe, ou and, for an attribute combo, cc and
// cp); identifiers are codes or UIDs. A data set with validCompleteOnly is completed only when
// its validation rules hold there (409 COMPLETION_VALIDATION_FAILED otherwise, as DHIS2 answers
// a conflict); a period past the data set's expiry days is neither completed nor reopened, except
// by a user who may edit expired periods (409 COMPLETION_PERIOD_EXPIRED).
import type { FastifyInstance } from 'fastify';
import { DenwError } from '../../../core/errors.ts';
import { assertCompletionOpen, assertValidCompletion, registerComplete, resolveRegistration, unregisterComplete } from '../../../store/dataValues/completeRegistrations.ts';
import type { CurrentUser } from '../../access/abilities.ts';
import { mayEditExpired } from '../../access/policy.ts';
import { inTransaction } from '../../../store/transaction.ts';
import { defineRoute } from '../../route.ts';
import { completionKey } from './schema.ts';

const keyOf = (query: { ds: string; pe: string; ou: string; cc?: string; cp?: string }) => ({
  dataSet: query.ds,
  period: query.pe,
  orgUnit: query.ou,
  attributeCombo: query.cc,
  attributeOptions: query.cp?.split(';').map((option) => option.trim()),
});

const entryOf = (user: CurrentUser, now: Date) => ({ today: now.toISOString().slice(0, 10), mayEditExpired: mayEditExpired(user) });

export function registerCompletionRoutes(app: FastifyInstance): void {
  defineRoute(app, {
    method: 'POST',
    url: '/completeDataSetRegistrations',
    summary: 'Marquer un jeu de données complet / mark a data set complete',
    tags: ['dataValues'],
    access: 'data:write',
    querystring: completionKey,
    responses: { 409: 'Règles de validation violées (validCompleteOnly), période expirée / validation rules violated (validCompleteOnly), period expired' },
    handler: async ({ query, user }) => {
      const completed = new Date();
      // One transaction: the rules are checked on what the registration is written beside.
      const registration = await inTransaction(app.database, async (client) => {
        const found = await resolveRegistration(client, keyOf(query), user.scopePaths);
        await assertCompletionOpen(client, found, keyOf(query), entryOf(user, completed));
        await assertValidCompletion(client, found, keyOf(query));
        await registerComplete(client, found, user.username, completed);
        return found;
      });
      return { dataSet: query.ds, period: registration.period.id, orgUnit: query.ou, completedBy: user.username, completed: completed.toISOString() };
    },
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/completeDataSetRegistrations',
    summary: "Annuler l'état complet / undo a completion",
    tags: ['dataValues'],
    access: 'data:write',
    querystring: completionKey,
    responses: { 409: 'Période expirée / period expired' },
    handler: async ({ query, user, request, reply }) => {
      const registration = await resolveRegistration(app.database.pool, keyOf(query), user.scopePaths);
      await assertCompletionOpen(app.database.pool, registration, keyOf(query), entryOf(user, new Date()));
      if (!(await unregisterComplete(app.database.pool, registration))) throw new DenwError('NOT_FOUND', { path: request.url });
      reply.code(204);
      return undefined;
    },
  });
}
