// The results framework as the results pages read it: the public page (no sign-in, public
// indicators only, no place finer than each indicator allows), the signed-in dashboard
// (every indicator; routine values of the reader's scope and of the public page), and the
// boundaries the maps draw.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { readBoundaries } from '../../../store/results/geometry.ts';
import { readResultsFramework } from '../../../store/results/resultsFramework.ts';
import { routineValuesFrom } from '../../../store/results/routineValues.ts';
import { canRead } from '../../access/policy.ts';
import { defineRoute } from '../../route.ts';

export default async function resultsRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(app, {
    method: 'GET',
    url: '/results/public',
    summary: 'Résultats publics par objectif et résultat clé / public results by goal and key result',
    tags: ['results'],
    access: 'public',
    handler: async ({ language }) => ({
      goals: await readResultsFramework(app.database, { language, publicOnly: true }, routineValuesFrom(app.database, language)),
    }),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/results',
    summary: 'Cadre de résultats complet / full results framework',
    tags: ['results'],
    access: 'data:read',
    // Routine values are analytics of data values: the reader's scope, plus what the public page shows.
    handler: async ({ language, user }) => ({
      goals: await readResultsFramework(app.database, { language, publicOnly: false }, routineValuesFrom(app.database, language, new Date(), (path) => canRead(user, path))),
    }),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/results/boundaries',
    summary: 'Limites administratives (GeoJSON) / administrative boundaries (GeoJSON)',
    tags: ['results'],
    access: 'public',
    querystring: z.object({
      level: z.coerce.number().int().min(1).max(10).describe('Niveau / level (2 = régions, 3 = cercles)'),
      parent: z.string().min(1).optional().describe("Code de l'unité parente / parent unit code"),
    }),
    handler: async ({ query, language }) => readBoundaries(app.database, { level: query.level, parent: query.parent, language }),
  });
}
