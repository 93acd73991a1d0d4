// `denw survey anthro FILE --cluster COL --strata COL --weight COL [--by COL]… [--plausibility | --zscores]`:
// analysis of a child anthropometry survey (CSV or XLSX) as WHO's anthro_prevalence does it,
// with SMART's GAM/MAM/SAM and the SMART plausibility check (src/core/survey). Writes CSV to standard output; what
// was left out, and any unreadable cell (by row and column), goes to standard error in the
// user's language. Bad input: exit status 2.
import { readFile } from 'node:fs/promises';
import { stderr, stdin, stdout } from 'node:process';
import { DenwError } from '../../core/errors.ts';
import { errorMessage, translate } from '../../core/i18n.ts';
import { analyseAnthroSurvey, plausibilityCsv, prevalenceCsv, zscoreSummaryCsv } from '../../core/survey/analysis.ts';
import { SurveyInputError, surveyIssueCode, type SurveyColumns } from '../../core/survey/records.ts';
import { whoGrowthTables } from '../../store/growth/whoGrowthTables.ts';
import { cliLanguage } from '../cliLanguage.ts';

const usage = `denw survey anthro FICHIER|- [--cluster COL] [--strata COL] [--weight COL] [--by COL]… [--plausibility | --zscores]

Analyse d'une enquête anthropométrique (CSV ou XLSX) comme anthro_prevalence de l'OMS :
prévalences avec intervalles à 95 % selon le plan de sondage (grappes, strates, poids), effet
de plan, par groupe d'âge, sexe, strate et colonne --by ; lignes SMART_GAM, SMART_MAM,
SMART_SAM : malnutrition aiguë des 6–59 mois, drapeaux SMART au lieu des drapeaux OMS.
Analysis of an anthropometric survey (CSV or XLSX) as WHO's anthro_prevalence: prevalences
with 95 % intervals for the survey design (clusters, strata, weights), design effect, by age
group, sex, stratum and --by column; rows SMART_GAM, SMART_MAM, SMART_SAM: acute
malnutrition of children 6–59 months, SMART flags instead of WHO flags.

  colonnes / columns: sex, age_days | age_months | dob + date_of_visit, weight_kg, lenhei_cm,
                      measure (l/h), oedema (y/n), muac_cm
  --cluster COL       grappe (UPE) / cluster (PSU)
  --strata COL        strate / stratum
  --weight COL        poids de sondage / sampling weight
  --by COL            regroupement supplémentaire (répétable) / extra grouping (repeatable)
  --plausibility      écrit le rapport de plausibilité SMART au lieu des prévalences /
                      writes the SMART plausibility report instead of the prevalences
  --zscores           écrit moyennes, ET et IC 95 % des z-scores (HA, WA, WH, BMI) au lieu des
                      prévalences / writes z-score means, SDs and 95 % CIs instead

Sortie / output: indicator, group, n, prevalence, se, ci_low, ci_high, deff (en % / in %);
--zscores: indicator, group, n, mean, se, ci_low, ci_high, sd
`;

const printedIssues = 20;

export async function run(args: string[]): Promise<number> {
  const language = cliLanguage();
  const [subcommand, ...rest] = args;
  if (subcommand !== 'anthro' || rest.includes('--help') || rest.includes('-h') || rest.length === 0) {
    const help = subcommand === '--help' || subcommand === '-h' || (subcommand === 'anthro' && rest.length > 0);
    (help ? stdout : stderr).write(usage);
    return help ? 0 : 2;
  }
  try {
    const { file, columns, table } = parseArguments(rest);
    let bytes: Uint8Array;
    try {
      bytes = file === '-' ? await readAll(stdin) : await readFile(file);
    } catch (error) {
      throw new DenwError('SURVEY_FILE_UNREADABLE', { path: file, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
    const analysis = await analyseAnthroSurvey(bytes, columns, await whoGrowthTables());
    const { prevalence } = analysis;
    if (prevalence.excludedMissingDesign + prevalence.excludedOver1826Days + prevalence.missingWeight > 0) {
      stderr.write(`${translate('survey.excluded', language, {
        missingDesign: prevalence.excludedMissingDesign, over1826: prevalence.excludedOver1826Days, missingWeight: prevalence.missingWeight,
      })}\n`);
    }
    stdout.write(table === 'plausibility' ? plausibilityCsv(analysis.plausibility) : table === 'zscores' ? zscoreSummaryCsv(prevalence.zscoreSummary) : prevalenceCsv(prevalence.rows));
    return 0;
  } catch (error) {
    if (!(error instanceof DenwError)) throw error;
    if (error instanceof SurveyInputError) {
      for (const issue of error.issues.slice(0, printedIssues)) stderr.write(`${translate(`error.${surveyIssueCode(issue)}`, language, { ...issue })}\n`);
      if (error.issueCount > printedIssues) stderr.write(`${translate('survey.moreIssues', language, { count: error.issueCount - printedIssues })}\n`);
    }
    stderr.write(`${errorMessage(error, language)}\n`);
    return 2;
  }
}

function parseArguments(args: string[]): { file: string; columns: SurveyColumns; table: 'prevalence' | 'plausibility' | 'zscores' } {
  let file: string | undefined;
  const columns: { cluster?: string; strata?: string; weight?: string; by: string[] } = { by: [] };
  let table: 'prevalence' | 'plausibility' | 'zscores' = 'prevalence';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const option = /^--(cluster|strata|weight|by)(?:=(.*))?$/.exec(arg);
    if (option) {
      const value = option[2] ?? args[++i];
      if (!value || value.startsWith('--')) throw new DenwError('SURVEY_USAGE', { argument: arg });
      if (option[1] === 'by') columns.by.push(value);
      else columns[option[1] as 'cluster' | 'strata' | 'weight'] = value;
    } else if ((arg === '--plausibility' || arg === '--zscores') && table === 'prevalence') {
      table = arg === '--plausibility' ? 'plausibility' : 'zscores';
    } else if ((arg.startsWith('--') && arg !== '-') || file !== undefined) {
      throw new DenwError('SURVEY_USAGE', { argument: arg });
    } else {
      file = arg;
    }
  }
  if (file === undefined) throw new DenwError('SURVEY_USAGE', { argument: '(FICHIER / FILE)' });
  return { file, columns, table };
}

async function readAll(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
