// `denw import FILE`: imports a DHIS2 data value file (JSON, CSV, DXF2 XML or ADX) through the
// same pipeline as POST /api/dataValueSets, with every org unit in scope. CSV is streamed from
// the disk; on a terminal a progress bar follows the bytes read. The summary and the first
// conflicts (row, field, reason) are printed in the user's language.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import process, { stderr, stdin, stdout } from 'node:process';
import { parseIdScheme, parseImportStrategy, type IdSchemeChoice } from '../../core/dataValueSets/dataValueSet.ts';
import { describeSummary } from '../../core/dataValueSets/importSummary.ts';
import { DenwError } from '../../core/errors.ts';
import { translate, type Language } from '../../core/i18n.ts';
import { cliLanguage } from '../cliLanguage.ts';
import { openDatabase } from '../../store/database.ts';
import { dataValueSource, formatOfFileName, type DataValueFormat } from '../../store/dataValues/dataValueSource.ts';
import { importDataValues } from '../../store/dataValues/importDataValues.ts';
import { migrate } from '../../store/migrate.ts';
import { operatorSymbol } from '../../core/metadata/collections.ts';

const usage = `denw import FICHIER|- [options]

Importe un fichier de valeurs DHIS2 (JSON, CSV, XML, ADX) / imports a DHIS2 data value file.
  --format json|csv|xml|adx        d'après l'extension sinon / from the extension otherwise
  --dry-run                        vérifier sans rien écrire / check, write nothing
  --strategy CREATE_AND_UPDATE|CREATE|UPDATE|DELETE
  --atomic-mode ALL|NONE           ALL (défaut) : rien si une valeur est refusée / nothing if any is refused
  --id-scheme code|uid|name        et / and --data-element-id-scheme, --org-unit-id-scheme,
                                   --category-option-combo-id-scheme, --data-set-id-scheme
  --data-set DS                    jeu de données des valeurs CSV / data set of CSV values
  --user NOM                       auteur inscrit au journal / name recorded in the audit
Base de données / database: DATABASE_URL ou/or DENW_DATA. Code de sortie / exit code: 0 tout importé /
all imported, 1 valeurs refusées ou erreur / values refused or error, 2 usage.
`;

const printedConflicts = 20;

function options(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      strategy: { type: 'string', default: 'CREATE_AND_UPDATE' },
      'atomic-mode': { type: 'string', default: 'ALL' },
      'id-scheme': { type: 'string' },
      'data-element-id-scheme': { type: 'string' },
      'org-unit-id-scheme': { type: 'string' },
      'category-option-combo-id-scheme': { type: 'string' },
      'data-set-id-scheme': { type: 'string' },
      'data-set': { type: 'string' },
      user: { type: 'string', default: `cli:${process.env.USER ?? 'denw'}` },
      help: { type: 'boolean', default: false },
    },
  });
}

function idSchemes(values: ReturnType<typeof options>['values']): IdSchemeChoice {
  const scheme = (name: string) => {
    const text = values[name as keyof typeof values] as string | undefined;
    if (text === undefined) return undefined;
    const parsed = parseIdScheme(text);
    if (!parsed) throw new UsageError(`--${name} ${text}`);
    return parsed;
  };
  return {
    idScheme: scheme('id-scheme'),
    dataElementIdScheme: scheme('data-element-id-scheme'),
    orgUnitIdScheme: scheme('org-unit-id-scheme'),
    categoryOptionComboIdScheme: scheme('category-option-combo-id-scheme'),
    dataSetIdScheme: scheme('data-set-id-scheme'),
  };
}

class UsageError extends Error {}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A JSON or XML file's text. It must be UTF-8 (RFC 8259 §8.1; DHIS2 writes UTF-8): decoding
 * leniently would import "S\uFFFDgou" for a Windows-1252 "Ségou". A byte-order mark is dropped.
 */
function utf8Text(bytes: Buffer, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DenwError('FILE_NOT_UTF8', { file });
  }
}

/** A bar on standard error, redrawn at most ten times a second. */
function progressBar(language: Language, totalBytes: number | undefined) {
  let drawn = 0;
  return {
    update(values: number, bytes: number) {
      if (!stderr.isTTY || Date.now() - drawn < 100) return;
      drawn = Date.now();
      const share = totalBytes ? Math.min(1, bytes / totalBytes) : 0;
      const bar = totalBytes ? `[${'#'.repeat(Math.round(share * 30)).padEnd(30, '.')}] ${Math.round(share * 100)} % ` : '';
      stderr.write(`\r${bar}${translate('cli.import.progress', language, { values: values.toLocaleString(language) })}`);
    },
    done() {
      if (stderr.isTTY && drawn > 0) stderr.write('\n');
    },
  };
}

export async function run(args: string[]): Promise<number> {
  const language = cliLanguage();
  let parsed;
  try {
    parsed = options(args);
  } catch (error) {
    stderr.write(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  if (values.help || file === undefined || positionals.length > 1) {
    (values.help ? stdout : stderr).write(usage);
    return values.help ? 0 : 2;
  }
  const strategy = parseImportStrategy(values.strategy);
  const atomicMode = values['atomic-mode'].toUpperCase();
  const format = (values.format?.toLowerCase() ?? formatOfFileName(file)) as DataValueFormat | undefined;
  let schemes: IdSchemeChoice;
  try {
    schemes = idSchemes(values);
  } catch (error) {
    stderr.write(`${translate('cli.usage', language, { argument: (error as Error).message })}\n\n${usage}`);
    return 2;
  }
  if (!format || !['json', 'csv', 'xml', 'adx'].includes(format) || strategy === undefined || !['ALL', 'NONE'].includes(atomicMode)) {
    stderr.write(`${translate('cli.usage', language, { argument: format ? `${values.strategy} ${atomicMode}` : file })}\n\n${usage}`);
    return 2;
  }

  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DENW_DATA });
  try {
    await migrate(database.pool);
    const roots = await database.pool.query<{ path: string }>('SELECT path FROM org_unit WHERE parent_id IS NULL');
    const totalBytes = file === '-' ? undefined : (await stat(file)).size;
    let bytes = 0;
    const bar = progressBar(language, totalBytes);
    let body: unknown;
    if (format === 'csv') {
      // Counted as the reader pulls them (a 'data' listener would let the chunks flow past it).
      const input: AsyncIterable<Buffer> = file === '-' ? stdin : createReadStream(file);
      body = (async function* counted() {
        for await (const chunk of input) {
          bytes += chunk.length;
          yield chunk;
        }
      })();
    } else {
      body = utf8Text(file === '-' ? await readAll(stdin) : await readFile(file), file);
    }
    const summary = await importDataValues(
      database,
      dataValueSource(format, body),
      { idSchemes: schemes, dryRun: values['dry-run'], importStrategy: strategy, atomicMode: atomicMode as 'ALL' | 'NONE', dataSet: values['data-set'], async: false },
      // The CLI works on the database directly, as its administrator: every tree, expired periods too.
      { username: values.user, scopePaths: roots.rows.map((row) => row.path), mayEditExpired: true },
      { onProgress: (read) => bar.update(read, bytes) },
    );
    bar.done();
    const described = describeSummary(summary, language);
    stdout.write(`${described.status}: ${described.description}\n`);
    for (const conflict of described.conflicts.slice(0, printedConflicts)) {
      stdout.write(`${translate('cli.import.conflict', language, { row: conflict.row ?? '-', field: conflict.field, message: conflict.value, code: conflict.errorCode })}\n`);
    }
    if (described.conflicts.length > printedConflicts) {
      stdout.write(`${translate('cli.import.moreConflicts', language, { count: described.conflicts.length - printedConflicts })}\n`);
    }
    // Rules broken by the written values (kept, unless a data set accepts only valid data).
    for (const violation of described.validationViolations.slice(0, printedConflicts)) {
      const side = (value: number | null) => (value === null ? '—' : String(value));
      stdout.write(
        `${translate('cli.import.violation', language, {
          rule: violation.validationRuleDescription,
          orgUnit: violation.organisationUnitDisplayName,
          period: violation.periodId,
          left: side(violation.leftSideValue),
          operator: operatorSymbol(violation.operator) ?? violation.operator,
          right: side(violation.rightSideValue),
        })}\n`,
      );
    }
    if (described.validationViolations.length > printedConflicts) {
      stdout.write(`${translate('cli.import.moreViolations', language, { count: described.validationViolations.length - printedConflicts })}\n`);
    }
    return summary.status === 'SUCCESS' ? 0 : 1;
  } catch (error) {
    if (!(error instanceof DenwError)) throw error;
    stderr.write(`${translate(`error.${error.code}`, language, error.params)}\n`);
    return 1;
  } finally {
    await database.close();
  }
}
