/**
 * The relative error between two gradients (or two numbers), the measure of a gradient check:
 *
 *     max_i |a_i − b_i| / max(1e-8, |a_i| + |b_i|)
 *
 * Relative, because an absolute difference of 1e-4 is tiny for a gradient of size 1e4 and huge
 * for one of size 1e-6; the floor 1e-8 keeps two zeros from dividing 0 by 0.
 */
export function relativeError(a: number | ArrayLike<number>, b: number | ArrayLike<number>): number {
  const av = typeof a === "number" ? [a] : a;
  const bv = typeof b === "number" ? [b] : b;
  if (av == null || typeof av.length !== "number") throw new TypeError("relativeError: a must be a number or a vector");
  if (bv == null || typeof bv.length !== "number") throw new TypeError("relativeError: b must be a number or a vector");
  if (av.length !== bv.length) throw new RangeError(`relativeError: a has length ${av.length} but b has length ${bv.length}`);
  let worst = 0;
  for (let i = 0; i < av.length; i++) {
    const e = Math.abs(av[i] - bv[i]) / Math.max(1e-8, Math.abs(av[i]) + Math.abs(bv[i]));
    if (!(e <= worst)) worst = e; // a NaN is the worst
  }
  return worst;
}
