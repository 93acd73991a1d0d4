// Writing computed values as R's write.csv writes anthro's data frame, fast enough for a
// million rows: a double-to-text conversion costs 150–400 ns in V8, so the usual values are
// written from integers and small tables of ready-made text instead.

/** ".01" … ".99" without trailing zeros (".1", not ".10"), and "" for a whole number. */
const hundredths = Array.from({ length: 100 }, (_, f) => (f === 0 ? '' : f % 10 === 0 ? `.${f / 10}` : `.${String(f).padStart(2, '0')}`));
/** ".001" … ".999" likewise. */
const thousandths = Array.from({ length: 1000 }, (_, f) => (f === 0 ? '' : `.${String(f).padStart(3, '0').replace(/0+$/, '')}`));

/** Text of every z-score from −99.99 to 99.99, built on first use (20,000 short strings). */
let zscoreTexts: string[] | null = null;
const zscoreTableLimit = 10_000;

/**
 * A z-score rounded to 2 decimals, as R prints it (−1.5, 0, 3.07). Equal to `String(z)` for
 * every value roundR2 returns (format.test.ts checks every hundredth within ±10,000).
 */
export function formatZscore(z: number | null): string {
  if (z === null) return '';
  const magnitude = z < 0 ? -z : z;
  if (!(magnitude < 1e7)) return String(z);
  const hundreds = Math.round(magnitude * 100);
  if (hundreds < zscoreTableLimit) {
    zscoreTexts ??= Array.from({ length: 2 * zscoreTableLimit }, (_, i) => zscoreText(i % zscoreTableLimit, i >= zscoreTableLimit));
    return zscoreTexts[z < 0 ? hundreds + zscoreTableLimit : hundreds]!;
  }
  return zscoreText(hundreds, z < 0);
}

function zscoreText(hundreds: number, negative: boolean): string {
  const text = `${Math.floor(hundreds / 100)}${hundredths[hundreds % 100]}`;
  return negative && hundreds !== 0 ? `-${text}` : text;
}

/** Half a unit of the 15th significant digit, for magnitudes in [10^e, 10^(e+1)), e = 0…8. */
const halfUnits = Array.from({ length: 9 }, (_, e) => 0.5 * 10 ** (e - 14));

/**
 * A value with 15 significant digits and no trailing zeros, as R's write.csv writes a double
 * (47.1 + 0.7 → "47.8", 9.5 / 0.75² → "16.8888888888889"). Same text as
 * `String(Number(x.toPrecision(15)))` (checked in format.test.ts).
 */
export function formatSignificant15(x: number | null): string {
  if (x === null) return '';
  const magnitude = x < 0 ? -x : x;
  if (magnitude >= 1 && magnitude < 1e9) {
    // When x is this close to a multiple of 0.001 (every clenhei is), that multiple is its
    // 15-digit value. Half a unit, halved again for the rounding of the subtraction itself.
    let exponent = 0;
    for (let power = 10; magnitude >= power; power *= 10) exponent += 1;
    const rounded = Math.round(magnitude * 1000);
    if (Math.abs(magnitude - rounded / 1000) < halfUnits[exponent]! / 2) {
      return `${x < 0 ? '-' : ''}${Math.floor(rounded / 1000)}${thousandths[rounded % 1000]}`;
    }
  }
  const text = x.toPrecision(15);
  if (text.includes('e')) return String(Number(text));
  if (!text.includes('.')) return text;
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48) end -= 1; // trailing zeros
  if (text.charCodeAt(end - 1) === 46) end -= 1; // and a final decimal point
  return text.slice(0, end);
}
