// GET /api/cmam/performance: CMAM performance of every site (level-4 org unit) at or below an
// org unit, month by month, with the Sphere 2018 pass/fail of the cure, death and default
// rates (src/core/nutrition/sphere.ts, thresholds in src/programmes/nutrition/sphere.ts). The
// numbers are analytics' own (answerAnalytics), never re-aggregated from raw values.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseAnalyticsRequest } from '../../../core/analytics/request.ts';
import { DenwError } from '../../../core/errors.ts';
import { periodsAggregatedInto, type Period } from '../../../core/periods/periods.ts';
import { periodsOfItem } from '../../../core/periods/relativePeriods.ts';
import { CMAM_EXIT_DEFINITION, EXIT_DEFINITIONS } from '../../../programmes/nutrition/cmam.ts';
import { sphereStandards, type CmamProgramme } from '../../../programmes/nutrition/sphere.ts';
import { answerAnalytics } from '../../../store/analytics/runQuery.ts';
import { assertCanRead } from '../../access/policy.ts';
import { defineRoute, ValidationError } from '../../route.ts';
import { performanceDataItems, performanceRows, PROGRAMMES } from './performance.ts';

/** CMAM sites report at level 4 (the nutrition package's data set assignment). */
const SITE_LEVEL = 4;
/** Three years of months: enough for any review, small enough to answer at once. */
const MAX_MONTHS = 36;

/** Today in Mali (UTC, no daylight saving time): the day relative periods are computed from. */
const today = () => new Date().toISOString().slice(0, 10);

/** The months of `period` (`2025Q1`, `202501;202502`, `LAST_12_MONTHS` …), or undefined if it is not a month or longer. */
function monthsOf(period: string, asOf: string): Period[] | undefined {
  try {
    const months = new Map<string, Period>();
    for (const item of period.split(';')) for (const coarse of periodsOfItem(item, asOf)) for (const month of periodsAggregatedInto('Monthly', coarse)) months.set(month.id, month);
    return [...months.values()].sort((a, b) => a.startDate.localeCompare(b.startDate));
  } catch {
    return undefined;
  }
}

const performanceQuery = z
  .object({
    orgUnit: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/)
      .describe("Code ou UID de l'unité d'organisation (ses sites de niveau 4) / org unit code or UID (its level-4 sites)"),
    period: z
      .string()
      .min(1)
      .describe('Période(s) DHIS2 d’un mois ou plus, séparées par « ; », ou période relative (2025Q1, 202501;202502, LAST_12_MONTHS) / DHIS2 period(s) of a month or longer, or a relative period'),
    programme: z.enum(['SAM', 'MAM']).optional().describe('SAM (URENI + URENAS) ou / or MAM (URENAM) ; les deux par défaut / both by default'),
  })
  .strict();

export default async function cmamRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(app, {
    method: 'GET',
    url: '/cmam/performance',
    summary: 'Performance PCIMA par site et par mois, normes Sphere / CMAM performance by site and month, Sphere standards',
    tags: ['cmam'],
    access: 'data:read',
    querystring: performanceQuery,
    handler: async ({ query, user, language }) => {
      const asOf = today();
      const months = monthsOf(query.period, asOf);
      if (!months || months.length === 0) throw new ValidationError([{ field: 'query.period', code: 'CMAM_PERIOD_INVALID', params: { value: query.period } }]);
      if (months.length > MAX_MONTHS) throw new ValidationError([{ field: 'query.period', code: 'TOO_MANY', params: { maximum: MAX_MONTHS } }]);
      const programmes: readonly CmamProgramme[] = query.programme ? [query.programme] : PROGRAMMES;
      const parsed = parseAnalyticsRequest({
        dimension: [`dx:${performanceDataItems(programmes).join(';')}`, `pe:${months.map((m) => m.id).join(';')}`, `ou:${query.orgUnit};LEVEL-${SITE_LEVEL}`],
        skipRounding: 'true',
      });
      if (!parsed.ok) throw new ValidationError([{ field: 'query.orgUnit', code: 'INVALID_FORMAT', params: { detail: query.orgUnit } }]);
      const table = await answerAnalytics(app.database, parsed.request, {
        userOrgUnitPaths: user.scopePaths,
        today: asOf,
        language,
        authorize: (orgUnits) => {
          for (const unit of orgUnits) assertCanRead(user, unit.path, unit.code ?? unit.uid);
        },
      }).catch((error: unknown) => {
        // Analytics names the parameter `dimension[2]`; here it is the orgUnit parameter.
        if (error instanceof DenwError && error.code === 'ANALYTICS_ORG_UNIT_NOT_FOUND') throw new DenwError(error.code, error.params, 'orgUnit');
        throw error;
      });
      const definition = EXIT_DEFINITIONS[CMAM_EXIT_DEFINITION];
      return {
        periods: months.map((m) => m.id),
        exitDefinition: { code: CMAM_EXIT_DEFINITION, outcomes: definition.outcomes, description: definition.text[language] },
        standards: Object.fromEntries(programmes.map((programme) => [programme, sphereStandards[programme]])),
        rows: performanceRows(table, programmes),
      };
    },
  });
}
