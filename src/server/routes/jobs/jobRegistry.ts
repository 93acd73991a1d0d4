// Asynchronous jobs (DHIS2 `async=true` imports), kept in this process: each job records its
// notifications (DHIS2 /api/system/tasks) and, once done, its summary (/api/system/taskSummaries).
// A restart forgets them; the most recent jobs are kept, older ones dropped.
import { randomBytes } from 'node:crypto';

export type JobType = 'DATAVALUE_IMPORT';

/** A notification: a message key of the catalogues with its parameters, translated when read. */
export interface JobNotification {
  level: 'INFO' | 'ERROR';
  key: string;
  params: Record<string, string | number>;
  time: Date;
  completed: boolean;
}

export interface Job<Summary = unknown> {
  id: string;
  type: JobType;
  userId: number;
  created: Date;
  notifications: JobNotification[];
  /** Values read and checked so far. */
  progress: number;
  summary?: Summary;
  completed: boolean;
}

const UID_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A DHIS2-style UID: a letter then ten letters or digits. */
export function newUid(): string {
  const bytes = randomBytes(11);
  return [...bytes].map((byte, i) => UID_CHARS[byte % (i === 0 ? 52 : 62)]).join('');
}

export class JobRegistry {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly keep = 200) {}

  /** Starts `work` now and returns at once; work reports progress through the job it is given. */
  start<Summary>(type: JobType, userId: number, work: (job: Job<Summary>) => Promise<Summary>): Job<Summary> {
    const job: Job<Summary> = { id: newUid(), type, userId, created: new Date(), notifications: [], progress: 0, completed: false };
    this.jobs.set(job.id, job);
    for (const id of this.jobs.keys()) {
      if (this.jobs.size <= this.keep) break;
      if (this.jobs.get(id)!.completed) this.jobs.delete(id);
    }
    notify(job, 'INFO', 'job.started');
    setImmediate(() => {
      work(job)
        .then((summary) => {
          job.summary = summary;
          notify(job, 'INFO', 'job.completed', {}, true);
        })
        .catch((error: unknown) => {
          const code = (error as { code?: string }).code;
          notify(job, 'ERROR', 'job.failed', { detail: code ?? (error instanceof Error ? error.message : String(error)) }, true);
        });
    });
    return job;
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }
}

export function notify(job: Job<unknown>, level: JobNotification['level'], key: string, params: JobNotification['params'] = {}, completed = false): void {
  job.notifications.push({ level, key, params, time: new Date(), completed });
  if (completed) job.completed = true;
}

/** The registry of this process, shared by the routes that start jobs and those that report on them. */
export const jobs = new JobRegistry();
