// DHIS2's end-to-end aggregate metadata (dhis2Samples/e2e/aggregate/metadata.json) loaded as
// DHIS2's DataImportTest has it: on the Sierra Leone demo database, whose org units the file's
// data sets are assigned to but does not carry. The four units are given here with the UIDs,
// names and hierarchy of that database (Sierra Leone / Bo / Badjia / Njandama MCHP, path
// /ImspTQPwCqd/O6uvpzGd5pu/YuQRtpLP10I/g8upMTyEZGZ); opening dates are the demo's 1970-01-01.
// Data-value tests import dataValues_bulk.json and dataValues_single_dataset.json on top.
import { readFileSync } from 'node:fs';
import type { ImportReport } from '../../../core/metadata/importReport.ts';
import type { Database } from '../../database.ts';
import { importMetadata } from '../importMetadata.ts';

export const sierraLeoneOrgUnits = {
  organisationUnits: [
    { id: 'ImspTQPwCqd', name: 'Sierra Leone', openingDate: '1970-01-01' },
    { id: 'O6uvpzGd5pu', name: 'Bo', parent: { id: 'ImspTQPwCqd' }, openingDate: '1970-01-01' },
    { id: 'YuQRtpLP10I', name: 'Badjia', parent: { id: 'O6uvpzGd5pu' }, openingDate: '1970-01-01' },
    { id: 'g8upMTyEZGZ', name: 'Njandama MCHP', parent: { id: 'YuQRtpLP10I' }, openingDate: '1970-01-01' },
  ],
};

/** A file of DHIS2's own test inputs, by its path under dhis2Samples/. */
export function dhis2Sample(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../dhis2Samples/${path}`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

/** Imports the Sierra Leone units, then DHIS2's e2e aggregate metadata; both reports. */
export async function importDhis2E2eMetadata(database: Database): Promise<[ImportReport, ImportReport]> {
  const units = await importMetadata(database, sierraLeoneOrgUnits);
  const metadata = await importMetadata(database, dhis2Sample('e2e/aggregate/metadata.json'));
  return [units, metadata];
}
