// `denw export --dataSet … --period … --orgUnit … [--children] [--format csv|json|adx] > FILE`:
// the export of GET /api/dataValueSets, written to standard output, every org unit in scope.
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import process, { stderr, stdout } from 'node:process';
import { parseIdScheme } from '../../core/dataValueSets/dataValueSet.ts';
import { DenwError } from '../../core/errors.ts';
import { translate } from '../../core/i18n.ts';
import { openDatabase } from '../../store/database.ts';
import { exportDataValues } from '../../store/dataValues/exportDataValues.ts';
import { exportText, type ExportFormat } from '../../store/dataValues/exportWriters.ts';
import { migrate } from '../../store/migrate.ts';
import { cliLanguage } from '../cliLanguage.ts';

const usage = `denw export --dataSet DS --period PE --orgUnit OU [options] > FICHIER

Exporte des valeurs (format DHIS2) sur la sortie standard / exports data values to standard output.
  --dataSet DS[,DS]            jeux de données / data sets (ou/or --dataElement DE[,DE])
  --period PE[,PE]             périodes DHIS2 / DHIS2 periods (ou/or --startDate AAAA-MM-JJ --endDate AAAA-MM-JJ)
  --orgUnit OU[,OU]            unités d'organisation / org units
  --children                   avec les unités en dessous / with the units below
  --format csv|json|adx        csv par défaut / by default
  --idScheme code|uid|name     schéma des identifiants / identifier scheme (code par défaut / by default)
Base de données / database: DATABASE_URL ou/or DENW_DATA.
`;

const list = (text: string | undefined) => (text ?? '').split(',').map((item) => item.trim()).filter(Boolean);

export async function run(args: string[]): Promise<number> {
  const language = cliLanguage();
  let values;
  try {
    values = parseArgs({
      args,
      options: {
        dataSet: { type: 'string' },
        dataElement: { type: 'string' },
        period: { type: 'string' },
        startDate: { type: 'string' },
        endDate: { type: 'string' },
        orgUnit: { type: 'string' },
        children: { type: 'boolean', default: false },
        format: { type: 'string', default: 'csv' },
        idScheme: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    stderr.write(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    stdout.write(usage);
    return 0;
  }
  const format = values.format.toLowerCase() as ExportFormat;
  const idScheme = values.idScheme === undefined ? undefined : parseIdScheme(values.idScheme);
  if (!['csv', 'json', 'adx'].includes(format) || (values.idScheme !== undefined && !idScheme)) {
    stderr.write(`${translate('cli.usage', language, { argument: `--format ${values.format} --idScheme ${values.idScheme ?? ''}` })}\n\n${usage}`);
    return 2;
  }
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DENW_DATA });
  try {
    await migrate(database.pool);
    const roots = await database.pool.query<{ path: string }>('SELECT path FROM org_unit WHERE parent_id IS NULL');
    const exported = await exportDataValues(
      database,
      {
        idScheme,
        dataSet: list(values.dataSet),
        dataElement: list(values.dataElement),
        period: list(values.period),
        startDate: values.startDate,
        endDate: values.endDate,
        orgUnit: list(values.orgUnit),
        children: values.children,
        attributeOptionCombo: [],
      },
      roots.rows.map((row) => row.path),
    );
    for await (const chunk of exportText(exported, format, new Date().toISOString())) {
      if (!stdout.write(chunk)) await once(stdout, 'drain');
    }
    return 0;
  } catch (error) {
    if (!(error instanceof DenwError)) throw error;
    stderr.write(`${translate(`error.${error.code}`, language, error.params)}\n`);
    return 1;
  } finally {
    await database.close();
  }
}
