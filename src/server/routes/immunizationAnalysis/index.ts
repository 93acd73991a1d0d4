// EPI analysis for district and national officers (issue 4): the RED/REC table of the districts
// under an org unit for a period, computed by the analytics engine from the aggregated values,
// and administrative coverage beside WUENIC and survey estimates by year.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DenwError } from '../../../core/errors.ts';
import { redRecDefinition } from '../../../programmes/immunization/redRec.ts';
import { ADMIN, DTP1, DTP3, MCV1, MCV2, WUENIC } from '../../../programmes/resultsFramework/survive.ts';
import { readCoverageSources } from '../../../store/immunizationAnalysis/coverageSources.ts';
import { readRedRecTable } from '../../../store/immunizationAnalysis/redRecTable.ts';
import { routineValuesFrom } from '../../../store/results/routineValues.ts';
import { assertCanRead, canRead } from '../../access/policy.ts';
import { defineRoute } from '../../route.ts';

/** The antigens WUENIC, the surveys and the results framework share (WUENIC's names). */
const ANTIGENS = { DTP1, DTP3, MCV1, MCV2 } as const;
const antigenCodes = Object.keys(ANTIGENS) as [keyof typeof ANTIGENS, ...(keyof typeof ANTIGENS)[]];

/** Today in Mali (UTC, no daylight saving time). */
const today = () => new Date().toISOString().slice(0, 10);

export default async function immunizationAnalysisRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(app, {
    method: 'GET',
    url: '/immunization/redRec',
    summary: 'Catégories RED/REC des districts (OMS) / RED/REC categories of districts (WHO)',
    tags: ['immunization'],
    access: 'data:read',
    querystring: z
      .object({
        orgUnit: z.string().min(1).describe("Code de l'unité d'organisation / org unit code (ML01)"),
        period: z.string().min(1).describe('Période DHIS2 / DHIS2 period (2025, 2025Q1, 202503)'),
        utilisation: z
          .enum(redRecDefinition.utilisation)
          .optional()
          .describe(`Abandon qui définit l'utilisation / dropout defining utilisation (${redRecDefinition.utilisation.join(', ')})`),
        level: z.coerce.number().int().min(1).max(10).optional().describe('Niveau catégorisé (3 = districts, 4 = aires de santé) / level categorised'),
      })
      .strict(),
    handler: async ({ query, user, language }) =>
      readRedRecTable(app.database, redRecDefinition, {
        ...query,
        language,
        userOrgUnitPaths: user.scopePaths,
        today: today(),
        authorize: (orgUnits) => {
          for (const unit of orgUnits) assertCanRead(user, unit.path, unit.code ?? unit.uid);
        },
      }),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/immunization/coverageSources',
    summary: 'Couverture administrative, WUENIC et enquêtes par année / administrative, WUENIC and survey coverage by year',
    tags: ['immunization'],
    access: 'data:read',
    querystring: z.object({ antigen: z.enum(antigenCodes).describe(`Antigène / antigen (${antigenCodes.join(', ')})`) }).strict(),
    handler: async ({ query, language, user }) => {
      const found = await readCoverageSources(app.database, {
        rfIndicator: ANTIGENS[query.antigen],
        language,
        methods: { estimate: WUENIC, administrative: ADMIN },
        // National routine coverage is analytics of the whole country: its readers, or a public indicator.
        routineValues: routineValuesFrom(app.database, language, new Date(), (path) => canRead(user, path)),
      });
      if (!found) throw new DenwError('NOT_FOUND', { path: ANTIGENS[query.antigen] }, 'antigen');
      return { antigen: query.antigen, ...found };
    },
  });
}
