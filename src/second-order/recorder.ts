import { norm2 } from "../core/vector";
import type { Trace } from "../training/trace";
import type { SecondOrderOptions } from "./checkStart";

/** A Trace with what the second-order notebook plots besides: cost and time at every iterate. */
export interface SecondOrderTrace extends Trace {
  /** Function evaluations used up to each iterate (nfevs[0] = 1: f(x0)). */
  nfevs: number[];
  /** Milliseconds since the start at each iterate. */
  times: number[];
}

/** Records every iterate of a run (x, f, ‖∇f‖₂, evaluations so far, time) and builds its trace. */
export function recorder(options: SecondOrderOptions) {
  const start = Date.now();
  const keep = options.recordIterates ?? true;
  const t = { xs: [] as Float64Array[], fs: [] as number[], gradNorms: [] as number[], nfevs: [] as number[], times: [] as number[] };
  return {
    record(x: Float64Array, f: number, grad: Float64Array, nfev: number): void {
      if (keep || t.xs.length === 0) t.xs.push(x.slice());
      t.fs.push(f);
      t.gradNorms.push(norm2(grad));
      t.nfevs.push(nfev);
      t.times.push(Date.now() - start);
      if (options.onIteration) {
        options.onIteration({ nit: t.fs.length - 1, f, gradNorm: t.gradNorms[t.gradNorms.length - 1], nfev });
      }
    },
    finish(
      x: Float64Array, status: Trace["status"], counts: { nfev: number; ngev: number }, message: string,
    ): SecondOrderTrace {
      if (!keep && t.xs.length > 0 && t.fs.length > 1) t.xs.push(x.slice());
      return { x: x.slice(), ...t, status, nit: t.fs.length - 1, nfev: counts.nfev, ngev: counts.ngev, message };
    },
  };
}
