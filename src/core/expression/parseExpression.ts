// Parser of DHIS2 indicator and validation-rule expressions, following the grammar of
// dhis2/dhis2-antlr-expression-parser (src/main/antlr4/.../Expression.g4): the same
// operators with the same precedence, the same number literals, the same function syntax
// (a function name is immediately followed by its parenthesis: `if(`).
//
// Supported: numbers; `true` / `false`; `#{de}`, `#{de.coc}`, `#{de.coc.aoc}`, `#{de.*.aoc}`,
// `#{de.coc.*}`; `N{indicator}`; `C{constant}`; `OUG{orgUnitGroup}`; `+ - * / % ^`, unary
// `- + !`; comparisons `== != < <= > >=`; `&& ||` (also `and`, `or`, `not`); parentheses;
// if(), isNull(), isNotNull(), firstNonNull(), greatest(), least().
// Identifiers are codes (any characters except `}` and `.`) or DHIS2 UIDs.
// Not supported (rejected with a clear error): string literals, `[days]`, `D{}`, `A{}`, `I{}`,
// `R{}`, aggregation and d2: functions, log(), removeZeros(), `.periodOffset()` and the other
// item modifiers.
//
// Types are checked while parsing, as DHIS2 2.39+ does (ExpressionServiceTest.testBadExpressions:
// `1 && true`, `!5` and `true / 2` are errors), so a mistake such as `#{a} + (#{b} > 0)` is
// reported with its position before any data is read. Errors are DenwError with a 1-based
// `position`.
import { DenwError } from '../errors.ts';
import type { BinaryOperator, DataItemRef, Expression, ExpressionNode, FunctionName, ValueType } from './ast.ts';

interface Token {
  kind: 'number' | 'boolean' | 'item' | 'function' | 'operator' | 'punctuation' | 'end';
  text: string;
  offset: number;
  value?: number | boolean;
  node?: ExpressionNode;
}

const NUMBER = /(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?/y;
const WORD = /[a-zA-Z_][a-zA-Z0-9_]*/y;
const TWO_CHAR_OPERATORS = new Set(['<=', '>=', '==', '!=', '&&', '||']);
const ONE_CHAR_OPERATORS = new Set(['^', '*', '/', '%', '+', '-', '<', '>', '!']);
const WORD_OPERATORS: Record<string, string> = { and: '&&', or: '||', not: '!' };
const FUNCTIONS: Record<FunctionName, { min: number; max: number }> = {
  if: { min: 3, max: 3 },
  isNull: { min: 1, max: 1 },
  isNotNull: { min: 1, max: 1 },
  firstNonNull: { min: 1, max: Infinity },
  greatest: { min: 1, max: Infinity },
  least: { min: 1, max: Infinity },
};
const ITEM_OPENERS = ['#{', 'N{', 'C{', 'OUG{'] as const;
const MAX_DEPTH = 200;

const position = (offset: number) => offset + 1;

function itemNode(opener: (typeof ITEM_OPENERS)[number], content: string, offset: number): ExpressionNode | undefined {
  const parts = content.split('.');
  if (parts.some((part) => part === '')) return undefined;
  if (opener !== '#{') {
    if (parts.length !== 1 || content === '*') return undefined;
    if (opener === 'N{') return { kind: 'indicator', indicator: content, offset };
    if (opener === 'C{') return { kind: 'constant', constant: content, offset };
    return { kind: 'orgUnitGroup', orgUnitGroup: content, offset };
  }
  const [dataElement = '', categoryOptionCombo, attributeOptionCombo] = parts;
  if (parts.length > 3 || dataElement === '*') return undefined;
  const item: DataItemRef = { dataElement };
  if (categoryOptionCombo !== undefined && categoryOptionCombo !== '*') item.categoryOptionCombo = categoryOptionCombo;
  if (attributeOptionCombo !== undefined && attributeOptionCombo !== '*') item.attributeOptionCombo = attributeOptionCombo;
  return { kind: 'dataItem', item, offset };
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at]!;
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      at++;
      continue;
    }
    const opener = ITEM_OPENERS.find((o) => text.startsWith(o, at));
    if (opener) {
      const close = text.indexOf('}', at + opener.length);
      const node = close === -1 ? undefined : itemNode(opener, text.slice(at + opener.length, close), at);
      const itemText = close === -1 ? text.slice(at) : text.slice(at, close + 1);
      if (!node) throw new DenwError('EXPRESSION_ITEM_INVALID', { position: position(at), item: itemText });
      tokens.push({ kind: 'item', text: itemText, offset: at, node });
      at = close + 1;
      continue;
    }
    NUMBER.lastIndex = at;
    WORD.lastIndex = at;
    const number = NUMBER.exec(text);
    const word = number ? null : WORD.exec(text);
    if (number) {
      tokens.push({ kind: 'number', text: number[0], offset: at, value: Number(number[0]) });
      at += number[0].length;
    } else if (word) {
      const name = word[0];
      if (text[at + name.length] === '(') {
        if (!Object.hasOwn(FUNCTIONS, name)) throw new DenwError('EXPRESSION_UNKNOWN_FUNCTION', { position: position(at), name });
        tokens.push({ kind: 'function', text: name, offset: at });
        at += name.length + 1;
      } else if (name === 'true' || name === 'false') {
        tokens.push({ kind: 'boolean', text: name, offset: at, value: name === 'true' });
        at += name.length;
      } else if (Object.hasOwn(WORD_OPERATORS, name)) {
        tokens.push({ kind: 'operator', text: WORD_OPERATORS[name]!, offset: at });
        at += name.length;
      } else {
        const found = text[at + name.length] === '{' ? `${name}{` : name;
        throw new DenwError('EXPRESSION_UNEXPECTED', { position: position(at), found });
      }
    } else if (TWO_CHAR_OPERATORS.has(text.slice(at, at + 2))) {
      tokens.push({ kind: 'operator', text: text.slice(at, at + 2), offset: at });
      at += 2;
    } else if (ONE_CHAR_OPERATORS.has(char)) {
      tokens.push({ kind: 'operator', text: char, offset: at });
      at++;
    } else if (char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: 'punctuation', text: char, offset: at });
      at++;
    } else {
      throw new DenwError('EXPRESSION_UNEXPECTED', { position: position(at), found: String.fromCodePoint(text.codePointAt(at)!) });
    }
  }
  tokens.push({ kind: 'end', text: '', offset: text.length });
  return tokens;
}

interface Typed {
  node: ExpressionNode;
  type: ValueType;
  depth: number;
}

// Binary operators from the loosest to the tightest binding (Expression.g4 order); `^` and
// the unary operators bind tighter still and are parsed apart.
const LEVELS: BinaryOperator[][] = [['||'], ['&&'], ['==', '!='], ['<', '>', '<=', '>='], ['+', '-'], ['*', '/', '%']];

class Parser {
  private index = 0;
  // Nesting of parentheses, function calls and prefix operators, bounded so that no input can
  // exhaust the call stack.
  private nesting = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Typed {
    const result = this.level(0);
    const token = this.peek();
    if (token.kind !== 'end') this.unexpected(token);
    return result;
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private unexpected(token: Token): never {
    if (token.kind === 'end') throw new DenwError('EXPRESSION_UNEXPECTED_END', { position: position(token.offset) });
    throw new DenwError('EXPRESSION_UNEXPECTED', { position: position(token.offset), found: token.text });
  }

  private expect(text: string): void {
    const token = this.peek();
    if (token.text !== text || (token.kind !== 'punctuation' && token.kind !== 'operator')) this.unexpected(token);
    this.index++;
  }

  private make(node: ExpressionNode, type: ValueType, ...children: Typed[]): Typed {
    const depth = 1 + Math.max(0, ...children.map((c) => c.depth));
    if (depth > MAX_DEPTH) throw new DenwError('EXPRESSION_TOO_DEEP', { position: position(node.offset) });
    return { node, type, depth };
  }

  private level(k: number): Typed {
    if (k === LEVELS.length) return this.unary();
    let left = this.level(k + 1);
    for (let token = this.peek(); token.kind === 'operator' && LEVELS[k]!.includes(token.text as BinaryOperator); token = this.peek()) {
      this.index++;
      const operator = token.text as BinaryOperator;
      const right = this.level(k + 1);
      left = this.binary(operator, left, right, token.offset);
    }
    return left;
  }

  private binary(operator: BinaryOperator, left: Typed, right: Typed, offset: number): Typed {
    const node: ExpressionNode = { kind: 'binary', operator, left: left.node, right: right.node, offset: left.node.offset };
    if (operator === '&&' || operator === '||') {
      requireType(left, 'boolean');
      requireType(right, 'boolean');
      return this.make(node, 'boolean', left, right);
    }
    if (['==', '!=', '<', '>', '<=', '>='].includes(operator)) {
      if (left.type !== right.type) throw new DenwError('EXPRESSION_MIXED_TYPES', { position: position(offset) });
      return this.make(node, 'boolean', left, right);
    }
    requireType(left, 'number');
    requireType(right, 'number');
    return this.make(node, 'number', left, right);
  }

  private unary(): Typed {
    const token = this.peek();
    if (token.kind === 'operator' && (token.text === '-' || token.text === '+' || token.text === '!')) {
      this.index++;
      const operand = this.nested(() => this.unary());
      const node: ExpressionNode = { kind: 'unary', operator: token.text, operand: operand.node, offset: token.offset };
      const type = token.text === '!' ? 'boolean' : 'number';
      requireType(operand, type);
      return this.make(node, type, operand);
    }
    const base = this.primary();
    const caret = this.peek();
    if (caret.kind !== 'operator' || caret.text !== '^') return base;
    this.index++;
    // `^` is right-associative and binds tighter than unary minus: -2^2 is -(2^2), 2^-2 is 2^(-2).
    return this.binary('^', base, this.nested(() => this.unary()), caret.offset);
  }

  private primary(): Typed {
    const token = this.peek();
    this.index++;
    switch (token.kind) {
      case 'number':
        return this.make({ kind: 'number', value: token.value as number, offset: token.offset }, 'number');
      case 'boolean':
        return this.make({ kind: 'boolean', value: token.value as boolean, offset: token.offset }, 'boolean');
      case 'item':
        return this.make(token.node!, 'number');
      case 'function':
        return this.call(token);
      case 'punctuation':
        if (token.text === '(') {
          const inner = this.nested(() => this.level(0));
          this.expect(')');
          return inner;
        }
        break;
      default:
        break;
    }
    return this.unexpected(token);
  }

  private nested(parse: () => Typed): Typed {
    if (++this.nesting > MAX_DEPTH) throw new DenwError('EXPRESSION_TOO_DEEP', { position: position(this.peek().offset) });
    const result = parse();
    this.nesting--;
    return result;
  }

  private call(token: Token): Typed {
    const name = token.text as FunctionName;
    const argument = () => this.nested(() => this.level(0));
    const args: Typed[] = [argument()];
    while (this.peek().text === ',' && this.peek().kind === 'punctuation') {
      this.index++;
      args.push(argument());
    }
    this.expect(')');
    const { min, max } = FUNCTIONS[name];
    if (args.length < min || args.length > max) {
      throw new DenwError('EXPRESSION_ARGUMENT_COUNT', { position: position(token.offset), name, given: args.length });
    }
    const node: ExpressionNode = { kind: 'call', name, args: args.map((a) => a.node), offset: token.offset };
    if (name === 'isNull' || name === 'isNotNull') return this.make(node, 'boolean', ...args);
    if (name === 'if') {
      const [condition, whenTrue, whenFalse] = args as [Typed, Typed, Typed];
      requireType(condition, 'boolean');
      if (whenTrue.type !== whenFalse.type) throw new DenwError('EXPRESSION_MIXED_TYPES', { position: position(whenFalse.node.offset) });
      return this.make(node, whenTrue.type, ...args);
    }
    for (const arg of args) requireType(arg, 'number');
    return this.make(node, 'number', ...args);
  }
}

function requireType(operand: Typed, type: ValueType): void {
  if (operand.type === type) return;
  const code = type === 'number' ? 'EXPRESSION_EXPECTS_NUMBER' : 'EXPRESSION_EXPECTS_BOOLEAN';
  throw new DenwError(code, { position: position(operand.node.offset) });
}

/**
 * Parses an expression. Throws a DenwError naming the 1-based position of the problem:
 * EXPRESSION_EMPTY, EXPRESSION_UNEXPECTED, EXPRESSION_UNEXPECTED_END, EXPRESSION_ITEM_INVALID,
 * EXPRESSION_UNKNOWN_FUNCTION, EXPRESSION_ARGUMENT_COUNT, EXPRESSION_EXPECTS_NUMBER,
 * EXPRESSION_EXPECTS_BOOLEAN, EXPRESSION_MIXED_TYPES, EXPRESSION_TOO_DEEP.
 */
export function parseExpression(text: string): Expression {
  if (typeof text !== 'string' || text.trim() === '') throw new DenwError('EXPRESSION_EMPTY', {});
  const { node, type } = new Parser(tokenize(text)).parse();
  return { root: node, valueType: type };
}
