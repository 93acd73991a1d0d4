// The data set completions an import asks for: a `completeDate` on a data value set whose
// header names the data set, period and org unit (DHIS2 DefaultDataValueSetService
// .handleComplete), or on an ADX group. Completions that name nothing known are skipped: the
// values' own conflicts already report the unknown identifiers.
import { resolveAdxCombo } from '../../core/dataValueSets/adxCombos.ts';
import { parseTimestamp } from '../../core/dataValueSets/checkDataValue.ts';
import type { DataValueSetHeader } from '../../core/dataValueSets/dataValueSet.ts';
import type { MetadataIndex } from '../../core/dataValueSets/importMetadata.ts';
import type { CompletionInput } from '../../core/dataValueSets/xmlDataValueSet.ts';
import { DenwError } from '../../core/errors.ts';
import { parsePeriod, type Period } from '../../core/periods/periods.ts';
import type { Registration } from './completeRegistrations.ts';

function periodOrUndefined(id: string): Period | undefined {
  try {
    return parsePeriod(id);
  } catch (error) {
    if (error instanceof DenwError) return undefined;
    throw error;
  }
}

function resolve(index: MetadataIndex, completion: CompletionInput): (Registration & { date: string }) | undefined {
  const dataSet = index.dataSet.get(completion.dataSet);
  const orgUnit = index.orgUnit.get(completion.orgUnit);
  const period = periodOrUndefined(completion.period);
  const date = parseTimestamp(completion.date);
  if (!dataSet || !orgUnit || !period || !date) return undefined;
  let attributeOptionComboId = index.defaultCategoryOptionComboId;
  if (completion.attributeOptionCombo !== undefined) {
    const combo = index.categoryOptionCombo.get(completion.attributeOptionCombo);
    if (!combo) return undefined;
    attributeOptionComboId = combo.id;
  } else if (completion.attributeOptions) {
    const combo = resolveAdxCombo(index, dataSet.categoryComboId, completion.attributeOptions, 'attribute', { index: -1, row: 0 });
    if ('errorCode' in combo) return undefined;
    attributeOptionComboId = combo.id;
  }
  return { dataSetId: dataSet.id, period, orgUnitId: orgUnit.id, attributeOptionComboId, date };
}

export function resolveCompletions(index: MetadataIndex, header: DataValueSetHeader, groups: CompletionInput[]): Array<Registration & { date: string }> {
  const requested = [...groups];
  const { dataSet, period, orgUnit, completeDate, attributeOptionCombo } = header;
  if (completeDate && dataSet && period && orgUnit) requested.unshift({ dataSet, period, orgUnit, attributeOptionCombo, date: completeDate });
  return requested.map((completion) => resolve(index, completion)).filter((registration) => registration !== undefined);
}
