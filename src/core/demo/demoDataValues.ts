// Synthetic data values for the demonstration dataset: plausible monthly, quarterly or
// yearly counts for every data element of the programme data sets, proportional to each
// unit's population, with a per-unit performance, a slow trend and Poisson noise, so that
// every dashboard has something to show. Deterministic for a given seed. Never real data:
// the loader tags every value and unit it writes as 'demo'.
import { normalDeviate, seededRandom } from '../random.ts';

export type PopulationBase = 'births' | 'survivingInfants' | 'under5' | 'total' | 'girls10';

/** How a data element's demo values are drawn. */
export interface DemoProfile {
  base: PopulationBase;
  /** Expected count per person of the base population per year (or the level, for LAST elements). */
  perYear: number;
  /** Relative change per year from the first demo year (0.03 = +3 % a year). */
  trend?: number;
  /** Share of each category option within its category (options not listed share the rest equally). */
  shares?: Record<string, number>;
  /** Fraction of units that report the element at all (e.g. a vaccine introduced in some districts). */
  reportingShare?: number;
  /** A stock or level reported each period rather than a flow: not divided by periods per year. */
  level?: boolean;
  /** A target population (a denominator): the planning figure itself, without performance, season or noise. */
  targetPopulation?: boolean;
  /**
   * A value that follows from others of the same unit and period (a stock balance, a caseload),
   * so that the demo passes the package's consistency rules. Derived elements are drawn after
   * every other element of the unit, in the order their profiles are declared, and may read
   * the derived ones declared before them.
   */
  derive?: (cell: DerivedCell) => number;
}

/** What a derived element sees: its own draw, the option combo, other values of the same unit and period. */
export interface DerivedCell {
  draw: number;
  optionCombo: string;
  /** A value already drawn for this unit and period (0 when there is none). */
  value(dataElement: string, optionCombo?: string): number;
  random: () => number;
}

export interface DemoUnit {
  code: string;
  /** Population by year: total and live births (births drive the infant denominators). */
  population(year: number): { total: number; births: number; under5: number };
  /** 0.5–1.1: how well the unit's services reach people (lower in insecure areas). */
  performance: number;
}

export interface DemoDataElement {
  code: string;
  /** The element's category option combos, each with its options' codes. */
  optionCombos: Array<{ code: string; options: string[] }>;
  /** Options of each category of the element's combo, to share the unlisted options equally. */
  categories: string[][];
}

export interface DemoDataSet {
  code: string;
  periodType: 'Monthly' | 'Quarterly' | 'Yearly';
  elements: DemoDataElement[];
}

export interface DemoValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo: string;
  value: number;
}

// Demonstration assumptions, not facts: an infant mortality of 60 per 1,000 live births to
// turn births into surviving infants, and girls aged 10 as 1.35 % of the population.
const survivingShare = 0.94;
const girls10Share = 0.0135;

/** A fraction in [0, 1) fixed by the text (FNV-1a hash), so a unit keeps its choices across years. */
function stableFraction(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash / 4294967296;
}

/** A Poisson draw: Knuth's method for small means, the normal approximation above 30. */
function poisson(mean: number, random: () => number): number {
  if (mean <= 0) return 0;
  if (mean > 30) {
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * normalDeviate(random)));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let product = random();
  while (product > limit) {
    k += 1;
    product *= random();
  }
  return k;
}

function basePopulation(unit: DemoUnit, base: PopulationBase, year: number): number {
  const population = unit.population(year);
  switch (base) {
    case 'births':
      return population.births;
    case 'survivingInfants':
      return population.births * survivingShare;
    case 'under5':
      return population.under5;
    case 'girls10':
      return population.total * girls10Share;
    case 'total':
      return population.total;
  }
}

function periodsOf(periodType: DemoDataSet['periodType'], firstYear: number, lastMonth: string): Array<{ id: string; year: number; perYear: number }> {
  const [lastYear, lastMonthNumber] = [Number(lastMonth.slice(0, 4)), Number(lastMonth.slice(4, 6))];
  const periods: Array<{ id: string; year: number; perYear: number }> = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const months = year === lastYear ? lastMonthNumber : 12;
    if (periodType === 'Monthly') for (let m = 1; m <= months; m++) periods.push({ id: `${year}${String(m).padStart(2, '0')}`, year, perYear: 12 });
    if (periodType === 'Quarterly') for (let q = 1; q * 3 <= months; q++) periods.push({ id: `${year}Q${q}`, year, perYear: 4 });
    if (periodType === 'Yearly' && months === 12) periods.push({ id: String(year), year, perYear: 1 });
  }
  return periods;
}

function share(option: string, category: string[], shares: Record<string, number> | undefined): number {
  const listed = shares?.[option];
  if (listed !== undefined) return listed;
  const unlisted = category.filter((o) => shares?.[o] === undefined);
  const rest = 1 - category.reduce((sum, o) => sum + (shares?.[o] ?? 0), 0);
  return unlisted.length ? Math.max(rest, 0) / unlisted.length : 0;
}

/**
 * Every demo value of `dataSet` for `units`, from January of `firstYear` to `lastMonth`
 * (YYYYMM, the last complete month — time is an argument, never read here). The trend
 * counts years from `trendFrom` (default `firstYear`), so a range can be drawn year by year.
 */
export function* demoDataValues(
  dataSet: DemoDataSet,
  units: readonly DemoUnit[],
  profiles: Readonly<Record<string, DemoProfile>>,
  { firstYear, lastMonth, seed, trendFrom = firstYear }: { firstYear: number; lastMonth: string; seed: number; trendFrom?: number },
): Generator<DemoValue> {
  const random = seededRandom(seed);
  const periods = periodsOf(dataSet.periodType, firstYear, lastMonth);
  // Derived elements come last, in the order their profiles are declared, so that what they read is drawn.
  const declared = Object.keys(profiles);
  const rank = (code: string) => (profiles[code]?.derive ? 1 + declared.indexOf(code) : 0);
  const elements = [...dataSet.elements].sort((a, b) => rank(a.code) - rank(b.code));
  for (const unit of units) {
    const drawn = new Map<string, number>();
    for (const element of elements) {
      const profile = profiles[element.code];
      if (!profile) continue;
      if (profile.reportingShare !== undefined && stableFraction(`${unit.code}/${element.code}`) >= profile.reportingShare) continue;
      for (const period of periods) {
        const population = basePopulation(unit, profile.base, period.year) * profile.perYear;
        const trend = (1 + (profile.trend ?? 0)) ** (period.year - trendFrom);
        // A mild seasonal swing for monthly reports (lower in the rainy season's lean months).
        const seasonal = period.perYear === 12 ? 1 + 0.08 * Math.sin((2 * Math.PI * Number(period.id.slice(4, 6))) / 12) : 1;
        const expected = profile.targetPopulation
          ? population / period.perYear
          : (population * unit.performance * trend * seasonal) / (profile.level ? 1 : period.perYear);
        for (const combo of element.optionCombos) {
          const comboShare = combo.options.reduce((product, option, index) => product * share(option, element.categories[index] ?? [option], profile.shares), 1);
          // A target population is the planning figure itself; counts are Poisson draws.
          const draw = profile.targetPopulation ? Math.round(expected * comboShare) : poisson(expected * comboShare, random);
          const value = profile.derive
            ? profile.derive({
                draw,
                optionCombo: combo.code,
                value: (code, optionCombo = 'default') => drawn.get(`${code}|${period.id}|${optionCombo}`) ?? 0,
                random,
              })
            : draw;
          drawn.set(`${element.code}|${period.id}|${combo.code}`, value);
          yield { dataElement: element.code, period: period.id, orgUnit: unit.code, categoryOptionCombo: combo.code, value };
        }
      }
    }
  }
}
