// Refusals of a form by the server, shown next to the field they name: the WebMessage's
// `errors` (one per field, from the zod schema at the edge: `body.givenName`) or its single
// `field` (a domain rule, e.g. a birth date in the future).
import { ApiError } from '../app/api.ts';

export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(failure: unknown): FieldErrors {
  if (!(failure instanceof ApiError)) return {};
  const body = failure.body as { errors?: Array<{ field: string; message: string }>; field?: string } | null;
  if (body?.errors) return Object.fromEntries(body.errors.map((item) => [item.field, item.message]));
  if (body?.field) return { [body.field.startsWith('body.') ? body.field : `body.${body.field}`]: failure.message };
  return {};
}

export function FieldError({ errors, field }: { errors: FieldErrors; field: string }) {
  const message = errors[`body.${field}`] ?? Object.entries(errors).find(([name]) => name.startsWith(`body.${field}.`))?.[1];
  return message ? <span className="form-error field-error">{message}</span> : null;
}
