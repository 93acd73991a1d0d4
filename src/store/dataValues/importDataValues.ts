// The data value import: a source (any format, read incrementally) in, an import summary out.
//
//   1. metadata loaded once and indexed by the file's identifier schemes;
//   2. the header checked (an unknown data set, org unit, attribute option combo or period
//      refuses the whole set, as DHIS2's abortDataSetImport does);
//   3. each value checked in memory (core checkDataValue) and, when valid, streamed into a
//      staging table (COPY on PostgreSQL); the refused ones become conflicts;
//   4. set-based: values classified against the stored ones and counted; written at once when
//      all are new and none repeats a key, otherwise after duplicates are found (E8128)
//      (dataValueMerge.ts) — nothing written when the import is a dry run, or when atomicMode
//      is ALL and any value was refused;
//   5. the validation rules that read a written data element run once, set-based, at the
//      (org unit, period) pairs written (importValidation.ts): violations are reported in the
//      summary, and the whole import is rolled back when a data set with validCompleteOnly
//      holds the rule's written data (not on a dry run, which writes nothing to check);
//   6. the completions asked for (completeDate, ADX) registered, except where the data set's
//      validCompleteOnly finds a rule broken (its violations then listed).
// Everything happens on one client in one transaction (the embedded engine's rule).
//
// Behaviour: DHIS2 2.42's importer (DefaultDataValueSetService: counts imported/updated/
// deleted/ignored, one conflict per refused row, partial imports, CSV without header by
// position), chosen over 2.43's rewrite because deployed DHIS2 tools are written against it and
// per-row conflicts suit forms and files with a few bad lines. Differences (README.md explains):
//   - CSV header matched by name with DHIS2's aliases (2.43); unknown column refuses the file;
//   - duplicate keys in one import each refused, E8128 (2.43); 2.42 applied them in turn;
//   - a value's creation in its audit trail (2.43's change log), written at its first change
//     (migration 093); audit modified_by = importing user, the creation's = the value's storedBy;
//   - hard deletes: a deletion with nothing stored is ignored (2.42 counted it imported);
//   - data set assignment, period type, COC/AOC combos always checked (2.42: strict options);
//   - 2.43's org unit open-dates check (E8031) added;
//   - expiry days (E7640) checked as 2.42 does (DataSet.isLocked), unless the importer may edit
//     expired periods (F_EDIT_EXPIRED: the superuser, the CLI); no lock exceptions (a per org
//     unit and period reopening), and with no data set named, refused only when every data set
//     the value can belong to has expired (core/dataValueSets/expiryDays.ts, checkDataValue.ts);
//   - no option sets, ATTRIBUTE id scheme, sharing, DXF2 XML export;
//     a comment without a value is refused (E7618);
//   - atomicMode ALL by default (DHIS2: NONE); default idScheme code, UIDs understood too;
//   - created/lastUpdated from the file kept, unchanged values counted updated, not rewritten
//     (2.42); an insignificant zero deletes the stored value (2.42; 2.43 keeps it);
//   - an empty/unreadable JSON or XML body is refused at once even with async=true (400);
//   - 2.43's rejectedIndexes returned as well.
import { checkDataValue, parseTimestamp, type CheckContext, type CheckedDataValue } from '../../core/dataValueSets/checkDataValue.ts';
import { conflict, type DataValueConflict } from '../../core/dataValueSets/conflicts.ts';
import { resolveIdSchemes, withHeader, type IdSchemeChoice, type ImportStrategy } from '../../core/dataValueSets/dataValueSet.ts';
import { inSubtrees } from '../../core/metadata/hierarchy.ts';
import { indexMetadata, type MetadataIndex } from '../../core/dataValueSets/importMetadata.ts';
import { importStatus, type AtomicMode, type ImportSummary, type ImportValidationViolation } from '../../core/dataValueSets/importSummary.ts';
import { parsePeriod, type Period } from '../../core/periods/periods.ts';
import type { CompletionInput } from '../../core/dataValueSets/xmlDataValueSet.ts';
import type { Database } from '../database.ts';
import { resolveCompletions } from './completions.ts';
import { registerComplete } from './completeRegistrations.ts';
import { actionCounts, classifyStaged, createStaging, dropClassified, dropStaged, findDuplicates, ignoredValueRepeated, registerPeriods, stagingWriter, writeClassified, writePlain, type StagingWriter } from './dataValueMerge.ts';
import type { DataValueSource } from './dataValueSource.ts';
import { completionRefusal, validateWrittenValues } from './importValidation.ts';
import { loadImportMetadata } from './importMetadata.ts';
import { registrySourcedStaged } from '../rollup/rollup.ts';
import { operatorSymbol } from '../../core/metadata/collections.ts';

export interface ImportOptions {
  idSchemes: IdSchemeChoice;
  dryRun: boolean;
  importStrategy: ImportStrategy;
  atomicMode: AtomicMode;
  /** The data set of values that do not name one (CSV has no header; DHIS2 ImportOptions.dataSet). */
  dataSet?: string;
  async: boolean;
  /** Tags the written values ('demo' for the demonstration dataset); real data has none. */
  source?: string;
  /**
   * No validation run: one value saved from a form (singleDataValue.ts), which is incomplete
   * between two saves — its rules are checked on completion (validCompleteOnly) and by
   * GET /api/validation, as DHIS2's data entry does.
   */
  skipValidation?: boolean;
}

/** The importing user: name (storedBy and audit) and the UID paths of its scope roots. */
export interface Importer {
  username: string;
  scopePaths: string[];
  /**
   * May write periods past their data set's expiry days (DHIS2 F_EDIT_EXPIRED; server/access/
   * policy.ts mayEditExpired). Absent: may not, as a DHIS2 user without the authority.
   */
  mayEditExpired?: boolean;
}

export interface ImportHooks {
  /** Today, `YYYY-MM-DD` (open future periods are counted from it); the server's date by default. */
  today?: string;
  /** Called as values are read and checked, with the number read so far. */
  onProgress?: (valuesRead: number) => void;
}

const isoToday = () => new Date().toISOString().slice(0, 10);

function inScopeCheck(scopePaths: string[]) {
  const memo = new Map<number, boolean>();
  return (orgUnit: { id: number; path: string }) => {
    let allowed = memo.get(orgUnit.id);
    if (allowed === undefined) {
      allowed = inSubtrees(orgUnit.path, scopePaths);
      memo.set(orgUnit.id, allowed);
    }
    return allowed;
  };
}

/**
 * Header fields that refuse the whole set when they name nothing (DataValueSetImportValidator),
 * and completion dates (the header's completeDate, ADX groups') that are no date: DHIS2's
 * handleComplete drops such a date without a word, so the form the file says is complete would
 * silently stay open.
 */
function headerConflicts(
  index: MetadataIndex,
  header: { dataSet?: string; orgUnit?: string; attributeOptionCombo?: string; period?: string; completeDate?: string },
  completions: CompletionInput[],
): DataValueConflict[] {
  const found: DataValueConflict[] = [];
  for (const date of [header.completeDate, ...completions.map((completion) => completion.date)]) {
    if (date !== undefined && parseTimestamp(date) === null) found.push(conflict('COMPLETE_DATE_INVALID', undefined, date));
  }
  if (header.dataSet !== undefined && !index.dataSet.has(header.dataSet)) found.push(conflict('E7600', undefined, header.dataSet));
  if (header.orgUnit !== undefined && !index.orgUnit.has(header.orgUnit)) found.push(conflict('E7603', undefined, header.orgUnit));
  if (header.attributeOptionCombo !== undefined && !index.categoryOptionCombo.has(header.attributeOptionCombo)) {
    found.push(conflict('E7604', undefined, header.attributeOptionCombo));
  }
  if (header.period !== undefined) {
    try {
      parsePeriod(header.period);
    } catch {
      found.push(conflict('E7611', undefined, header.period));
    }
  }
  return found;
}

/** Conflicts in the order of the values they refuse (those of the whole set first). */
const inRowOrder = (a: DataValueConflict, b: DataValueConflict) => (a.indexes[0] ?? -1) - (b.indexes[0] ?? -1);

/** One E8128 conflict per value of each group of values that set the same data value. */
function duplicateConflicts(groups: Awaited<ReturnType<typeof findDuplicates>>): DataValueConflict[] {
  return groups.flatMap((group) =>
    group.indexes.map((index, i) => {
      const others = group.rows.filter((_, j) => j !== i).join(', ');
      return conflict('E8128', { index, row: group.rows[i]! }, group.period, { others });
    }),
  );
}

/** A violation that refuses the import: a conflict of the whole set, naming the rule, where, the two sides and the data set. */
function validationConflict(v: ImportValidationViolation): DataValueConflict {
  const side = (value: number | null) => (value === null ? '—' : String(value));
  return conflict('VALIDATION_RULE_VIOLATED', undefined, v.validationRuleId, {
    orgUnit: v.organisationUnitId,
    period: v.periodId,
    left: side(v.leftSideValue),
    operator: operatorSymbol(v.operator) ?? v.operator,
    right: side(v.rightSideValue),
    dataSet: v.blockingDataSet ?? '',
  });
}

export async function importDataValues(database: Database, source: DataValueSource, options: ImportOptions, importer: Importer, hooks: ImportHooks = {}): Promise<ImportSummary> {
  const header = { ...source.header, dataSet: source.header.dataSet ?? options.dataSet };
  const dryRun = header.dryRun ?? options.dryRun;
  const strategy = header.importStrategy ?? options.importStrategy;
  const importOptions = { dryRun, importStrategy: strategy, atomicMode: options.atomicMode, async: options.async };
  const summary = (fields: Partial<ImportSummary>): ImportSummary => ({
    status: 'ERROR',
    importCount: { imported: 0, updated: 0, deleted: 0, ignored: 0 },
    conflicts: [],
    rejectedIndexes: [],
    dataSetComplete: false,
    validationViolations: [],
    importOptions,
    ...fields,
  });

  const client = await database.pool.connect();
  let transaction = false;
  let staging: StagingWriter | undefined;
  try {
    const index = indexMetadata(await loadImportMetadata(client), resolveIdSchemes(options.idSchemes, header));
    const refused = headerConflicts(index, header, source.completions);
    if (refused.length > 0) return summary({ conflicts: refused });

    const context: CheckContext = {
      index,
      strategy,
      today: hooks.today ?? isoToday(),
      inScope: inScopeCheck(importer.scopePaths),
      defaultStoredBy: importer.username,
      mayEditExpired: importer.mayEditExpired === true,
    };
    const conflicts = [...source.conflicts];
    const periods = new Map<string, Period>();
    let total = source.conflicts.length;
    let staged = 0;
    await client.query('BEGIN');
    transaction = true;
    await createStaging(client);
    staging = stagingWriter(database.engine, client);
    for await (const batch of source.batches) {
      const valid: CheckedDataValue[] = [];
      for (const input of batch) {
        const checked = checkDataValue(withHeader(input, header), context);
        if ('errorCode' in checked) {
          conflicts.push(checked);
          continue;
        }
        if (!periods.has(checked.period.id)) periods.set(checked.period.id, checked.period);
        valid.push(checked);
        staged++;
      }
      total += batch.length;
      await staging.add(valid);
      hooks.onProgress?.(total);
    }
    await staging.end();
    staging = undefined;

    // Where the child registry counts a data set, the form's values would count twice.
    const registryCounted = await registrySourcedStaged(client, periods.values());
    await dropStaged(client, registryCounted.map((value) => value.index));
    conflicts.push(...registryCounted.map((value) => conflict('DATA_SET_SOURCE_IS_REGISTRY', value, value.orgUnit, { dataSet: value.dataSet })));
    staged -= registryCounted.length;
    conflicts.sort(inRowOrder);

    await registerPeriods(client, periods.values());
    let merge = await classifyStaged(client, strategy);
    const write = dryRun ? null : { modifiedBy: importer.username, source: options.source ?? null };
    // Most bulk loads bring only new values (and insignificant zeros, ignored): written at once,
    // unless a key turns out to be met twice; otherwise (or then) duplicates are looked for first
    // (E8128) and the rest written.
    const { insert = 0, ignore = 0 } = merge.counts;
    const allNew = insert + ignore === staged && (conflicts.length === 0 || options.atomicMode === 'NONE');
    const written = write !== null && allNew && !(ignore > 0 && (await ignoredValueRepeated(client))) && (await writePlain(client, merge.counts, write));
    if (!written) {
      const duplicates = duplicateConflicts(await findDuplicates(client));
      if (duplicates.length > 0) {
        await dropClassified(client, duplicates.map((d) => d.indexes[0]!));
        merge = await actionCounts(client);
      }
      conflicts.push(...duplicates);
      conflicts.sort(inRowOrder);
      if (conflicts.length > 0 && options.atomicMode === 'ALL') {
        await client.query('ROLLBACK');
        transaction = false;
        return summary({ conflicts, importCount: { imported: 0, updated: 0, deleted: 0, ignored: total }, rejectedIndexes: Array.from({ length: total }, (_, i) => i) });
      }
      if (write) merge = await writeClassified(client, strategy, merge, write);
    }
    const validationViolations = write && !options.skipValidation ? await validateWrittenValues(client) : [];
    const blocking = validationViolations.filter((v) => v.blockingDataSet !== null);
    if (blocking.length > 0) {
      await client.query('ROLLBACK');
      transaction = false;
      conflicts.push(...blocking.map(validationConflict));
      return summary({ conflicts, validationViolations, importCount: { imported: 0, updated: 0, deleted: 0, ignored: total }, rejectedIndexes: Array.from({ length: total }, (_, i) => i) });
    }
    const { counts, rejected } = merge;
    let dataSetComplete: string | false = false;
    if (!dryRun) {
      for (const registration of resolveCompletions(index, header, source.completions)) {
        const refusal = options.skipValidation ? [] : await completionRefusal(client, registration);
        validationViolations.push(...refusal);
        if (refusal.length > 0) continue;
        await registerComplete(client, registration, importer.username, registration.date);
        dataSetComplete = registration.date.slice(0, 10);
      }
    }
    await client.query(dryRun ? 'ROLLBACK' : 'COMMIT');
    transaction = false;
    const rejectedIndexes = [...conflicts.flatMap((c) => c.indexes), ...rejected].sort((a, b) => a - b);
    return summary({
      status: importStatus(conflicts.length, options.atomicMode),
      importCount: {
        imported: counts.insert ?? 0,
        updated: counts.update ?? 0,
        deleted: counts.delete ?? 0,
        ignored: (counts.ignore ?? 0) + (counts.reject ?? 0) + conflicts.length,
      },
      conflicts,
      rejectedIndexes,
      dataSetComplete,
      validationViolations,
    });
  } catch (error) {
    if (staging) await staging.abort(error as Error);
    if (transaction) await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
