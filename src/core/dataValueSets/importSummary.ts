// The import summary, shaped like DHIS2's (dxf2/importsummary/ImportSummary.java as the web
// API returns it): status, importCount {imported, updated, ignored, deleted}, one conflict per
// rejected value with object, value (the message), errorCode, property and indexes, and
// rejectedIndexes (2.43). Denw adds `row` and `field` to each conflict: the row the user sees
// in the file and the field at fault, and `validationViolations`: the validation rules the
// written values break (DHIS2 2.42's importer runs none; Denw runs them on import, issue 2
// scope 6, store/dataValues/importValidation.ts).
import { translate, type Language } from '../i18n.ts';
import type { DataValueConflict } from './conflicts.ts';
import type { ImportStrategy } from './dataValueSet.ts';

export interface ImportCount {
  imported: number;
  updated: number;
  deleted: number;
  ignored: number;
}

/** A validation rule the imported values break, at one org unit, period and attribute option combo. */
export interface ImportValidationViolation {
  /** The rule's code, or its UID. */
  validationRuleId: string;
  validationRuleName: Record<Language, string>;
  importance: 'HIGH' | 'MEDIUM' | 'LOW';
  organisationUnitId: string;
  organisationUnitDisplayName: string;
  periodId: string;
  attributeOptionComboId: string;
  leftSideValue: number | null;
  operator: string;
  rightSideValue: number | null;
  /** The data set that accepts only valid data (validCompleteOnly) and so refuses the import (or the completion it asks for), or null. */
  blockingDataSet: string | null;
}

export type ImportStatus = 'SUCCESS' | 'WARNING' | 'ERROR';
export type AtomicMode = 'ALL' | 'NONE';

export interface ImportSummary {
  status: ImportStatus;
  importCount: ImportCount;
  conflicts: DataValueConflict[];
  /** 0-based indexes of the values not written, in file order. */
  rejectedIndexes: number[];
  /** The completion date registered, or false. */
  dataSetComplete: string | false;
  /** Rules broken by the written values: reported, the values kept, unless `blockingDataSet` is set. */
  validationViolations: ImportValidationViolation[];
  importOptions: { dryRun: boolean; importStrategy: ImportStrategy; atomicMode: AtomicMode; async: boolean };
}

/**
 * SUCCESS without conflicts; with conflicts, WARNING when the good values were written
 * (atomicMode NONE, DHIS2 2.42's behaviour) and ERROR when nothing was (atomicMode ALL).
 */
export function importStatus(conflicts: number, atomicMode: AtomicMode): ImportStatus {
  if (conflicts === 0) return 'SUCCESS';
  return atomicMode === 'ALL' ? 'ERROR' : 'WARNING';
}

/** The summary as the API returns it, messages in `language`. */
export function describeSummary(summary: ImportSummary, language: Language) {
  return {
    responseType: 'ImportSummary',
    status: summary.status,
    description: translate(
      summary.status === 'ERROR' && summary.validationViolations.some((v) => v.blockingDataSet !== null) ? 'importSummary.ERROR_VALIDATION' : `importSummary.${summary.status}`,
      language,
      { ...summary.importCount, conflicts: summary.conflicts.length },
    ),
    importOptions: summary.importOptions,
    importCount: summary.importCount,
    conflicts: summary.conflicts.map((item) => ({
      object: item.object,
      value: translate(`conflict.${item.errorCode}`, language, conflictParams(item, language)),
      errorCode: item.errorCode,
      property: item.field,
      indexes: item.indexes,
      row: item.rows[0] ?? null,
      field: item.field,
    })),
    rejectedIndexes: summary.rejectedIndexes,
    dataSetComplete: summary.dataSetComplete === false ? 'false' : summary.dataSetComplete,
    validationViolations: summary.validationViolations.map(({ validationRuleName, ...violation }) => ({
      ...violation,
      validationRuleDescription: validationRuleName[language],
    })),
  };
}

/** Message parameters, with the value-type reason translated and the rows listed. */
function conflictParams(item: DataValueConflict, language: Language): Record<string, string | number> {
  const params: Record<string, string | number> = { ...item.params, row: item.rows[0] ?? '', rows: item.rows.join(', ') };
  if (typeof item.params.reason === 'string') params.reason = translate(`valueReason.${item.params.reason}`, language);
  return params;
}
