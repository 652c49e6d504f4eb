/**
 * An update rule. `step(x, dx)` changes x in place, as `x -= learning_rate * dx` does on the
 * slide; `reset()` forgets the state (velocity, caches, moments, step count).
 */
export interface Optimizer {
  readonly name: string;
  step(x: Float64Array, dx: Float64Array): void;
  reset(): void;
}

/** A learning rate that changes with the step number t = 1, 2, …. */
export type Schedule = (t: number) => number;

/**
 * An update rule whose state can be read (for plots) and set (for tests, as the CS231n
 * assignment sets `config['velocity']`). `state.t` counts the steps taken; each rule adds its
 * own arrays (`vx`, `gradSquared`, `firstMoment`, …), which are null until the first step
 * (they take x's length then) or until you set them.
 */
export interface UpdateRule<S extends { t: number }> extends Optimizer {
  state: S;
}
