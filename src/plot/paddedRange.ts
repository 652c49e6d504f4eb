/**
 * [min − fraction·span, max + fraction·span] of the finite values (nulls and NaN skipped): an
 * axis range with room around the data. A constant series gets a span of 1; no values give [0, 1]
 * padded the same way.
 */
export function paddedRange(values: ArrayLike<number | null>, fraction: number): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (v === null || !Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (lo > hi) [lo, hi] = [0, 1];
  const pad = fraction * (hi - lo || 1);
  return [lo - pad, hi + pad];
}
