// GET /api/analytics (also .json, .csv, .xlsx): DHIS2's analytics query, answered from data as
// committed — the aggregates are kept in the same transaction as every write, so there is no
// analytics-table job to wait for. A user sees only the org units of its scope: asking for any
// other answers 403.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { analyticsCsvRecords, analyticsResponse } from '../../../core/analytics/grid.ts';
import { parseAnalyticsRequest } from '../../../core/analytics/request.ts';
import { toCsv } from '../../../core/csv/csvWriter.ts';
import { answerAnalytics } from '../../../store/analytics/runQuery.ts';
import { assertCanRead } from '../../access/policy.ts';
import { defineRoute, ValidationError } from '../../route.ts';
import { analyticsWorkbook } from './workbook.ts';

const repeatable = z.union([z.string(), z.array(z.string())]);
const analyticsQuery = z
  .object({
    dimension: repeatable.optional().describe('dx:A;B, pe:202401;LAST_12_MONTHS, ou:ML01;LEVEL-3, co — répétable / repeatable'),
    filter: repeatable.optional().describe('Comme dimension, sans découper les lignes / like dimension, without splitting rows'),
    relativePeriodDate: z.string().optional().describe('AAAA-MM-JJ : date de calcul des périodes relatives / date relative periods are computed from'),
    outputIdScheme: z.string().optional().describe('CODE (défaut / default) ou / or UID'),
    displayProperty: z.string().optional().describe('NAME ou / or SHORTNAME'),
    skipMeta: z.string().optional().describe('true : sans metaData / without metaData'),
    skipRounding: z.string().optional().describe('true : valeurs non arrondies / unrounded values'),
  })
  .strict();

const formats = {
  '': 'application/json',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Today in Mali (UTC, no daylight saving time): the default day for relative periods. */
const today = () => new Date().toISOString().slice(0, 10);

export default async function analyticsRoutes(app: FastifyInstance): Promise<void> {
  for (const [extension, contentType] of Object.entries(formats)) {
    defineRoute(app, {
      method: 'GET',
      url: `/analytics${extension}`,
      summary: 'Analyses agrégées, comme DHIS2 / aggregated analytics, as in DHIS2',
      tags: ['analytics'],
      access: 'data:read',
      querystring: analyticsQuery,
      produces: [contentType],
      handler: async ({ query, user, language, reply }) => {
        const parsed = parseAnalyticsRequest(query);
        if (!parsed.ok) throw new ValidationError(parsed.problems.map((p) => ({ field: p.parameter, code: p.code, params: p.params })));
        const table = await answerAnalytics(app.database, parsed.request, {
          userOrgUnitPaths: user.scopePaths,
          today: today(),
          language,
          authorize: (orgUnits) => {
            for (const unit of orgUnits) assertCanRead(user, unit.path, unit.code ?? unit.uid);
          },
        });
        reply.header('content-type', contentType);
        if (extension === '.csv') return toCsv(analyticsCsvRecords(table));
        if (extension === '.xlsx') {
          reply.header('content-disposition', 'attachment; filename="analytics.xlsx"');
          return analyticsWorkbook(table, language);
        }
        return analyticsResponse(table, language, parsed.request.skipMeta);
      },
    });
  }
}
