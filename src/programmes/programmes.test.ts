// Every shipped package, loaded together in load order, hangs together: see
// src/core/programmePackageCheck.ts for what is checked. Org units are Mali's default tree.
import { describe, expect, it } from 'vitest';
import { programmePackageProblems } from '../core/programmePackageCheck.ts';
import { translate } from '../core/i18n.ts';
import { programmePackages } from './index.ts';
import { loadMaliMetadata } from './mali/loadMali.ts';

const orgUnitCodes = new Set(loadMaliMetadata().organisationUnits.map((unit) => unit.code));

describe('programme packages', () => {
  it('load in order with every reference, translation and source in place', () => {
    const problems = programmePackageProblems(programmePackages, { orgUnitCodes });
    expect(problems.map((problem) => translate(`error.${problem.code}`, 'en', problem.params))).toEqual([]);
  });

  it('have distinct ids, the common package first', () => {
    const ids = programmePackages.map((pkg) => pkg.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe('common');
  });
});
