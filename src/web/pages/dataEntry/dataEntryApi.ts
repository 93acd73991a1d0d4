// What data entry reads and writes, in DHIS2's shapes: a data set with its elements, sections,
// category combos and option combos (GET /api/dataSets/{id}); the values of one form
// (GET /api/dataValueSets?dataSet&period&orgUnit); one value at a time (POST/DELETE
// /api/dataValues with de, pe, ou, co, ds, value, comment, followUp, as DHIS2's
// DataValueController). Completion and validation: completionApi.ts.
// Everything is addressed by UID: codes are optional in DHIS2 and option-combo codes repeat.
import { api } from '../../app/api.ts';
import type { CategoryCombo, FormDataElement, FormSection, Named } from './sectionForm.ts';

interface RawNamed {
  id: string;
  code?: string | null;
  name?: string;
  displayName?: string;
  formName?: string | null;
  displayFormName?: string | null;
}

interface RawCategoryCombo extends RawNamed {
  categories?: Array<RawNamed & { categoryOptions?: RawNamed[] }>;
  categoryOptionCombos?: Array<RawNamed & { categoryOptions?: Array<RawNamed | string> }>;
}

interface RawDataElement extends RawNamed {
  valueType?: string;
  categoryCombo?: RawCategoryCombo;
}

export interface RawDataSet extends RawNamed {
  periodType: string;
  openFuturePeriods?: number;
  expiryDays?: number;
  validCompleteOnly?: boolean;
  dataSetElements?: Array<{ dataElement: RawDataElement; categoryCombo?: RawCategoryCombo | null }>;
  sections?: Array<RawNamed & { sortOrder?: number; dataElements?: RawNamed[] }>;
  organisationUnits?: RawNamed[];
}

export interface EntryDataSet extends Named {
  periodType: string;
  openFuturePeriods: number;
  /** Days after a period's end that its data may still be entered; 0: always (DHIS2 DataSet.expiryDays). */
  expiryDays: number;
  validCompleteOnly: boolean;
  dataElements: FormDataElement[];
  sections: FormSection[];
  /** UIDs of the org units the data set is assigned to. */
  organisationUnits: string[];
}

export interface StoredValue {
  value: string;
  comment?: string | null;
  followUp?: boolean;
  storedBy?: string | null;
  lastUpdated?: string | null;
}

const nameOf = (raw: RawNamed) => raw.displayName ?? raw.name ?? raw.code ?? raw.id;
const named = (raw: RawNamed): Named => ({ id: raw.id, code: raw.code ?? null, name: nameOf(raw) });

/** A combo as the form lays it out; combos given only by reference are found in `known`. */
function categoryCombo(raw: RawCategoryCombo | undefined | null, known: ReadonlyMap<string, RawCategoryCombo>): CategoryCombo | undefined {
  if (!raw) return undefined;
  const full = raw.categoryOptionCombos ? raw : (known.get(raw.id) ?? raw);
  return {
    ...named(full),
    categories: (full.categories ?? []).map((category) => ({ ...named(category), categoryOptions: (category.categoryOptions ?? []).map(named) })),
    categoryOptionCombos: (full.categoryOptionCombos ?? []).map((coc) => ({
      ...named(coc),
      ...(coc.categoryOptions ? { categoryOptions: coc.categoryOptions.map((option) => (typeof option === 'string' ? option : option.id)) } : {}),
    })),
  };
}

/** The data set as the form needs it: each element with the combo this data set gives it. */
export function entryDataSet(raw: RawDataSet, combos: readonly RawCategoryCombo[] = []): EntryDataSet {
  const known = new Map(combos.map((combo) => [combo.id, combo]));
  const dataElements: FormDataElement[] = [];
  for (const { dataElement, categoryCombo: override } of raw.dataSetElements ?? []) {
    const combo = categoryCombo(override, known) ?? categoryCombo(dataElement.categoryCombo, known);
    if (!combo) continue;
    dataElements.push({
      ...named(dataElement),
      formName: dataElement.displayFormName ?? dataElement.formName ?? null,
      valueType: dataElement.valueType ?? 'NUMBER',
      categoryCombo: combo,
    });
  }
  const byId = new Map(dataElements.map((element) => [element.id, element]));
  const sections = [...(raw.sections ?? [])]
    .sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0))
    .map((section) => ({
      name: nameOf(section),
      dataElements: (section.dataElements ?? []).map((ref) => byId.get(ref.id)).filter((element): element is FormDataElement => element !== undefined),
    }));
  return {
    ...named(raw),
    periodType: raw.periodType,
    openFuturePeriods: raw.openFuturePeriods ?? 0,
    expiryDays: raw.expiryDays ?? 0,
    validCompleteOnly: raw.validCompleteOnly ?? false,
    dataElements,
    sections,
    organisationUnits: (raw.organisationUnits ?? []).map((unit) => unit.id),
  };
}

export interface DataSetSummary extends Named {
  periodType: string;
}

export async function listDataSets(): Promise<DataSetSummary[]> {
  const body = await api<{ dataSets: Array<RawNamed & { periodType: string }> }>('/api/dataSets?paging=false&fields=id,code,name,displayName,periodType');
  return body.dataSets.map((raw) => ({ ...named(raw), periodType: raw.periodType })).sort((a, b) => a.name.localeCompare(b.name));
}

export async function loadDataSet(id: string): Promise<EntryDataSet> {
  const raw = await api<RawDataSet & { categoryCombos?: RawCategoryCombo[] }>(`/api/dataSets/${encodeURIComponent(id)}`);
  return entryDataSet(raw, raw.categoryCombos);
}

export interface FormKey {
  dataSet: string;
  period: string;
  orgUnit: string;
}

interface RawDataValue {
  dataElement: string;
  categoryOptionCombo: string;
  value: string;
  comment?: string | null;
  followup?: boolean;
  storedBy?: string | null;
  lastUpdated?: string | null;
}

export interface FormValues {
  /** Keyed `dataElement.categoryOptionCombo` (sectionForm.cellKey). */
  values: Map<string, StoredValue>;
  /** When the form was marked complete (`YYYY-MM-DD`), or null. */
  completeDate: string | null;
}

/** The values of one form, and whether it is complete (the export's `completeDate`, as DHIS2's). */
export async function loadValues({ dataSet, period, orgUnit }: FormKey): Promise<FormValues> {
  const query = new URLSearchParams({ dataSet, period, orgUnit, idScheme: 'uid' });
  const body = await api<{ completeDate?: string; dataValues?: RawDataValue[] }>(`/api/dataValueSets?${query}`);
  const values = new Map(
    (body.dataValues ?? []).map((raw): [string, StoredValue] => [
      `${raw.dataElement}.${raw.categoryOptionCombo}`,
      { value: raw.value, comment: raw.comment ?? null, followUp: raw.followup === true, storedBy: raw.storedBy ?? null, lastUpdated: raw.lastUpdated ?? null },
    ]),
  );
  return { values, completeDate: body.completeDate ?? null };
}

function valueQuery(form: FormKey, key: string, extra: Record<string, string> = {}) {
  const [de, co] = key.split('.') as [string, string];
  return new URLSearchParams({ de, co, pe: form.period, ou: form.orgUnit, ds: form.dataSet, ...extra });
}

/** Saves one value; an empty text deletes it (DHIS2 stores no empty values). */
export async function saveValue(form: FormKey, key: string, value: string): Promise<void> {
  if (value === '') await api(`/api/dataValues?${valueQuery(form, key)}`, { method: 'DELETE' });
  else await api(`/api/dataValues?${valueQuery(form, key, { value })}`, { method: 'POST' });
}

/**
 * Saves the comment and follow-up flag of a stored value. The value is sent again with them:
 * Denw's POST /api/dataValues reads a missing value as an empty one, which deletes it.
 */
export async function saveDetails(form: FormKey, key: string, value: string, details: { comment: string; followUp: boolean }): Promise<void> {
  await api(`/api/dataValues?${valueQuery(form, key, { value, comment: details.comment, followUp: String(details.followUp) })}`, { method: 'POST' });
}
