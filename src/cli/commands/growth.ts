// `denw growth zscores [FILE|-] [--reference 2006|2007]`: WHO growth z-scores for a CSV file
// (or standard input), written to standard output with WHO anthro's columns appended.
// Cells that cannot be read are reported on standard error, by record and column, in the
// user's language; the output still has every record (with those z-scores empty).
// `denw growth reclassify`: after an edit of the threshold table
// (src/programmes/nutrition/growthClassification.ts), classifies the stored measurements again
// and moves the monthly counts (store/growth/measurements.ts reclassifyMeasurements).
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import process, { stderr, stdin, stdout } from 'node:process';
import { DenwError } from '../../core/errors.ts';
import { errorMessage, type Language, translate } from '../../core/i18n.ts';
import { cliLanguage } from '../cliLanguage.ts';
import { createZscoreCsvStream, type GrowthIssueLog, type GrowthReference } from '../../core/growth/index.ts';
import { whoGrowthTables } from '../../store/growth/whoGrowthTables.ts';

const usage = `denw growth zscores [FICHIER|-] [--reference 2006|2007]
denw growth reclassify

Reclassifie les mesures enregistrées selon la table de seuils en vigueur (après sa révision).
Classifies the stored measurements again under the threshold table in force (after a revision).

Scores z OMS pour un fichier CSV (ou l'entrée standard), écrits sur la sortie standard.
WHO growth z-scores for a CSV file (or standard input), written to standard output.

  --reference 2006  Normes de croissance OMS 2006, 0-5 ans (défaut) / WHO Child Growth Standards
                    colonnes / columns: sex, age_days (ou age_months, ou dob + date_of_visit),
                    weight_kg, lenhei_cm, measure (l/h), oedema (y/n), headc_cm, muac_cm,
                    triceps_mm, subscap_mm
                    ajoute / appends: clenhei, cbmi, zlen, flen, zwei, fwei, zwfl, fwfl, zbmi,
                    fbmi, zhc, fhc, zac, fac, zts, fts, zss, fss
  --reference 2007  Référence de croissance OMS 2007, 5-19 ans / WHO Growth Reference 2007
                    colonnes / columns: sex, age_months (ou dob + date_of_visit), weight_kg,
                    height_cm, oedema
                    ajoute / appends: cbmi, zhfa, fhfa, zwfa, fwfa, zbfa, fbfa
`;

/** Issues printed in full on standard error; the rest are counted. */
const printedIssues = 20;

export async function run(args: string[]): Promise<number> {
  const language = cliLanguage();
  const [subcommand, ...rest] = args;
  if (subcommand === 'reclassify' && rest.length === 0) return reclassify(language);
  if (subcommand !== 'zscores' || rest.includes('--help') || rest.includes('-h')) {
    (subcommand === 'zscores' || subcommand === undefined || subcommand === '--help' ? stdout : stderr).write(usage);
    return subcommand === 'zscores' || subcommand === '--help' ? 0 : 2;
  }
  try {
    const { file, reference } = parseArguments(rest);
    const tables = await whoGrowthTables();
    const stream = createZscoreCsvStream(reference, tables);
    const input = file === '-' ? stdin : createReadStream(file);
    // Strict UTF-8, as src/core/csv reads files: a Latin-1 file is refused, not garbled.
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const decode = (bytes?: Uint8Array) => {
      try {
        return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
      } catch {
        throw new DenwError('CSV_NOT_UTF8', { line: stream.recordCount + 2 });
      }
    };
    try {
      for await (const chunk of input) await writeOut(stream.write(decode(chunk as Uint8Array)));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code;
      if (error instanceof DenwError || reason === undefined) throw error;
      throw new DenwError('GROWTH_FILE_UNREADABLE', { path: file, reason });
    }
    await writeOut(stream.write(decode()));
    await writeOut(stream.end());
    reportIssues(stream.log, language);
    return 0;
  } catch (error) {
    if (!(error instanceof DenwError)) throw error;
    stderr.write(`${errorMessage(error, language)}\n`);
    return error.code === 'GROWTH_USAGE' ? 2 : 1;
  }
}

function parseArguments(args: string[]): { file: string; reference: GrowthReference } {
  let file = '-';
  let reference: GrowthReference = 2006;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--reference' || arg.startsWith('--reference=')) {
      const value = arg.includes('=') ? arg.slice('--reference='.length) : args[++i];
      if (value !== '2006' && value !== '2007') throw new DenwError('GROWTH_USAGE', { argument: `--reference ${value ?? ''}` });
      reference = Number(value) as GrowthReference;
    } else if (arg.startsWith('--') || file !== '-') {
      throw new DenwError('GROWTH_USAGE', { argument: arg });
    } else {
      file = arg;
    }
  }
  return { file, reference };
}

async function writeOut(text: string): Promise<void> {
  if (text !== '' && !stdout.write(text)) await once(stdout, 'drain');
}

function reportIssues(log: GrowthIssueLog, language: Language): void {
  for (const issue of log.issues.slice(0, printedIssues)) {
    stderr.write(`${translate(`error.${issue.code}`, language, { ...issue })}\n`);
  }
  if (log.count > printedIssues) {
    stderr.write(`${translate('growth.moreIssues', language, { count: log.count - printedIssues })}\n`);
  }
}

async function reclassify(language: Language): Promise<number> {
  // Loaded here, so that `zscores` (a file in, a file out) starts without the database modules.
  const [{ growthClassificationThresholds }, { openDatabase }, { reclassifyMeasurements }, { migrate }] = await Promise.all([
    import('../../programmes/nutrition/growthClassification.ts'),
    import('../../store/database.ts'),
    import('../../store/growth/measurements.ts'),
    import('../../store/migrate.ts'),
  ]);
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DENW_DATA });
  try {
    await migrate(database.pool);
    const count = await reclassifyMeasurements(database, growthClassificationThresholds, 'denw growth reclassify');
    stdout.write(`${translate('growth.reclassified', language, { count })}\n`);
    return 0;
  } finally {
    await database.close();
  }
}
