// Running an import from the browser: the file is uploaded with its progress (XMLHttpRequest
// reports upload progress, fetch does not), the server runs it as an asynchronous job as
// DHIS2 does (POST /api/dataValueSets?async=true answers with the job and the address of its
// status), and the status is polled until the import summary is ready.
import { ApiError, api } from '../../app/api.ts';
import { contentTypes, importQuery, type ImportOptions } from './importFormats.ts';

export interface ImportConflict {
  object: string;
  /** The reason, in the user's language. */
  value: string;
  errorCode?: string;
  property?: string;
  field?: string;
  row?: number | null;
}

export interface ImportSummary {
  status: 'SUCCESS' | 'WARNING' | 'ERROR';
  description?: string;
  importCount: { imported: number; updated: number; deleted: number; ignored: number };
  conflicts: ImportConflict[];
  importOptions?: { dryRun?: boolean };
}

export interface ImportProgress {
  phase: 'upload' | 'import';
  /** Share of the file uploaded, 0 to 1. */
  fraction?: number;
  /** Values read and checked by the server so far. */
  valuesRead?: number;
}

interface JobReference {
  response?: { id?: string; jobType?: string; relativeNotifierEndpoint?: string };
}

/** A job notification as GET /api/system/tasks/{type}/{id} lists them, newest first (DHIS2). */
interface JobNotification {
  level: 'INFO' | 'ERROR';
  message: string;
  completed: boolean;
  /** Denw: values read and checked so far. */
  progress?: number;
}

const isSummary = (body: unknown): body is ImportSummary => typeof body === 'object' && body !== null && 'importCount' in body;

function upload(url: string, file: File, contentType: string, language: string, onProgress: (progress: ImportProgress) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('Content-Type', contentType);
    request.setRequestHeader('Accept-Language', language);
    request.setRequestHeader('Accept', 'application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ phase: 'upload', fraction: event.loaded / event.total });
    };
    request.onload = () => {
      let body: unknown = request.responseText;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        // A non-JSON answer is reported as text below.
      }
      // An import with conflicts is still an import summary (DHIS2 answers 409 with it).
      if (request.status < 300 || isSummary(body) || isSummary((body as { response?: unknown })?.response)) resolve(body);
      else {
        const message = typeof body === 'object' && body && 'message' in body ? String((body as { message: unknown }).message) : request.statusText;
        reject(new ApiError(request.status, message, body));
      }
    };
    request.onerror = () => reject(new Error('network'));
    request.send(file);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runImport(file: File, options: ImportOptions, language: string, onProgress: (progress: ImportProgress) => void): Promise<ImportSummary> {
  const answer = await upload(`/api/dataValueSets?${importQuery(options, true)}`, file, contentTypes[options.format], language, onProgress);
  if (isSummary(answer)) return answer;
  const nested = (answer as { response?: unknown }).response;
  if (isSummary(nested)) return nested;
  const statusPath = (answer as JobReference).response?.relativeNotifierEndpoint;
  if (!statusPath) throw new ApiError(500, String((answer as { message?: string }).message ?? ''), answer);
  onProgress({ phase: 'import' });
  // Quick at first (small files finish in well under a second), then every two seconds at most.
  for (let wait = 200; ; wait = Math.min(wait * 1.5, 2000)) {
    await sleep(wait);
    const [latest] = await api<JobNotification[]>(statusPath);
    if (latest?.completed) {
      if (latest.level === 'ERROR') throw new ApiError(500, latest.message, latest);
      return api<ImportSummary>(statusPath.replace('/system/tasks/', '/system/taskSummaries/'));
    }
    // The number of values read so far (the total is unknown until the file is read).
    onProgress({ phase: 'import', valuesRead: latest?.progress });
  }
}
