// Growth monitoring: WHO z-scores for any table of records (as `denw growth zscores`), the
// WHO standard lines for growth charts, and a child's measurements (children/:uid/measurements).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { growthChartIndicators, growthCurves, type GrowthReference } from '../../../core/growth/index.ts';
import { whoGrowthTables } from '../../../store/growth/whoGrowthTables.ts';
import { defineRoute } from '../../route.ts';
import { registerMeasurementRoutes } from './measurements.ts';
import { computeZscores, zscoreInput, zscoreRecordLimit } from './zscores.ts';

export default async function growthRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(app, {
    method: 'POST',
    url: '/growth/zscores',
    summary: `Scores z OMS d'un tableau d'enregistrements (colonnes d'anthro) / WHO z-scores of a table of records (anthro's columns), at most ${zscoreRecordLimit} records`,
    tags: ['growth'],
    access: 'signedIn',
    consumes: ['application/json', 'text/csv', 'application/csv', 'text/plain'],
    produces: ['application/json', 'text/csv'],
    querystring: z.object({
      reference: z.enum(['2006', '2007']).default('2006').describe('2006 : normes OMS 0–5 ans / WHO standards 0–5 y; 2007 : référence OMS 5–19 ans / WHO reference 5–19 y'),
      format: z.enum(['json', 'csv']).optional().describe('Format de la réponse (sinon selon Accept) / response format (else by Accept)'),
    }),
    handler: async ({ query, request, reply, language }) => {
      const input = zscoreInput(request.body);
      const output = query.format ?? (/\b(text|application)\/csv\b/.test(request.headers.accept ?? '') ? 'csv' : 'json');
      const result = computeZscores(input, output, Number(query.reference) as GrowthReference, await whoGrowthTables(), language);
      if (output === 'json') return { reference: Number(query.reference), rows: result.rows, issues: result.issues, issueCount: result.issueCount };
      // The CSV carries the records only, as the command's standard output; the problems are
      // counted in a header (the JSON answer lists them with their messages).
      reply.header('x-denw-issue-count', String(result.issueCount));
      reply.type('text/csv; charset=utf-8');
      return result.csv;
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/growth/curves',
    summary: 'Courbes OMS −3, −2, 0, +2, +3 ET pour un graphique de croissance / WHO −3, −2, 0, +2, +3 SD lines for a growth chart',
    tags: ['growth'],
    access: 'signedIn',
    querystring: z.object({
      indicator: z.enum(growthChartIndicators).describe('wfa poids/âge, lhfa taille/âge, wfl poids/longueur, wfh poids/taille, bfa IMC/âge, acfa PB/âge'),
      sex: z.enum(['F', 'M']),
    }),
    handler: async ({ query, reply }) => {
      // The WHO standards do not change: let the browser keep the lines for a day.
      reply.header('cache-control', 'private, max-age=86400');
      return { ...growthCurves(await whoGrowthTables(), query.indicator, query.sex === 'M' ? 1 : 2), sex: query.sex };
    },
  });

  registerMeasurementRoutes(app);
}
