// Fields most metadata objects share, read from a document into rows and back: identity,
// names and translations, attribute values. Denw keeps every DHIS2 translation as given
// (`translations`) and the English name beside the French one (`name_en`), which its own
// queries read.
import type { Ref, Translation } from '../../core/metadata/schemas.ts';
import { isDocObject, type Bundle, type DocObject, type Target } from './bundle.ts';
import type { PgType, Row } from './writeRows.ts';

/** The English value of a translated property: locale 'en' or a regional English ('en_GB'). */
export function english(translations: readonly Translation[], property = 'NAME'): string | null {
  const entry = translations.find((t) => t.property === property && (t.locale === 'en' || t.locale.startsWith('en_')));
  return entry?.value ?? null;
}

export const identifiedColumns = { id: 'int', uid: 'text', code: 'text', name: 'text', name_en: 'text', translations: 'jsonb' } as const satisfies Record<string, PgType>;

interface Identified {
  code?: string | undefined;
  name: string;
  translations: Translation[];
}

export function identifiedRow(object: DocObject, value: Identified): Row {
  return { id: object.id, uid: object.uid, code: value.code ?? null, name: value.name, name_en: english(value.translations), translations: value.translations };
}

/** `shortName` defaults to the name, as DHIS2 requires one and Denw's files often omit it. */
export function shortNamedRow(object: DocObject, value: Identified & { shortName?: string | undefined; description?: string | undefined }): Row {
  return { ...identifiedRow(object, value), short_name: value.shortName ?? value.name, description: value.description ?? null };
}

/** Attribute values stored as {attribute UID: value}. */
export function attributeValuesJson(bundle: Bundle, values: readonly { attribute: Ref; value: string }[]): Row {
  return Object.fromEntries(values.map(({ attribute, value }) => [uidOf(bundle.target(attribute)), value]));
}

export function uidOf(target: Target): string {
  const uid = isDocObject(target) ? (target.alias?.uid ?? target.uid) : target.uid;
  if (!uid) throw new Error('target without uid');
  return uid;
}
