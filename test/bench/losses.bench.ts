/**
 * Benchmark: vectorized svmLoss and softmaxLoss (loss + gradient) on MNIST, 10,000 × 785
 * (bias column included), C = 10, float64, against NumPy's vectorized version measured in the
 * same run on the same numbers (X, W, y are written to a temporary file that NumPy reads).
 *
 * Goal (issue 3): at most 2× NumPy's time. Each time is the best of several repeats, so other
 * work on the machine disturbs it less. Run: `npm run bench`, or after `tsc -p tsconfig.test.json`,
 * `node .build/test/bench/losses.bench.js`.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { addBias } from "../../src/data";
import { mnistAll } from "../../src/data/mnist";
import { matrix } from "../../src/core/matrix";
import { rng } from "../../src/core/random";
import { svmLoss, softmaxLoss } from "../../src/classifiers";

const GOAL = 2;
const REPEATS = 7;
const PYTHON = "/usr/bin/python3";

/** The best (smallest) wall time of `repeats` calls, in milliseconds, after one warm-up call. */
function best(fn: () => void, repeats = REPEATS): number {
  fn();
  let min = Infinity;
  for (let r = 0; r < repeats; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    min = Math.min(min, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return min;
}

const NUMPY_SCRIPT = `
import json, sys, time
import numpy as np
d = sys.argv[1]
N, D, C = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
reg, repeats = float(sys.argv[5]), int(sys.argv[6])
X = np.fromfile(d + "/X.bin", dtype=np.float64).reshape(N, D)
W = np.fromfile(d + "/W.bin", dtype=np.float64).reshape(C, D)
y = np.fromfile(d + "/y.bin", dtype=np.int32).astype(np.int64)
rows = np.arange(N)

def svm(W):
    S = X @ W.T
    M = np.maximum(0, S - S[rows, y][:, None] + 1)
    M[rows, y] = 0
    loss = M.sum() / N + reg * np.sum(W * W)
    dS = (M > 0).astype(np.float64)
    dS[rows, y] = -dS.sum(axis=1)
    return loss, dS.T @ X / N + 2 * reg * W

def softmax(W):
    S = X @ W.T
    S -= S.max(axis=1, keepdims=True)
    P = np.exp(S)
    total = P.sum(axis=1, keepdims=True)
    loss = (np.log(total[:, 0]) - S[rows, y]).sum() / N + reg * np.sum(W * W)
    P /= total
    P[rows, y] -= 1
    return loss, P.T @ X / N + 2 * reg * W

out = {"numpy": np.__version__}
for name, fn in [("svmLoss", svm), ("softmaxLoss", softmax)]:
    loss, grad = fn(W)
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn(W)
        best = min(best, time.perf_counter() - t0)
    out[name] = {"ms": best * 1e3, "loss": float(loss), "gradSum": float(np.abs(grad).sum())}
print(json.dumps(out))
`;

function main(): void {
  const all = mnistAll();
  const X = addBias(all.X); // 10000×785
  const N = X.rows, D = X.cols, C = 10, reg = 2.5e4 * 1e-6;
  const W = matrix(C, D, rng(0).normals(C * D, 0, 1e-3));
  const y = Int32Array.from(all.y);
  console.log(`losses.bench: svmLoss and softmaxLoss, loss + gradient, X ${N}×${D}, W ${C}×${D}, float64; best of ${REPEATS}`);
  console.log(`  goal: at most ${GOAL}× NumPy's vectorized version, measured in this run`);

  const results: Record<string, { ms: number; loss: number; gradSum: number }> = {};
  for (const [name, fn] of [["svmLoss", svmLoss], ["softmaxLoss", softmaxLoss]] as const) {
    let r = fn(W, X, y, reg);
    const ms = best(() => { r = fn(W, X, y, reg); });
    results[name] = { ms, loss: r.loss, gradSum: r.grad.data.reduce((s, v) => s + Math.abs(v), 0) };
  }

  let numpy: Record<string, { ms: number; loss: number; gradSum: number }> | null = null;
  let numpyVersion = "";
  if (fs.existsSync(PYTHON)) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-bench-"));
    try {
      fs.writeFileSync(path.join(dir, "X.bin"), Buffer.from(X.data.buffer, X.data.byteOffset, X.data.byteLength));
      fs.writeFileSync(path.join(dir, "W.bin"), Buffer.from(W.data.buffer, W.data.byteOffset, W.data.byteLength));
      fs.writeFileSync(path.join(dir, "y.bin"), Buffer.from(y.buffer, y.byteOffset, y.byteLength));
      const p = spawnSync(PYTHON, ["-c", NUMPY_SCRIPT, dir, `${N}`, `${D}`, `${C}`, `${reg}`, `${REPEATS}`], { encoding: "utf8" });
      if (p.status === 0) {
        const parsed = JSON.parse(p.stdout);
        numpyVersion = parsed.numpy;
        numpy = parsed;
      } else {
        console.log(`  NumPy not measured: ${PYTHON} failed: ${(p.stderr || "").trim().split("\n").pop()}`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } else {
    console.log(`  NumPy not measured: ${PYTHON} is missing`);
  }

  for (const name of ["svmLoss", "softmaxLoss"]) {
    const js = results[name];
    let line = `  ${name.padEnd(12)} optimlab ${js.ms.toFixed(1).padStart(7)} ms`;
    if (numpy) {
      const np = numpy[name];
      const ratio = js.ms / np.ms;
      const agree = Math.abs(js.loss - np.loss) <= 1e-9 * Math.abs(np.loss) && Math.abs(js.gradSum - np.gradSum) <= 1e-9 * np.gradSum;
      line += `   NumPy ${numpyVersion} ${np.ms.toFixed(1).padStart(7)} ms   ratio ${ratio.toFixed(2)}× (goal ≤ ${GOAL}×: ${ratio <= GOAL ? "met" : "NOT met"})`;
      line += agree ? "   same loss and gradient" : `   RESULTS DIFFER: loss ${js.loss} vs ${np.loss}`;
    }
    console.log(line);
  }
}

main();
