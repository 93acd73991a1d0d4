// The metadata lists the web application reads, in DHIS2's shapes and paths
// (GET /api/organisationUnits, /api/dataSets/{id} …). Metadata is not scoped: every signed-in
// user with 'metadata:read' sees all of it. `fields` keeps the named top-level fields
// (DHIS2 syntax; nested selections such as `categoryCombo[id,name]` keep the whole field);
// `paging` is accepted and every list comes whole.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DenwError } from '../../../core/errors.ts';
import { categoryCombos, dataSetForm, listDataSets } from '../../../store/metadata/readDataSets.ts';
import {
  listDataElements,
  listIndicators,
  listOrganisationUnitLevels,
  listOrganisationUnits,
} from '../../../store/metadata/readMetadata.ts';
import { defineRoute } from '../../route.ts';

const listQuery = z.object({ fields: z.string().optional(), paging: z.string().optional() });
const orgUnitQuery = listQuery.extend({ level: z.coerce.number().int().min(1).optional(), parent: z.string().min(1).optional() });
const byId = z.object({ id: z.string().min(1) });

/** The top-level field names of a DHIS2 `fields` parameter; undefined for all fields. */
export function requestedFields(fields: string | undefined): Set<string> | undefined {
  if (!fields) return undefined;
  const names = new Set<string>();
  let depth = 0;
  let current = '';
  for (const character of `${fields},`) {
    if (character === '[') depth += 1;
    if (character === ']') depth -= 1;
    if (character === ',' && depth === 0) {
      names.add(current.replace(/\[.*$/s, '').trim());
      current = '';
    } else current += character;
  }
  return names.has('*') || names.has(':all') ? undefined : names;
}

function pick<T extends object>(objects: readonly T[], fields: Set<string> | undefined): Partial<T>[] {
  if (!fields) return [...objects];
  return objects.map((object) => Object.fromEntries(Object.entries(object).filter(([key]) => fields.has(key))) as Partial<T>);
}

export async function metadataReadRoutes(app: FastifyInstance): Promise<void> {
  const list = <T extends object>(url: string, collection: string, read: (language: 'fr' | 'en') => Promise<T[]>, summary: string) =>
    defineRoute(app, {
      method: 'GET',
      url,
      summary,
      tags: ['metadata'],
      access: 'metadata:read',
      querystring: listQuery,
      handler: async ({ query, language }) => ({ [collection]: pick(await read(language), requestedFields(query.fields)) }),
    });

  defineRoute(app, {
    method: 'GET',
    url: '/organisationUnits',
    summary: "Unités d'organisation (level, parent, fields=…,geometry) / Organisation units",
    tags: ['metadata'],
    access: 'metadata:read',
    querystring: orgUnitQuery,
    handler: async ({ query, language }) => {
      const fields = requestedFields(query.fields);
      // Geometry is heavy: it comes only when asked for (fields=…,geometry or fields=*).
      const withGeometry = query.fields !== undefined && (!fields || fields.has('geometry'));
      const units = await listOrganisationUnits(app.database, { level: query.level, parent: query.parent, withGeometry }, language);
      return { organisationUnits: pick(units, fields) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/organisationUnits/:id',
    summary: "Une unité d'organisation, par UID ou code / One organisation unit, by UID or code",
    tags: ['metadata'],
    access: 'metadata:read',
    params: byId,
    handler: async ({ params, language, request }) => {
      const [unit] = await listOrganisationUnits(app.database, { unit: params.id, withGeometry: true }, language);
      if (!unit) throw new DenwError('NOT_FOUND', { path: request.url });
      return unit;
    },
  });

  list('/organisationUnitLevels', 'organisationUnitLevels', (language) => listOrganisationUnitLevels(app.database, language), "Niveaux d'unités d'organisation / Organisation unit levels");
  list('/dataElements', 'dataElements', (language) => listDataElements(app.database, language), 'Éléments de données / Data elements');
  list('/indicators', 'indicators', (language) => listIndicators(app.database, language), 'Indicateurs / Indicators');
  list(
    '/categoryCombos',
    'categoryCombos',
    (language) => categoryCombos(app.database, language),
    'Combinaisons de catégories et leurs combinaisons d’options / Category combos and their option combos',
  );
  list('/dataSets', 'dataSets', (language) => listDataSets(app.database, language), 'Ensembles de données / Data sets');

  defineRoute(app, {
    method: 'GET',
    url: '/dataSets/:id',
    summary: "Un ensemble de données tel que son formulaire de saisie l'utilise / One data set as its entry form needs it",
    tags: ['metadata'],
    access: 'metadata:read',
    params: byId,
    handler: async ({ params, language, request }) => {
      const form = await dataSetForm(app.database, params.id, language);
      if (!form) throw new DenwError('NOT_FOUND', { path: request.url });
      return form;
    },
  });
}
