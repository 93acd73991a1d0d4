// Reading an analytics request written the DHIS2 way (docs.dhis2.org, Developer guide → Web
// API → Analytics): `dimension=dx:A;B`, `dimension=pe:2024Q1;LAST_12_MONTHS`,
// `dimension=ou:ML01;LEVEL-3`, `dimension=co`, `filter=` with the same syntax, plus
// relativePeriodDate, outputIdScheme, displayProperty, skipMeta and skipRounding.
//
// This step is purely syntactic: it checks the shape of every parameter and item and reports
// every problem with the parameter it was found in (`dimension[1]` for the second `dimension`).
// Identifiers are looked up in the database later (store/analytics). It never throws.
import { isRelativePeriod } from '../periods/relativePeriods.ts';
import { parsePeriod } from '../periods/periods.ts';
import { dayOrUndefined } from '../periods/calendar.ts';

export const DIMENSIONS = ['dx', 'pe', 'ou', 'co'] as const;
export type DimensionName = (typeof DIMENSIONS)[number];

/** An item of the `ou` dimension. */
export type OrgUnitItem =
  | { kind: 'orgUnit'; id: string }
  | { kind: 'level'; level: string }
  | { kind: 'group'; group: string }
  | { kind: 'user'; depth: 0 | 1 | 2 };

/** An item of the `dx` dimension: a data element, an indicator, or `DE.COC`. */
export interface DataItem {
  id: string;
  categoryOptionCombo?: string;
}

export type Dimension =
  | { dimension: 'dx'; parameter: string; items: DataItem[] }
  | { dimension: 'pe'; parameter: string; items: string[] }
  | { dimension: 'ou'; parameter: string; items: OrgUnitItem[] }
  | { dimension: 'co'; parameter: string; items: string[] };

export type OutputIdScheme = 'CODE' | 'UID';

export interface AnalyticsRequest {
  /** The dimensions that split rows, in the order given. */
  dimensions: Dimension[];
  /** The dimensions that only restrict (and combine) the data. */
  filters: Dimension[];
  /** The day relative periods are computed from (default: today). */
  relativePeriodDate?: string;
  outputIdScheme: OutputIdScheme;
  displayProperty: 'NAME' | 'SHORTNAME';
  skipMeta: boolean;
  skipRounding: boolean;
}

/** A problem with one parameter; `code` has a `reason.<code>` message in both catalogues. */
export interface RequestProblem {
  parameter: string;
  code: string;
  params: Record<string, string | number>;
}

export type ParsedRequest = { ok: true; request: AnalyticsRequest } | { ok: false; problems: RequestProblem[] };

const SINGLE_PARAMETERS = ['relativePeriodDate', 'outputIdScheme', 'displayProperty', 'skipMeta', 'skipRounding'] as const;
const CHOICES: Record<string, readonly string[]> = {
  outputIdScheme: ['CODE', 'UID'],
  displayProperty: ['NAME', 'SHORTNAME'],
  skipMeta: ['true', 'false'],
  skipRounding: ['true', 'false'],
};
const USER_ITEMS: Record<string, 0 | 1 | 2> = { USER_ORGUNIT: 0, USER_ORGUNIT_CHILDREN: 1, USER_ORGUNIT_GRANDCHILDREN: 2 };

/** Query-string values arrive as a string, a list of strings (repeated), or anything at all. */
function valuesOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function parseOrgUnitItem(item: string): OrgUnitItem | undefined {
  if (item in USER_ITEMS) return { kind: 'user', depth: USER_ITEMS[item]! };
  if (item.startsWith('LEVEL-')) {
    const level = item.slice('LEVEL-'.length);
    // A level number (LEVEL-3) or the code or UID of an org unit level (LEVEL-CERCLE).
    return level ? { kind: 'level', level } : undefined;
  }
  if (item.startsWith('OU_GROUP-')) {
    const group = item.slice('OU_GROUP-'.length);
    return group ? { kind: 'group', group } : undefined;
  }
  return { kind: 'orgUnit', id: item };
}

function parseDataItem(item: string): DataItem | undefined {
  const parts = item.split('.');
  if (parts.length > 2 || parts.some((part) => part === '')) return undefined;
  return parts.length === 2 ? { id: parts[0]!, categoryOptionCombo: parts[1]! } : { id: parts[0]! };
}

const isPeriodItem = (item: string) => {
  if (isRelativePeriod(item)) return true;
  try {
    parsePeriod(item);
    return true;
  } catch {
    return false;
  }
};

function parseDimension(text: string, parameter: string, problems: RequestProblem[]): Dimension | undefined {
  const colon = text.indexOf(':');
  const name = colon < 0 ? text : text.slice(0, colon);
  const itemTexts = colon < 0 ? [] : text.slice(colon + 1).split(';');
  if (!(DIMENSIONS as readonly string[]).includes(name)) {
    problems.push({ parameter, code: 'ANALYTICS_DIMENSION_UNKNOWN', params: { dimension: name, dimensions: DIMENSIONS.join(', ') } });
    return undefined;
  }
  const dimension = name as DimensionName;
  if (itemTexts.some((item) => item.trim() === '') || (dimension !== 'co' && itemTexts.length === 0)) {
    problems.push({ parameter, code: 'ANALYTICS_DIMENSION_ITEMS_MISSING', params: { dimension } });
    return undefined;
  }
  const bad = (item: string, code: string) => problems.push({ parameter, code, params: { dimension, item } });
  const before = problems.length;
  switch (dimension) {
    case 'pe':
      itemTexts.filter((item) => !isPeriodItem(item)).forEach((item) => bad(item, 'ANALYTICS_PERIOD_ITEM_INVALID'));
      return problems.length > before ? undefined : { dimension, parameter, items: itemTexts };
    case 'ou': {
      const items = itemTexts.map((item) => parseOrgUnitItem(item) ?? bad(item, 'ANALYTICS_ORG_UNIT_ITEM_INVALID'));
      return problems.length > before ? undefined : { dimension, parameter, items: items as OrgUnitItem[] };
    }
    case 'dx': {
      const items = itemTexts.map((item) => parseDataItem(item) ?? bad(item, 'ANALYTICS_DATA_ITEM_INVALID'));
      return problems.length > before ? undefined : { dimension, parameter, items: items as DataItem[] };
    }
    default:
      return { dimension, parameter, items: itemTexts };
  }
}

/** Reads the query parameters of an analytics request; never throws. */
export function parseAnalyticsRequest(query: Readonly<Record<string, unknown>>): ParsedRequest {
  const problems: RequestProblem[] = [];
  const dimensions: Dimension[] = [];
  const filters: Dimension[] = [];
  const single: Record<string, string> = {};

  for (const [parameter, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const values = valuesOf(value);
    if (parameter === 'dimension' || parameter === 'filter') {
      values.forEach((text, index) => {
        const name = values.length > 1 ? `${parameter}[${index}]` : parameter;
        if (typeof text !== 'string') {
          problems.push({ parameter: name, code: 'ANALYTICS_PARAMETER_NOT_TEXT', params: {} });
          return;
        }
        const parsed = parseDimension(text, name, problems);
        if (parsed) (parameter === 'dimension' ? dimensions : filters).push(parsed);
      });
    } else if ((SINGLE_PARAMETERS as readonly string[]).includes(parameter)) {
      const [text] = values;
      if (values.length !== 1) problems.push({ parameter, code: 'ANALYTICS_PARAMETER_REPEATED', params: {} });
      else if (typeof text !== 'string') problems.push({ parameter, code: 'ANALYTICS_PARAMETER_NOT_TEXT', params: {} });
      else single[parameter] = text;
    } else {
      problems.push({ parameter, code: 'ANALYTICS_PARAMETER_UNKNOWN', params: { parameters: ['dimension', 'filter', ...SINGLE_PARAMETERS].join(', ') } });
    }
  }

  for (const [parameter, text] of Object.entries(single)) {
    const choices = CHOICES[parameter];
    if (choices && !choices.includes(text)) {
      problems.push({ parameter, code: 'ANALYTICS_PARAMETER_NOT_ONE_OF', params: { value: text, options: choices.join(', ') } });
    }
  }
  if (single.relativePeriodDate !== undefined && dayOrUndefined(single.relativePeriodDate) === undefined) {
    problems.push({ parameter: 'relativePeriodDate', code: 'ANALYTICS_DATE_INVALID', params: { value: single.relativePeriodDate } });
  }

  const seen = new Map<DimensionName, string>();
  for (const dimension of [...dimensions, ...filters]) {
    const first = seen.get(dimension.dimension);
    if (first) problems.push({ parameter: dimension.parameter, code: 'ANALYTICS_DIMENSION_REPEATED', params: { dimension: dimension.dimension, first } });
    else seen.set(dimension.dimension, dimension.parameter);
  }
  if (problems.length === 0) {
    for (const required of ['dx', 'pe', 'ou'] as const) {
      if (!seen.has(required)) problems.push({ parameter: 'dimension', code: 'ANALYTICS_DIMENSION_REQUIRED', params: { dimension: required } });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    request: {
      dimensions,
      filters,
      ...(single.relativePeriodDate !== undefined ? { relativePeriodDate: single.relativePeriodDate } : {}),
      outputIdScheme: (single.outputIdScheme ?? 'CODE') as OutputIdScheme,
      displayProperty: (single.displayProperty ?? 'NAME') as 'NAME' | 'SHORTNAME',
      skipMeta: single.skipMeta === 'true',
      skipRounding: single.skipRounding === 'true',
    },
  };
}
