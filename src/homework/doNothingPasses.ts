/**
 * Whether a hidden case is passed by a submission that does nothing: an update rule whose step
 * leaves x alone, or a function returning zeros of the expected shape (`return 0`, a zero
 * gradient, `{ loss: 0, grad: zeros }`). Edge cases are like that ("zeros against zeros",
 * "zero gradients: x stays"), and they are worth testing, but alone they are not an
 * implementation: scorePart.ts gives them points only beside a passed case that doing nothing
 * does not pass.
 */
import { compare } from "./compare";
import { runDriver } from "./drivers";
import type { HiddenCase } from "./hiddenTests";
import { decode } from "./wire";

/** `v` with every number replaced by 0 (same shapes: vectors, matrices, lists, objects). */
export function zerosLike(v: unknown): unknown {
  if (typeof v === "number") return 0;
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return new Float64Array((v as unknown as ArrayLike<number>).length);
  if (Array.isArray(v)) return v.map(zerosLike);
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = zerosLike(x);
    return out;
  }
  return v;
}

/** What doing nothing returns for this case (undefined when that cannot be said). */
export function doNothingAnswer(c: HiddenCase): unknown {
  try {
    if (c.driver === "optimizer") {
      return runDriver("optimizer", () => ({ step() { /* leaves x alone */ } }), decode(c.args) as unknown[]);
    }
    return zerosLike(c.expected);
  } catch {
    return undefined;
  }
}

/** True when doing nothing passes case `c` within its tolerance. */
export function doNothingPasses(c: HiddenCase): boolean {
  const answer = doNothingAnswer(c);
  return answer !== undefined && compare(answer, c.expected, c.tol).ok;
}
