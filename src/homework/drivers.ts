/**
 * How a hidden test calls a function. The same driver runs the submission's function (in the
 * submission's process) and the reference (in the grader's process), so both see the same inputs
 * in the same order.
 *
 *   "call":      result = fn(...args)
 *   "optimizer": args = [options, x0, grads]; opt = fn(options); x = x0;
 *                for each dx in grads: opt.step(x, dx) and record a copy of x.
 *                result = [x after step 1, x after step 2, …]
 */
export type Driver = "call" | "optimizer";

export function runDriver(driver: Driver, fn: (...args: any[]) => any, args: unknown[]): unknown {
  if (driver === "call") return fn(...args);
  const [options, x0, grads] = args as [unknown, ArrayLike<number>, ArrayLike<number>[]];
  const opt = fn(options) as { step(x: Float64Array, dx: Float64Array): void };
  const x = Float64Array.from(x0);
  const xs: Float64Array[] = [];
  for (const g of grads) {
    opt.step(x, Float64Array.from(g));
    xs.push(x.slice());
  }
  return xs;
}
