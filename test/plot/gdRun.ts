import type { Objective } from "../../src/objectives/objective";
import type { Trace } from "../../src/training/trace";

/**
 * A real gradient-descent run for the plot tests, written out here so they do not depend on
 * `minimize`: x ← x − lr·∇f(x), stopping after the first non-finite iterate (kept, as a run that
 * diverged records where it went).
 */
export function gdRun(objective: Objective, x0: number[], lr: number, steps: number): Trace {
  const x = Float64Array.from(x0);
  const xs = [x.slice()];
  const fs = [objective.f(x)];
  const gradNorms: number[] = [];
  let status: Trace["status"] = "max-iterations";
  for (let k = 0; k < steps; k++) {
    const g = objective.grad(x);
    gradNorms.push(Math.hypot(...g));
    for (let i = 0; i < x.length; i++) x[i] -= lr * g[i];
    xs.push(x.slice());
    fs.push(objective.f(x));
    if (!Number.isFinite(fs[fs.length - 1])) {
      status = "diverged";
      break;
    }
  }
  gradNorms.push(Math.hypot(...objective.grad(x)));
  // no clock in a fixture: the plots under test do not read seconds
  const seconds = fs.map(() => 0);
  const nfevs = fs.map((_, k) => k + 1);
  return { x, xs, fs, gradNorms, status, nit: xs.length - 1, nfev: fs.length, ngev: gradNorms.length, seconds, nfevs, message: `gdRun: ${status} after ${xs.length - 1} steps` };
}
