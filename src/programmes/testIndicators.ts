// Test helper: the value of a package indicator for one org unit and period, computed by the
// real expression engine from values given as `DE.COC` (or `DE` for an undisaggregated
// element). A data element total is the sum of its option combos, as analytics adds them.
import { indicatorValue } from '../core/expression/evaluate.ts';
import { parseExpression } from '../core/expression/parseExpression.ts';
import type { Indicator, ProgrammePackage } from '../core/programmePackage.ts';
import { programmePackages } from './index.ts';

const indicators = new Map<string, Indicator>(programmePackages.flatMap((pkg) => pkg.metadata.indicators ?? []).map((item) => [item.code, item]));
const factors = new Map(programmePackages.flatMap((pkg) => pkg.metadata.indicatorTypes ?? []).map((type) => [type.code, type.factor]));

export function indicatorOf(code: string, values: Readonly<Record<string, number>>): number | null {
  const indicator = indicators.get(code);
  if (!indicator) throw new Error(`no indicator ${code}`);
  const lookup = {
    dataItem: ({ dataElement, categoryOptionCombo }: { dataElement: string; categoryOptionCombo?: string }) => {
      if (categoryOptionCombo !== undefined) return values[`${dataElement}.${categoryOptionCombo}`];
      const parts = Object.entries(values).filter(([key]) => key === dataElement || key.startsWith(`${dataElement}.`));
      return parts.length ? parts.reduce((total, [, value]) => total + value, 0) : undefined;
    },
    indicator: (other: string) => indicatorOf(other, values),
  };
  return indicatorValue(parseExpression(indicator.numerator), parseExpression(indicator.denominator), factors.get(indicator.indicatorType.code)!, lookup);
}
