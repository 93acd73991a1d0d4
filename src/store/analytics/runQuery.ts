// Answers a resolved analytics query: the value of every combination of the row dimensions'
// items (rows without a value are left out, as DHIS2 does), with the filters combining their
// items into one.
import type { AnalyticsTable } from '../../core/analytics/grid.ts';
import type { PeriodCell } from '../../core/analytics/periodCells.ts';
import { periodName } from '../../core/analytics/periodNames.ts';
import type { DimensionName } from '../../core/analytics/request.ts';
import { analyticsValueText } from '../../core/analytics/valueText.ts';
import { translate, type Language } from '../../core/i18n.ts';
import type { AnalyticsRequest } from '../../core/analytics/request.ts';
import type { Database } from '../database.ts';
import type { OrgUnitInfo } from './orgUnitSelection.ts';
import { orgUnitsOf, resolveQuery, type ResolveOptions } from './resolveQuery.ts';
import { inAnalyticsSnapshot, type Queryable } from './snapshot.ts';
import { loadCellValues, type CellValues, type OrgUnitCell } from './cellValues.ts';
import type { DataElementInfo, Named } from './dataItemCatalog.ts';
import type { ResolvedDataItem, ResolvedDimension, ResolvedQuery } from './resolveQuery.ts';

export interface RunOptions {
  language: Language;
}

/** One row dimension's items as cells: `ids` in rows, and how each selects data. */
interface Axis {
  dimension: DimensionName;
  ids: string[];
}

/**
 * Answers an analytics request in one snapshot. `authorize` sees every org unit the query reads
 * before any data is: it throws to refuse (the API answers 403 outside the user's scope).
 */
export async function answerAnalytics(
  database: Database,
  request: AnalyticsRequest,
  options: ResolveOptions & RunOptions & { authorize?: (orgUnits: readonly OrgUnitInfo[]) => void },
): Promise<AnalyticsTable> {
  return inAnalyticsSnapshot(database, async (db) => {
    const resolved = await resolveQuery(db, request, options);
    options.authorize?.(orgUnitsOf(resolved));
    return runQuery(db, resolved, options);
  });
}

export async function runQuery(db: Queryable, query: ResolvedQuery, options: RunOptions): Promise<AnalyticsTable> {
  const { request, catalog } = query;
  const all = [...query.dimensions, ...query.filters];
  const find = <D extends DimensionName>(name: D) => all.find((d) => d.dimension === name) as Extract<ResolvedDimension, { dimension: D }> | undefined;
  const isRow = (d: ResolvedDimension | undefined) => d !== undefined && query.dimensions.includes(d);
  const dx = find('dx')!;
  const pe = find('pe')!;
  const ou = find('ou')!;
  const co = find('co');

  const outputId = (item: Named) => (request.outputIdScheme === 'UID' ? item.uid : (item.code ?? item.uid));
  const displayName = (item: Named) =>
    (request.displayProperty === 'SHORTNAME' ? item.shortName : null) ?? (options.language === 'en' ? (item.nameEn ?? item.name) : item.name);
  const items: Record<string, string> = {};
  const name = (id: string, text: string) => {
    items[id] = text;
    return id;
  };

  const orgUnitCells: OrgUnitCell[] = isRow(ou)
    ? ou.items.map((unit) => ({ key: name(outputId(unit), displayName(unit)), units: [unit] }))
    : [{ key: '', units: ou.items }];
  const periodCells: PeriodCell[] = isRow(pe)
    ? pe.items.map((period) => ({ key: name(period.id, periodName(period, options.language)), periods: [period] }))
    : [{ key: '', periods: pe.items }];
  for (const unit of ou.items) name(outputId(unit), displayName(unit));
  for (const period of pe.items) name(period.id, periodName(period, options.language));

  const dataElements = dx.items.flatMap((item) => (item.kind === 'dataElement' ? [item.dataElement] : []));
  const expressions = dx.items.flatMap((item) => (item.kind === 'indicator' ? [item.indicator.numerator, item.indicator.denominator] : []));
  const values = await loadCellValues(db, catalog, { dataElements, expressions, orgUnitCells, periodCells });

  const dataIds = dx.items.map((item) => name(dataItemId(item, outputId), dataItemName(item, displayName)));
  const chosenCombos = co && !co.all ? new Set(co.items.map((c) => c.id)) : undefined;
  const combos = co?.all ? allCombos(values, dataElements) : (co?.items ?? []);
  for (const combo of combos) name(outputId(combo), displayName(combo));

  const axes: Record<DimensionName, Axis> = {
    dx: { dimension: 'dx', ids: dataIds },
    pe: { dimension: 'pe', ids: periodCells.map((c) => c.key) },
    ou: { dimension: 'ou', ids: orgUnitCells.map((c) => c.key) },
    co: { dimension: 'co', ids: combos.map(outputId) },
  };
  const rowDimensions = query.dimensions.map((d) => d.dimension);
  const rows: string[][] = [];
  const visit = (depth: number, chosen: Partial<Record<DimensionName, number>>): void => {
    if (depth === rowDimensions.length) {
      const item = dx.items[chosen.dx ?? 0]!;
      const value = cellValue(values, item, chosen.ou ?? 0, chosen.pe ?? 0, co && isRow(co) ? new Set([combos[chosen.co!]!.id]) : chosenCombos);
      if (value === undefined) return;
      const text = typeof value === 'string' ? value : analyticsValueText(value, { decimals: item.kind === 'indicator' ? item.indicator.decimals : null, skipRounding: request.skipRounding });
      rows.push([...rowDimensions.map((d) => axes[d].ids[chosen[d]!]!), text]);
      return;
    }
    const dimension = rowDimensions[depth]!;
    axes[dimension].ids.forEach((_, index) => visit(depth + 1, { ...chosen, [dimension]: index }));
  };
  visit(0, {});

  const dimensions: AnalyticsTable['dimensions'] = {};
  for (const d of all) {
    name(d.dimension, translate(`analytics.column.${d.dimension}`, options.language));
    dimensions[d.dimension] = d.dimension === 'pe' ? pe.items.map((p) => p.id) : d.dimension === 'ou' ? ou.items.map(outputId) : axes[d.dimension].ids;
  }
  return { columns: rowDimensions, rows, items, dimensions };
}

function cellValue(values: CellValues, item: ResolvedDataItem, ou: number, pe: number, combos: ReadonlySet<number> | undefined): number | string | undefined {
  if (item.kind === 'indicator') return values.indicatorValue(item.indicator, ou, pe);
  const own = item.categoryOptionCombo ? new Set([item.categoryOptionCombo.id]) : undefined;
  const categoryOptionCombos = own ?? combos;
  return values.dataElementValue(item.dataElement, ou, pe, categoryOptionCombos ? { categoryOptionCombos } : {});
}

function dataItemId(item: ResolvedDataItem, outputId: (item: Named) => string): string {
  if (item.kind === 'indicator') return outputId(item.indicator);
  return item.categoryOptionCombo ? `${outputId(item.dataElement)}.${outputId(item.categoryOptionCombo)}` : outputId(item.dataElement);
}

function dataItemName(item: ResolvedDataItem, displayName: (item: Named) => string): string {
  if (item.kind === 'indicator') return displayName(item.indicator);
  return item.categoryOptionCombo ? `${displayName(item.dataElement)} ${displayName(item.categoryOptionCombo)}` : displayName(item.dataElement);
}

/** `co` without items: every category option combo the data elements have values in. */
function allCombos(values: CellValues, dataElements: readonly DataElementInfo[]): Named[] {
  const ids = new Set<number>();
  values.orgUnitCells.forEach((_, ou) =>
    values.periodCells.forEach((__, pe) => dataElements.forEach((de) => values.categoryOptionCombosOf(de, ou, pe).forEach((id) => ids.add(id)))),
  );
  return values.comboNames([...ids].sort((a, b) => a - b));
}
