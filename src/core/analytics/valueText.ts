// How analytics writes a value in a response row: as text, rounded like DHIS2.
// dhis2-core MathUtils.getRounded: a value strictly between -1 and 1 keeps 2 decimals, any
// other value 1 decimal; an indicator with `decimals` set keeps that many
// (AnalyticsUtils.getRoundedValue); `skipRounding=true` keeps the value as computed. Rounding
// is half-up on the decimal digits (commons-math Precision.round, BigDecimal.ROUND_HALF_UP),
// so 0.125 gives 0.13 and 2.25 gives 2.3. Whole numbers are written without a decimal point.

/** Rounds half away from zero to `decimals` decimals, on the shortest decimal form of the number. */
export function roundHalfUp(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const text = String(Math.abs(value));
  if (text.includes('e')) return Number(value.toFixed(decimals));
  const [whole = '0', fraction = ''] = text.split('.');
  if (fraction.length <= decimals) return value;
  const digits = BigInt(whole + fraction.slice(0, decimals)) + (fraction.charCodeAt(decimals) >= 53 /* '5' */ ? 1n : 0n);
  const rounded = Number(digits) / 10 ** decimals;
  return value < 0 ? -rounded : rounded;
}

export function analyticsValueText(value: number, options: { decimals?: number | null; skipRounding?: boolean } = {}): string {
  if (options.skipRounding) return String(value);
  const decimals = options.decimals ?? (value > -1 && value < 1 ? 2 : 1);
  const rounded = roundHalfUp(value, decimals);
  return String(Object.is(rounded, -0) ? 0 : rounded);
}
