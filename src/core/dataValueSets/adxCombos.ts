// ADX disaggregation: instead of a category option combo, a data value (or a group, for the
// attribute combo) names one option per category, as XML attributes `CATEGORY="OPTION"`
// (IHE QRPH ADX; DHIS2 AdxDataService.convertAttributesToDxf). The category is identified by
// the import's category id scheme, the option by its category option id scheme (both code by
// default), and the combo is the one whose options are exactly those named.
import { conflict, type DataValueConflict } from './conflicts.ts';
import { optionsKey, type CategoryOptionComboMeta, type MetadataIndex } from './importMetadata.ts';

const CODES = {
  category: { missing: 'ADX_CATEGORY_MISSING', unknown: 'ADX_CATEGORY_UNKNOWN', option: 'ADX_CATEGORY_OPTION_UNKNOWN', combo: 'E7613' },
  attribute: { missing: 'ADX_ATTRIBUTE_CATEGORY_MISSING', unknown: 'ADX_ATTRIBUTE_CATEGORY_UNKNOWN', option: 'ADX_ATTRIBUTE_OPTION_UNKNOWN', combo: 'E7615' },
} as const;

export function resolveAdxCombo(
  index: MetadataIndex,
  categoryComboId: number,
  named: Record<string, string>,
  kind: 'category' | 'attribute',
  at: { index: number; row: number },
): CategoryOptionComboMeta | DataValueConflict {
  const codes = CODES[kind];
  const combo = index.categoryComboById.get(categoryComboId)!;
  const defaultCombo = index.optionComboById.get(index.defaultCategoryOptionComboId)!;
  if (combo.id === defaultCombo.categoryComboId) {
    const extra = Object.keys(named)[0];
    return extra === undefined ? defaultCombo : conflict(codes.unknown, at, extra, { combo: combo.code ?? combo.uid });
  }
  const chosen = new Map<number, number>();
  for (const [attribute, optionRef] of Object.entries(named)) {
    const category = index.category.get(attribute);
    if (!category || !combo.categoryIds.includes(category.id)) {
      return conflict(codes.unknown, at, attribute, { combo: combo.code ?? combo.uid });
    }
    const option = index.categoryOption.get(optionRef);
    if (!option || !category.optionIds.includes(option.id)) return conflict(codes.option, at, optionRef, { category: attribute });
    chosen.set(category.id, option.id);
  }
  for (const categoryId of combo.categoryIds) {
    if (!chosen.has(categoryId)) {
      const category = index.categoryById.get(categoryId)!;
      return conflict(codes.missing, at, category.code ?? category.uid, { combo: combo.code ?? combo.uid });
    }
  }
  const optionCombo = index.optionComboByOptions.get(combo.id)?.get(optionsKey([...chosen.values()]));
  return optionCombo ?? conflict(codes.combo, at, Object.values(named).join(', '));
}
