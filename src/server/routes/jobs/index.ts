// The status of asynchronous jobs, at DHIS2's addresses: GET /api/system/tasks/{type}/{id}
// lists the job's notifications, newest first (DHIS2 SystemController.getTaskJsonByUid), and
// GET /api/system/taskSummaries/{type}/{id} returns its summary once done. Denw adds the
// number of values read so far and GET /api/system/tasks/{id}. A job is visible to the user
// who started it and to superusers; to anyone else it does not exist.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { describeSummary, type ImportSummary } from '../../../core/dataValueSets/importSummary.ts';
import { DenwError } from '../../../core/errors.ts';
import { translate, type Language } from '../../../core/i18n.ts';
import type { CurrentUser } from '../../access/abilities.ts';
import { defineRoute } from '../../route.ts';
import { jobs, type Job } from './jobRegistry.ts';

function visibleJob(id: string, user: CurrentUser, type?: string): Job {
  const job = jobs.get(id);
  if (!job || (type !== undefined && job.type !== type) || (job.userId !== user.id && user.role !== 'superuser')) {
    throw new DenwError('NOT_FOUND', { path: `/api/system/tasks/${id}` });
  }
  return job;
}

function notifications(job: Job, language: Language) {
  return job.notifications
    .map((note, i) => ({
      uid: `${job.id}-${i}`,
      level: note.level,
      category: job.type,
      time: note.time.toISOString(),
      message: translate(note.key, language, { ...note.params, progress: job.progress }),
      completed: note.completed,
      progress: job.progress,
    }))
    .reverse();
}

export default async function jobRoutes(app: FastifyInstance): Promise<void> {
  const params = z.object({ type: z.enum(['DATAVALUE_IMPORT']).describe('Type de tâche / job type'), id: z.string().min(1) });
  defineRoute(app, {
    method: 'GET',
    url: '/system/tasks/:type/:id',
    summary: "Avancement d'une tâche (DHIS2) / job notifications, newest first",
    tags: ['system'],
    access: 'signedIn',
    params,
    handler: async ({ params: { type, id }, user, language }) => notifications(visibleJob(id, user, type), language),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/system/tasks/:id',
    summary: "État d'une tâche / job state, progress and summary",
    tags: ['system'],
    access: 'signedIn',
    params: z.object({ id: z.string().min(1) }),
    handler: async ({ params: { id }, user, language }) => {
      const job = visibleJob(id, user);
      return {
        id: job.id,
        jobType: job.type,
        created: job.created.toISOString(),
        completed: job.completed,
        progress: job.progress,
        notifications: notifications(job, language),
        summary: job.summary ? describeSummary(job.summary as ImportSummary, language) : null,
      };
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/system/taskSummaries/:type/:id',
    summary: "Bilan d'une tâche terminée (DHIS2) / summary of a finished job",
    tags: ['system'],
    access: 'signedIn',
    params,
    handler: async ({ params: { type, id }, user, language }) => {
      const job = visibleJob(id, user, type);
      return job.summary ? describeSummary(job.summary as ImportSummary, language) : {};
    },
  });
}
