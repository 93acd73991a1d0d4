// POST /api/dataValueSets (import: DHIS2 JSON, CSV, DXF2 XML or ADX, by Content-Type) and
// GET /api/dataValueSets (export: JSON, CSV or ADX, by extension or Accept).
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { DenwError } from '../../../core/errors.ts';
import { dataValueSource, formatOfContentType } from '../../../store/dataValues/dataValueSource.ts';
import { exportDataValues } from '../../../store/dataValues/exportDataValues.ts';
import { exportText, type ExportFormat } from '../../../store/dataValues/exportWriters.ts';
import { importDataValues } from '../../../store/dataValues/importDataValues.ts';
import { mayEditExpired } from '../../access/policy.ts';
import { defineRoute } from '../../route.ts';
import { jobs, notify } from '../jobs/jobRegistry.ts';
import { exportQuery, importQuery } from './schema.ts';
import { importSummaryMessage, jobStartedMessage } from './webMessage.ts';

export const importContentTypes = ['application/json', 'application/csv', 'text/csv', 'application/adx+xml', 'application/xml+adx', 'application/xml', 'text/xml'];

/** Bodies larger than this run as a job even without async=true (DENW_IMPORT_ASYNC_BYTES). */
const asyncThreshold = Number(process.env.DENW_IMPORT_ASYNC_BYTES ?? 10 * 1024 * 1024);

const exportTypes: Record<ExportFormat, string> = { json: 'application/json; charset=utf-8', csv: 'application/csv; charset=utf-8', adx: 'application/adx+xml; charset=utf-8' };

function formatOfAccept(accept: string | undefined): ExportFormat {
  const types = (accept ?? '').toLowerCase();
  if (types.includes('adx')) return 'adx';
  if (types.includes('csv')) return 'csv';
  return 'json';
}

export function registerDataValueSetRoutes(app: FastifyInstance): void {
  defineRoute(app, {
    method: 'POST',
    url: '/dataValueSets',
    summary: 'Importer des valeurs (JSON, CSV, XML, ADX DHIS2) / import data values (DHIS2 JSON, CSV, XML, ADX)',
    tags: ['dataValues'],
    access: 'data:write',
    querystring: importQuery,
    consumes: importContentTypes,
    handler: async ({ query, user, language, request, reply }) => {
      const format = formatOfContentType(request.headers['content-type']);
      if (!format) throw new DenwError('UNSUPPORTED_MEDIA_TYPE', { type: String(request.headers['content-type'] ?? '') });
      const source = dataValueSource(format, request.body);
      const background = query.async === true || Number(request.headers['content-length'] ?? 0) > asyncThreshold;
      const options = {
        idSchemes: query,
        dryRun: query.dryRun ?? false,
        importStrategy: query.importStrategy ?? query.strategy ?? 'CREATE_AND_UPDATE',
        atomicMode: query.atomicMode ?? 'ALL',
        dataSet: query.dataSet,
        async: background,
      } as const;
      const importer = { username: user.username, scopePaths: user.scopePaths, mayEditExpired: mayEditExpired(user) };
      if (background) {
        const job = jobs.start('DATAVALUE_IMPORT', user.id, (running) => {
          notify(running, 'INFO', 'job.importing');
          return importDataValues(app.database, source, options, importer, { onProgress: (read) => (running.progress = read) });
        });
        return jobStartedMessage(job, language);
      }
      const { statusCode, body } = importSummaryMessage(await importDataValues(app.database, source, options, importer), language);
      reply.code(statusCode);
      return body;
    },
  });

  for (const extension of ['', '.json', '.csv', '.adx'] as const) {
    defineRoute(app, {
      method: 'GET',
      url: `/dataValueSets${extension}`,
      summary: `Exporter des valeurs / export data values${extension ? ` (${extension.slice(1).toUpperCase()})` : ' (JSON, CSV or ADX by Accept)'}`,
      tags: ['dataValues'],
      access: 'data:read',
      querystring: exportQuery,
      produces: extension ? [exportTypes[extension.slice(1) as ExportFormat].split(';')[0]!] : ['application/json', 'application/csv', 'application/adx+xml'],
      handler: async ({ query, user, request, reply }) => {
        const format = extension ? (extension.slice(1) as ExportFormat) : formatOfAccept(request.headers.accept);
        const exported = await exportDataValues(app.database, { ...query, children: query.children ?? false }, user.scopePaths);
        reply.type(exportTypes[format]);
        if (format !== 'json') reply.header('content-disposition', `attachment; filename="dataValueSets.${format === 'adx' ? 'adx.xml' : 'csv'}"`);
        return reply.send(Readable.from(exportText(exported, format, new Date().toISOString())));
      },
    });
  }
}
