/**
 * Benchmark: one `step(x, dx)` of every update rule on a 10⁷-element Float64Array, against
 *   (a) the floor: the same update as a plain C loop over the same arrays (test/bench/stream.c,
 *       built here with `cc -O3 -march=native` into a temporary folder where a compiler exists),
 *       which the compiler vectorizes and which streams the same bytes;
 *   (b) torch.optim, float64, one thread (torch.set_num_threads(1)), via /usr/bin/python3 where
 *       PyTorch is installed.
 * Goals (issue 4): never slower than torch.optim for any rule, and within 2× of the C floor.
 *
 * Each time is the best of several repeats after a warm-up step, over two rounds (so other work
 * on this shared machine disturbs it less); the three sides of a rule run one right after the
 * other. BENCH_ROUNDS sets the number of rounds.
 * Run: `npm run bench`, or after `tsc -p tsconfig.test.json`, `node .build/test/bench/optimizers.bench.js`.
 * BENCH_N=1000000 sets another size.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { adagrad, adam, adamw, momentum, nesterov, rmsprop, sgd, type Optimizer } from "../../src/optimizers";

const N = Number(process.env.BENCH_N ?? 1e7);
const REPEATS = 7;
/** Rounds over all rules; each side keeps its best time over all rounds (fair to all three under load). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const PYTHON = "/usr/bin/python3";
const FLOOR_GOAL = 2;
const TORCH_GOAL = 1;

/** Each rule with the settings used on all three sides (those of stream.c and TORCH_SCRIPT). */
const RULES: [string, () => Optimizer][] = [
  ["sgd", () => sgd({ learningRate: 1e-3 })],
  ["momentum", () => momentum({ learningRate: 1e-3, rho: 0.9 })],
  ["nesterov", () => nesterov({ learningRate: 1e-3, rho: 0.9 })],
  ["adagrad", () => adagrad({ learningRate: 1e-3, eps: 1e-7 })],
  ["rmsprop", () => rmsprop({ learningRate: 1e-3, decayRate: 0.99, eps: 1e-7 })],
  ["adam", () => adam({ learningRate: 1e-3, eps: 1e-7 })],
  ["adamw", () => adamw({ learningRate: 1e-3, eps: 1e-7, weightDecay: 1e-2 })],
];

const TORCH_SCRIPT = `
import json, math, sys, time
import torch
torch.set_num_threads(1)
rule, n, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
i = torch.arange(n, dtype=torch.float64)
p = torch.sin(i).requires_grad_(True)
p.grad = 1e-3 * torch.cos(i)
make = {
  "sgd": lambda: torch.optim.SGD([p], lr=1e-3),
  "momentum": lambda: torch.optim.SGD([p], lr=1e-3, momentum=0.9),
  "nesterov": lambda: torch.optim.SGD([p], lr=1e-3, momentum=0.9, nesterov=True),
  "adagrad": lambda: torch.optim.Adagrad([p], lr=1e-3, eps=1e-7),
  "rmsprop": lambda: torch.optim.RMSprop([p], lr=1e-3, alpha=0.99, eps=1e-7),
  "adam": lambda: torch.optim.Adam([p], lr=1e-3, eps=1e-7),
  "adamw": lambda: torch.optim.AdamW([p], lr=1e-3, eps=1e-7, weight_decay=1e-2),
}[rule]
opt = make()
opt.step()
ms = []
for _ in range(repeats):
    t0 = time.perf_counter()
    opt.step()
    ms.append((time.perf_counter() - t0) * 1e3)
print(json.dumps({"rule": rule, "torch": torch.__version__, "ms": ms}))
`;

/** The best (smallest) time of `repeats` steps, in milliseconds, after one warm-up step. */
function timeRule(make: () => Optimizer, x: Float64Array, dx: Float64Array): number {
  const rule = make();
  rule.step(x, dx); // warm-up: allocates the state, lets V8 optimize the loop
  let min = Infinity;
  for (let r = 0; r < REPEATS; r++) {
    const t0 = process.hrtime.bigint();
    rule.step(x, dx);
    min = Math.min(min, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  rule.reset(); // frees the state before the next rule
  return min;
}

/** Builds stream.c; null (and why) where there is no compiler. */
function buildFloor(): { exe: string | null; why: string } {
  const source = path.join(__dirname, "../../../test/bench/stream.c");
  if (!fs.existsSync(source)) return { exe: null, why: `no ${source}` };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-bench-"));
  const exe = path.join(dir, "stream");
  const r = spawnSync("cc", ["-O3", "-march=native", "-o", exe, source, "-lm"], { encoding: "utf8" });
  if (r.error || r.status !== 0) return { exe: null, why: `cc failed: ${r.error?.message ?? r.stderr.trim()}` };
  return { exe, why: "" };
}

function runJson(cmd: string, args: string[]): { ms: number[]; torch?: string } | string {
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 1 << 20 });
  if (r.error) return r.error.message;
  if (r.status !== 0) return (r.stderr || `exit ${r.status}`).trim().split("\n").slice(-1)[0];
  return JSON.parse(r.stdout.trim().split("\n").slice(-1)[0]);
}

function main(): void {
  console.log(`update rules: one step on a ${N.toExponential(0)}-element Float64Array, best of ${REPEATS} × ${ROUNDS} rounds (ms)`);
  console.log(`goals: rule/C floor <= ${FLOOR_GOAL}, rule/torch.optim <= ${TORCH_GOAL}`);
  const floor = buildFloor();
  if (!floor.exe) console.log(`C floor: skipped (${floor.why})`);
  const hasTorch = fs.existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import torch"]).status === 0;
  if (!hasTorch) console.log(`torch.optim: skipped (no PyTorch in ${PYTHON})`);

  const x = new Float64Array(N);
  const dx = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    x[i] = Math.sin(i);
    dx[i] = 1e-3 * Math.cos(i);
  }
  const header = ["rule", "optimlab", "C floor", "torch.optim", `÷ floor (goal ≤ ${FLOOR_GOAL})`, `÷ torch (goal ≤ ${TORCH_GOAL})`];
  const rows: string[][] = [];
  let torchVersion = "";
  let met = 0;
  let checked = 0;
  const best = new Map<string, { ours: number; c: number | string; t: number | string }>();
  const better = (a: number | string, b: number | string) =>
    typeof a === "number" && typeof b === "number" ? Math.min(a, b) : typeof b === "number" ? b : a;
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, make] of RULES) {
      const ours = timeRule(make, x, dx);
      let c: number | string = "–";
      if (floor.exe) {
        const r = runJson(floor.exe, [name, String(N), String(REPEATS)]);
        c = typeof r === "string" ? `error: ${r}` : Math.min(...r.ms);
      }
      let t: number | string = "–";
      if (hasTorch) {
        const r = runJson(PYTHON, ["-c", TORCH_SCRIPT, name, String(N), String(REPEATS)]);
        if (typeof r === "string") t = `error: ${r}`;
        else {
          t = Math.min(...r.ms);
          torchVersion = r.torch ?? "";
        }
      }
      const before = best.get(name);
      best.set(name, before ? { ours: Math.min(before.ours, ours), c: better(before.c, c), t: better(before.t, t) } : { ours, c, t });
    }
  }
  for (const [name] of RULES) {
    const { ours, c, t } = best.get(name)!;
    const ratio = (ref: number | string, goal: number) => {
      if (typeof ref !== "number") return "–";
      checked++;
      const q = ours / ref;
      if (q <= goal) met++;
      return `${q.toFixed(2)} ${q <= goal ? "ok" : "MISSED"}`;
    };
    const fmt = (v: number | string) => (typeof v === "number" ? (v >= 10 ? v.toFixed(1) : v.toPrecision(3)) : v);
    rows.push([name, fmt(ours), fmt(c), fmt(t), ratio(c, FLOOR_GOAL), ratio(t, TORCH_GOAL)]);
  }
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (r: string[]) => r.map((s, j) => (j === 0 ? s.padEnd(widths[j]) : s.padStart(widths[j]))).join("  ");
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  if (torchVersion) console.log(`torch ${torchVersion}, float64, 1 thread; C: cc -O3 -march=native`);
  console.log(`${met} of ${checked} ratios within their goal (machine load: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`);
}

main();
