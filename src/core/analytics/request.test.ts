// Reading analytics requests written as in the DHIS2 Web API documentation (docs.dhis2.org,
// Developer guide → Analytics: "Dimensions and items", "Request query parameters").
import { describe, expect, it } from 'vitest';
import { parseAnalyticsRequest, type ParsedRequest } from './request.ts';

const problemsOf = (parsed: ParsedRequest) => (parsed.ok ? [] : parsed.problems.map((p) => [p.parameter, p.code]));

describe('parseAnalyticsRequest', () => {
  it('reads dimensions in order, filters apart, and the DHIS2 defaults', () => {
    const parsed = parseAnalyticsRequest({
      dimension: ['dx:PENTA1;PENTA3.F;PENTA_DROPOUT', 'ou:ML01;LEVEL-3;OU_GROUP-CSCOM;USER_ORGUNIT_CHILDREN', 'co'],
      filter: 'pe:2024Q1;LAST_12_MONTHS',
    });
    expect(parsed).toEqual({
      ok: true,
      request: {
        dimensions: [
          { dimension: 'dx', parameter: 'dimension[0]', items: [{ id: 'PENTA1' }, { id: 'PENTA3', categoryOptionCombo: 'F' }, { id: 'PENTA_DROPOUT' }] },
          {
            dimension: 'ou',
            parameter: 'dimension[1]',
            items: [{ kind: 'orgUnit', id: 'ML01' }, { kind: 'level', level: '3' }, { kind: 'group', group: 'CSCOM' }, { kind: 'user', depth: 1 }],
          },
          { dimension: 'co', parameter: 'dimension[2]', items: [] },
        ],
        filters: [{ dimension: 'pe', parameter: 'filter', items: ['2024Q1', 'LAST_12_MONTHS'] }],
        outputIdScheme: 'CODE',
        displayProperty: 'NAME',
        skipMeta: false,
        skipRounding: false,
      },
    });
  });

  it('accepts every period form DHIS2 accepts, and relativePeriodDate', () => {
    const parsed = parseAnalyticsRequest({
      dimension: ['dx:A', 'pe:2024;2024Q1;202401;2024-01;2024W5;20240115;2024BiW1;THIS_YEAR;LAST_5_YEARS', 'ou:ML'],
      relativePeriodDate: '2024-06-30',
      outputIdScheme: 'UID',
      skipMeta: 'true',
    });
    expect(parsed.ok && parsed.request.relativePeriodDate).toBe('2024-06-30');
    expect(parsed.ok && parsed.request.outputIdScheme).toBe('UID');
  });

  it('names the parameter of every problem', () => {
    expect(problemsOf(parseAnalyticsRequest({ dimension: ['dx:A', 'pe:2024Q5;LAST_13_MONTHS', 'xx:1'], filter: 'ou:ML;LEVEL-' }))).toEqual([
      ['dimension[1]', 'ANALYTICS_PERIOD_ITEM_INVALID'],
      ['dimension[1]', 'ANALYTICS_PERIOD_ITEM_INVALID'],
      ['dimension[2]', 'ANALYTICS_DIMENSION_UNKNOWN'],
      ['filter', 'ANALYTICS_ORG_UNIT_ITEM_INVALID'],
    ]);
    expect(problemsOf(parseAnalyticsRequest({ dimension: 'dx:A..B;', filter: ['pe:2024', 'pe:2023'] }))).toEqual([
      ['dimension', 'ANALYTICS_DIMENSION_ITEMS_MISSING'],
      ['filter[1]', 'ANALYTICS_DIMENSION_REPEATED'],
    ]);
    expect(problemsOf(parseAnalyticsRequest({ dimension: 'dx:A.B.C' }))).toEqual([['dimension', 'ANALYTICS_DATA_ITEM_INVALID']]);
    expect(problemsOf(parseAnalyticsRequest({ dimension: ['dx:A', 'ou:ML'] }))).toEqual([['dimension', 'ANALYTICS_DIMENSION_REQUIRED']]);
    expect(problemsOf(parseAnalyticsRequest({ dimension: ['dx:A', 'pe:2024', 'ou:ML'], relativePeriodDate: '2024-02-30', outputIdScheme: 'NAME', limit: '5' }))).toEqual([
      ['limit', 'ANALYTICS_PARAMETER_UNKNOWN'],
      ['outputIdScheme', 'ANALYTICS_PARAMETER_NOT_ONE_OF'],
      ['relativePeriodDate', 'ANALYTICS_DATE_INVALID'],
    ]);
    expect(problemsOf(parseAnalyticsRequest({ dimension: ['dx:A', 'pe:2024', 'ou:ML'], skipMeta: ['true', 'false'] }))).toEqual([
      ['skipMeta', 'ANALYTICS_PARAMETER_REPEATED'],
    ]);
  });
});
