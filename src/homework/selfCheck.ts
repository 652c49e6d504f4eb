/**
 * The visible self-check of an exercise notebook: one line per check, PASS or FAIL with the
 * relative error, so a student sees where they stand without the hidden tests. Imported with
 * `import { selfCheck } from "optimlab/dist/homework"` (it is not on `ol`):
 *
 *   selfCheck("svmLossNaive: loss and gradient", () => [svmLossNaive(W, X, y, 0.1), ol.svmLoss(W, X, y, 0.1)]);
 *   selfCheck("svmLoss: gradient check", () => ol.gradCheck(f, grad, x), { tol: 1e-5 });
 *
 * The check returns [yours, reference] (compared entry by entry with the relative error
 * max |a-b| / max(1e-8, |a|+|b|)) or a gradient check result (its maxRelativeError is used).
 * A function not written yet throws "not implemented": that is a FAIL line, never an error, so a
 * student copy runs top to bottom from the first day.
 */
import { compare, formatNumber } from "./compare";

interface SelfCheckResult {
  label: string;
  pass: boolean;
  relativeError: number;
  message: string;
}

export function selfCheck(
  label: string,
  check: () => [unknown, unknown] | { maxRelativeError: number },
  options: { tol?: number } = {},
): void {
  const tol = options.tol ?? 1e-6;
  let result: SelfCheckResult;
  try {
    const r = check();
    if (Array.isArray(r)) {
      const c = compare(r[0], r[1], tol);
      result = {
        label,
        pass: c.ok,
        relativeError: c.relativeError,
        message: c.ok ? `relative error ${formatNumber(c.relativeError)} (tolerance ${tol})`
          : `relative error ${formatNumber(c.relativeError)} (tolerance ${tol}); ${c.detail}`,
      };
    } else if (r && typeof r.maxRelativeError === "number") {
      const e = r.maxRelativeError;
      result = { label, pass: e <= tol, relativeError: e, message: `gradient check: relative error ${formatNumber(e)} (tolerance ${tol})` };
    } else {
      throw new TypeError("selfCheck: check must return [yours, reference] or a gradCheck result");
    }
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    const message = /not implemented/.test(text) ? "not implemented yet: complete the cell above" : `threw ${text}`;
    result = { label, pass: false, relativeError: Infinity, message };
  }
  console.log(`${result.pass ? "PASS" : "FAIL"}  ${label}: ${result.message}`);
  // Nothing is returned, so a notebook cell ending in selfCheck(…) shows only the line above.
}
