// The child registry and vaccination API (issue 4): register and find children, a child's
// record with its schedule, record a dose or mark one entered in error (the EPI report follows
// in the same transaction), the defaulter list of a health area (JSON or CSV), FHIR R4 export
// and import, and the choice of the EPI report's source (form or registry) per org unit.
// Access: data:read / data:write on the child's health area (src/server/access); switching a
// source is a data manager's decision (metadata:write) inside its scope.
import type { FastifyInstance } from 'fastify';
import { toCsv } from '../../../core/csv/csvWriter.ts';
import { DenwError } from '../../../core/errors.ts';
import { childBundle, readImmunizationBundle } from '../../../core/fhir/immunization.ts';
import { translate, type Language } from '../../../core/i18n.ts';
import type { VaccineCode } from '../../../core/immunization/index.ts';
import { maliImmunizationSchedule } from '../../../programmes/immunization/schedule.ts';
import { GROWTH_MONITORING } from '../../../programmes/nutrition/growthMonitoring.ts';
import { findChildren, getChild, publicChild, registerChild, type StoredChild } from '../../../store/children/children.ts';
import type { Database } from '../../../store/database.ts';
import { growthMonitoringContributions } from '../../../store/growth/measurements.ts';
import { defaulterList, type Defaulter, type DefaulterList } from '../../../store/immunization/defaulters.ts';
import { immunizationDataSet } from '../../../store/immunization/doseCell.ts';
import { importFhirImmunizations } from '../../../store/immunization/fhirImport.ts';
import { assessChild, childImmunizations, dosesGiven, markEnteredInError, recordDose, registryContributions } from '../../../store/immunization/immunizations.ts';
import { dataSetSources, switchDataSetSource } from '../../../store/rollup/rollup.ts';
import { inTransaction } from '../../../store/transaction.ts';
import type { CurrentUser } from '../../access/abilities.ts';
import { assertCanRead, assertCanWrite, readScope } from '../../access/policy.ts';
import { defineRoute } from '../../route.ts';
import { asOfQuery, childParams, childSearch, defaulterQuery, immunizationParams, newChild, newDose, sourceQuery, sourceSwitch } from './schema.ts';

const tags = ['immunization'];
/** The server's day; every other date of the registry is an argument. */
const today = () => new Date().toISOString().slice(0, 10);

async function orgUnitByCode(database: Database, code: string, field: string) {
  const { rows } = await database.pool.query<{ id: number; code: string; path: string }>('SELECT id, code, path FROM org_unit WHERE code = $1 OR uid = $1', [code]);
  return rows[0] ?? Promise.reject(new DenwError('IMMUNIZATION_ORG_UNIT_UNKNOWN', { orgUnit: code }, field));
}

async function readableChild(database: Database, user: CurrentUser, uid: string, access: 'read' | 'write'): Promise<StoredChild> {
  const child = await getChild(database.pool, uid);
  if (!child) throw new DenwError('NOT_FOUND', { path: `/api/children/${uid}` }, 'uid');
  (access === 'read' ? assertCanRead : assertCanWrite)(user, child.orgUnitPath, child.orgUnit.code ?? undefined);
  return child;
}

/** The registry's records of each data set it can produce (growth monitoring adds its own). */
const registryContributionsOf = { [immunizationDataSet]: registryContributions, [GROWTH_MONITORING]: growthMonitoringContributions } as Record<string, typeof registryContributions | undefined>;

const publicDefaulter = ({ child, ...dose }: Defaulter) => ({ child: publicChild(child), ...dose });

const csvColumns = ['list', 'uid', 'familyName', 'givenName', 'sex', 'birthDate', 'motherName', 'village', 'orgUnit', 'vaccine', 'dose', 'dueDate', 'overdueDate'] as const;

/** The list as one CSV table, headers in the request's language (French by default). */
function defaulterCsv(list: DefaulterList, language: Language): string {
  const rows = (['due', 'overdue', 'lostToFollowUp'] as const).flatMap((category) =>
    list[category].map(({ child, vaccine, dose, dueDate, overdueDate }) => [
      translate(`immunization.defaulters.list.${category}`, language),
      child.uid,
      child.familyName,
      child.givenName,
      child.sex,
      child.birthDate,
      child.motherName,
      child.village,
      child.orgUnit.name,
      vaccine,
      dose,
      dueDate,
      overdueDate,
    ]),
  );
  return toCsv([csvColumns.map((column) => translate(`immunization.defaulters.column.${column}`, language)), ...rows]);
}

export default async function immunizationRoutes(app: FastifyInstance): Promise<void> {
  const database = app.database;
  // FHIR's own media type reads as JSON (this plugin only).
  // Unreadable JSON is refused here, before the handler that words the other reasons, so this
  // reason is put in the request's language here too.
  app.addContentTypeParser('application/fhir+json', { parseAs: 'string' }, (request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new DenwError('FHIR_INVALID', { path: 'resourceType', reason: translate('fhir.reason.NOT_A_RESOURCE', request.language) }, 'resourceType'), undefined);
    }
  });

  defineRoute(app, {
    method: 'POST',
    url: '/children',
    summary: 'Enregistrer un enfant / register a child',
    tags,
    access: 'data:write',
    body: newChild,
    status: 201,
    handler: async ({ body, user }) => {
      const orgUnit = await orgUnitByCode(database, body.orgUnit, 'body.orgUnit');
      assertCanWrite(user, orgUnit.path, orgUnit.code);
      if (body.birthDate > today()) throw new DenwError('IMMUNIZATION_DATE_IN_FUTURE', { date: body.birthDate }, 'body.birthDate');
      const { orgUnit: _code, ...fields } = body;
      return publicChild(await registerChild(database.pool, { ...fields, orgUnitId: orgUnit.id, createdBy: user.username }));
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/children',
    summary: 'Chercher des enfants (nom, mère, village, date de naissance) / find children (name, mother, village, birth date)',
    tags,
    access: 'data:read',
    querystring: childSearch,
    handler: async ({ query, user }) => {
      const orgUnit = query.orgUnit !== undefined ? await orgUnitByCode(database, query.orgUnit, 'query.orgUnit') : undefined;
      if (orgUnit) assertCanRead(user, orgUnit.path, orgUnit.code);
      const children = await findChildren(database.pool, { scopePaths: readScope(user), orgUnitPath: orgUnit?.path, q: query.q, birthDate: query.birthDate });
      return { children: children.map(publicChild) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/children/:uid',
    summary: "Un enfant, ses vaccinations et son calendrier / a child, its immunizations and its schedule",
    tags,
    access: 'data:read',
    params: childParams,
    querystring: asOfQuery,
    handler: async ({ params, query, user }) => {
      const child = await readableChild(database, user, params.uid, 'read');
      const immunizations = await childImmunizations(database.pool, child.id);
      return { ...publicChild(child), immunizations, schedule: assessChild(child, dosesGiven(immunizations), query.asOf ?? today()) };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/children/:uid/immunizations',
    summary: 'Enregistrer une dose donnée / record a dose given',
    tags,
    access: 'data:write',
    params: childParams,
    body: newDose,
    status: 201,
    handler: async ({ params, body, user }) => {
      const child = await readableChild(database, user, params.uid, 'write');
      if (!maliImmunizationSchedule.doses.some((dose) => dose.vaccine === body.vaccine && dose.dose === body.dose)) {
        throw new DenwError('IMMUNIZATION_DOSE_UNKNOWN', { vaccine: body.vaccine, dose: body.dose }, 'body.dose');
      }
      if (body.date < child.birthDate) throw new DenwError('IMMUNIZATION_BEFORE_BIRTH', { date: body.date, birthDate: child.birthDate }, 'body.date');
      if (body.date > today()) throw new DenwError('IMMUNIZATION_DATE_IN_FUTURE', { date: body.date }, 'body.date');
      const given = body.orgUnit !== undefined ? await orgUnitByCode(database, body.orgUnit, 'body.orgUnit') : undefined;
      // The dose counts in the EPI report of the unit where it was given: written there too.
      if (given) assertCanWrite(user, given.path, given.code);
      return recordDose(database, child, {
        vaccine: body.vaccine as VaccineCode,
        dose: body.dose,
        date: body.date,
        lotNumber: body.lotNumber,
        orgUnitId: given?.id,
        createdBy: user.username,
      });
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/children/:uid/immunizations/:id',
    summary: 'Marquer une dose « saisie par erreur » / mark a dose entered in error',
    tags,
    access: 'data:write',
    params: immunizationParams,
    status: 204,
    handler: async ({ params, user }) => {
      const child = await readableChild(database, user, params.uid, 'write');
      await markEnteredInError(database, child, params.id, user.username);
      return undefined;
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/immunization/defaulters',
    summary: 'Enfants à vacciner cette semaine, en retard et perdus de vue (JSON ou CSV) / children due this week, overdue and lost to follow-up (JSON or CSV)',
    tags,
    access: 'data:read',
    querystring: defaulterQuery,
    produces: ['application/json', 'text/csv'],
    handler: async ({ query, user, language, reply }) => {
      const orgUnit = await orgUnitByCode(database, query.orgUnit, 'query.orgUnit');
      assertCanRead(user, orgUnit.path, orgUnit.code);
      const list = await defaulterList(database.pool, orgUnit.path, query.asOf ?? today());
      if (query.format === 'csv') {
        reply.type('text/csv; charset=utf-8');
        reply.header('content-disposition', `attachment; filename="defaulters-${orgUnit.code}-${list.asOf}.csv"`);
        return defaulterCsv(list, language);
      }
      return { ...list, due: list.due.map(publicDefaulter), overdue: list.overdue.map(publicDefaulter), lostToFollowUp: list.lostToFollowUp.map(publicDefaulter) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/children/:uid/fhir',
    summary: "Le dossier de vaccination de l'enfant en FHIR R4 (Bundle Patient + Immunization) / the child's record as FHIR R4",
    tags,
    access: 'data:read',
    params: childParams,
    produces: ['application/fhir+json'],
    handler: async ({ params, user, reply }) => {
      const child = await readableChild(database, user, params.uid, 'read');
      reply.type('application/fhir+json; charset=utf-8');
      return childBundle(child, await childImmunizations(database.pool, child.id));
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/fhir',
    summary: 'Importer des ressources FHIR R4 Patient et Immunization (Bundle) / import FHIR R4 Patient and Immunization resources (Bundle)',
    tags,
    access: 'data:write',
    consumes: ['application/fhir+json', 'application/json'],
    // A Patient registered by another request between this import's look-up and its insert.
    responses: { 409: 'Un enfant porte déjà cet identifiant / a child already has this identifier' },
    handler: async ({ request, user, language }) => {
      try {
        const read = readImmunizationBundle(request.body);
        return await importFhirImmunizations(database, read, {
          user: user.username,
          assertWritable: (orgUnit) => assertCanWrite(user, orgUnit.path, orgUnit.code ?? undefined),
        });
      } catch (error) {
        // The reason in words, in the request's language, with the FHIRPath of the field.
        if (error instanceof DenwError && error.code === 'FHIR_INVALID') {
          throw new DenwError('FHIR_INVALID', { ...error.params, reason: translate(`fhir.reason.${error.params.reason}`, language) }, error.field);
        }
        throw error;
      }
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/dataSetSources',
    summary: "Source des chiffres, à une unité, des ensembles de données que le registre peut produire : aujourd'hui et par période / where the figures of the data sets the registry can produce come from at an org unit: today and by period",
    tags,
    access: 'metadata:read',
    querystring: sourceQuery,
    handler: async ({ query, user, language }) => {
      const orgUnit = await orgUnitByCode(database, query.orgUnit, 'query.orgUnit');
      assertCanRead(user, orgUnit.path, orgUnit.code);
      const day = today();
      const dataSets = await dataSetSources(database.pool, orgUnit.id, Object.keys(registryContributionsOf));
      return {
        orgUnit: orgUnit.code,
        dataSets: dataSets.map(({ nameEn, name, sources, ...dataSet }) => ({
          ...dataSet,
          name: language === 'en' ? (nameEn ?? name) : name,
          // The source of the current period: the latest switch started by today, else the form.
          source: sources.filter((switched) => switched.starts <= day).at(-1)?.source ?? 'form',
          sources,
        })),
      };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/dataSetSources',
    summary: "Source des chiffres d'un ensemble de données dans une unité (formulaire ou registre), à partir d'une période / where a data set's figures come from at an org unit (form or registry), from a period on",
    tags,
    access: 'metadata:write',
    body: sourceSwitch,
    handler: async ({ body, user }) => {
      const orgUnit = await orgUnitByCode(database, body.orgUnit, 'body.orgUnit');
      assertCanWrite(user, orgUnit.path, orgUnit.code);
      const contribution = registryContributionsOf[body.dataSet];
      if (body.source === 'registry' && !contribution) throw new DenwError('DATA_SET_SOURCE_NO_REGISTRY', { dataSet: body.dataSet }, 'body.dataSet');
      return inTransaction(database, (client) =>
        switchDataSetSource(client, { dataSet: body.dataSet, orgUnitId: orgUnit.id, from: body.from, source: body.source, changedBy: user.username }, async (firstDay) =>
          contribution ? contribution(client, orgUnit.id, firstDay) : [],
        ),
      );
    },
  });
}
