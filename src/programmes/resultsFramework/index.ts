// The results framework: vision, the five goals, the four Key Results for Children and the
// other results, each indicator with its published baseline (value, year, source), the survey
// and estimate values published over the years, and the few targets a programme document gives
// (humanitarian ones: the country programme's own results framework was not found, so no
// target is invented). Headline indicators are linked to the routine indicators that track
// them, so that the results pages put survey and routine values side by side.
import type { ProgrammePackage } from '../../core/programmePackage.ts';
import * as environmentEquity from './environmentEquity.ts';
import { goals, results } from './goals.ts';
import * as learnProtect from './learnProtect.ts';
import * as survive from './survive.ts';

export { introduction } from './goals.ts';

const parts = [survive, learnProtect, environmentEquity];

export const resultsFramework: ProgrammePackage = {
  id: 'resultsFramework',
  name: { fr: 'Cadre de résultats pour les enfants', en: 'Results framework for children' },
  version: '1.0.0',
  modelledOn: {
    fr: 'Les cinq objectifs et les quatre résultats clés pour les enfants de l’UNICEF Mali ; valeurs de référence publiées (EDSM, MICS, SMART, WUENIC, JMP, rapports de l’UNICEF), chacune avec sa source et son année.',
    en: 'UNICEF Mali’s five goals and four Key Results for Children; published baselines (DHS, MICS, SMART, WUENIC, JMP, UNICEF reports), each with its source and year.',
  },
  sources: [
    'https://www.unicef.org/mali/en/what-we-do (goals, life cycle); https://www.unicef.org/mali/en/4-key-results-children (KRCs) — mali-country-programme.md A.2, B.1',
    'shared/reference/mali-facts.md and mali-country-programme.md: every value, with the source named beside it (sources.ts)',
  ],
  metadata: {
    goals,
    results,
    resultIndicators: parts.flatMap((part) => part.indicators),
    observations: parts.flatMap((part) => part.observations),
    targets: [...survive.targets, ...environmentEquity.targets],
  },
  dataSetAssignments: [],
  dashboards: [],
};
