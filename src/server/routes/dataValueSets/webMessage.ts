// Replies wrapped as DHIS2 wraps them (WebMessageUtils.importSummary, jobConfigurationReport):
// an import summary answers 200 with status OK or WARNING, or 409 Conflict with status ERROR
// when nothing was imported; a started job answers with where to follow it.
import { describeSummary, type ImportSummary } from '../../../core/dataValueSets/importSummary.ts';
import { translate, type Language } from '../../../core/i18n.ts';
import type { Job } from '../jobs/jobRegistry.ts';

export function importSummaryMessage(summary: ImportSummary, language: Language): { statusCode: number; body: Record<string, unknown> } {
  const error = summary.status === 'ERROR';
  const status = error ? 'ERROR' : summary.status === 'WARNING' ? 'WARNING' : 'OK';
  return {
    statusCode: error ? 409 : 200,
    body: {
      httpStatus: error ? 'Conflict' : 'OK',
      httpStatusCode: error ? 409 : 200,
      status,
      message: translate(`webMessage.import${status}`, language),
      response: describeSummary(summary, language),
    },
  };
}

export function jobStartedMessage(job: Job, language: Language): Record<string, unknown> {
  return {
    httpStatus: 'OK',
    httpStatusCode: 200,
    status: 'OK',
    message: translate('webMessage.jobStarted', language, { type: job.type }),
    response: {
      responseType: 'JobConfigurationWebMessageResponse',
      id: job.id,
      name: job.type,
      jobType: job.type,
      created: job.created.toISOString(),
      relativeNotifierEndpoint: `/api/system/tasks/${job.type}/${job.id}`,
    },
  };
}

/** A single value refused (POST or DELETE /api/dataValues): 409 with the conflict's message. */
export function conflictMessage(summary: ImportSummary, language: Language): Record<string, unknown> {
  const [conflict] = describeSummary(summary, language).conflicts;
  return {
    httpStatus: 'Conflict',
    httpStatusCode: 409,
    status: 'ERROR',
    errorCode: conflict?.errorCode ?? 'CONFLICT',
    message: conflict?.value ?? translate('webMessage.importERROR', language),
    ...(conflict ? { field: conflict.field } : {}),
  };
}
