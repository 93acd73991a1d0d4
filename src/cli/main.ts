// The `denw` command: one subcommand per file in ./commands, loaded on demand so that
// `denw growth` does not pay for starting a database.
import { argv, exit, stderr, stdout } from 'node:process';
import { DenwError } from '../core/errors.ts';
import { errorMessage, translate } from '../core/i18n.ts';
import { cliLanguage } from './cliLanguage.ts';

type Command = { summary: string; load: () => Promise<{ run: (args: string[]) => Promise<number | void> }> };

const commands: Record<string, Command> = {
  serve: { summary: 'Démarrer le serveur / start the server (web app and API)', load: () => import('./commands/serve.ts') },
  import: { summary: 'Importer un fichier DHIS2 (JSON, CSV, ADX) / import a DHIS2 file', load: () => import('./commands/import.ts') },
  export: { summary: 'Exporter des valeurs / export data values', load: () => import('./commands/export.ts') },
  seed: { summary: 'Charger la géographie, les programmes, la démo / load geography, programmes, demo data', load: () => import('./commands/seed.ts') },
  growth: { summary: 'Scores z OMS / WHO growth z-scores', load: () => import('./commands/growth.ts') },
  survey: { summary: "Analyse d'enquête anthropométrique / anthropometric survey analysis", load: () => import('./commands/survey.ts') },
  immunization: { summary: 'Calendrier vaccinal : statut des doses / immunization schedule: dose status', load: () => import('./commands/immunization.ts') },
  bench: { summary: 'Mesures de performance / benchmarks', load: () => import('./commands/bench.ts') },
};

const usage = `denw — système d'information pour les enfants du Mali / information system for Mali's children

Usage: denw <commande> [options]

${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

denw <commande> --help pour les options / for its options.
`;

const [name, ...rest] = argv.slice(2);
if (!name || name === '--help' || name === '-h' || name === 'help') {
  stdout.write(usage);
  exit(0);
}
const command = commands[name];
if (!command) {
  stderr.write(`Commande inconnue / unknown command: ${name}\n\n${usage}`);
  exit(2);
}
try {
  const code = await (await command.load()).run(rest);
  exit(typeof code === 'number' ? code : 0);
} catch (error) {
  // A DenwError is the user's to act on: its catalogue message, in the terminal's language.
  if (error instanceof DenwError) stderr.write(`${errorMessage(error, cliLanguage())}\n`);
  else stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  exit(1);
}
