// Every label key written literally in the data entry, import/export and administration pages
// (and the components they share) exists in both catalogues; keys built at run time (a value
// type, a role, a status) are checked by enumerating their values below.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { conflictCodes } from '../../../core/dataValueSets/conflicts.ts';
import { catalogues } from '../../../core/i18n.ts';
import { roles } from '../admin/usersApi.ts';
import { atomicModes, idSchemes, importFormats, importStrategies } from '../importExport/importFormats.ts';

const web = fileURLToPath(new URL('../..', import.meta.url));
const sources = [
  ...['pages/dataEntry', 'pages/importExport', 'pages/admin'].flatMap((folder) => readdirSync(join(web, folder)).map((file) => join(web, folder, file))),
  ...['Dialog.tsx', 'OrgUnitPicker.tsx', 'PeriodPicker.tsx', 'Tabs.tsx', 'periods.ts'].map((file) => join(web, 'components', file)),
].filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.test.ts'));

const missing = (keys: string[]) => keys.filter((key) => !catalogues.fr[key] || !catalogues.en[key]);

describe('labels of the data entry, import/export and administration pages', () => {
  it('has every literal key in French and English', () => {
    const keys = sources.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/'(web\.[\w.-]+)'/g)].map((match) => match[1]!));
    expect(keys.length).toBeGreaterThan(150);
    expect(missing(keys.flatMap((key) => (catalogues.fr[key] ? [key] : [`${key}.one`, `${key}.other`])))).toEqual([]);
  });

  it('has a label for every value a key is built from', () => {
    expect(
      missing([
        ...['saving', 'saved', 'failed', 'invalid'].map((status) => `web.dataEntry.status.${status}`),
        ...['HIGH', 'MEDIUM', 'LOW'].map((importance) => `web.importance.${importance}`),
        ...['compulsory_pair', 'exclusive_pair'].map((operator) => `web.operator.${operator}`),
        ...roles.flatMap((role) => [`web.role.${role}`, `web.role.${role}.hint`]),
        ...importFormats.map((format) => `web.import.format.${format}`),
        ...importStrategies.map((strategy) => `web.import.strategy.${strategy}`),
        ...atomicModes.map((mode) => `web.import.atomicMode.${mode}`),
        ...idSchemes.map((scheme) => `web.import.idScheme.${scheme}`),
        ...['SUCCESS', 'WARNING', 'ERROR'].map((status) => `web.import.status.${status}`),
        ...['imported', 'updated', 'deleted', 'ignored'].map((count) => `web.import.count.${count}`),
        ...Object.values(conflictCodes).map((field) => `web.field.${field}`),
        ...['users', 'tokens'].map((tab) => `web.admin.tab.${tab}`),
        ...['dataElements', 'indicators', 'dataSets', 'categoryCombos', 'organisationUnits'].map((tab) => `web.metadata.tab.${tab}`),
        ...['days30', 'days90', 'year', 'never'].map((lifetime) => `web.tokens.lifetime.${lifetime}`),
      ]),
    ).toEqual([]);
  });
});
