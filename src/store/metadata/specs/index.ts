// Every collection's import handling, made fresh for each import (two keep what they plan
// between the checks and the writes: the org-unit tree and the category option combos).
import type { Collection } from '../../../core/metadata/collections.ts';
import { categoryComboSpec, categoryOptionComboSpec, categoryOptionSpec, categorySpec } from './categorySpecs.ts';
import { dataElementSpec, dataSetSpec, sectionSpec } from './dataSetSpecs.ts';
import { constantSpec, indicatorSpec, indicatorTypeSpec, validationRuleSpec } from './indicatorSpecs.ts';
import { attributeSpec, organisationUnitGroupSetSpec, organisationUnitGroupSpec, organisationUnitLevelSpec, organisationUnitSpec } from './orgUnitSpecs.ts';
import { goalSpec, observationSpec, populationSpec, resultIndicatorSpec, resultSpec, targetSpec } from './resultsSpecs.ts';
import type { CollectionSpec } from './spec.ts';

export function collectionSpecs(): { [C in Collection]: CollectionSpec<C> } {
  return {
    attributes: attributeSpec,
    organisationUnitLevels: organisationUnitLevelSpec,
    organisationUnits: organisationUnitSpec(),
    organisationUnitGroups: organisationUnitGroupSpec,
    organisationUnitGroupSets: organisationUnitGroupSetSpec,
    categoryOptions: categoryOptionSpec,
    categories: categorySpec,
    categoryCombos: categoryComboSpec,
    categoryOptionCombos: categoryOptionComboSpec(),
    dataElements: dataElementSpec,
    dataSets: dataSetSpec,
    sections: sectionSpec,
    indicatorTypes: indicatorTypeSpec,
    indicators: indicatorSpec,
    constants: constantSpec,
    validationRules: validationRuleSpec,
    population: populationSpec,
    goals: goalSpec,
    results: resultSpec,
    resultIndicators: resultIndicatorSpec,
    targets: targetSpec,
    observations: observationSpec,
  };
}
