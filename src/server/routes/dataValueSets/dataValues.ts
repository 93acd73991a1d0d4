// One data value at a time, for the data entry form, at DHIS2's address and with its
// parameter names (DataValueController): GET, POST and DELETE /api/dataValues with de, pe, ou,
// co, cc + cp (or ds) and, to write, value, comment and followUp. Identifiers are codes or UIDs.
// A refused value answers 409 with the conflict's code, field and message.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { ImportSummary } from '../../../core/dataValueSets/importSummary.ts';
import { DenwError } from '../../../core/errors.ts';
import type { Language } from '../../../core/i18n.ts';
import { readDataValue, writeDataValue, type DataValueKey } from '../../../store/dataValues/singleDataValue.ts';
import { mayEditExpired } from '../../access/policy.ts';
import { defineRoute } from '../../route.ts';
import { dataValueKey, dataValueWrite } from './schema.ts';
import { conflictMessage } from './webMessage.ts';

export function keyOf(query: z.output<typeof dataValueKey>): DataValueKey {
  return {
    dataElement: query.de,
    period: query.pe,
    orgUnit: query.ou,
    categoryOptionCombo: query.co,
    attributeCombo: query.cc,
    attributeOptions: query.cp?.split(';').map((option) => option.trim()),
    dataSet: query.ds,
  };
}

function refused(summary: ImportSummary, reply: FastifyReply, language: Language) {
  reply.code(409);
  return conflictMessage(summary, language);
}

export function registerDataValueRoutes(app: FastifyInstance): void {
  defineRoute(app, {
    method: 'GET',
    url: '/dataValues',
    summary: 'Lire une valeur / read one data value',
    tags: ['dataValues'],
    access: 'data:read',
    querystring: dataValueKey,
    handler: async ({ query, user, request }) => {
      const value = await readDataValue(app.database, keyOf(query), user.scopePaths);
      if (!value) throw new DenwError('NOT_FOUND', { path: request.url });
      return value;
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/dataValues',
    summary: 'Saisir une valeur (vide : la supprimer) / enter one data value (empty: delete it)',
    tags: ['dataValues'],
    access: 'data:write',
    querystring: dataValueWrite,
    handler: async ({ query, user, language, reply }) => {
      const importer = { username: user.username, scopePaths: user.scopePaths, mayEditExpired: mayEditExpired(user) };
      const summary = await writeDataValue(app.database, keyOf(query), { value: query.value, comment: query.comment, followUp: query.followUp }, importer);
      if (summary.status === 'ERROR') return refused(summary, reply, language);
      const written = await readDataValue(app.database, keyOf(query), user.scopePaths);
      reply.code(written ? 201 : 204);
      return written ?? undefined;
    },
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/dataValues',
    summary: 'Supprimer une valeur / delete one data value',
    tags: ['dataValues'],
    access: 'data:write',
    querystring: dataValueKey,
    handler: async ({ query, user, language, request, reply }) => {
      const summary = await writeDataValue(app.database, keyOf(query), { remove: true }, { username: user.username, scopePaths: user.scopePaths, mayEditExpired: mayEditExpired(user) });
      if (summary.status === 'ERROR') return refused(summary, reply, language);
      if (summary.importCount.deleted === 0) throw new DenwError('NOT_FOUND', { path: request.url });
      reply.code(204);
      return undefined;
    },
  });
}
