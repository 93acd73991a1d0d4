// The import report of POST /api/metadata, shaped as DHIS2's ImportReport (dhis2-core
// dxf2/metadata/feedback/ImportReport, feedback/TypeReport, ObjectReport, ErrorReport, Stats):
// a status, counts, and one type report per collection with an object report for each object
// that has errors (or for every object when importReportMode=FULL).
import { translate, type Language } from '../i18n.ts';
import { COLLECTIONS, collectionInfo, type Collection } from './collections.ts';
import type { ImportError } from './importErrors.ts';

export type ImportStrategy = 'CREATE_AND_UPDATE' | 'CREATE' | 'UPDATE' | 'DELETE';
export type AtomicMode = 'ALL' | 'NONE';
export type Identifier = 'UID' | 'CODE' | 'AUTO';
export type ImportReportMode = 'ERRORS' | 'FULL';
export type Action = 'create' | 'update' | 'delete';

/** What happened, or would happen, to one object of the document. */
export interface ObjectOutcome {
  collection: Collection;
  /** Position in its collection, from 0 (DHIS2's objectReport index). */
  index: number;
  uid?: string | undefined;
  code?: string | undefined;
  name?: string | undefined;
  action: Action;
  errors: ImportError[];
}

export interface Stats {
  created: number;
  updated: number;
  deleted: number;
  ignored: number;
  total: number;
}

export interface ErrorReport {
  message: string;
  mainKlass: string;
  errorCode: string;
  errorProperty?: string;
  errorProperties: Array<string | number>;
  value?: unknown;
}

export interface ObjectReport {
  klass: string;
  index: number;
  uid?: string;
  code?: string;
  displayName?: string;
  errorReports: ErrorReport[];
}

export interface TypeReport {
  klass: string;
  stats: Stats;
  objectReports: ObjectReport[];
}

export type ImportStatus = 'OK' | 'WARNING' | 'ERROR';

export interface ImportReport {
  status: ImportStatus;
  stats: Stats;
  typeReports: TypeReport[];
  /** Denw: top-level fields of the document that Denw does not import, with their sizes. */
  unsupported: Record<string, number>;
}

export interface ReportOptions {
  atomicMode: AtomicMode;
  reportMode: ImportReportMode;
  language: Language;
  unsupported: Record<string, number>;
}

const emptyStats = (): Stats => ({ created: 0, updated: 0, deleted: 0, ignored: 0, total: 0 });

function add(stats: Stats, outcome: ObjectOutcome, ignored: boolean): void {
  stats.total += 1;
  if (ignored) stats.ignored += 1;
  else if (outcome.action === 'create') stats.created += 1;
  else if (outcome.action === 'update') stats.updated += 1;
  else stats.deleted += 1;
}

function errorReport(error: ImportError, mainKlass: string, language: Language): ErrorReport {
  return {
    message: translate(`metadata.${error.code}`, language, error.params),
    mainKlass,
    errorCode: error.code,
    ...(error.property === undefined ? {} : { errorProperty: error.property }),
    errorProperties: Object.values(error.params),
    ...(error.value === undefined ? {} : { value: error.value }),
  };
}

/**
 * Status as DHIS2 gives it: OK without errors; with errors, ERROR when the import is atomic
 * (nothing was written, every object is counted as ignored) and WARNING when atomicMode=NONE
 * (objects with errors were ignored, the others imported).
 */
export function buildImportReport(outcomes: readonly ObjectOutcome[], options: ReportOptions): ImportReport {
  const anyErrors = outcomes.some((outcome) => outcome.errors.length > 0);
  const stats = emptyStats();
  const byCollection = new Map<Collection, TypeReport>();
  for (const outcome of outcomes) {
    const klass = collectionInfo[outcome.collection].klass;
    let typeReport = byCollection.get(outcome.collection);
    if (!typeReport) {
      typeReport = { klass, stats: emptyStats(), objectReports: [] };
      byCollection.set(outcome.collection, typeReport);
    }
    const ignored = outcome.errors.length > 0 || (anyErrors && options.atomicMode === 'ALL');
    add(stats, outcome, ignored);
    add(typeReport.stats, outcome, ignored);
    if (outcome.errors.length > 0 || options.reportMode === 'FULL') {
      typeReport.objectReports.push({
        klass,
        index: outcome.index,
        ...(outcome.uid ? { uid: outcome.uid } : {}),
        ...(outcome.code ? { code: outcome.code } : {}),
        ...(outcome.name ? { displayName: outcome.name } : {}),
        errorReports: outcome.errors.map((error) => errorReport(error, klass, options.language)),
      });
    }
  }
  const status: ImportStatus = !anyErrors ? 'OK' : options.atomicMode === 'ALL' ? 'ERROR' : 'WARNING';
  const typeReports = COLLECTIONS.flatMap((collection) => {
    const report = byCollection.get(collection);
    return report ? [report] : [];
  });
  return { status, stats, typeReports, unsupported: options.unsupported };
}
