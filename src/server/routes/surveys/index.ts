// Survey analysis over HTTP: POST /api/surveys/anthro takes a child anthropometry survey (CSV
// text or an XLSX workbook) and the names of its design columns, and answers the SMART
// plausibility report, the prevalence table (anthro's indicators with WHO flags, and SMART's
// GAM/MAM/SAM with SMART flags) and anthro's z-score means of `denw survey anthro`
// (src/core/survey), as JSON, or one of the three tables as CSV. Nothing is stored.
// POST /api/surveys/anthro/observations runs the same analysis and saves its stunting,
// wasting and underweight prevalences (total, by sex, and by stratum where the stratum is an
// org unit code) as survey values of the results framework, with source, method, 95 %
// interval and sample size (src/store/surveys).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorMessage, translate } from '../../../core/i18n.ts';
import { analyseAnthroSurvey, plausibilityCsv, prevalenceCsv, zscoreSummaryCsv } from '../../../core/survey/analysis.ts';
import type { Language } from '../../../core/i18n.ts';
import { surveyObservations } from '../../../core/survey/observations.ts';
import { SurveyInputError, surveyIssueCode, type SurveyColumns } from '../../../core/survey/records.ts';
import { whoGrowthTables } from '../../../store/growth/whoGrowthTables.ts';
import { saveSurveyObservations } from '../../../store/surveys/surveyObservations.ts';
import { canWriteOrgUnitMetadata } from '../../access/policy.ts';
import { defineRoute } from '../../route.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const uploadTypes = ['text/csv', 'application/csv', 'text/plain', xlsxType, 'application/octet-stream'];
const column = (label: string) => z.string().trim().min(1).max(200).optional().describe(label);
const designQuery = {
  cluster: column('Colonne des grappes (UPE) / cluster (PSU) column'),
  strata: column('Colonne des strates / strata column'),
  weight: column('Colonne des poids de sondage / sampling weight column'),
  by: z.union([z.string().trim().min(1).max(200), z.array(z.string().trim().min(1).max(200)).max(10)]).optional()
    .describe('Colonne(s) de regroupement / grouping column(s)'),
};
const designColumns = (query: { cluster?: string | undefined; strata?: string | undefined; weight?: string | undefined; by?: string | string[] | undefined }): SurveyColumns => ({
  cluster: query.cluster, strata: query.strata, weight: query.weight,
  by: query.by === undefined ? [] : Array.isArray(query.by) ? query.by : [query.by],
});

/**
 * The analysis of the uploaded file; on unreadable cells, answers 400 listing every one by row
 * and column in the request's language (the WebMessage shape, with `errors`) and returns null.
 */
async function analyse(request: FastifyRequest, reply: FastifyReply, columns: SurveyColumns, language: Language) {
  const body = request.body;
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body instanceof Uint8Array ? body : new Uint8Array();
  try {
    return await analyseAnthroSurvey(bytes, columns, await whoGrowthTables());
  } catch (error) {
    if (!(error instanceof SurveyInputError)) throw error;
    reply.code(400).send({
      httpStatus: 'Bad Request', httpStatusCode: 400, status: 'ERROR', errorCode: error.code,
      message: errorMessage(error, language),
      errors: error.issues.map((issue) => ({
        row: issue.row, field: issue.field, code: surveyIssueCode(issue), value: issue.value,
        message: translate(`error.${surveyIssueCode(issue)}`, language, { ...issue }),
      })),
    });
    return null;
  }
}

export default async function surveyRoutes(app: FastifyInstance): Promise<void> {
  app.addContentTypeParser([xlsxType, 'application/octet-stream'], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  defineRoute(app, {
    method: 'POST',
    url: '/surveys/anthro',
    summary: "Analyse d'une enquête anthropométrique (CSV ou XLSX) : plausibilité SMART et prévalences avec intervalles selon le plan de sondage, comme anthro_prevalence de l'OMS / anthropometric survey analysis: SMART plausibility and design-based prevalences, as WHO's anthro_prevalence",
    tags: ['surveys'],
    access: 'signedIn',
    consumes: uploadTypes,
    produces: ['application/json', 'text/csv'],
    querystring: z.object({
      ...designQuery,
      format: z.enum(['json', 'csv']).optional().describe('Format de la réponse (sinon selon Accept) / response format (else by Accept)'),
      table: z.enum(['prevalence', 'plausibility', 'zscores']).default('prevalence')
        .describe('Tableau rendu en CSV (prévalences, plausibilité SMART, moyennes des z-scores) / table returned as CSV (prevalences, SMART plausibility, z-score means)'),
    }),
    handler: async ({ query, request, reply, language }) => {
      const analysis = await analyse(request, reply, designColumns(query), language);
      if (!analysis) return reply;
      const output = query.format ?? (/\b(text|application)\/csv\b/.test(request.headers.accept ?? '') ? 'csv' : 'json');
      if (output === 'csv') {
        reply.type('text/csv; charset=utf-8');
        if (query.table === 'zscores') return zscoreSummaryCsv(analysis.prevalence.zscoreSummary);
        return query.table === 'plausibility' ? plausibilityCsv(analysis.plausibility) : prevalenceCsv(analysis.prevalence.rows);
      }
      return analysis;
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/surveys/anthro/observations',
    summary: "Enregistre les prévalences d'une enquête (retard de croissance, émaciation, insuffisance pondérale) comme valeurs d'enquête du cadre de résultats / saves a survey's stunting, wasting and underweight prevalences as survey values of the results framework",
    tags: ['surveys'],
    access: 'metadata:write',
    consumes: uploadTypes,
    querystring: z.object({
      ...designQuery,
      orgUnit: z.string().trim().min(1).max(50).describe("Code de l'unité couverte par l'enquête / code of the org unit the survey covers"),
      year: z.coerce.number().int().min(1900).max(2200).describe("Année de l'enquête (fin de collecte) / survey year (end of fieldwork)"),
      source: z.string().trim().min(1).max(200).describe("Nom de l'enquête, affiché avec la valeur / survey name, shown with the value"),
    }),
    handler: async ({ query, request, reply, language, user }) => {
      const columns = designColumns(query);
      const analysis = await analyse(request, reply, columns, language);
      if (!analysis) return reply;
      const result = await saveSurveyObservations(request.server.database, {
        orgUnit: query.orgUnit, year: query.year, source: query.source,
        observations: surveyObservations(analysis.prevalence.rows, columns.strata),
        // Observations of an org unit are its metadata (access/policy.ts): inside the writer's scope.
        mayWrite: (path) => canWriteOrgUnitMetadata(user, path),
      });
      return { ...result, year: query.year, source: query.source };
    },
  });
}
