// GET /api/validation: runs the validation rules on demand for an org unit (and, with
// children=true, every org unit below it) and a period, and lists the violations. The same run
// is what imports and data-entry completion call (store/analytics/validationRun.ts).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorMessage } from '../../../core/i18n.ts';
import { parsePeriod } from '../../../core/periods/periods.ts';
import { runValidation } from '../../../store/analytics/validationRun.ts';
import { selectOrgUnits } from '../../../store/analytics/orgUnitSelection.ts';
import { assertCanRead } from '../../access/policy.ts';
import { defineRoute } from '../../route.ts';

const validationQuery = z
  .object({
    orgUnit: z.string().min(1).describe("Code ou UID de l'unité d'organisation / org unit code or UID"),
    period: z
      .string()
      .refine((id) => {
        try {
          parsePeriod(id);
          return true;
        } catch {
          return false;
        }
      }, 'période DHIS2 / DHIS2 period (2024, 2024Q1, 202401…)')
      .describe('Période DHIS2 / DHIS2 period'),
    children: z.enum(['true', 'false']).optional().describe('true : aussi les unités en dessous / also the units below'),
    dataSet: z.string().min(1).optional().describe("Seulement les règles de cet ensemble de données / only this data set's rules"),
  })
  .strict();

export default async function validationRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(app, {
    method: 'GET',
    url: '/validation',
    summary: 'Exécuter les règles de validation / run the validation rules',
    tags: ['validation'],
    access: 'data:read',
    querystring: validationQuery,
    handler: async ({ query, user, language }) => {
      const [unit] = await selectOrgUnits(app.database.pool, [{ kind: 'orgUnit', id: query.orgUnit }], [], 'orgUnit');
      assertCanRead(user, unit!.path, unit!.code ?? unit!.uid);
      // Rules that cannot be evaluated are listed beside the violations, not run (validationRun.ts).
      const skippedValidationRules: Array<{ validationRuleId: string; errorCode: string; message: string }> = [];
      const validationRuleViolations = await runValidation(app.database, {
        orgUnits: [query.orgUnit],
        includeDescendants: query.children === 'true',
        periods: [parsePeriod(query.period).id],
        ...(query.dataSet !== undefined ? { dataSet: query.dataSet } : {}),
        onSkippedRule: ({ validationRuleId, error }) => skippedValidationRules.push({ validationRuleId, errorCode: error.code, message: errorMessage(error, language) }),
      });
      return { validationRuleViolations, skippedValidationRules };
    },
  });
}
