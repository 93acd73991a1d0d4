// Survey analysis over HTTP: POST /api/surveys/anthro takes a child anthropometry survey (CSV
// text or an XLSX workbook) and the names of its design columns, and answers the SMART
// plausibility report and the prevalence table of `denw survey anthro` (src/core/survey),
// as JSON, or one of the two tables as CSV. Nothing is stored.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { translate } from '../../../core/i18n.ts';
import { analyseAnthroSurvey, plausibilityCsv, prevalenceCsv } from '../../../core/survey/analysis.ts';
import { SurveyInputError, surveyIssueCode } from '../../../core/survey/records.ts';
import { whoGrowthTables } from '../../../store/growth/whoGrowthTables.ts';
import { defineRoute } from '../../route.ts';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const column = (label: string) => z.string().trim().min(1).max(200).optional().describe(label);

export default async function surveyRoutes(app: FastifyInstance): Promise<void> {
  app.addContentTypeParser([xlsxType, 'application/octet-stream'], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  defineRoute(app, {
    method: 'POST',
    url: '/surveys/anthro',
    summary: "Analyse d'une enquête anthropométrique (CSV ou XLSX) : plausibilité SMART et prévalences avec intervalles selon le plan de sondage, comme anthro_prevalence de l'OMS / anthropometric survey analysis: SMART plausibility and design-based prevalences, as WHO's anthro_prevalence",
    tags: ['surveys'],
    access: 'signedIn',
    consumes: ['text/csv', 'application/csv', 'text/plain', xlsxType, 'application/octet-stream'],
    produces: ['application/json', 'text/csv'],
    querystring: z.object({
      cluster: column('Colonne des grappes (UPE) / cluster (PSU) column'),
      strata: column('Colonne des strates / strata column'),
      weight: column('Colonne des poids de sondage / sampling weight column'),
      by: z.union([z.string().trim().min(1).max(200), z.array(z.string().trim().min(1).max(200)).max(10)]).optional()
        .describe('Colonne(s) de regroupement / grouping column(s)'),
      format: z.enum(['json', 'csv']).optional().describe('Format de la réponse (sinon selon Accept) / response format (else by Accept)'),
      table: z.enum(['prevalence', 'plausibility']).default('prevalence').describe('Tableau rendu en CSV / table returned as CSV'),
    }),
    handler: async ({ query, request, reply, language }) => {
      const body = request.body;
      const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body instanceof Uint8Array ? body : new Uint8Array();
      const by = query.by === undefined ? [] : Array.isArray(query.by) ? query.by : [query.by];
      let analysis;
      try {
        analysis = await analyseAnthroSurvey(bytes, { cluster: query.cluster, strata: query.strata, weight: query.weight, by }, await whoGrowthTables());
      } catch (error) {
        if (!(error instanceof SurveyInputError)) throw error;
        // Every unreadable cell, by row and column, in the request's language (WebMessage shape).
        return reply.code(400).send({
          httpStatus: 'Bad Request', httpStatusCode: 400, status: 'ERROR', errorCode: error.code,
          message: translate(`error.${error.code}`, language, error.params),
          errors: error.issues.map((issue) => ({
            row: issue.row, field: issue.field, code: surveyIssueCode(issue), value: issue.value,
            message: translate(`error.${surveyIssueCode(issue)}`, language, { ...issue }),
          })),
        });
      }
      const output = query.format ?? (/\b(text|application)\/csv\b/.test(request.headers.accept ?? '') ? 'csv' : 'json');
      if (output === 'csv') {
        reply.type('text/csv; charset=utf-8');
        return query.table === 'plausibility' ? plausibilityCsv(analysis.plausibility) : prevalenceCsv(analysis.prevalence.rows);
      }
      return analysis;
    },
  });
}
