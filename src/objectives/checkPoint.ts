/**
 * Throws `beale: x must have length 2, got 3` unless x is a vector of length `dim`.
 * Every toy objective calls it first, so a wrong x fails loudly instead of reading undefined.
 */
export function checkPoint(fn: string, x: ArrayLike<number>, dim: number): void {
  if (x === null || typeof x !== "object" || typeof x.length !== "number") {
    throw new TypeError(`${fn}: x must be a Float64Array or number[] of length ${dim}`);
  }
  if (x.length !== dim) throw new RangeError(`${fn}: x must have length ${dim}, got ${x.length}`);
}
