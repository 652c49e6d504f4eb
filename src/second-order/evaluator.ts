import type { Matrix } from "../core/matrix";
import { shapeOf } from "../core/matrix";
import type { Objective } from "../objectives/objective";

/** f(x) and ∇f(x) from one call, as a loss function like `softmaxLoss` computes them together. */
export interface ValueAndGrad {
  f: number;
  grad: Float64Array;
}

/** The old name of an Objective with `valueAndGrad` (every Objective may have it now). */
export type FusedObjective = Objective;

/** An objective wrapped to count its calls as SciPy does (value and gradient together count once each). */
export interface CountedObjective {
  valueAndGrad(x: Float64Array): ValueAndGrad;
  value(x: Float64Array): number;
  grad(x: Float64Array): Float64Array;
  hess(x: Float64Array): Matrix;
  readonly counts: { nfev: number; ngev: number; nhev: number };
}

/**
 * Wraps `objective` so every evaluation is counted and checked: a gradient of the wrong length
 * or a Hessian of the wrong shape throws an Error naming `fn` (the calling method).
 */
export function countEvaluations(fn: string, objective: FusedObjective): CountedObjective {
  const n = objective.dim;
  const counts = { nfev: 0, ngev: 0, nhev: 0 };
  const checkGrad = (g: Float64Array): Float64Array => {
    if (!g || typeof g.length !== "number" || g.length !== n) {
      throw new RangeError(`${fn}: objective.grad returned length ${g ? g.length : g}, expected dim = ${n}`);
    }
    return g instanceof Float64Array ? g : Float64Array.from(g);
  };
  return {
    counts,
    valueAndGrad(x) {
      counts.nfev++;
      counts.ngev++;
      if (objective.valueAndGrad) {
        const r = objective.valueAndGrad(x);
        return { f: r.f, grad: checkGrad(r.grad) };
      }
      return { f: objective.f(x), grad: checkGrad(objective.grad(x)) };
    },
    value(x) {
      counts.nfev++;
      return objective.f(x);
    },
    grad(x) {
      counts.ngev++;
      return checkGrad(objective.grad(x));
    },
    hess(x) {
      if (!objective.hess) throw new TypeError(`${fn}: objective has no hess (Newton's method needs the Hessian)`);
      counts.nhev++;
      const H = objective.hess(x);
      if (!H || H.rows !== n || H.cols !== n) {
        throw new RangeError(`${fn}: objective.hess returned ${H ? shapeOf(H) : H}, expected ${n}×${n}`);
      }
      return H;
    },
  };
}
