// Writing a parsed expression back out: formatExpression gives canonical DHIS2 syntax (which
// parses back to the same tree), describe gives the text people read, with names in place of
// codes, like DHIS2's expression descriptions (ExpressionService.getExpressionDescription).
import { dataItemKey, type Expression, type ExpressionNode } from './ast.ts';

export type ReferenceKind = 'dataElement' | 'categoryOptionCombo' | 'attributeOptionCombo' | 'indicator' | 'constant' | 'orgUnitGroup';

/** The display name of a referenced object, or undefined to show its code. */
export type NameLookup = (kind: ReferenceKind, code: string) => string | undefined;

// Binding strength, from the grammar's precedence (Expression.g4).
const PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '>': 4,
  '<=': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};
const UNARY = 7;
const POWER = 8;
const ATOM = 9;

const precedenceOf = (node: ExpressionNode) =>
  node.kind === 'binary' ? (node.operator === '^' ? POWER : PRECEDENCE[node.operator]!) : node.kind === 'unary' ? UNARY : ATOM;

type ItemNode = Extract<ExpressionNode, { kind: 'dataItem' | 'indicator' | 'constant' | 'orgUnitGroup' }>;

function write(node: ExpressionNode, item: (node: ItemNode) => string): string {
  const child = (operand: ExpressionNode, minimum: number) => {
    const written = write(operand, item);
    return precedenceOf(operand) < minimum ? `(${written})` : written;
  };
  switch (node.kind) {
    case 'dataItem':
    case 'indicator':
    case 'constant':
    case 'orgUnitGroup':
      return item(node);
    case 'number':
    case 'boolean':
      return String(node.value);
    case 'unary':
      return `${node.operator}${child(node.operand, UNARY)}`;
    case 'binary': {
      const own = precedenceOf(node);
      // Left-associative operators need parentheses around an equal right operand, `^`
      // (right-associative) around an equal left one.
      const [leftMin, rightMin] = node.operator === '^' ? [own + 1, own] : [own, own + 1];
      return `${child(node.left, leftMin)} ${node.operator} ${child(node.right, rightMin)}`;
    }
    case 'call':
      return `${node.name}(${node.args.map((arg) => write(arg, item)).join(', ')})`;
  }
}

/** Canonical DHIS2 syntax: `#{de.coc} + C{k} * 2`. */
export function formatExpression(expression: Expression): string {
  return write(expression.root, (node) => {
    switch (node.kind) {
      case 'dataItem':
        return `#{${dataItemKey(node.item)}}`;
      case 'indicator':
        return `N{${node.indicator}}`;
      case 'constant':
        return `C{${node.constant}}`;
      case 'orgUnitGroup':
        return `OUG{${node.orgUnitGroup}}`;
    }
  });
}

/**
 * Human-readable form: data items as `Penta 3 (< 1 an, UNICEF)`, other references by name,
 * operators and functions as written. Unknown names show the code.
 */
export function describe(expression: Expression, names: NameLookup): string {
  const name = (kind: ReferenceKind, code: string) => names(kind, code) ?? code;
  return write(expression.root, (node) => {
    switch (node.kind) {
      case 'dataItem': {
        const { dataElement, categoryOptionCombo, attributeOptionCombo } = node.item;
        const combos = [
          categoryOptionCombo === undefined ? (attributeOptionCombo === undefined ? undefined : '*') : name('categoryOptionCombo', categoryOptionCombo),
          attributeOptionCombo === undefined ? undefined : name('attributeOptionCombo', attributeOptionCombo),
        ].filter((c) => c !== undefined);
        return `${name('dataElement', dataElement)}${combos.length ? ` (${combos.join(', ')})` : ''}`;
      }
      case 'indicator':
        return name('indicator', node.indicator);
      case 'constant':
        return name('constant', node.constant);
      case 'orgUnitGroup':
        return name('orgUnitGroup', node.orgUnitGroup);
    }
  });
}
