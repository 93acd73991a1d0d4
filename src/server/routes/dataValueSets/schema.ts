// Query parameters of the data value routes, named as DHIS2 names them (web API "Data values"
// chapter: import parameters, export parameters, /api/dataValues), validated at the edge.
import { z } from 'zod';
import { importStrategies, parseImportStrategy } from '../../../core/dataValueSets/dataValueSet.ts';
import { parseDay } from '../../../core/periods/calendar.ts';
import { parsePeriod } from '../../../core/periods/periods.ts';

const lower = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const upper = (value: unknown) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
/** A strategy by its name or DHIS2's former one (NEW_AND_UPDATES …); another text is left for the enum to refuse. */
const strategyName = (value: unknown) => (typeof value === 'string' ? (parseImportStrategy(value) ?? value) : value);

/** `true` or `false`, in any case (DHIS2 reads booleans with Boolean.parseBoolean). */
export const flag = z.preprocess(lower, z.enum(['true', 'false'])).transform((value) => value === 'true');

const idScheme = z.preprocess(lower, z.enum(['uid', 'code', 'name']));

/** A parameter naming an object or a period: text without the null character, which no query can carry. */
const withoutNul = z.string().regex(/^[^\u0000]*$/);
export const identifier = withoutNul.min(1);

/** A repeated parameter, or one value with commas (`dataSet=A&dataSet=B` or `dataSet=A,B`). */
export const list = z
  .union([withoutNul, z.array(withoutNul)])
  .optional()
  .transform((value) => (value === undefined ? [] : (Array.isArray(value) ? value : [value]).flatMap((item) => item.split(',')).map((item) => item.trim()).filter(Boolean)));

/** Whether a text parses: the check behind a refinement whose reason names the field. */
function parses(parse: (text: string) => unknown, text: string): boolean {
  try {
    parse(text);
    return true;
  } catch {
    return false;
  }
}

/** An existing YYYY-MM-DD day (startDate=2024-02-30 is refused here, with its field). */
const day = identifier.superRefine((text, context) => {
  if (!parses(parseDay, text)) context.addIssue({ code: 'custom', params: { reason: 'DATA_VALUES_DATE_INVALID', value: text }, message: 'date' });
});

/** DHIS2 period ids, each checked (period=2024W60 is refused here, with its field). */
export const periodList = list.superRefine((periods, context) => {
  for (const period of periods) {
    if (!parses(parsePeriod, period)) context.addIssue({ code: 'custom', params: { reason: 'DATA_VALUES_PERIOD_INVALID', value: period }, message: 'period' });
  }
});

export const idSchemeParameters = {
  idScheme: idScheme.optional().describe('Schéma des identifiants / identifier scheme (uid, code, name); code par défaut / by default'),
  dataElementIdScheme: idScheme.optional(),
  orgUnitIdScheme: idScheme.optional(),
  categoryOptionComboIdScheme: idScheme.optional(),
  dataSetIdScheme: idScheme.optional(),
  categoryIdScheme: idScheme.optional().describe('ADX : attributs de catégorie / category attributes'),
  categoryOptionIdScheme: idScheme.optional().describe('ADX : valeurs des attributs / category option values'),
};

export const importQuery = z.object({
  ...idSchemeParameters,
  dryRun: flag.optional().describe('Vérifier sans rien écrire / check without writing'),
  importStrategy: z.preprocess(strategyName, z.enum(importStrategies)).optional(),
  strategy: z.preprocess(strategyName, z.enum(importStrategies)).optional().describe('Synonyme DHIS2 de importStrategy / DHIS2 synonym'),
  atomicMode: z.preprocess(upper, z.enum(['ALL', 'NONE'])).optional().describe('ALL (défaut) : rien si une valeur est refusée / nothing if any value is refused'),
  dataSet: identifier.optional().describe('CSV : jeu de données des valeurs / data set of the values'),
  async: flag.optional().describe('Importer en tâche de fond / run as a job'),
});

export const exportQuery = z.object({
  ...idSchemeParameters,
  dataSet: list,
  dataElement: list,
  period: periodList,
  startDate: day.optional(),
  endDate: day.optional(),
  orgUnit: list,
  children: flag.optional(),
  attributeOptionCombo: list,
});

/** DHIS2 /api/dataValues: a data value's key (identifiers by code or UID). */
export const dataValueKey = z.object({
  de: identifier.describe('Élément de données / data element'),
  pe: identifier.describe('Période / period'),
  ou: identifier.describe("Unité d'organisation / org unit"),
  co: identifier.optional().describe('Combinaison de catégories / category option combo'),
  cc: identifier.optional().describe("Combinaison d'attributs / attribute combo"),
  cp: identifier.optional().describe("Options d'attribut séparées par ; / attribute options, ; separated"),
  ds: identifier.optional().describe('Jeu de données / data set'),
});

export const dataValueWrite = dataValueKey.extend({
  value: z.string().optional(),
  comment: z.string().optional(),
  followUp: flag.optional(),
});

/** DHIS2 completeDataSetRegistrations parameters (ds, pe, ou, cc, cp). */
export const completionKey = z.object({
  ds: identifier,
  pe: identifier,
  ou: identifier,
  cc: identifier.optional(),
  cp: identifier.optional(),
});
