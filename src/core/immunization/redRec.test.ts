// RED/REC categories of hand-made districts, from the WHO thresholds (access: Penta1 coverage
// ≥ 80 %; utilisation: dropout < 10 %; WHO RED training handout 5.2.4a, mali-facts.md §2.3).
// Each district's percentages are worked by hand from its doses and target in the comment.
import { describe, expect, it } from 'vitest';
import { classifyRedRec, type RedRecValues } from './redRec.ts';

const COV = 'EPI_COV_PENTA1';
const DROP = 'EPI_DROPOUT_PENTA1_PENTA3';
const district = (coverage: number | null, dropout: number | null, extra: Partial<RedRecValues> = {}): RedRecValues => ({
  access: { indicator: COV, value: coverage },
  utilisation: { indicator: DROP, value: dropout },
  ...extra,
});

describe('RED/REC categories (WHO Reaching Every District)', () => {
  it('category 1: target 1,000, Penta1 850, Penta3 800 → coverage 85 %, dropout 50 ÷ 850 = 5.9 %', () => {
    expect(classifyRedRec(district(85, (50 / 850) * 100))).toEqual({ status: 'categorised', category: 1, access: 'good', utilisation: 'good', flags: [] });
  });

  it('category 2: Penta1 900 of 1,000, Penta3 720 → coverage 90 %, dropout 180 ÷ 900 = 20 %', () => {
    expect(classifyRedRec(district(90, 20))).toMatchObject({ category: 2, access: 'good', utilisation: 'poor' });
  });

  it('category 3: Penta1 600 of 1,000, Penta3 570 → coverage 60 %, dropout 30 ÷ 600 = 5 %', () => {
    expect(classifyRedRec(district(60, 5))).toMatchObject({ category: 3, access: 'poor', utilisation: 'good' });
  });

  it('category 4: Penta1 500 of 1,000, Penta3 350 → coverage 50 %, dropout 150 ÷ 500 = 30 %', () => {
    expect(classifyRedRec(district(50, 30))).toMatchObject({ category: 4, access: 'poor', utilisation: 'poor' });
  });

  it('exactly 80 % coverage is good access (≥ 80 %), 79.9 % is not', () => {
    expect(classifyRedRec(district(80, 5))).toMatchObject({ category: 1, access: 'good' });
    expect(classifyRedRec(district(79.9, 5))).toMatchObject({ category: 3, access: 'poor' });
  });

  it('exactly 10 % dropout is poor utilisation (< 10 % is good): Penta1 500, Penta3 450', () => {
    expect(classifyRedRec(district(85, ((500 - 450) / 500) * 100))).toMatchObject({ category: 2, utilisation: 'poor' });
    expect(classifyRedRec(district(85, 9.99))).toMatchObject({ category: 1, utilisation: 'good' });
  });

  it('a value on the threshold but off by floating-point rounding stays on the threshold', () => {
    // 0.7 + 0.1 is 0.7999999999999999 in binary floating point: the district is at 80 %.
    expect(classifyRedRec(district((0.7 + 0.1) * 100, 5))).toMatchObject({ access: 'good' });
  });

  it('coverage over 100 % is a data problem, never category 1: Penta1 1,070 of 1,000 (Mali 2022: 107 %)', () => {
    expect(classifyRedRec(district(107, 5))).toEqual({
      status: 'inconsistent',
      category: null,
      access: null,
      utilisation: 'good',
      flags: [{ kind: 'coverageOver100', indicator: COV, value: 107 }],
    });
  });

  it('exactly 100 % coverage is not a data problem', () => {
    expect(classifyRedRec(district(100, 5))).toMatchObject({ status: 'categorised', category: 1, flags: [] });
  });

  it('negative dropout is a data problem: Penta1 500, Penta3 550 → (500 − 550) ÷ 500 = −10 %', () => {
    expect(classifyRedRec(district(85, -10))).toEqual({
      status: 'inconsistent',
      category: null,
      access: 'good',
      utilisation: null,
      flags: [{ kind: 'negativeDropout', indicator: DROP, value: -10 }],
    });
  });

  it('zero dropout (Penta1 = Penta3) is good utilisation', () => {
    expect(classifyRedRec(district(85, 0))).toMatchObject({ category: 1, flags: [] });
  });

  it('zero Penta1: coverage 0 % is poor access, the dropout has no denominator, so no category', () => {
    expect(classifyRedRec(district(0, null))).toEqual({
      status: 'incomplete',
      category: null,
      access: 'poor',
      utilisation: null,
      flags: [{ kind: 'noDropout', indicator: DROP, value: null }],
    });
  });

  it('no target population: no coverage, no category', () => {
    expect(classifyRedRec(district(null, 5))).toMatchObject({ status: 'incomplete', category: null, flags: [{ kind: 'noCoverage' }] });
  });

  it('data problems on the other indicators are flagged beside the category, which still stands', () => {
    const assessed = classifyRedRec(
      district(85, 5, {
        otherCoverages: [{ indicator: 'EPI_COV_MR1', value: 112 }],
        otherDropouts: [{ indicator: 'EPI_DROPOUT_PENTA1_MR1', value: -3 }],
      }),
    );
    expect(assessed).toMatchObject({ status: 'categorised', category: 1 });
    expect(assessed.flags).toEqual([
      { kind: 'coverageOver100', indicator: 'EPI_COV_MR1', value: 112 },
      { kind: 'negativeDropout', indicator: 'EPI_DROPOUT_PENTA1_MR1', value: -3 },
    ]);
  });

  it('uses the thresholds it is given (a national guide may set others)', () => {
    expect(classifyRedRec(district(85, 8), { accessCoverage: 90, dropout: 5 })).toMatchObject({ category: 4 });
  });
});
