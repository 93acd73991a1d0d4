// Evaluation of a parsed expression against values supplied by the caller, with DHIS2's
// semantics for missing data (dhis2-core DefaultExpressionService.getExpressionValue and the
// functions of dhis2/dhis2-antlr-expression-parser):
// - a data item or indicator with no value counts as 0 in arithmetic, except inside isNull(),
//   isNotNull() and firstNonNull(), which see it as missing;
// - the missing-value strategy then looks at how many items were found and how many had a
//   value: SKIP_IF_ANY_VALUE_MISSING gives no result if any item lacked a value,
//   SKIP_IF_ALL_VALUES_MISSING if every item lacked one, NEVER_SKIP always gives a result;
// - division (or %) by zero gives no result (AntlrOperatorMathDivide returns NaN, which
//   DHIS2 reports as no value), and a comparison with it is false;
// - + - * / are exact decimal operations rounded to 16 significant digits (DHIS2 computes
//   them with BigDecimal and MathContext.DECIMAL64), so 1.3 - 1 is 0.3, not 0.30000000000000004.
import { DenwError } from '../errors.ts';
import type { DataItemRef, Expression, ExpressionNode } from './ast.ts';

export type MissingValueStrategy = 'SKIP_IF_ANY_VALUE_MISSING' | 'SKIP_IF_ALL_VALUES_MISSING' | 'NEVER_SKIP';

/** Where the values come from. A missing value is null or undefined. */
export interface ExpressionLookup {
  /** The (aggregated) value of a data element total or operand. */
  dataItem(item: DataItemRef): number | null | undefined;
  /** The value of another indicator, `N{…}`. */
  indicator?(indicator: string): number | null | undefined;
  /** The value of a constant, `C{…}`; undefined means no such constant. */
  constant?(constant: string): number | undefined;
  /** The number of org units of a group within the org unit evaluated, `OUG{…}`. */
  orgUnitGroupCount?(orgUnitGroup: string): number | undefined;
}

export type ExpressionValue = number | boolean | null;

/** Exact-decimal emulation of DHIS2's BigDecimal arithmetic (see the header). */
const decimal64 = (value: number) => (Number.isFinite(value) ? Number(value.toPrecision(16)) : value);

class Evaluation {
  itemsFound = 0;
  valuesFound = 0;
  // > 0 inside isNull(), isNotNull() and firstNonNull(): missing values stay missing.
  private keepMissing = 0;

  constructor(private readonly lookup: ExpressionLookup) {}

  private item(value: number | null | undefined): number | null {
    this.itemsFound++;
    if (typeof value === 'number') {
      this.valuesFound++;
      return value;
    }
    return this.keepMissing > 0 ? null : 0;
  }

  private reference(value: number | undefined, text: string): number {
    if (value === undefined) throw new DenwError('EXPRESSION_UNKNOWN_REFERENCE', { reference: text });
    return value;
  }

  // The parser has checked the types: these casts only tell TypeScript what it proved.
  private number(node: ExpressionNode): number | null {
    return this.value(node) as number | null;
  }

  private condition(node: ExpressionNode): boolean | null {
    return this.value(node) as boolean | null;
  }

  value(node: ExpressionNode): ExpressionValue {
    switch (node.kind) {
      case 'number':
      case 'boolean':
        return node.value;
      case 'dataItem':
        return this.item(this.lookup.dataItem(node.item));
      case 'indicator':
        return this.item(this.lookup.indicator?.(node.indicator));
      case 'constant':
        return this.reference(this.lookup.constant?.(node.constant), `C{${node.constant}}`);
      case 'orgUnitGroup':
        return this.reference(this.lookup.orgUnitGroupCount?.(node.orgUnitGroup), `OUG{${node.orgUnitGroup}}`);
      case 'unary': {
        if (node.operator === '!') {
          const operand = this.condition(node.operand);
          return operand === null ? null : !operand;
        }
        const operand = this.number(node.operand);
        return operand === null ? null : node.operator === '-' ? -operand : operand;
      }
      case 'binary':
        return this.binary(node.operator, node.left, node.right);
      case 'call':
        return this.call(node.name, node.args);
    }
  }

  private binary(operator: string, leftNode: ExpressionNode, rightNode: ExpressionNode): ExpressionValue {
    if (operator === '&&' || operator === '||') {
      const left = this.condition(leftNode);
      const right = this.condition(rightNode);
      if (left === null || right === null) return null;
      return operator === '&&' ? left && right : left || right;
    }
    const left = this.value(leftNode);
    const right = this.value(rightNode);
    if (left === null || right === null) return null;
    switch (operator) {
      case '==':
        return left === right;
      case '!=':
        return left !== right;
      case '<':
        return left < right;
      case '>':
        return left > right;
      case '<=':
        return left <= right;
      case '>=':
        return left >= right;
    }
    const [a, b] = [left as number, right as number];
    switch (operator) {
      case '+':
        return decimal64(a + b);
      case '-':
        return decimal64(a - b);
      case '*':
        return decimal64(a * b);
      case '/':
        return b === 0 ? Number.NaN : decimal64(a / b);
      case '%':
        return b === 0 ? Number.NaN : decimal64(a % b);
      default:
        return decimal64(a ** b);
    }
  }

  private call(name: string, args: ExpressionNode[]): ExpressionValue {
    switch (name) {
      case 'if': {
        const condition = this.condition(args[0]!);
        return condition === null ? null : this.value(condition ? args[1]! : args[2]!);
      }
      case 'isNull':
      case 'isNotNull': {
        const value = this.keepingMissing(() => this.value(args[0]!));
        return name === 'isNull' ? value === null : value !== null;
      }
      case 'firstNonNull':
        return this.keepingMissing(() => {
          for (const arg of args) {
            const value = this.value(arg);
            if (value !== null) return value;
          }
          return null;
        });
      default: {
        const values = args.map((arg) => this.number(arg)).filter((v): v is number => v !== null);
        if (values.length === 0) return null;
        return name === 'greatest' ? Math.max(...values) : Math.min(...values);
      }
    }
  }

  private keepingMissing<T>(fn: () => T): T {
    this.keepMissing++;
    try {
      return fn();
    } finally {
      this.keepMissing--;
    }
  }
}

/**
 * The value of an expression, or null when it has none (skipped by the missing-value
 * strategy, division by zero, no value to return). Throws EXPRESSION_UNKNOWN_REFERENCE for a
 * constant or org unit group the lookup does not know.
 */
export function evaluate(
  expression: Expression,
  lookup: ExpressionLookup,
  missingValueStrategy: MissingValueStrategy = 'NEVER_SKIP',
): ExpressionValue {
  const evaluation = new Evaluation(lookup);
  const value = evaluation.value(expression.root);
  const { itemsFound, valuesFound } = evaluation;
  if (missingValueStrategy === 'SKIP_IF_ANY_VALUE_MISSING' && valuesFound < itemsFound) return null;
  if (missingValueStrategy !== 'NEVER_SKIP' && itemsFound > 0 && valuesFound === 0) return null;
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

/**
 * An indicator's value: numerator / denominator × factor. As in DHIS2 since 2.33
 * (DefaultExpressionService.getIndicatorValueObject), each side is evaluated with
 * SKIP_IF_ALL_VALUES_MISSING, and there is no value when either side has none or the
 * denominator is 0. Annualisation is left to the caller (it depends on the period).
 */
export function indicatorValue(numerator: Expression, denominator: Expression, factor: number, lookup: ExpressionLookup): number | null {
  const top = evaluate(numerator, lookup, 'SKIP_IF_ALL_VALUES_MISSING');
  const bottom = evaluate(denominator, lookup, 'SKIP_IF_ALL_VALUES_MISSING');
  if (typeof top !== 'number' || typeof bottom !== 'number' || bottom === 0) return null;
  return decimal64((top * factor) / bottom);
}
