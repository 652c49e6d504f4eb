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
