// The syntax tree of a DHIS2 indicator / validation-rule expression (parseExpression.ts builds
// it) and the list of metadata it refers to.

export type ValueType = 'number' | 'boolean';

export type BinaryOperator = '^' | '*' | '/' | '%' | '+' | '-' | '<' | '>' | '<=' | '>=' | '==' | '!=' | '&&' | '||';
export type UnaryOperator = '-' | '+' | '!';
export type FunctionName = 'if' | 'isNull' | 'isNotNull' | 'firstNonNull' | 'greatest' | 'least';

/**
 * A data element reference: `#{de}` (total over all disaggregations), `#{de.coc}`,
 * `#{de.coc.aoc}`, `#{de.*.aoc}`. An absent combo means "all of them".
 */
export interface DataItemRef {
  dataElement: string;
  categoryOptionCombo?: string;
  attributeOptionCombo?: string;
}

interface At {
  /** 0-based offset in the expression text of the node's first character. */
  offset: number;
}

export type ExpressionNode =
  | (At & { kind: 'number'; value: number })
  | (At & { kind: 'boolean'; value: boolean })
  | (At & { kind: 'dataItem'; item: DataItemRef })
  | (At & { kind: 'indicator'; indicator: string })
  | (At & { kind: 'constant'; constant: string })
  | (At & { kind: 'orgUnitGroup'; orgUnitGroup: string })
  | (At & { kind: 'unary'; operator: UnaryOperator; operand: ExpressionNode })
  | (At & { kind: 'binary'; operator: BinaryOperator; left: ExpressionNode; right: ExpressionNode })
  | (At & { kind: 'call'; name: FunctionName; args: ExpressionNode[] });

export interface Expression {
  root: ExpressionNode;
  /** What the expression yields: indicator numerators and validation-rule sides need 'number'. */
  valueType: ValueType;
}

/** A DHIS2 UID: a letter then 10 letters or digits (dhis2-core CodeGenerator). */
export const isUid = (id: string) => /^[a-zA-Z][a-zA-Z0-9]{10}$/.test(id);

/** The key under which a lookup can store the value of a data item: `de`, `de.coc`, `de.coc.aoc`, `de.*.aoc`. */
export function dataItemKey(item: DataItemRef): string {
  const { dataElement, categoryOptionCombo, attributeOptionCombo } = item;
  if (attributeOptionCombo !== undefined) return `${dataElement}.${categoryOptionCombo ?? '*'}.${attributeOptionCombo}`;
  return categoryOptionCombo !== undefined ? `${dataElement}.${categoryOptionCombo}` : dataElement;
}

export interface ExpressionItems {
  /** Distinct data items, in order of first appearance. */
  dataItems: DataItemRef[];
  dataElements: string[];
  categoryOptionCombos: string[];
  attributeOptionCombos: string[];
  indicators: string[];
  constants: string[];
  orgUnitGroups: string[];
}

/** Everything an expression refers to, each list without duplicates, in order of appearance. */
export function itemsOf(expression: Expression | ExpressionNode): ExpressionItems {
  const sets = {
    dataItems: new Map<string, DataItemRef>(),
    dataElements: new Set<string>(),
    categoryOptionCombos: new Set<string>(),
    attributeOptionCombos: new Set<string>(),
    indicators: new Set<string>(),
    constants: new Set<string>(),
    orgUnitGroups: new Set<string>(),
  };
  const visit = (node: ExpressionNode): void => {
    switch (node.kind) {
      case 'dataItem': {
        const { item } = node;
        sets.dataItems.set(dataItemKey(item), item);
        sets.dataElements.add(item.dataElement);
        if (item.categoryOptionCombo !== undefined) sets.categoryOptionCombos.add(item.categoryOptionCombo);
        if (item.attributeOptionCombo !== undefined) sets.attributeOptionCombos.add(item.attributeOptionCombo);
        return;
      }
      case 'indicator':
        sets.indicators.add(node.indicator);
        return;
      case 'constant':
        sets.constants.add(node.constant);
        return;
      case 'orgUnitGroup':
        sets.orgUnitGroups.add(node.orgUnitGroup);
        return;
      case 'unary':
        return visit(node.operand);
      case 'binary':
        visit(node.left);
        return visit(node.right);
      case 'call':
        return node.args.forEach(visit);
      default:
        return;
    }
  };
  visit('root' in expression ? expression.root : expression);
  return {
    dataItems: [...sets.dataItems.values()],
    dataElements: [...sets.dataElements],
    categoryOptionCombos: [...sets.categoryOptionCombos],
    attributeOptionCombos: [...sets.attributeOptionCombos],
    indicators: [...sets.indicators],
    constants: [...sets.constants],
    orgUnitGroups: [...sets.orgUnitGroups],
  };
}
