import * as math from "mathjs";
import { checkPoint } from "./checkPoint";
import type { Objective } from "./objective";

/** An objective written as a formula, with its symbolic derivatives to read. */
export interface SymbolicObjective extends Objective {
  expression: string;
  variables: string[];
  /** The formula in LaTeX. */
  latex: string;
  /** ∂f/∂v for each variable v, as simplified formulas and in LaTeX. */
  gradientExpressions: string[];
  gradientLatex: string[];
  /** ∂²f/∂u∂v. */
  hessianExpressions: string[][];
}

/**
 * An objective from a formula: mathjs parses it, differentiates it symbolically (the gradient
 * and the Hessian, by the rules of calculus applied to the expression tree), compiles all three
 * to functions and renders them in LaTeX: the "analytic" gradient done by a machine.
 *
 *     const o = fromExpression("x^2 - y^2");   // o.gradientExpressions: ["2 * x", "-(2 * y)"]
 *
 * @param options.variables the order of the coordinates of x (default: the variables found, sorted).
 */
export function fromExpression(expression: string, options: { variables?: string[]; name?: string } = {}): SymbolicObjective {
  if (typeof expression !== "string" || expression.trim() === "") {
    throw new TypeError(`fromExpression: expression must be a non-empty string, got ${JSON.stringify(expression)}`);
  }
  let node: math.MathNode;
  try {
    node = math.parse(expression);
  } catch (e) {
    throw new SyntaxError(`fromExpression: cannot parse "${expression}": ${(e as Error).message}`);
  }
  const found = new Set<string>();
  node.traverse((n, _path, parent) => {
    const s = n as math.SymbolNode;
    if (s.type !== "SymbolNode") return;
    const isFunctionName = parent && parent.type === "FunctionNode" && (parent as math.FunctionNode).fn === n;
    if (!isFunctionName && !(s.name in math)) found.add(s.name);
  });
  const variables = options.variables ?? [...found].sort();
  if (variables.length === 0) throw new RangeError(`fromExpression: "${expression}" has no variables`);
  for (const v of found) {
    if (!variables.includes(v)) {
      throw new RangeError(`fromExpression: unknown variable "${v}" in "${expression}"; expected one of ${variables.join(", ")}`);
    }
  }
  const n = variables.length;
  const grad = variables.map((v) => math.simplify(math.derivative(node, v)));
  const hess = variables.map((_, i) => variables.map((v) => math.simplify(math.derivative(grad[i], v))));
  const fC = node.compile();
  const gC = grad.map((g) => g.compile());
  const hC = hess.map((r) => r.map((h) => h.compile()));
  const name = options.name ?? expression;
  const scope = (x: ArrayLike<number>) => {
    checkPoint("fromExpression", x, n);
    const s: Record<string, number> = {};
    variables.forEach((v, i) => (s[v] = x[i]));
    return s;
  };
  const value = (c: math.EvalFunction, s: Record<string, number>): number => {
    const r = c.evaluate(s);
    if (typeof r !== "number") throw new TypeError(`fromExpression: "${expression}" evaluates to ${math.typeOf(r)}, not a real number`);
    return r;
  };
  return {
    dim: n,
    name,
    expression,
    variables,
    latex: node.toTex(),
    gradientExpressions: grad.map((g) => g.toString()),
    gradientLatex: grad.map((g) => g.toTex()),
    hessianExpressions: hess.map((r) => r.map((h) => h.toString())),
    f: (x) => value(fC, scope(x)),
    grad(x) {
      const s = scope(x);
      return Float64Array.from(gC, (c) => value(c, s));
    },
    hess(x) {
      const s = scope(x);
      const data = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) data[i * n + j] = value(hC[i][j], s);
      return { rows: n, cols: n, data };
    },
    window: n === 2 ? { x: [-2, 2], y: [-2, 2] } : n === 1 ? { x: [-2, 2] } : undefined,
  };
}
