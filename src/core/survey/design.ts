// Design-based estimation of a proportion from a stratified cluster sample with sampling
// weights, as WHO's anthro_prevalence estimates it with R's survey package (anthro
// R/prevalence.R `build_survey_design`, `compute_prevalence_zscore_summary`; survey 4.1-1
// `svymean.survey.design2`, `svyrecvar`/`onestrat`, `svyciprop`, `degf`):
//
//   design   svydesign(ids = ~cluster, strata = ~strata, weights = ~sw), one stage, PSUs
//            sampled with replacement (no fpc); ids = ~1 (every child its own PSU) when the
//            survey has a single cluster; options(survey.lonely.psu = "adjust").
//   estimate the ratio (weighted mean) p = Σ w·y / Σ w over the children of the domain whose
//            indicator is not missing (svymean(~y, na.rm = TRUE) on the domain's subset).
//   variance Taylor linearisation: z_i = w_i (y_i − p) / Σ w, summed by PSU (z_hj); in each
//            stratum h with n_h PSUs in the whole design (PSUs without a child of the domain
//            count as z_hj = 0 — the domain is a subset of the design, not a new design):
//              n_h > 1: n_h / (n_h − 1) · Σ_j (z_hj − z̄_h)²
//              n_h = 1: z_h1², i.e. centred at the grand mean 0 ("adjust")
//            Var(p) = Σ_h of those; SE = √Var.
//   interval svyciprop(method = "logit", df = degf(design)): a Wald interval on the logit
//            scale, logit p ± t(0.975; df) · SE / (p (1 − p)), transformed back; df = number
//            of PSUs − number of strata (among children with a non-zero weight).
//            At p = 0 or 1 R's logistic fit does not converge and returns about 1e-10; the
//            interval is then [p, p], which equals anthro's rounded output.
//   deff     svymean(deff = "replace"): Var(p) over the variance of a simple random sample
//            of the same size drawn with replacement, s²/n with s² = Σ w (y − p)² / Σ w ·
//            n/(n − 1) (svyvar) and n the children of the domain with a non-zero weight.
//            ("replace" because survey's default deff adds a finite-population factor that
//            depends on how the weights are scaled.)
//
//   mean     the same estimate and linearised SE for a z-score; interval mean ± t(0.975; df) · SE
//            (confint(svymean, df = degf(design)), as anthro); SD √svyvar (see `mean`).
//
// Clusters are taken as nested in strata (PSU = stratum + cluster): anthro's svydesign
// call, without nest = TRUE, stops when a cluster number repeats across strata; when
// cluster numbers are unique, both give the same PSUs.
import { studentTQuantile } from './distributions.ts';

export interface SurveyDesignInput {
  /** Stratum of each child ('' or one value for an unstratified survey). */
  strata: readonly string[];
  /** Cluster (PSU) of each child; null: every child is its own PSU. */
  clusters: readonly string[] | null;
  /** Sampling weight of each child (≥ 0; 0 excludes the child, as anthro does for a missing weight). */
  weights: readonly number[];
}

export interface ProportionEstimate {
  /** Children of the domain with a non-missing indicator (anthro `_unwpop`). */
  n: number;
  /** Proportions, 0–1; null when not estimable (no child, zero total weight). */
  estimate: number | null;
  se: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  deff: number | null;
}

/** A mean with its design-based SE, t interval and the SD of the values (anthro `_r _se _ll _ul _stdev`). */
export interface MeanEstimate {
  /** Children of the domain with a value. */
  n: number;
  estimate: number | null;
  se: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  sd: number | null;
}

export class SurveyDesign {
  readonly size: number;
  /** PSU number (0-based) of each child. */
  private readonly psu: Int32Array;
  /** Stratum number of each PSU. */
  private readonly psuStratum: Int32Array;
  /** Number of PSUs of each stratum in the whole design (survey's fpc$sampsize). */
  private readonly stratumPsuCount: Int32Array;
  private readonly weights: Float64Array;
  /** degf(design): PSUs minus strata, among children with a non-zero weight. */
  readonly degreesOfFreedom: number;

  constructor(input: SurveyDesignInput) {
    const { strata, clusters, weights } = input;
    this.size = weights.length;
    if (strata.length !== this.size || (clusters && clusters.length !== this.size)) throw new RangeError('design columns of unequal length');
    this.weights = Float64Array.from(weights);
    const singleCluster = clusters === null || clusters.every((cluster) => cluster === clusters[0]);
    const stratumIds = new Map<string, number>();
    const psuIds = new Map<string, number>();
    const psuStratum: number[] = [];
    this.psu = new Int32Array(this.size);
    for (let i = 0; i < this.size; i++) {
      let stratum = stratumIds.get(strata[i]!);
      if (stratum === undefined) stratumIds.set(strata[i]!, (stratum = stratumIds.size));
      const key = singleCluster ? String(i) : `${stratum}\u0000${clusters![i]}`;
      let psu = psuIds.get(key);
      if (psu === undefined) {
        psuIds.set(key, (psu = psuIds.size));
        psuStratum.push(stratum);
      }
      this.psu[i] = psu;
    }
    this.psuStratum = Int32Array.from(psuStratum);
    this.stratumPsuCount = new Int32Array(stratumIds.size);
    for (const stratum of psuStratum) this.stratumPsuCount[stratum]! += 1;
    const weightedPsus = new Set<number>();
    const weightedStrata = new Set<number>();
    for (let i = 0; i < this.size; i++) {
      if (this.weights[i] !== 0) {
        weightedPsus.add(this.psu[i]!);
        weightedStrata.add(psuStratum[this.psu[i]!]!);
      }
    }
    this.degreesOfFreedom = weightedPsus.size - weightedStrata.size;
  }

  /**
   * The proportion of children with y = 1 among the children of the domain with y not
   * missing (NaN). `domain` selects children (all when omitted).
   */
  proportion(y: ArrayLike<number>, domain?: ArrayLike<boolean>): ProportionEstimate {
    const { n, weighted, total, estimate: p, variance, squares } = this.linearised(y, domain);
    if (p === null) return { n, estimate: null, se: null, ciLow: null, ciHigh: null, deff: null };
    const se = Math.sqrt(variance);
    const srsVariance = weighted > 1 ? squares / total / (weighted - 1) : 0;
    const deff = srsVariance > 0 ? variance / srsVariance : null;
    let ciLow: number | null = null;
    let ciHigh: number | null = null;
    if (p === 0 || p === 1) {
      ciLow = ciHigh = p;
    } else if (this.degreesOfFreedom > 0) {
      const half = (studentTQuantile(0.975, this.degreesOfFreedom) * se) / (p * (1 - p));
      const logit = Math.log(p / (1 - p));
      ciLow = 1 / (1 + Math.exp(-(logit - half)));
      ciHigh = 1 / (1 + Math.exp(-(logit + half)));
    }
    return { n, estimate: p, se, ciLow, ciHigh, deff };
  }

  /**
   * The mean of y (a z-score) over the children of the domain with y not missing (NaN), as
   * anthro's z-score summary computes it: svymean for the estimate and its SE (the same
   * linearisation as a proportion), confint(df = degf(design)) for the interval — a Student t
   * interval, mean ± t(0.975; df) · SE — and √svyvar for the SD. survey 4.1-1's svyvar takes
   * n/(n − 1) with n the children of the domain with a non-zero weight *before* the missing
   * values are dropped (`n <- sum(weights(design, "sampling") != 0)` precedes na.rm), so a
   * domain with missing z-scores gets a slightly smaller SD than the textbook one; anthro's
   * output has that SD, and so has Denw's. SD null below 2 such children (anthro: NA).
   */
  mean(y: ArrayLike<number>, domain?: ArrayLike<boolean>): MeanEstimate {
    const { n, total, estimate, variance, squares } = this.linearised(y, domain);
    if (estimate === null) return { n, estimate: null, se: null, ciLow: null, ciHigh: null, sd: null };
    const se = Math.sqrt(variance);
    const half = this.degreesOfFreedom > 0 ? studentTQuantile(0.975, this.degreesOfFreedom) * se : null;
    let members = 0;
    for (let i = 0; i < this.size; i++) if ((!domain || domain[i]) && this.weights[i] !== 0) members += 1;
    const sd = members > 1 ? Math.sqrt(((squares / total) * members) / (members - 1)) : null;
    return { n, estimate, se, ciLow: half === null ? null : estimate - half, ciHigh: half === null ? null : estimate + half, sd };
  }

  /**
   * The ratio estimate Σ w·y / Σ w over the domain's children with y present, its Taylor-
   * linearised variance (see the header), and Σ w (y − estimate)² for the deff and the SD.
   */
  private linearised(y: ArrayLike<number>, domain?: ArrayLike<boolean>) {
    let n = 0;
    let weighted = 0;
    let total = 0;
    let sum = 0;
    for (let i = 0; i < this.size; i++) {
      const value = y[i]!;
      if (value !== value || (domain && !domain[i])) continue;
      n += 1;
      const w = this.weights[i]!;
      if (w !== 0) weighted += 1;
      total += w;
      sum += w * value;
    }
    if (total === 0) return { n, weighted, total, estimate: null, variance: 0, squares: 0 };
    const p = sum / total;
    const psuTotals = new Float64Array(this.psuStratum.length);
    let squares = 0;
    for (let i = 0; i < this.size; i++) {
      const value = y[i]!;
      if (value !== value || (domain && !domain[i])) continue;
      const w = this.weights[i]!;
      psuTotals[this.psu[i]!]! += (w * (value - p)) / total;
      squares += w * (value - p) * (value - p);
    }
    const strataCount = this.stratumPsuCount.length;
    const stratumSum = new Float64Array(strataCount);
    const stratumSquares = new Float64Array(strataCount);
    for (let j = 0; j < psuTotals.length; j++) {
      const z = psuTotals[j]!;
      stratumSum[this.psuStratum[j]!]! += z;
      stratumSquares[this.psuStratum[j]!]! += z * z;
    }
    let variance = 0;
    for (let h = 0; h < strataCount; h++) {
      const psus = this.stratumPsuCount[h]!;
      variance += psus > 1 ? (psus / (psus - 1)) * (stratumSquares[h]! - (stratumSum[h]! * stratumSum[h]!) / psus) : stratumSquares[h]!;
    }
    return { n, weighted, total, estimate: p, variance: Math.max(0, variance), squares };
  }
}
