// The classification of one measurement under Mali's PCIMA criteria and WHO's cut-offs
// (mali-facts.md §3.1, §3.3, §1.3.1), on cases worked by hand from the definitions:
// SAM = oedema, or WHZ < −3, or MUAC < 115 mm; MAM = WHZ −3 to < −2 or MUAC 115 to < 125 mm,
// no oedema; stunting HAZ < −3 severe, < −2 moderate; underweight WAZ likewise.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, classifyGrowth, type GrowthClassificationInput, type GrowthClassificationThresholds } from '../../core/growth/classification.ts';
import { growthClassificationThresholds as pcima } from './growthClassification.ts';

/** A child of 12 months (365 days) with every z-score normal and plausible, MUAC 140 mm. */
const child = (fields: Partial<GrowthClassificationInput>): GrowthClassificationInput => ({
  ageDays: 365, oedema: false, muacMm: 140, zwfl: 0, fwfl: 0, zlen: 0, flen: 0, zwei: 0, fwei: 0, ...fields,
});
const acute = (fields: Partial<GrowthClassificationInput>) => classify(child(fields), pcima.acute);

describe('acute malnutrition (PCIMA admission criteria)', () => {
  it('SAM by any one criterion: oedema, WHZ < −3, MUAC < 115 mm', () => {
    expect(acute({ oedema: true, zwfl: null, fwfl: null })).toBe('SAM');
    expect(acute({ zwfl: -3.01 })).toBe('SAM');
    expect(acute({ muacMm: 114 })).toBe('SAM');
    expect(acute({ zwfl: 0.5, muacMm: 110 })).toBe('SAM');
  });
  it('MAM by WHZ −3 to < −2 or MUAC 115 to < 125 mm', () => {
    expect(acute({ zwfl: -2.5 })).toBe('MAM');
    expect(acute({ muacMm: 120 })).toBe('MAM');
  });
  it('exact boundaries: WHZ −3 and MUAC 115 mm are MAM; WHZ −2 and MUAC 125 mm are normal', () => {
    expect(acute({ zwfl: -3 })).toBe('MAM');
    expect(acute({ muacMm: 115 })).toBe('MAM');
    expect(acute({ zwfl: -2 })).toBe('normal');
    expect(acute({ muacMm: 125 })).toBe('normal');
    expect(acute({ zwfl: -2, muacMm: 124.9 })).toBe('MAM');
  });
  it('the most severe class wins: MAM by WHZ and SAM by MUAC is SAM', () => {
    expect(acute({ zwfl: -2.5, muacMm: 110 })).toBe('SAM');
  });
  it('applies from 6 months (182.625 days) to under 60 months (1826.25 days)', () => {
    expect(acute({ ageDays: 182, muacMm: 100 })).toBeNull();
    expect(acute({ ageDays: 183, muacMm: 100 })).toBe('SAM');
    expect(acute({ ageDays: 1826, muacMm: 100 })).toBe('SAM'); // 59.99 months
    expect(acute({ ageDays: 1827, muacMm: 100 })).toBeNull(); // 60.02 months
    expect(acute({ ageDays: null, muacMm: 100 })).toBeNull();
  });
  it('MUAC alone classifies (community screening); nothing measured is unclassified', () => {
    expect(acute({ zwfl: null, fwfl: null })).toBe('normal');
    expect(acute({ zwfl: null, fwfl: null, muacMm: null })).toBeNull();
  });
});

describe('a WHO-flagged z-score is no evidence', () => {
  it('a flagged WHZ (|z| > 5) gives no class: SAM only by another criterion, never "normal"', () => {
    expect(acute({ zwfl: -5.5, fwfl: 1 })).toBeNull();
    expect(acute({ zwfl: 5.2, fwfl: 1, muacMm: 130 })).toBeNull();
    expect(acute({ zwfl: -5.5, fwfl: 1, muacMm: 110 })).toBe('SAM');
    expect(acute({ zwfl: -5.5, fwfl: 1, muacMm: 120 })).toBe('MAM');
    expect(classify(child({ zwfl: -5.5, fwfl: 1 }), pcima.wasting)).toBeNull();
  });
  it('a flagged HAZ (|z| > 6) or WAZ (< −6 or > 5) leaves stunting or underweight unclassified', () => {
    expect(classifyGrowth(child({ zlen: -6.5, flen: 1, zwei: 5.5, fwei: 1 }), pcima)).toEqual({ acute: 'normal', wasting: 'normal', stunting: null, underweight: null });
  });
});

describe('wasting, stunting and underweight (WHO cut-offs)', () => {
  it('wasting by WHZ and oedema only, MUAC not read', () => {
    expect(classify(child({ zwfl: -3.2 }), pcima.wasting)).toBe('SAM');
    expect(classify(child({ zwfl: -3 }), pcima.wasting)).toBe('MAM');
    expect(classify(child({ muacMm: 100 }), pcima.wasting)).toBe('normal');
    expect(classify(child({ oedema: true, zwfl: null, fwfl: null }), pcima.wasting)).toBe('SAM');
  });
  it('HAZ and WAZ: < −3 severe, −3 to < −2 moderate, from −2 normal', () => {
    const classes = [-3.01, -3, -2.01, -2].map((z) => classifyGrowth(child({ zlen: z, zwei: z }), pcima));
    expect(classes.map((c) => c.stunting)).toEqual(['severe', 'moderate', 'moderate', 'normal']);
    expect(classes.map((c) => c.underweight)).toEqual(['severe', 'moderate', 'moderate', 'normal']);
  });
  it('apply from birth (acute malnutrition does not, under 6 months)', () => {
    expect(classifyGrowth(child({ ageDays: 30, zlen: -2.5, zwfl: -3.5, muacMm: null }), pcima)).toEqual({ acute: null, wasting: 'SAM', stunting: 'moderate', underweight: 'normal' });
  });
});

describe('a protocol change is an edit of the table', () => {
  it('raising the SAM MUAC cut-off to 120 mm makes MUAC 117 mm SAM instead of MAM', () => {
    const revised: GrowthClassificationThresholds = structuredClone(pcima);
    const samMuac = revised.acute.classes[0]!.anyOf.find((criterion) => 'measure' in criterion && criterion.measure === 'muacMm')!;
    (samMuac as { below: number }).below = 120;
    expect(classify(child({ muacMm: 117 }), pcima.acute)).toBe('MAM');
    expect(classify(child({ muacMm: 117 }), revised.acute)).toBe('SAM');
  });
  it('a protocol admitting from 0 months classifies a 3-month-old', () => {
    const revised: GrowthClassificationThresholds = { ...pcima, acute: { ...pcima.acute, ageMonths: { ...pcima.acute.ageMonths, from: 0 } } };
    expect(classify(child({ ageDays: 91, muacMm: 100 }), pcima.acute)).toBeNull();
    expect(classify(child({ ageDays: 91, muacMm: 100 }), revised.acute)).toBe('SAM');
  });
});

describe('every threshold cites its source', () => {
  it('has a source on every criterion and age range', () => {
    for (const scheme of Object.values(pcima)) {
      expect(scheme.ageMonths.source).not.toBe('');
      for (const rule of scheme.classes) for (const criterion of rule.anyOf) expect(criterion.source).toMatch(/mali-facts|WHO/);
    }
  });
});

describe('properties of the classifier on any measurement', () => {
  const severity = { SAM: 3, MAM: 2, normal: 1 } as const;
  const zscore = fc.option(fc.double({ min: -8, max: 8, noNaN: true }).map((z) => Math.round(z * 100) / 100), { nil: null });
  const muac = fc.option(fc.double({ min: 60, max: 250, noNaN: true }), { nil: null });
  it('a lower WHZ or MUAC, or oedema, never makes acute malnutrition less severe (plausible z-scores)', () => {
    fc.assert(
      fc.property(zscore, muac, fc.boolean(), fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: 0, max: 40, noNaN: true }), (zwfl, muacMm, oedema, dz, dm) => {
        const flag = (z: number | null) => (z === null ? null : Math.abs(z) > 5 ? 1 : 0);
        const base = acute({ zwfl, fwfl: flag(zwfl), muacMm, oedema });
        const lowerZ = zwfl === null ? null : Math.max(-5, zwfl - dz);
        const worse = acute({ zwfl: lowerZ, fwfl: flag(lowerZ), muacMm: muacMm === null ? null : Math.max(1, muacMm - dm), oedema: true });
        expect(worse).toBe('SAM');
        if (base === null || zwfl === null || flag(zwfl) === 1) return;
        const lower = acute({ zwfl: lowerZ, fwfl: flag(lowerZ), muacMm: muacMm === null ? null : Math.max(1, muacMm - dm), oedema });
        expect(severity[lower!]).toBeGreaterThanOrEqual(severity[base]);
      }),
    );
  });
  it('answers one of its classes or null, never throws, whatever the numbers (NaN, Infinity, negative ages)', () => {
    const anyNumber = fc.option(fc.double(), { nil: null });
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, anyNumber, anyNumber, fc.boolean(), (ageDays, zwfl, zlen, zwei, muacMm, oedema) => {
        const result = classifyGrowth({ ageDays, oedema, muacMm, zwfl, fwfl: 0, zlen, flen: 0, zwei, fwei: 0 }, pcima);
        expect(['SAM', 'MAM', 'normal', null]).toContain(result.acute);
        expect(['severe', 'moderate', 'normal', null]).toContain(result.stunting);
      }),
    );
  });
});
