// The 2007 engine against WHO's anthroplus tests (github.com/WorldHealthOrganization/anthroplus,
// tests/testthat/test-zscores.R at commit 4463ca2, version 1.1.0.9000) and the rules of
// anthroplus R/zscores.R.
import { describe, expect, it } from 'vitest';
import { whoTables } from './testTables.ts';
import { anthroplusZscores, type AnthroplusMeasurement } from './who2007.ts';

const zscores = (fields: Partial<AnthroplusMeasurement>) =>
  anthroplusZscores({ sex: 1, ageMonths: null, weightKg: null, heightCm: null, oedema: false, ...fields }, whoTables);

describe('ported from anthroplus tests/testthat/test-zscores.R', () => {
  it('computes correct value for age ~ 60 months', () => {
    const results = [
      zscores({ sex: 2, ageMonths: 60.32, heightCm: 113.8, weightKg: 18.7 }),
      zscores({ sex: 2, ageMonths: 60.911701, heightCm: 113.6, weightKg: 20.5 }),
    ];
    expect(results.map((r) => r.zwfa)).toEqual([0.21, 0.79]);
    expect(results.map((r) => r.zbfa)).toEqual([-0.58, 0.42]);
    expect(results.map((r) => r.zhfa)).toEqual([0.96, 0.85]);
    expect(results.flatMap((r) => [r.fwfa, r.fbfa, r.fhfa])).toEqual([0, 0, 0, 0, 0, 0]);
  });
  it('oedema = y implies NA for weight-for-age and bmi-for-age', () => {
    const oedema = zscores({ ageMonths: 120, heightCm: 60, weightKg: 30, oedema: true });
    expect([oedema.zwfa, oedema.fwfa, oedema.zbfa, oedema.fbfa]).toEqual([null, null, null, null]);
    const none = zscores({ ageMonths: 120, heightCm: 60, weightKg: 30, oedema: false });
    expect([none.zwfa, none.fwfa, none.zbfa, none.fbfa]).not.toContain(null);
  });
  it('age upper bounds are exclusive: height and BMI under 229 months, weight under 121', () => {
    const results = [120, 228.5, 121, 229].map((ageMonths) => zscores({ ageMonths, heightCm: 60, weightKg: 30 }));
    expect(results.map((r) => r.zhfa === null)).toEqual([false, false, false, true]);
    expect(results.map((r) => r.zwfa === null)).toEqual([false, true, true, true]);
    expect(results.map((r) => r.zbfa === null)).toEqual([false, false, false, true]);
  });
  it('age >= 60 months is supported', () => {
    const result = zscores({ ageMonths: 60, heightCm: 60, weightKg: 30 });
    expect([result.zhfa, result.zwfa, result.zbfa]).not.toContain(null);
  });
  it('age < 60 months results in all NA scores and flags', () => {
    expect(zscores({ ageMonths: 59, heightCm: 60, weightKg: 30 })).toMatchObject({
      zhfa: null, fhfa: null, zwfa: null, fwfa: null, zbfa: null, fbfa: null,
    });
  });
});

describe('rules of anthroplus R/zscores.R', () => {
  const row = (table: 'hfa2007' | 'wfa2007' | 'bfa2007', sex: 1 | 2, month: number) => {
    const t = whoTables[table];
    const i = (sex - 1) * t.stride + month - t.firstKey;
    return { l: t.l[i]!, m: t.m[i]!, s: t.s[i]! };
  };
  it('interpolates L, M and S linearly between the two integer months: the mid-month median gives 0', () => {
    const median = (row('hfa2007', 2, 150).m + row('hfa2007', 2, 151).m) / 2;
    expect(zscores({ sex: 2, ageMonths: 150.5, heightCm: median }).zhfa).toBe(0);
    expect(zscores({ sex: 2, ageMonths: 150, heightCm: median }).zhfa).not.toBe(0);
  });
  it('uses the plain z for height (L = 1) and the restricted z beyond ±3 SD for BMI', () => {
    const hfa = row('hfa2007', 1, 100);
    expect(zscores({ ageMonths: 100, heightCm: hfa.m * (1 - 4 * hfa.s) }).zhfa).toBe(-4);
    const bfa = row('bfa2007', 1, 100);
    const sd = (k: number) => bfa.m * (1 + bfa.l * bfa.s * k) ** (1 / bfa.l);
    const bmi = sd(3) + 1.5 * (sd(3) - sd(2));
    const heightCm = 130;
    expect(zscores({ ageMonths: 100, heightCm, weightKg: bmi * (heightCm / 100) ** 2 }).zbfa).toBe(4.5);
  });
  it('returns cbmi = weight / (height / 100)^2 whatever the age', () => {
    expect(zscores({ ageMonths: 30, heightCm: 100, weightKg: 20 }).cbmi).toBe(20);
  });
  it('flags |zhfa| > 6, zwfa < -6 or > 5, |zbfa| > 5, from the rounded value', () => {
    const hfa = row('hfa2007', 1, 100);
    expect(zscores({ ageMonths: 100, heightCm: hfa.m * (1 - 6.001 * hfa.s) }).fhfa).toBe(0);
    expect(zscores({ ageMonths: 100, heightCm: hfa.m * (1 - 6.02 * hfa.s) }).fhfa).toBe(1);
  });
  it('computes a height or weight of 0 (anthroplus accepts >= 0), flagged; refuses negatives', () => {
    expect(zscores({ ageMonths: 100, heightCm: 0 }).fhfa).toBe(1);
    expect(zscores({ ageMonths: 100, weightKg: 0 }).fwfa).toBe(1);
    expect(zscores({ ageMonths: 100, heightCm: -120, weightKg: -20 })).toMatchObject({ zhfa: null, zwfa: null, cbmi: null });
  });
});
