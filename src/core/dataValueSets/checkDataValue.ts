// The checks a data value passes before it is written, in the order of dhis2-core 2.42's
// DataValueSetImportValidator (the first failing check is the row's one conflict), with the
// checks DHIS2 2.42 makes only on request ("strict" import options) always on, as 2.43 does,
// and two checks that only 2.43 makes (open dates of the org unit, E8031; duplicates, E8128,
// found set-based by the store). Checks that need the stored value (import strategy, existing
// value) are also the store's.
import { DenwError } from '../errors.ts';
import { periodOf, parsePeriod, shiftPeriod, type Period } from '../periods/periods.ts';
import { conflict, type DataValueConflict } from './conflicts.ts';
import { trimToUndefined, type DataValueInput, type ImportStrategy } from './dataValueSet.ts';
import { resolveAdxCombo } from './adxCombos.ts';
import { expiredSince } from './expiryDays.ts';
import type { DataElementMeta, DataSetMeta, MetadataIndex, OrgUnitMeta } from './importMetadata.ts';
import { isInsignificantZero, isNumericType, normalizeBoolean, numericValue, STORED_BY_MAX_LENGTH, VALUE_MAX_LENGTH, valueTypeProblem } from './valueTypes.ts';

export interface CheckContext {
  index: MetadataIndex;
  strategy: ImportStrategy;
  /** Today, `YYYY-MM-DD`: the open future periods are counted from it. */
  today: string;
  /** Whether the importing user may write data for this org unit. */
  inScope(orgUnit: OrgUnitMeta): boolean;
  /** storedBy of values that do not state it: the importing user. */
  defaultStoredBy: string;
  /** Whether the importing user may write periods past their data set's expiry days (DHIS2 F_EDIT_EXPIRED). */
  mayEditExpired: boolean;
}

/** A data value that passed every check, identified by internal ids. */
export interface CheckedDataValue {
  index: number;
  row: number;
  dataElementId: number;
  period: Period;
  orgUnitId: number;
  categoryOptionComboId: number;
  attributeOptionComboId: number;
  /** Normalised value (booleans as `true`/`false`); null for a deletion without value. */
  value: string | null;
  numericValue: number | null;
  storedBy: string;
  created: string | null;
  lastUpdated: string | null;
  comment: string | null;
  followup: boolean;
  /** Marked `deleted` in the file. */
  deleted: boolean;
  /** A zero DHIS2 does not store (see isInsignificantZero). */
  insignificantZero: boolean;
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * A timestamp in a form PostgreSQL reads unambiguously, or null when the text is not an ISO
 * date or date-time (DHIS2 DateUtils.parseDate also yields null, and the import time is used).
 * Without a time zone, UTC is assumed.
 */
export function parseTimestamp(text: string | undefined): string | null {
  const match = text ? DATE_TIME.exec(text.trim()) : null;
  if (!match) return null;
  const [, date, time = '00:00:00', zone = 'Z'] = match;
  const [year, month, day] = date!.split('-').map(Number) as [number, number, number];
  const check = new Date(Date.UTC(2000, month - 1, day));
  check.setUTCFullYear(year);
  // Year 0000 is no PostgreSQL date; a day that does not exist rolls over and is refused.
  if (year < 1 || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  const offset = zone === 'Z' ? '+00:00' : zone.length === 3 ? `${zone}:00` : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return `${date}T${time.length === 5 ? `${time}:00` : time}${offset}`;
}

function periodOrUndefined(id: string): Period | undefined {
  try {
    const period = parsePeriod(id);
    // Year 0000 is a valid ISO year but no PostgreSQL date.
    return period.startDate >= '0001-01-01' ? period : undefined;
  } catch (error) {
    if (error instanceof DenwError) return undefined;
    throw error;
  }
}

/**
 * What the checks derive from metadata alone, computed once per import: the last open period
 * of each data set, the disaggregations of each data element, the dates of each attribute
 * option combo. Rows of a file repeat the same few objects, so this is where checking a
 * million values stays fast.
 */
class CheckMemo {
  private readonly latest = new Map<number, Period>();
  private readonly combos = new Map<string, Set<number>>();
  private readonly ranges = new Map<number, { start: string | null; end: string | null }>();
  private readonly singles = new Map<number, DataSetMeta[]>();
  private readonly expiries = new Map<string, string | null>();

  constructor(private readonly context: CheckContext) {}

  /** The last period a data set is open for today (DHIS2 DataElement.getLatestOpenFuturePeriod). */
  latestOpenPeriod(dataSet: DataSetMeta): Period {
    let period = this.latest.get(dataSet.id);
    if (!period) {
      // DHIS2 rewinds one period first: 0 open future periods means the current one is closed.
      period = shiftPeriod(periodOf(dataSet.periodType as Period['type'], this.context.today), dataSet.openFuturePeriods - 1);
      this.latest.set(dataSet.id, period);
    }
    return period;
  }

  /** The last entry day of a period for a data set when today is past it (E7640), otherwise null. */
  expiredSince(dataSet: DataSetMeta, period: Period): string | null {
    const key = `${dataSet.id}:${period.id}`;
    let expired = this.expiries.get(key);
    if (expired === undefined) {
      expired = expiredSince(period.endDate, dataSet.expiryDays, this.context.today);
      this.expiries.set(key, expired);
    }
    return expired;
  }

  /** Disaggregations a data element may use: its own and those its data sets give it. */
  allowedCombos(element: DataElementMeta, dataSet: DataSetMeta | undefined, dataSets: DataSetMeta[]): Set<number> {
    const key = `${dataSet?.id ?? 0}:${element.id}`;
    let combos = this.combos.get(key);
    if (!combos) {
      combos = new Set([element.categoryComboId]);
      for (const candidate of dataSets) {
        const override = candidate.elements.get(element.id);
        if (override !== null && override !== undefined) combos.add(override);
      }
      this.combos.set(key, combos);
    }
    return combos;
  }

  /** The latest start and earliest end of a combo's options (DHIS2 CategoryOptionCombo.getDateRange). */
  optionDateRange(optionComboId: number): { start: string | null; end: string | null } {
    let range = this.ranges.get(optionComboId);
    if (!range) {
      range = { start: null, end: null };
      for (const optionId of this.context.index.optionComboById.get(optionComboId)?.optionIds ?? []) {
        const option = this.context.index.categoryOptionById.get(optionId);
        if (option?.startDate && (range.start === null || option.startDate > range.start)) range.start = option.startDate;
        if (option?.endDate && (range.end === null || option.endDate < range.end)) range.end = option.endDate;
      }
      this.ranges.set(optionComboId, range);
    }
    return range;
  }

  /** The data sets a value is checked against: the one it names, or its data element's. */
  dataSetsOf(dataSet: DataSetMeta | undefined, elementDataSets: DataSetMeta[]): DataSetMeta[] {
    if (!dataSet) return elementDataSets;
    let single = this.singles.get(dataSet.id);
    if (!single) this.singles.set(dataSet.id, (single = [dataSet]));
    return single;
  }
}

const memos = new WeakMap<CheckContext, CheckMemo>();
const noDataSets: DataSetMeta[] = [];

export function checkDataValue(input: DataValueInput, context: CheckContext): CheckedDataValue | DataValueConflict {
  const { index } = context;
  let memo = memos.get(context);
  if (!memo) memos.set(context, (memo = new CheckMemo(context)));
  const at = input;

  let dataSet: DataSetMeta | undefined;
  if (input.dataSet !== undefined) {
    dataSet = index.dataSet.get(input.dataSet);
    if (!dataSet) return conflict('E7600', at, input.dataSet);
  }
  const element = input.dataElement === undefined ? undefined : index.dataElement.get(input.dataElement);
  if (!element) return conflict('E7610', at, input.dataElement);
  const period = input.period === undefined ? undefined : periodOrUndefined(input.period);
  if (!period) return conflict('E7611', at, input.period);
  const orgUnit = input.orgUnit === undefined ? undefined : index.orgUnit.get(input.orgUnit);
  if (!orgUnit) return conflict('E7612', at, input.orgUnit);

  const elementDataSets = index.dataSetsByDataElement.get(element.id) ?? noDataSets;
  const dataSets = memo.dataSetsOf(dataSet, elementDataSets);
  let categoryOptionComboId = index.defaultCategoryOptionComboId;
  if (input.categoryOptionCombo !== undefined) {
    const combo = index.categoryOptionCombo.get(input.categoryOptionCombo);
    if (!combo) return conflict('E7613', at, input.categoryOptionCombo);
    categoryOptionComboId = combo.id;
  } else if (input.categoryOptions) {
    const comboId = dataSet?.elements.get(element.id) ?? element.categoryComboId;
    const resolved = resolveAdxCombo(index, comboId, input.categoryOptions, 'category', at);
    if ('errorCode' in resolved) return resolved;
    categoryOptionComboId = resolved.id;
  }
  let attributeOptionComboId = index.defaultCategoryOptionComboId;
  if (input.attributeOptionCombo !== undefined) {
    const combo = index.categoryOptionCombo.get(input.attributeOptionCombo);
    if (!combo) return conflict('E7615', at, input.attributeOptionCombo);
    attributeOptionComboId = combo.id;
  } else if (input.attributeOptions && dataSet) {
    const resolved = resolveAdxCombo(index, dataSet.categoryComboId, input.attributeOptions, 'attribute', at);
    if ('errorCode' in resolved) return resolved;
    attributeOptionComboId = resolved.id;
  }
  if (!context.inScope(orgUnit)) return conflict('E7617', at, input.orgUnit);

  const deleting = input.deleted === true || context.strategy === 'DELETE';
  // ADX carries the value of a non-numeric data element in its annotation (DHIS2 AdxDataService).
  const fromAnnotation = input.annotation !== undefined && !isNumericType(element.valueType);
  if (fromAnnotation && input.annotation === null && !deleting) return conflict('ADX_ANNOTATION_MISSING', at, input.dataElement);
  const trimmed = trimToUndefined(fromAnnotation ? input.annotation : input.value);
  if (trimmed === undefined && !deleting) return conflict('E7618', at, input.dataElement);
  const value = trimmed === undefined ? null : normalizeBoolean(trimmed, element.valueType);
  const problem = value === null ? undefined : value.includes('\u0000') ? 'text_contains_nul' : valueTypeProblem(value, element.valueType);
  if (problem) return conflict('E7619', at, value!, { valueType: element.valueType, reason: problem });
  const comment = trimToUndefined(input.comment) ?? null;
  const commentProblem = comment === null ? undefined : comment.includes('\u0000') ? 'text_contains_nul' : comment.length > VALUE_MAX_LENGTH ? 'value_length_greater_than_max_length' : undefined;
  if (commentProblem) return conflict('E7620', at, input.dataElement, { reason: commentProblem });

  if (dataSets.length > 0 && !dataSets.some((ds) => ds.periodType === period.type)) {
    return conflict('E7632', at, period.id, { periodType: period.type, expected: dataSets.map((ds) => ds.periodType).join(', ') });
  }
  if (dataSet && !dataSet.elements.has(element.id)) return conflict('E7633', at, input.dataElement, { dataSet: input.dataSet! });
  const optionCombo = index.optionComboById.get(categoryOptionComboId)!;
  if (!memo.allowedCombos(element, dataSet, dataSets).has(optionCombo.categoryComboId)) {
    return conflict('E7634', at, input.categoryOptionCombo ?? optionCombo.code ?? optionCombo.uid, { dataElement: input.dataElement! });
  }
  // The data sets the value can belong to: of its period type and assigned to its org unit.
  const attributeCombo = index.optionComboById.get(attributeOptionComboId)!;
  let assigned = false;
  let attributeFits = false;
  let latest: Period | undefined;
  // Expiry days (E7640) are DHIS2's check against "the data set of the value": the one the file
  // names, otherwise the data element's (DataElement.getApprovalDataSet: with approval first,
  // then the most frequent, ties in no stated order). Denw has no approval, and the data sets the
  // value can belong to have one period type, so the value is refused only when all of them have
  // expired, naming the one open the longest. A user who may edit expired periods skips it.
  let entryOpen = context.mayEditExpired;
  let expired: { dataSet: DataSetMeta; lastDay: string } | undefined;
  for (const ds of dataSets) {
    if (ds.periodType !== period.type || !ds.orgUnitIds.has(orgUnit.id)) continue;
    assigned = true;
    if (ds.categoryComboId === attributeCombo.categoryComboId) attributeFits = true;
    const open = memo.latestOpenPeriod(ds);
    if (!latest || open.endDate > latest.endDate) latest = open;
    if (entryOpen) continue;
    const lastDay = memo.expiredSince(ds, period);
    if (lastDay === null) entryOpen = true;
    else if (!expired || lastDay > expired.lastDay) expired = { dataSet: ds, lastDay };
  }
  if (!assigned) return conflict('E7636', at, input.orgUnit, { dataElement: input.dataElement! });
  if (!attributeFits) return conflict('E7635', at, input.attributeOptionCombo ?? attributeCombo.code ?? attributeCombo.uid, { dataElement: input.dataElement! });
  const storedBy = trimToUndefined(input.storedBy) ?? context.defaultStoredBy;
  const storedByProblem = storedBy.includes('\u0000') ? 'text_contains_nul' : storedBy.length > STORED_BY_MAX_LENGTH ? 'stored_by_length_greater_than_max_length' : undefined;
  if (storedByProblem) return conflict('E7637', at, storedBy, { reason: storedByProblem });
  const range = memo.optionDateRange(attributeOptionComboId);
  if ((range.start !== null && range.start > period.endDate) || (range.end !== null && range.end < period.startDate)) {
    return conflict('E7638', at, period.id, { attributeOptionCombo: attributeCombo.code ?? attributeCombo.uid });
  }
  if (!entryOpen) {
    return conflict('E7640', at, period.id, { dataSet: input.dataSet ?? expired!.dataSet.code ?? expired!.dataSet.uid, lastDay: expired!.lastDay });
  }
  if (period.startDate > latest!.endDate) return conflict('E7641', at, period.id, { latest: latest!.id });
  if ((orgUnit.openingDate !== null && period.startDate < orgUnit.openingDate) || (orgUnit.closedDate !== null && period.startDate > orgUnit.closedDate)) {
    // A date the unit does not have reads '—' (not an empty "closed " in the message).
    return conflict('E8031', at, period.id, { orgUnit: input.orgUnit!, opening: orgUnit.openingDate ?? '—', closed: orgUnit.closedDate ?? '—' });
  }

  return {
    index: input.index,
    row: input.row,
    dataElementId: element.id,
    period,
    orgUnitId: orgUnit.id,
    categoryOptionComboId,
    attributeOptionComboId,
    value,
    numericValue: value === null ? null : numericValue(value, element.valueType),
    storedBy,
    created: parseTimestamp(input.created),
    lastUpdated: parseTimestamp(input.lastUpdated),
    comment,
    followup: input.followup === true,
    deleted: input.deleted === true,
    insignificantZero: value !== null && isInsignificantZero(value, element),
  };
}
