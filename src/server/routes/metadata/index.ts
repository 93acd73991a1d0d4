// Metadata interchange: POST /api/metadata imports a document shaped like a DHIS2 metadata
// export (plus Denw's population and results framework) and answers with a DHIS2 import report;
// GET /api/metadata exports the store in the same format (docs/metadata-format.md). The lists
// the web application reads (org units, data sets …) are in readRoutes.ts.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { translate } from '../../../core/i18n.ts';
import { COLLECTIONS, type Collection } from '../../../core/metadata/collections.ts';
import { metadataDocumentSchema } from '../../../core/metadata/schemas.ts';
import { exportMetadata } from '../../../store/metadata/exportMetadata.ts';
import { importMetadata } from '../../../store/metadata/importMetadata.ts';
import { canWriteOrgUnitMetadata } from '../../access/policy.ts';
import { defineRoute } from '../../route.ts';
import { metadataReadRoutes } from './readRoutes.ts';

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

/** DHIS2's metadata import parameters that Denw honours; the others (mergeMode, skipSharing …) are ignored. */
const importQuery = z.object({
  importStrategy: z.enum(['CREATE_AND_UPDATE', 'CREATE', 'UPDATE', 'DELETE']).default('CREATE_AND_UPDATE'),
  atomicMode: z.enum(['ALL', 'NONE']).default('ALL'),
  identifier: z.enum(['UID', 'CODE', 'AUTO']).default('AUTO'),
  dryRun: flag.default(false),
  /** DHIS2's name for a dry run: VALIDATE checks without writing. */
  importMode: z.enum(['COMMIT', 'VALIDATE']).default('COMMIT'),
  importReportMode: z.enum(['ERRORS', 'FULL', 'DEBUG']).default('ERRORS'),
});

/** `?dataElements=true&organisationUnits=true` chooses collections, as DHIS2's export does; none chosen means all. */
const exportQuery = z.object({
  ...Object.fromEntries(COLLECTIONS.map((collection) => [collection, flag.optional()])),
  download: flag.optional(),
}) as z.ZodType<Partial<Record<Collection | 'download', boolean>>>;

export default async function metadataRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(app, {
    method: 'POST',
    url: '/metadata',
    summary: 'Importer des métadonnées (format DHIS2) / Import metadata (DHIS2 format)',
    tags: ['metadata'],
    access: 'metadata:write',
    querystring: importQuery,
    body: metadataDocumentSchema,
    handler: async ({ query, body, user, language, reply }) => {
      const report = await importMetadata(app.database, body, {
        canWriteOrgUnit: (path) => canWriteOrgUnitMetadata(user, path),
        importStrategy: query.importStrategy,
        atomicMode: query.atomicMode,
        identifier: query.identifier,
        dryRun: query.dryRun || query.importMode === 'VALIDATE',
        reportMode: query.importReportMode === 'ERRORS' ? 'ERRORS' : 'FULL',
        language,
      });
      // As DHIS2's WebMessage: 200 when every object imported, 409 Conflict otherwise.
      const ok = report.status === 'OK';
      reply.code(ok ? 200 : 409);
      return {
        httpStatus: ok ? 'OK' : 'Conflict',
        httpStatusCode: ok ? 200 : 409,
        status: report.status,
        ...(ok ? {} : { message: translate('metadata.importFailed', language) }),
        response: { responseType: 'ImportReport', ...report },
      };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/metadata',
    summary: 'Exporter les métadonnées (format DHIS2) / Export metadata (DHIS2 format)',
    tags: ['metadata'],
    access: 'metadata:read',
    querystring: exportQuery,
    handler: async ({ query, reply }) => {
      const chosen = COLLECTIONS.filter((collection) => query[collection] === true);
      if (query.download) reply.header('content-disposition', 'attachment; filename="metadata.json"');
      return exportMetadata(app.database, chosen.length ? chosen : COLLECTIONS);
    },
  });

  await app.register(metadataReadRoutes);
}
