import { describe as group, expect, it } from 'vitest';
import { describe, formatExpression, type NameLookup } from './formatExpression.ts';
import { parseExpression } from './parseExpression.ts';

const canonical = (text: string) => formatExpression(parseExpression(text));

group('formatExpression writes canonical DHIS2 syntax', () => {
  it.each([
    ['#{a}+#{b.c}*2', '#{a} + #{b.c} * 2'],
    ['(#{a}+#{b})*2', '(#{a} + #{b}) * 2'],
    ['#{a.*}  -  #{a.b.*}', '#{a} - #{a.b}'],
    ['#{a.*.c}', '#{a.*.c}'],
    ['2-(3-4)', '2 - (3 - 4)'],
    ['(2-3)-4', '2 - 3 - 4'],
    ['2^(3^2)', '2 ^ 3 ^ 2'],
    ['(2^3)^2', '(2 ^ 3) ^ 2'],
    ['(-2)^2', '(-2) ^ 2'],
    ['-(2^2)', '-2 ^ 2'],
    ['if(isNull(#{a}),0,#{a}/C{k})', 'if(isNull(#{a}), 0, #{a} / C{k})'],
    ['true and not false or N{i}>=OUG{g}', 'true && !false || N{i} >= OUG{g}'],
    ['1.50', '1.5'],
  ])('%s → %s', (text, expected) => {
    expect(canonical(text)).toBe(expected);
    expect(canonical(expected)).toBe(expected);
  });
});

group('describe puts names in place of codes', () => {
  const catalogue: Record<string, string> = {
    'dataElement:PENTA3': 'Penta 3',
    'dataElement:POP': 'Population',
    'categoryOptionCombo:LT1': '< 1 an',
    'attributeOptionCombo:UNICEF': 'UNICEF',
    'constant:FACTOR': 'Facteur',
    'orgUnitGroup:CSCOM': 'CSCom',
  };
  const names: NameLookup = (kind, code) => catalogue[`${kind}:${code}`];

  it('like ExpressionServiceTest.testGetExpressionDescription, with combos in parentheses', () => {
    expect(describe(parseExpression('( #{PENTA3.LT1} - #{PENTA3.*.UNICEF} ) / #{POP} ^ C{FACTOR}'), names)).toBe(
      '(Penta 3 (< 1 an) - Penta 3 (*, UNICEF)) / Population ^ Facteur',
    );
    expect(describe(parseExpression('#{PENTA3.LT1.UNICEF} / OUG{CSCOM}'), names)).toBe('Penta 3 (< 1 an, UNICEF) / CSCom');
  });
  it('shows the code when a name is unknown', () => {
    expect(describe(parseExpression('N{IND_X} + #{DE_X}'), names)).toBe('IND_X + DE_X');
  });
});
