// One error shape for every failure, as DHIS2's WebMessage: httpStatus, httpStatusCode,
// status, errorCode, message (in the request's language) and, for invalid input, one entry
// per field at fault. Unexpected errors are logged and answered 500 without details.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DenwError } from '../core/errors.ts';
import { errorMessage, translate } from '../core/i18n.ts';
import { ValidationError } from './route.ts';

// Codes absent from this table are 400: the request is at fault.
const statusByCode: Record<string, number> = {
  UNAUTHENTICATED: 401,
  LOGIN_FAILED: 401,
  FORBIDDEN: 403,
  OUT_OF_SCOPE: 403,
  OWN_ACCESS_UNCHANGEABLE: 403,
  TOKEN_CANNOT_CREATE_TOKEN: 403,
  NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  API_TOKEN_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  USERNAME_TAKEN: 409,
  // A duplicate is a conflict with the stored state (RFC 9110 §15.5.10), as DHIS2 answers an import of an existing UID.
  CHILD_EXISTS: 409,
  // validCompleteOnly: the stored data break a rule of the data set (DHIS2 answers 409 Conflict).
  COMPLETION_VALIDATION_FAILED: 409,
  COMPLETION_PERIOD_EXPIRED: 409,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  CONTENT_TYPE_MISSING: 415,
  TOO_MANY_REQUESTS: 429,
  LOGIN_LOCKED: 429,
  INTERNAL: 500,
};

const statusText: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** Maps the framework's own errors (bad JSON, body too large …) to Denw error codes. */
function asDenwError(error: unknown, request: FastifyRequest): DenwError {
  if (error instanceof DenwError) return error;
  const fastifyError = error as { code?: string; statusCode?: number; message?: string };
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new DenwError('PAYLOAD_TOO_LARGE', { limit: request.server.initialConfig.bodyLimit ?? 0 });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': {
      const type = request.headers['content-type'];
      return type ? new DenwError('UNSUPPORTED_MEDIA_TYPE', { type }) : new DenwError('CONTENT_TYPE_MISSING');
    }
    case 'FST_ERR_BAD_URL':
      return new DenwError('INVALID_URL', { path: request.url });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new DenwError('URI_TOO_LONG', {});
    // Fastify's own texts are English only: the reason is said in the request's language.
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new DenwError('INVALID_JSON', { detail: translate('reason.JSON_BODY_EMPTY', request.language ?? 'fr') }, 'body');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new DenwError('INVALID_JSON', { detail: translate('reason.JSON_SYNTAX', request.language ?? 'fr') }, 'body');
  }
  if (error instanceof SyntaxError) return new DenwError('INVALID_JSON', { detail: error.message }, 'body');
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new DenwError('INVALID_REQUEST', { detail: fastifyError.message ?? '' });
  }
  request.log.error({ err: error }, 'unexpected error');
  return new DenwError('INTERNAL');
}

export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const denwError = asDenwError(error, request);
  const status = statusByCode[denwError.code] ?? 400;
  const language = request.language ?? 'fr';
  // RFC 9110 §10.2.3 / RFC 6585 §4: tell the client how long to wait.
  if (status === 429 && denwError.params.seconds !== undefined) reply.header('retry-after', String(denwError.params.seconds));
  const errors =
    denwError instanceof ValidationError
      ? denwError.issues.map((issue) => ({
          field: issue.field,
          code: issue.code,
          message: translate('error.INVALID_INPUT', language, {
            field: issue.field,
            reason: translate(`reason.${issue.code}`, language, issue.params),
          }),
        }))
      : undefined;
  return reply.code(status).send({
    httpStatus: statusText[status] ?? 'Bad Request',
    httpStatusCode: status,
    status: 'ERROR',
    errorCode: denwError.code,
    message: errors ? errors.map((e) => e.message).join(' ; ') : errorMessage(denwError, language),
    ...(denwError.field ? { field: denwError.field } : {}),
    ...(errors ? { errors } : {}),
  });
}
