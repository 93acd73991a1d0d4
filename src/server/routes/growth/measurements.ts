// A registered child's growth measurements: saved with their WHO z-scores, flags and classes
// (store/growth/measurements.ts), read back for the child's page and growth chart. Scope as
// for every org-unit datum (access/README.md): the child's health area must lie in the
// user's subtrees, for reading (data:read) and for writing (data:write).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DenwError } from '../../../core/errors.ts';
import { getChild } from '../../../store/children/children.ts';
import { childMeasurements, deleteMeasurement, recordMeasurement } from '../../../store/growth/measurements.ts';
import { whoGrowthTables } from '../../../store/growth/whoGrowthTables.ts';
import { assertCanRead, assertCanWrite } from '../../access/policy.ts';
import { defineRoute } from '../../route.ts';

const childParams = z.object({ uid: z.string().min(1).max(11).describe("UID de l'enfant / child UID") });

/**
 * Bounds wide enough for any child measured, narrow enough to stop a unit error at the door
 * (grams for kilograms, millimetres for centimetres); values inside them that WHO finds
 * implausible are saved and flagged (fwei, fwfl …), as anthro does.
 */
const measurementBody = z
  .object({
    date: z.iso.date().describe('Date de la visite / visit date (YYYY-MM-DD)'),
    weightKg: z.number().positive().max(150).nullish().describe('Poids / weight (kg)'),
    lengthHeightCm: z.number().positive().max(250).nullish().describe('Taille / length or height (cm)'),
    measure: z.enum(['l', 'h']).nullish().describe('l couché, h debout / l lying, h standing'),
    muacMm: z.number().positive().max(500).nullish().describe('Périmètre brachial / MUAC (mm)'),
    oedema: z.boolean().optional().describe('Œdèmes bilatéraux / bilateral oedema'),
  })
  .strict();

export function registerMeasurementRoutes(app: FastifyInstance): void {
  const findChild = async (uid: string) => {
    const child = await getChild(app.database.pool, uid);
    if (!child) throw new DenwError('NOT_FOUND', { path: `/api/children/${uid}` }, 'uid');
    return child;
  };

  defineRoute(app, {
    method: 'GET',
    url: '/children/:uid/measurements',
    summary: "Mesures de croissance d'un enfant / a child's growth measurements",
    tags: ['growth'],
    access: 'data:read',
    params: childParams,
    responses: { 404: 'Enfant inconnu / no such child' },
    handler: async ({ params, user }) => {
      const child = await findChild(params.uid);
      assertCanRead(user, child.orgUnitPath, child.orgUnit.code ?? child.orgUnitPath);
      return { measurements: await childMeasurements(app.database.pool, child.id) };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/children/:uid/measurements',
    summary: "Enregistrer une mesure (scores z et classification calculés) / record a measurement (z-scores and classes computed)",
    tags: ['growth'],
    access: 'data:write',
    status: 201,
    params: childParams,
    body: measurementBody,
    responses: { 404: 'Enfant inconnu / no such child' },
    handler: async ({ params, body, user }) => {
      const child = await findChild(params.uid);
      assertCanWrite(user, child.orgUnitPath, child.orgUnit.code ?? child.orgUnitPath);
      const today = new Date().toISOString().slice(0, 10);
      return recordMeasurement(
        app.database,
        child,
        {
          date: body.date,
          weightKg: body.weightKg ?? null,
          lengthHeightCm: body.lengthHeightCm ?? null,
          measure: body.measure ?? null,
          muacMm: body.muacMm ?? null,
          oedema: body.oedema ?? false,
          createdBy: user.username,
        },
        await whoGrowthTables(),
        today,
      );
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/children/:uid/measurements/:id',
    summary: "Supprimer une mesure saisie par erreur (les chiffres mensuels suivent) / delete a measurement entered by mistake (monthly figures follow)",
    tags: ['growth'],
    access: 'data:write',
    status: 204,
    params: childParams.extend({ id: z.coerce.number().int().positive().max(2_147_483_647).describe('Identifiant de la mesure / measurement id') }),
    responses: { 404: 'Enfant ou mesure inconnus / no such child or measurement' },
    handler: async ({ params, user, reply }) => {
      const child = await findChild(params.uid);
      assertCanWrite(user, child.orgUnitPath, child.orgUnit.code ?? child.orgUnitPath);
      await deleteMeasurement(app.database, child, params.id, user.username);
      return reply.send();
    },
  });
}
