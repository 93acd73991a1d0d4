import { describe, expect, it } from 'vitest';
import { catalogues } from '../../../core/i18n.ts';
import { AGGREGATION_TYPES, VALUE_TYPES } from '../../../core/metadata/collections.ts';
import { PERIOD_TYPE_NAMES } from '../../../core/periods/periodTypes.ts';

describe('metadata browser labels', () => {
  it('names every value type, aggregation type and period type Denw accepts, in French and English', () => {
    const keys = [
      ...VALUE_TYPES.map((type) => `web.valueType.${type}`),
      ...AGGREGATION_TYPES.map((type) => `web.aggregationType.${type}`),
      ...PERIOD_TYPE_NAMES.map((type) => `web.periodType.${type}`),
    ];
    expect(keys.filter((key) => !catalogues.fr[key])).toEqual([]);
    expect(keys.filter((key) => !catalogues.en[key])).toEqual([]);
  });
});
