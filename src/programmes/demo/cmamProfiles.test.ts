// The demo fills the CMAM monthly report as a site would: every consistency rule of the package
// holds in every month, and the performance is what the demo promises (cure around 80 %).
import { describe, expect, it } from 'vitest';
import { demoDataValues, type DemoDataSet, type DemoUnit } from '../../core/demo/demoDataValues.ts';
import { evaluate } from '../../core/expression/evaluate.ts';
import { parseExpression } from '../../core/expression/parseExpression.ts';
import { isViolation } from '../../store/analytics/validationRun.ts';
import { nutrition } from '../nutrition/index.ts';
import { indicatorOf } from '../testIndicators.ts';
import { demoProfiles } from './profiles.ts';

const metadata = nutrition.metadata;
const categories = new Map(metadata.categories!.map((c) => [c.code, c.categoryOptions.map((o) => o.code)]));
const combos = new Map(metadata.categoryCombos!.map((c) => [c.code, c.categories.map((ref) => categories.get(ref.code)!)]));

/** The monthly data set as the seed reads it: every element with its option combos. */
const cmamMonthly: DemoDataSet = {
  code: 'NUT_CMAM_MONTHLY',
  periodType: 'Monthly',
  elements: metadata.dataSets![0]!.dataSetElements.map(({ dataElement }) => {
    const element = metadata.dataElements!.find((e) => e.code === dataElement.code)!;
    const lists = combos.get(element.categoryCombo.code) ?? [];
    const product = lists.reduce<string[][]>((rows, options) => rows.flatMap((row) => options.map((option) => [...row, option])), [[]]);
    return {
      code: element.code,
      categories: lists,
      optionCombos: lists.length ? product.map((options) => ({ code: options.join('_'), options })) : [{ code: 'default', options: ['default'] }],
    };
  }),
};

// A health area of 20,000 people, 3,400 under 5.
const site: DemoUnit = { code: 'SITE', performance: 1, population: () => ({ total: 20_000, births: 900, under5: 3_400 }) };
const values = [...demoDataValues(cmamMonthly, [site], demoProfiles, { firstYear: 2024, lastMonth: '202512', seed: 11 })];
const months = [...new Set(values.map((v) => v.period))];
const month = (period: string) =>
  Object.fromEntries(values.filter((v) => v.period === period).map((v) => [v.categoryOptionCombo === 'default' ? v.dataElement : `${v.dataElement}.${v.categoryOptionCombo}`, v.value]));

describe('CMAM demo values', () => {
  it('fill every element of the monthly report', () => {
    expect(new Set(values.map((v) => v.dataElement))).toEqual(new Set(cmamMonthly.elements.map((e) => e.code)));
  });

  it('pass every validation rule of the package in every month', () => {
    for (const period of months) {
      const cells = month(period);
      const lookup = {
        dataItem: ({ dataElement, categoryOptionCombo }: { dataElement: string; categoryOptionCombo?: string }) =>
          categoryOptionCombo === undefined ? cells[dataElement] : cells[`${dataElement}.${categoryOptionCombo}`],
      };
      for (const rule of metadata.validationRules!) {
        const side = (text: string) => {
          const value = evaluate(parseExpression(text), lookup, 'SKIP_IF_ALL_VALUES_MISSING');
          return typeof value === 'number' ? value : undefined;
        };
        expect({ period, rule: rule.code, violated: isViolation(rule.operator, side(rule.leftSide.expression), side(rule.rightSide.expression)) }).toEqual({
          period,
          rule: rule.code,
          violated: false,
        });
      }
    }
  });

  it('give a cure rate between 75 and 90 % and plausible averages over the two years', () => {
    const all: Record<string, number> = {};
    for (const v of values) {
      const key = v.categoryOptionCombo === 'default' ? v.dataElement : `${v.dataElement}.${v.categoryOptionCombo}`;
      all[key] = (all[key] ?? 0) + v.value;
    }
    expect(indicatorOf('NUT_SAM_CURED_RATE', all)).toBeGreaterThan(75);
    expect(indicatorOf('NUT_SAM_CURED_RATE', all)).toBeLessThan(90);
    expect(indicatorOf('NUT_MAM_CURED_RATE', all)).toBeGreaterThan(75);
    expect(indicatorOf('NUT_SAM_AVERAGE_LENGTH_OF_STAY', all)).toBeGreaterThan(20);
    expect(indicatorOf('NUT_SAM_AVERAGE_LENGTH_OF_STAY', all)).toBeLessThan(60);
    expect(indicatorOf('NUT_SAM_AVERAGE_WEIGHT_GAIN', all)).toBeGreaterThan(4);
    expect(indicatorOf('NUT_SAM_AVERAGE_WEIGHT_GAIN', all)).toBeLessThan(12);
  });
});
