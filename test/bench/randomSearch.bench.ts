/**
 * Benchmark (issue 18): one attempt of the lecture's random search at the lecture's scale,
 * against NumPy in the same run. CIFAR-shaped data: the five training files of the CIFAR-10
 * binary format (50,000 images; written by test/fixtures/cifar10-format/writeCifar10.ts, since
 * CIFAR-10 is not on npm), read by `loadCifar10`, X = addBias(X) 50,000×3,073, C = 10. An
 * attempt is the slide's two lines: W = 0.0001·randn(10, 3073); loss = L(X, y, W), the SVM loss
 * without its gradient (reg 0). NumPy reads the same files and runs the same loss
 * (X @ W.T, margins), before and after optimlab; the best of both is kept.
 *
 * optimlab is timed with X kept (`withNonzeroPattern(X)`: found once, as NumPy's X is made once;
 * its copy in the fast kernels' memory is then reused) and plain (X copied for every attempt).
 * Goal: at most 2× NumPy's wall time per attempt.
 *
 * Run: `npm run bench`, or after `tsc -p tsconfig.test.json`, `node .build/test/bench/randomSearch.bench.js`.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { addBias, loadCifar10 } from "../../src/data";
import { withNonzeroPattern } from "../../src/compute/matmul";
import { svmLoss } from "../../src/classifiers";
import { randomSearch } from "../../src/optimizers";
import { rng } from "../../src/core/random";
import type { Matrix } from "../../src/core/matrix";
import { writeCifar10Files } from "../fixtures/cifar10-format/writeCifar10";
import { BLAS_INFO_PY, blasLine, machineLine, runPython, waitForThreads, type BlasInfo } from "./reference";

const GOAL = 2;
const ATTEMPTS = 7;

const NUMPY_SCRIPT = `${BLAS_INFO_PY}
import json, sys, time
import numpy as np
d, attempts = sys.argv[1], int(sys.argv[2])
raw = np.concatenate([np.fromfile(f"{d}/data_batch_{b}.bin", dtype=np.uint8).reshape(-1, 3073) for b in range(1, 6)])
y = raw[:, 0].astype(np.int64)
X = np.hstack([raw[:, 1:].astype(np.float64), np.ones((raw.shape[0], 1))])  # the bias trick: 50,000 x 3,073
N = X.shape[0]
rows = np.arange(N)
def L(X, y, W):
    S = X @ W.T
    M = np.maximum(0, S - S[rows, y][:, None] + 1)
    M[rows, y] = 0
    return M.sum() / N
W0 = np.fromfile(d + "/W0.bin", dtype=np.float64).reshape(10, 3073)
loss0 = L(X, y, W0)
times = []
for num in range(attempts):
    t0 = time.perf_counter()
    W = np.random.randn(10, 3073) * 0.0001  # generate random parameters
    loss = L(X, y, W)  # get the loss over the entire training set
    times.append(time.perf_counter() - t0)
print(json.dumps({"blas": blas_info(), "best": min(times) * 1e3, "median": sorted(times)[len(times) // 2] * 1e3, "loss0": float(loss0)}))
`;

interface NumpyResult { blas: BlasInfo; best: number; median: number; loss0: number }

/** Best and median wall time of `attempts` calls, in ms (after one warm-up). */
function timeAttempts(attempts: number, fn: (num: number) => void): { best: number; median: number } {
  fn(-1);
  const times: number[] = [];
  for (let num = 0; num < attempts; num++) {
    const t0 = process.hrtime.bigint();
    fn(num);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { best: times[0], median: times[Math.floor(times.length / 2)] };
}

async function main(): Promise<void> {
  console.log(`randomSearch.bench: one random-search attempt (W = 0.0001·randn(10, 3073), SVM loss over 50,000×3,073), float64`);
  console.log(`  ${machineLine()}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-cifar-bench-"));
  try {
    const t0 = Date.now();
    writeCifar10Files(dir, 10000, 0);
    const { train } = loadCifar10(dir, { test: false });
    const X: Matrix = addBias(train.X);
    const y = train.y;
    console.log(`  data: CIFAR-format files written and read by loadCifar10 in ${((Date.now() - t0) / 1000).toFixed(1)} s; X ${X.rows}×${X.cols}`);
    const W0: Matrix = { rows: 10, cols: 3073, data: rng(42).normals(10 * 3073, 0, 1e-4) };
    fs.writeFileSync(path.join(dir, "W0.bin"), Buffer.from(W0.data.buffer));

    const before = runPython<NumpyResult>("NumPy", NUMPY_SCRIPT, [dir, String(ATTEMPTS)]);
    waitForThreads();
    const random = rng(1);
    const draw = (): Matrix => ({ rows: 10, cols: 3073, data: random.normals(10 * 3073, 0, 1e-4) });
    const kept = withNonzeroPattern(X); // dense: no pattern, but X is kept (its copy made once)
    const keptT = timeAttempts(ATTEMPTS, () => svmLoss(draw(), kept, y, 0, { gradient: false }));
    const plainT = timeAttempts(3, () => svmLoss(draw(), X, y, 0, { gradient: false }));
    const loss0 = svmLoss(W0, kept, y, 0, { gradient: false }).loss;
    const s0 = Date.now();
    const search = await randomSearch((W) => svmLoss(W, kept, y, 0, { gradient: false }).loss, { rows: 10, cols: 3073, attempts: 10, seed: 0 });
    const perSearchAttempt = (Date.now() - s0) / 10;
    const after = before ? runPython<NumpyResult>("NumPy", NUMPY_SCRIPT, [dir, String(ATTEMPTS)]) : null;

    console.log(`  optimlab, X kept:  ${keptT.best.toFixed(1)} ms per attempt (median ${keptT.median.toFixed(1)}); randomSearch's own loop ${perSearchAttempt.toFixed(1)} ms per attempt (best of 10: ${Math.min(...search.losses).toFixed(4)})`);
    console.log(`  optimlab, X plain: ${plainT.best.toFixed(1)} ms per attempt (median ${plainT.median.toFixed(1)}; X copied into the kernels' memory each time)`);
    if (before) {
      const np = { best: Math.min(before.best, after?.best ?? Infinity), median: Math.min(before.median, after?.median ?? Infinity) };
      console.log(`  ${blasLine(before.blas)}`);
      console.log(`  NumPy:             ${np.best.toFixed(1)} ms per attempt (median ${np.median.toFixed(1)})`);
      const ratio = keptT.best / np.best;
      console.log(`  ratio ${ratio.toFixed(2)}× NumPy wall with X kept (goal ≤ ${GOAL}×: ${ratio <= GOAL ? "met" : "NOT met"}), ` +
        `${(plainT.best / np.best).toFixed(2)}× plain; the slide's 1000 attempts: optimlab ${(keptT.best).toFixed(0)} s, NumPy ${np.best.toFixed(0)} s`);
      const agree = Math.abs(loss0 - before.loss0) <= 1e-12 * Math.abs(before.loss0);
      console.log(`  ${agree ? "same loss as NumPy" : "LOSSES DIFFER"} for one W: ${loss0} vs ${before.loss0}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`  ${machineLine()}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
