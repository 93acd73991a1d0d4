// Splitting a whole number of persons between units in proportion to weights, so that the
// parts are whole numbers and add up exactly to the total. Largest-remainder method (Hamilton):
// each part gets the integer part of its exact quota, and the persons left over go one each to
// the largest fractional remainders (ties to the earlier unit, so the result is deterministic).
// Used wherever Denw distributes a census total over sub-units (data/mali/README.md,
// "Population in Denw"), so that a region always equals the sum of its cercles.

/** Whole-number parts of `total` proportional to `weights` (non-negative, not all zero). */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`total must be a non-negative integer: ${total}`);
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) throw new RangeError('weights must be finite and non-negative');
  const weightSum = weights.reduce((sum, w) => sum + w, 0);
  if (weightSum <= 0) throw new RangeError('at least one weight must be positive');

  const quotas = weights.map((w) => (total * w) / weightSum);
  const parts = quotas.map(Math.floor);
  let left = total - parts.reduce((sum, p) => sum + p, 0);
  const byRemainder = quotas
    .map((quota, index) => ({ index, remainder: quota - Math.floor(quota) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}
