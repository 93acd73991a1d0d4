// From a parsed analytics request to a query on known metadata: identifiers (codes or UIDs)
// looked up, `ou` selections expanded as DHIS2 expands them, relative periods computed as of
// a day, indicators' expressions parsed. Unknown identifiers are reported with the parameter
// they came from.
import type { AnalyticsRequest, DataItem, Dimension, OrgUnitItem } from '../../core/analytics/request.ts';
import { DenwError } from '../../core/errors.ts';
import { periodsOfItem } from '../../core/periods/relativePeriods.ts';
import type { Period } from '../../core/periods/periods.ts';
import type { Queryable } from './snapshot.ts';
import { loadDataItems, type DataItemCatalog, type DataElementInfo, type IndicatorInfo, type Named } from './dataItemCatalog.ts';
import { loadOrgUnitsByPath, selectOrgUnits, type OrgUnitInfo } from './orgUnitSelection.ts';

export type ResolvedDataItem =
  | { kind: 'dataElement'; dataElement: DataElementInfo; categoryOptionCombo?: Named }
  | { kind: 'indicator'; indicator: IndicatorInfo };

export type ResolvedDimension =
  | { dimension: 'dx'; parameter: string; items: ResolvedDataItem[] }
  | { dimension: 'pe'; parameter: string; items: Period[] }
  | { dimension: 'ou'; parameter: string; items: OrgUnitInfo[] }
  /** `co`: the chosen combos, or all of them when `all`. */
  | { dimension: 'co'; parameter: string; items: Named[]; all: boolean };

export interface ResolvedQuery {
  dimensions: ResolvedDimension[];
  filters: ResolvedDimension[];
  catalog: DataItemCatalog;
  request: AnalyticsRequest;
}

export interface ResolveOptions {
  /** UID paths of the roots of the user's scope: USER_ORGUNIT, and where LEVEL-n looks. */
  userOrgUnitPaths: readonly string[];
  /** Today, as YYYY-MM-DD: relative periods are computed from it unless relativePeriodDate is given. */
  today: string;
}

function resolvePeriods(dimension: Extract<Dimension, { dimension: 'pe' }>, asOf: string): Period[] {
  const periods = new Map<string, Period>();
  for (const item of dimension.items) for (const period of periodsOfItem(item, asOf)) periods.set(period.id, period);
  return [...periods.values()];
}

function resolveDataItem(item: DataItem, catalog: DataItemCatalog, parameter: string): ResolvedDataItem {
  const dataElement = catalog.dataElement(item.id);
  const indicator = catalog.indicator(item.id);
  if (item.categoryOptionCombo !== undefined) {
    if (!dataElement) throw new DenwError('ANALYTICS_DATA_ELEMENT_NOT_FOUND', { item: item.id }, parameter);
    const combo = catalog.categoryOptionCombo(dataElement, item.categoryOptionCombo);
    if (!combo) throw new DenwError('ANALYTICS_CATEGORY_OPTION_COMBO_NOT_FOUND', { item: `${item.id}.${item.categoryOptionCombo}` }, parameter);
    return { kind: 'dataElement', dataElement, categoryOptionCombo: combo };
  }
  if (dataElement && indicator) throw new DenwError('ANALYTICS_DATA_ITEM_AMBIGUOUS', { item: item.id }, parameter);
  if (dataElement) return { kind: 'dataElement', dataElement };
  if (indicator) return { kind: 'indicator', indicator };
  throw new DenwError('ANALYTICS_DATA_ITEM_NOT_FOUND', { item: item.id }, parameter);
}

async function resolveOrgUnits(
  db: Queryable,
  dimension: Extract<Dimension, { dimension: 'ou' }>,
  userRoots: readonly OrgUnitInfo[],
): Promise<OrgUnitInfo[]> {
  const units = await selectOrgUnits(db, dimension.items as OrgUnitItem[], userRoots, dimension.parameter);
  if (units.length === 0) throw new DenwError('ANALYTICS_ORG_UNITS_NONE', {}, dimension.parameter);
  return units;
}

export async function resolveQuery(db: Queryable, request: AnalyticsRequest, options: ResolveOptions): Promise<ResolvedQuery> {
  const all = [...request.dimensions, ...request.filters];
  const catalog = await loadDataItems(db, {
    dataItems: all.flatMap((d) => (d.dimension === 'dx' ? d.items : [])),
    categoryOptionCombos: all.flatMap((d) => (d.dimension === 'co' ? d.items : [])),
  });
  const userRoots = await loadOrgUnitsByPath(db, options.userOrgUnitPaths);
  const asOf = request.relativePeriodDate ?? options.today;

  const resolve = async (dimension: Dimension): Promise<ResolvedDimension> => {
    switch (dimension.dimension) {
      case 'dx':
        return { ...dimension, items: dimension.items.map((item) => resolveDataItem(item, catalog, dimension.parameter)) };
      case 'pe':
        return { ...dimension, items: resolvePeriods(dimension, asOf) };
      case 'ou':
        return { ...dimension, items: await resolveOrgUnits(db, dimension, userRoots) };
      case 'co': {
        const items = dimension.items.map((id) => {
          const combo = catalog.anyCategoryOptionCombo(id);
          if (!combo) throw new DenwError('ANALYTICS_CATEGORY_OPTION_COMBO_NOT_FOUND', { item: id }, dimension.parameter);
          return combo;
        });
        return { ...dimension, items, all: items.length === 0 };
      }
    }
  };
  const dimensions = [];
  for (const dimension of request.dimensions) dimensions.push(await resolve(dimension));
  const filters = [];
  for (const filter of request.filters) filters.push(await resolve(filter));

  const co = [...dimensions, ...filters].find((d) => d.dimension === 'co');
  const dx = [...dimensions, ...filters].find((d) => d.dimension === 'dx');
  if (co && dx?.dimension === 'dx' && dx.items.some((item) => item.kind === 'indicator' || item.categoryOptionCombo)) {
    throw new DenwError('ANALYTICS_CO_NEEDS_DATA_ELEMENT_TOTALS', {}, co.parameter);
  }
  return { dimensions, filters, catalog, request };
}

/** Every org unit the query reads, for the scope check. */
export function orgUnitsOf(query: ResolvedQuery): OrgUnitInfo[] {
  return [...query.dimensions, ...query.filters].flatMap((d) => (d.dimension === 'ou' ? d.items : []));
}
