// The values of data elements, expressions and indicators in each (org unit cell, period cell)
// of a query. An org unit cell is one org unit when `ou` is a dimension, or every filter org
// unit together; a period cell likewise (core/analytics/periodCells.ts). Used by analytics and
// by validation-rule runs, so both read the same numbers.
//
// Indicators follow DHIS2 (DefaultExpressionService.getIndicatorValueObject): numerator and
// denominator are computed from the aggregated values of their items (never from averaged
// indicator values), each side with SKIP_IF_ALL_VALUES_MISSING, no value when the denominator
// is 0 or missing; × the indicator type's factor; and for an `annualized` indicator × 365 / the
// days of the period (DateUtils.DAYS_IN_YEAR = 365 divided by Period.getDaysInPeriod). A
// population item is pro-rated to the period (core/analytics/periodCells yearShares), so an
// indicator whose denominator is a population must not also be annualized.
import { aggregatedValue, combineStatistics, noValues, type ValueStatistics } from '../../core/analytics/aggregation.ts';
import { cellDays, yearShares, type PeriodCell } from '../../core/analytics/periodCells.ts';
import { itemsOf, type DataItemRef, type Expression } from '../../core/expression/ast.ts';
import { evaluate, indicatorValue, type ExpressionLookup, type MissingValueStrategy } from '../../core/expression/evaluate.ts';
import { DenwError } from '../../core/errors.ts';
import type { Queryable } from './snapshot.ts';
import { expressionDataItems, POPULATION_ITEM, type DataElementInfo, type DataItemCatalog, type IndicatorInfo, type Named } from './dataItemCatalog.ts';
import { fetchStatistics, statisticsKey, type StatisticsTable } from './dataValueStatistics.ts';
import type { OrgUnitInfo } from './orgUnitSelection.ts';
import { fetchPopulation, populationKey, type PopulationGroup } from './population.ts';

export interface OrgUnitCell {
  key: string;
  units: readonly OrgUnitInfo[];
}

/** Restricts a data element's values to some category option combos and attribute option combos. */
export interface ComboFilter {
  categoryOptionCombos?: ReadonlySet<number>;
  attributeOptionCombos?: ReadonlySet<number>;
}

/** Days in a year for annualisation (dhis2-core DateUtils.DAYS_IN_YEAR). */
const DAYS_IN_YEAR = 365;

const populationGroupOf = (item: DataItemRef): PopulationGroup => ({ ageGroup: item.categoryOptionCombo ?? 'total', sex: item.attributeOptionCombo ?? 'T' });

export class CellValues {
  constructor(
    private readonly catalog: DataItemCatalog,
    private readonly statistics: StatisticsTable,
    private readonly population: Map<string, number>,
    private readonly groupCounts: Map<string, number>,
    readonly orgUnitCells: readonly OrgUnitCell[],
    readonly periodCells: readonly PeriodCell[],
  ) {}

  private combos(dataElement: DataElementInfo, ou: number, pe: number, filter: ComboFilter) {
    return this.orgUnitCells[ou]!.units.flatMap((unit) =>
      (this.statistics.get(statisticsKey(dataElement.id, unit.id, pe)) ?? []).filter(
        (c) =>
          (!filter.categoryOptionCombos || filter.categoryOptionCombos.has(c.categoryOptionComboId)) &&
          (!filter.attributeOptionCombos || filter.attributeOptionCombos.has(c.attributeOptionComboId)),
      ),
    );
  }

  /** The category option combos a data element has values in, in this cell. */
  categoryOptionCombosOf(dataElement: DataElementInfo, ou: number, pe: number): number[] {
    return [...new Set(this.combos(dataElement, ou, pe, {}).map((c) => c.categoryOptionComboId))];
  }

  /** The attribute option combos a data element has values in, in this cell. */
  attributeOptionCombosOf(dataElement: DataElementInfo, ou: number, pe: number): number[] {
    return [...new Set(this.combos(dataElement, ou, pe, {}).map((c) => c.attributeOptionComboId))];
  }

  /** The combos with these ids, in that order (those the catalog knows). */
  comboNames(ids: readonly number[]): Named[] {
    return ids.flatMap((id) => this.catalog.comboById(id) ?? []);
  }

  /** A data element's aggregated value (text for NONE text values); undefined when it has none. */
  dataElementValue(dataElement: DataElementInfo, ou: number, pe: number, filter: ComboFilter = {}): number | string | undefined {
    const combos = this.combos(dataElement, ou, pe, filter);
    if (!dataElement.numeric || dataElement.aggregationType === 'NONE') {
      // No aggregation: exactly one stored value, at one org unit.
      if (combos.length !== 1 || this.orgUnitCells[ou]!.units.length !== 1) return undefined;
      return dataElement.numeric ? combos[0]!.statistics.sum : combos[0]!.text;
    }
    const statistics = combos.reduce<ValueStatistics>((all, c) => combineStatistics(all, c.statistics), noValues);
    return aggregatedValue(dataElement.aggregationType, statistics, cellDays(this.periodCells[pe]!));
  }

  private populationValue(item: DataItemRef, ou: number, pe: number): number | undefined {
    const group = populationGroupOf(item);
    let total = 0;
    for (const unit of this.orgUnitCells[ou]!.units) {
      for (const [year, share] of yearShares(this.periodCells[pe]!)) {
        const value = this.population.get(populationKey(unit.id, year, group));
        if (value === undefined) return undefined;
        total += value * share;
      }
    }
    return total;
  }

  /** What an expression reads in a cell; `filter` restricts every data item (validation per attribute option combo). */
  lookup(ou: number, pe: number, filter: ComboFilter = {}, visiting: readonly number[] = []): ExpressionLookup {
    const combosOf = (dataElement: DataElementInfo, code: string | undefined) =>
      code === undefined ? undefined : new Set(this.catalog.categoryOptionCombos(dataElement, code).map((c) => c.id));
    return {
      dataItem: (item) => {
        if (item.dataElement === POPULATION_ITEM) return this.populationValue(item, ou, pe);
        const dataElement = this.catalog.dataElement(item.dataElement)!;
        const value = this.dataElementValue(dataElement, ou, pe, {
          categoryOptionCombos: combosOf(dataElement, item.categoryOptionCombo),
          attributeOptionCombos: combosOf(dataElement, item.attributeOptionCombo) ?? filter.attributeOptionCombos,
        });
        return typeof value === 'number' ? value : undefined;
      },
      indicator: (id) => this.indicatorValue(this.catalog.indicator(id)!, ou, pe, visiting),
      constant: (id) => this.catalog.constant(id),
      orgUnitGroupCount: (id) =>
        this.orgUnitCells[ou]!.units.reduce((n, unit) => n + (this.groupCounts.get(`${this.catalog.orgUnitGroupId(id)}:${unit.id}`) ?? 0), 0),
    };
  }

  expressionValue(expression: Expression, ou: number, pe: number, strategy: MissingValueStrategy, filter: ComboFilter = {}): number | undefined {
    const value = evaluate(expression, this.lookup(ou, pe, filter), strategy);
    return typeof value === 'number' ? value : undefined;
  }

  indicatorValue(indicator: IndicatorInfo, ou: number, pe: number, visiting: readonly number[] = []): number | undefined {
    if (visiting.includes(indicator.id)) throw new DenwError('ANALYTICS_INDICATOR_CYCLE', { indicators: indicator.code ?? indicator.uid });
    const lookup = this.lookup(ou, pe, {}, [...visiting, indicator.id]);
    const value = indicatorValue(indicator.numerator, indicator.denominator, indicator.factor, lookup);
    if (value === null) return undefined;
    return indicator.annualized ? (value * DAYS_IN_YEAR) / cellDays(this.periodCells[pe]!) : value;
  }
}

/** Reads everything the cells need: statistics of the data elements, population, group counts. */
export async function loadCellValues(
  db: Queryable,
  catalog: DataItemCatalog,
  needs: { dataElements: readonly DataElementInfo[]; expressions: readonly Expression[]; orgUnitCells: readonly OrgUnitCell[]; periodCells: readonly PeriodCell[] },
): Promise<CellValues> {
  const { orgUnitCells, periodCells } = needs;
  const targets = [...new Map(orgUnitCells.flatMap((cell) => cell.units).map((unit) => [unit.id, unit])).values()];
  const referenced = expressionDataItems(needs.expressions).map((item) => catalog.dataElement(item.dataElement)!);
  const dataElements = [...new Map([...needs.dataElements, ...referenced].map((de) => [de.id, de])).values()];
  const statistics = await fetchStatistics(db, { dataElements, targets, cells: periodCells });

  const items = needs.expressions.map((e) => itemsOf(e));
  const groups = [
    ...new Map(items.flatMap((i) => i.dataItems).filter((d) => d.dataElement === POPULATION_ITEM).map((d) => populationGroupOf(d)).map((g) => [`${g.ageGroup}:${g.sex}`, g])).values(),
  ];
  const years = [...new Set(periodCells.flatMap((cell) => [...yearShares(cell).keys()]))];
  const population = await fetchPopulation(db, targets, years, groups);

  const groupIds = [...new Set(items.flatMap((i) => i.orgUnitGroups).map((id) => catalog.orgUnitGroupId(id)!))];
  const groupCounts = new Map<string, number>();
  if (groupIds.length > 0) {
    const { rows } = await db.query<{ grp: number; target: number; count: number }>(
      `SELECT m.org_unit_group_id AS grp, t.id AS target, count(*)::int AS count
       FROM unnest($1::int[], $2::int[]) AS t(id, level)
       JOIN org_unit u ON u.ancestor_ids[t.level] = t.id
       JOIN org_unit_group_member m ON m.org_unit_id = u.id AND m.org_unit_group_id = ANY($3)
       GROUP BY 1, 2`,
      [targets.map((t) => t.id), targets.map((t) => t.level), groupIds],
    );
    for (const row of rows) groupCounts.set(`${row.grp}:${row.target}`, row.count);
  }
  return new CellValues(catalog, statistics, population, groupCounts, orgUnitCells, periodCells);
}
