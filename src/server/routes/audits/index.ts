// GET /api/audits/dataValue: who changed which data value when, from what to what — DHIS2's
// audit API for aggregate data (dhis-web-api AuditController, same parameter names: ds, de, pe,
// ou, co, cc, auditType, page, pageSize; answer { pager, dataValueAudits }). Identifiers are
// codes or UIDs. A reader sees only the audits of org units inside its scope; naming a unit
// outside it is refused (403 OUT_OF_SCOPE), as the data value routes refuse it.
//
// Not offered: DHIS2's paging=false / skipPaging=true. A national import writes a million
// audit rows; they are read page by page (pageSize up to 10,000).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parsePeriod } from '../../../core/periods/periods.ts';
import { auditTypes, listDataValueAudits } from '../../../store/dataValues/dataValueAudits.ts';
import { assertCanRead, readScope } from '../../access/policy.ts';
import { defineRoute } from '../../route.ts';
import { identifier, list, periodList } from '../dataValueSets/schema.ts';

const dataValueAuditQuery = z.strictObject({
  ds: list.describe('Jeux de données (leurs éléments) / data sets (their data elements)'),
  de: list.describe('Éléments de données / data elements'),
  pe: periodList.describe('Périodes DHIS2 / DHIS2 periods'),
  ou: list.describe("Unités d'organisation (elles-mêmes, sans celles en dessous) / org units (themselves, not those below)"),
  co: identifier.optional().describe('Combinaison de catégories / category option combo'),
  cc: identifier.optional().describe("Combinaison d'options d'attribut / attribute option combo"),
  auditType: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : (Array.isArray(value) ? value : [value]).flatMap((item) => item.split(',')).map((item) => item.trim().toUpperCase())))
    .pipe(z.array(z.enum(auditTypes)))
    .describe('CREATE, UPDATE, DELETE'),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(10_000).default(50),
});

export default async function auditRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(app, {
    method: 'GET',
    url: '/audits/dataValue',
    summary: 'Historique des modifications des valeurs / audit trail of data values',
    tags: ['dataValues'],
    access: 'data:read',
    querystring: dataValueAuditQuery,
    handler: async ({ query, user }) => {
      const { total, dataValueAudits } = await listDataValueAudits(
        app.database,
        {
          dataSets: query.ds,
          dataElements: query.de,
          periods: query.pe.map((id) => parsePeriod(id).id),
          orgUnits: query.ou,
          categoryOptionCombo: query.co,
          attributeOptionCombo: query.cc,
          auditTypes: query.auditType,
          page: query.page,
          pageSize: query.pageSize,
        },
        { readPaths: readScope(user), assertCanRead: (path, label) => assertCanRead(user, path, label) },
      );
      return {
        pager: { page: query.page, pageCount: Math.max(1, Math.ceil(total / query.pageSize)), total, pageSize: query.pageSize },
        dataValueAudits,
      };
    },
  });
}
