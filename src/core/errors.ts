// Stable error codes. Every code has a French and an English message in i18n/fr.json and
// i18n/en.json under `error.<CODE>`, with `{name}` placeholders filled from `params`.
// The catalogue test (i18n.test.ts) fails when a code lacks a message in either language.
// A parameter written `@key` names a catalogue entry (a term such as an expression's side),
// translated in the message's language; an error may carry the error it stems from as
// `reason`, whose message fills `{reason}` (i18n.ts errorMessage).

export type ErrorParams = Record<string, string | number>;

/** A failure the user can act on: a stable code, the field it concerns, and message parameters. */
export class DenwError extends Error {
  constructor(
    readonly code: string,
    readonly params: ErrorParams = {},
    readonly field?: string,
    readonly reason?: DenwError,
  ) {
    super(`${code}${field ? ` (${field})` : ''} ${JSON.stringify(params)}`);
    this.name = 'DenwError';
  }
}
