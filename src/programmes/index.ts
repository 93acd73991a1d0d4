// Every programme package Denw ships, in load order: a package may refer only to itself and
// to packages before it (common disaggregations first, the results framework last, since it
// links to the routine indicators of the others). programmes.test.ts checks the whole list.
import type { ProgrammePackage } from '../core/programmePackage.ts';
import { common } from './common/index.ts';
import { education } from './education/index.ts';
import { humanitarian } from './humanitarian/index.ts';
import { immunization } from './immunization/index.ts';
import { nutrition } from './nutrition/index.ts';
import { protection } from './protection/index.ts';
import { resultsFramework } from './resultsFramework/index.ts';
import { wash } from './wash/index.ts';

export const programmePackages: readonly ProgrammePackage[] = [common, immunization, nutrition, education, protection, wash, humanitarian, resultsFramework];
