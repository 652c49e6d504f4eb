/**
 * The two toy objectives of the golden tests, written here with the very formulas of
 * test/fixtures/torch-optim/make.py, so the tests depend on nothing but the update rules.
 */
export interface TestObjective {
  f(x: Float64Array): number;
  grad(x: Float64Array): Float64Array;
}

/** f(x, y) = 0.1 x² + 2 y², ∇f = (0.2 x, 4 y); the minimum is (0, 0). */
export const quadratic: TestObjective = {
  f: ([x, y]) => 0.1 * x * x + 2 * y * y,
  grad: ([x, y]) => Float64Array.of(0.2 * x, 4 * y),
};

/** f(x, y) = 100 (y − x²)² + (1 − x)²; the minimum is (1, 1). */
export const rosenbrock: TestObjective = {
  f: ([x, y]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2,
  grad: ([x, y]) => Float64Array.of(-400 * x * (y - x * x) - 2 * (1 - x), 200 * (y - x * x)),
};
