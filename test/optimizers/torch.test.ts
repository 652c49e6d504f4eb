import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as optimizers from "../../src/optimizers";
import type { Optimizer, Schedule } from "../../src/optimizers";
import { quadratic2d, rosenbrock as rosen } from "../../src/objectives";
import { minimize } from "../../src/training";
import { quadratic, rosenbrock } from "./testObjectives";

// Golden trajectories: 50 steps of torch.optim (PyTorch 1.13, float64) on 0.1x² + 2y² from
// (−5, −2) and on Rosenbrock from (−1.2, 1), made by test/fixtures/torch-optim/make.py. Each
// case records the torch call and the optimlab options that match it (eps set on both sides).
interface Case {
  name: string;
  objective: "quadratic" | "rosenbrock";
  rule: string;
  options: Record<string, unknown>;
  torch: string;
  x0: number[];
  steps: number;
  xs: number[][];
  fs: number[];
}
const fixture = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../../../test/fixtures/torch-optim/torch-optim.json"), "utf8"),
) as { torch: string; cases: Case[] };

/** `{ schedule: "stepSchedule", ...options }` in the fixture becomes the schedule itself. */
function learningRate(spec: unknown): number | Schedule {
  if (typeof spec === "number") return spec;
  const { schedule, ...options } = spec as { schedule: string };
  return (optimizers as unknown as Record<string, (o: unknown) => Schedule>)[schedule](options);
}

function makeRule(c: Case): Optimizer {
  const make = (optimizers as unknown as Record<string, (o: unknown) => Optimizer>)[c.rule];
  return make({ ...c.options, learningRate: learningRate(c.options.learningRate) });
}

/** Relative error of one coordinate, as |a − b| / |b| (|b| floored at 1e-300 for exact zeros). */
function rel(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
}

test("the fixture holds every rule of the issue on both objectives", () => {
  assert.match(fixture.torch, /^1\.13/);
  const names = new Set(fixture.cases.map((c) => c.name));
  for (const objective of ["quadratic", "rosenbrock"]) {
    for (const rule of ["sgd", "momentum", "nesterov", "rmsprop", "adam", "adagrad"]) {
      assert.ok(names.has(`${objective}/${rule}`), `${objective}/${rule} missing`);
    }
  }
});

for (const c of fixture.cases) {
  test(`${c.name} matches ${c.torch} for ${c.steps} steps to a relative 1e-12`, () => {
    const objective = c.objective === "quadratic" ? quadratic : rosenbrock;
    const rule = makeRule(c);
    const x = Float64Array.from(c.x0);
    let worst = 0;
    for (let k = 0; k <= c.steps; k++) {
      const expected = c.xs[k];
      for (let i = 0; i < x.length; i++) {
        const e = rel(x[i], expected[i]);
        worst = Math.max(worst, e);
        assert.ok(e <= 1e-12, `${c.name}: step ${k}, x[${i}] = ${x[i]}, expected ${expected[i]} (relative error ${e})`);
      }
      assert.ok(rel(objective.f(x), c.fs[k]) <= 1e-12, `${c.name}: step ${k}, f = ${objective.f(x)}, expected ${c.fs[k]}`);
      if (k < c.steps) rule.step(x, objective.grad(x));
    }
    assert.ok(worst <= 1e-12);
  });
}

// The same golden runs through minimize() on the course's own objectives (src/objectives):
// the Trace holds every iterate and f, so a notebook's plot shows exactly these numbers.
test("minimize on src/objectives' quadratic2d and rosenbrock() reproduces every PyTorch trajectory", () => {
  for (const c of fixture.cases) {
    const objective = c.objective === "quadratic" ? quadratic2d : rosen(2);
    const trace = minimize(objective, makeRule(c), c.x0, { steps: c.steps });
    assert.equal(trace.status, "max-iterations", c.name);
    assert.equal(trace.xs.length, c.steps + 1);
    trace.xs.forEach((x, k) =>
      x.forEach((v, i) => assert.ok(rel(v, c.xs[k][i]) <= 1e-12, `${c.name}: step ${k}, x[${i}] = ${v}, expected ${c.xs[k][i]}`)),
    );
    trace.fs.forEach((f, k) => assert.ok(rel(f, c.fs[k]) <= 1e-12, `${c.name}: step ${k}, f = ${f}, expected ${c.fs[k]}`));
  }
});
