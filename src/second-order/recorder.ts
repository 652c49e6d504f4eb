import { norm2 } from "../core/vector";
import type { Trace } from "../training/trace";
import type { SecondOrderOptions } from "./checkStart";

/** The old name of the Trace the second-order methods return (`nfevs` and `seconds` filled). */
export type SecondOrderTrace = Trace;

/** Records every iterate of a run (x, f, ‖∇f‖₂, evaluations so far, seconds) and builds its Trace. */
export function recorder(options: SecondOrderOptions) {
  const start = performance.now();
  const keep = options.recordIterates ?? true;
  const t = { xs: [] as Float64Array[], fs: [] as number[], gradNorms: [] as number[], nfevs: [] as number[], seconds: [] as number[] };
  return {
    record(x: Float64Array, f: number, grad: Float64Array, nfev: number): void {
      if (keep || t.xs.length === 0) t.xs.push(x.slice());
      t.fs.push(f);
      t.gradNorms.push(norm2(grad));
      t.nfevs.push(nfev);
      t.seconds.push((performance.now() - start) / 1000);
      if (options.onIteration) {
        options.onIteration({ nit: t.fs.length - 1, f, gradNorm: t.gradNorms[t.gradNorms.length - 1], nfev });
      }
    },
    finish(x: Float64Array, status: Trace["status"], counts: { nfev: number; ngev: number }, message: string): Trace {
      if (!keep && t.xs.length > 0 && t.fs.length > 1) t.xs.push(x.slice());
      return { x: x.slice(), ...t, status, nit: t.fs.length - 1, nfev: counts.nfev, ngev: counts.ngev, message };
    },
  };
}
