// Metadata export (GET /api/metadata): the store as a document in the format the import reads
// (docs/metadata-format.md), every collection sorted by UID (or code, or key) so that two
// stores holding the same metadata export the same document, and an export imported into an
// empty store exports again unchanged.
import { COLLECTIONS, type Collection } from '../../core/metadata/collections.ts';
import type { Database } from '../database.ts';
import { exportCategories, exportCategoryCombos, exportCategoryOptionCombos, exportCategoryOptions } from './export/categoryExport.ts';
import { exportDataElements, exportDataSets, exportSections } from './export/dataSetExport.ts';
import { exportContext, type ExportContext } from './export/exportContext.ts';
import { exportConstants, exportIndicators, exportIndicatorTypes, exportValidationRules } from './export/indicatorExport.ts';
import {
  exportAttributes,
  exportOrganisationUnitGroups,
  exportOrganisationUnitGroupSets,
  exportOrganisationUnitLevels,
  exportOrganisationUnits,
} from './export/orgUnitExport.ts';
import { exportGoals, exportObservations, exportPopulation, exportResultIndicators, exportResults, exportTargets } from './export/resultsExport.ts';

const exporters: Record<Collection, (context: ExportContext) => Promise<unknown[]>> = {
  attributes: exportAttributes,
  organisationUnitLevels: exportOrganisationUnitLevels,
  organisationUnits: exportOrganisationUnits,
  organisationUnitGroups: exportOrganisationUnitGroups,
  organisationUnitGroupSets: exportOrganisationUnitGroupSets,
  categoryOptions: exportCategoryOptions,
  categories: exportCategories,
  categoryCombos: exportCategoryCombos,
  categoryOptionCombos: exportCategoryOptionCombos,
  dataElements: exportDataElements,
  dataSets: exportDataSets,
  sections: exportSections,
  indicatorTypes: exportIndicatorTypes,
  indicators: exportIndicators,
  constants: exportConstants,
  validationRules: exportValidationRules,
  population: exportPopulation,
  goals: exportGoals,
  results: exportResults,
  resultIndicators: exportResultIndicators,
  targets: exportTargets,
  observations: exportObservations,
};

/** The chosen collections (all by default), each present even when empty. */
export async function exportMetadata(database: Database, collections: readonly Collection[] = COLLECTIONS): Promise<Partial<Record<Collection, unknown[]>>> {
  const context = exportContext(database.pool);
  const document: Partial<Record<Collection, unknown[]>> = {};
  for (const collection of COLLECTIONS) {
    if (collections.includes(collection)) document[collection] = await exporters[collection](context);
  }
  return document;
}
