import { simdKernelBytes, MAX_PAGES } from "./simdKernels";

/**
 * The fast path of the products: the WebAssembly SIMD kernels of `simdKernels.ts`, run on two
 * threads (this one and one worker) over a shared WebAssembly memory. `matmul.ts` calls
 * `fastABt`/`fastAtB` and falls back to its scalar JavaScript when they return false.
 *
 * Chosen at run time, once: SIMD needs `WebAssembly.validate` to accept the kernels; the second
 * thread needs shared memory and `worker_threads` (absent in a browser page, refused by Node's
 * permission model without `--allow-worker`): without it the same work runs on one thread. The
 * environment variable OPTIMLAB_COMPUTE (or `setComputeBackend`) forces "scalar" or
 * "simd" (one thread); "auto" is the default.
 *
 * Same numbers on every machine: each product is cut into parts by its shape alone (two halves
 * of the rows when it is large, else one part), never by the number of cores. In Aᵀ B the
 * halves are summed separately and then added, on one thread or two alike.
 *
 * Copies. The kernels read only their own memory, so the operands are copied in with each
 * product (that time is part of the product's time), except a matrix marked reusable
 * (`withNonzeroPattern`, or `reusable` for the duration of one loss): its copy is kept in one of
 * two slots and used again while the same marked object is passed. A slot is dropped when a third
 * marked matrix needs it (one whose matrix the program no longer holds goes first, else the least
 * recently used), when the memory is laid out anew for a larger operand, or when the memory cannot
 * grow. A slot holds its matrix weakly (a dropped matrix is not kept alive by its copy); the
 * WebAssembly memory itself never shrinks, so it stays as large as the largest products made. A marked matrix's data must not change while it is in use (the rule that
 * `withNonzeroPattern` already states).
 */

export type ComputeBackend = "auto" | "scalar" | "simd";

/**
 * minWork: below this many multiply-adds a product stays in scalar JavaScript (copying would cost
 * more). splitWork: from this many on, a product is cut into two halves of its rows (for two
 * threads). Tests lower them to send tiny shapes through the kernels; nothing else changes them.
 */
export const fastThresholds = { minWork: 1 << 15, splitWork: 1 << 20 };
/** How long the main thread waits for the worker's half before it gives up the fast path, in ms. */
const WORKER_TIMEOUT_MS = 20000;

const PAGE = 65536;
// control words (Int32, at the start of the memory): the worker's job and its answer
const JOB = 0, DONE = 1, READY = 2, KIND = 3, ARGS = 4; // ARGS..ARGS+6: the kernel's 7 arguments
const CONTROL_BYTES = 256;

/** The part of the WebAssembly JavaScript API used here (this project's TypeScript setup has no DOM types). */
interface WasmMemory { readonly buffer: ArrayBuffer | SharedArrayBuffer; grow(pages: number): number }
interface WasmApi {
  Memory: new (d: { initial: number; maximum: number; shared?: boolean }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
  validate(bytes: Uint8Array): boolean;
}
const WASM = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

interface Kernels {
  abt(a: number, b: number, c: number, n: number, K: number, i0: number, i1: number): void;
  atb(a: number, b: number, c: number, n: number, K: number, i0: number, i1: number): void;
}

interface Fast {
  memory: WasmMemory;
  kernels: Kernels;
  control: Int32Array;
  worker: { terminate(): unknown } | null;
  job: number;
}

let wanted: ComputeBackend = readEnv();
let fast: Fast | null | undefined; // undefined: not tried yet; null: unavailable

function readEnv(): ComputeBackend {
  const v = typeof process !== "undefined" ? process.env?.OPTIMLAB_COMPUTE : undefined;
  return v === "scalar" || v === "simd" ? v : "auto";
}

/** Forces the scalar path ("scalar"), SIMD on one thread ("simd"), or lets the machine decide ("auto"). */
export function setComputeBackend(backend: ComputeBackend): void {
  if (backend !== "auto" && backend !== "scalar" && backend !== "simd") {
    throw new Error(`setComputeBackend: backend must be "auto", "scalar" or "simd", got ${JSON.stringify(backend)}`);
  }
  if (backend === wanted) return;
  shutDown();
  wanted = backend;
}

/** What the products run on now: "scalar", "simd" (one thread) or "simd+threads". */
export function computeBackend(): "scalar" | "simd" | "simd+threads" {
  const f = ready();
  if (!f) return "scalar";
  return f.worker && Atomics.load(f.control, READY) === 1 ? "simd+threads" : "simd";
}

function shutDown(): void {
  if (fast?.worker) void fast.worker.terminate();
  fast = undefined;
  slots.length = 0;
  layout = null;
}

function ready(): Fast | null {
  if (fast !== undefined) return fast;
  fast = null;
  const wasm = WASM;
  if (wanted === "scalar" || !wasm) return null;
  try {
    let memory: WasmMemory, shared = true;
    try {
      memory = new wasm.Memory({ initial: 1, maximum: MAX_PAGES, shared: true });
    } catch {
      shared = false;
      memory = new wasm.Memory({ initial: 1, maximum: MAX_PAGES });
    }
    const bytes = simdKernelBytes(shared);
    if (!wasm.validate(bytes)) return null; // no SIMD here
    const instance = new wasm.Instance(new wasm.Module(bytes), { env: { memory } });
    const control = new Int32Array(memory.buffer, 0, CONTROL_BYTES / 4);
    fast = { memory, kernels: instance.exports as unknown as Kernels, control, worker: null, job: 0 };
    if (shared && wanted === "auto") fast.worker = startWorker(memory, bytes);
  } catch {
    fast = null;
  }
  return fast;
}

/** The worker: instantiates the same kernels on the same memory, then runs the jobs it is given. */
const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
const { memory, bytes } = workerData;
const k = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports;
const c = new Int32Array(memory.buffer, 0, ${CONTROL_BYTES / 4});
let seen = Atomics.load(c, ${JOB});
Atomics.store(c, ${READY}, 1);
for (;;) {
  Atomics.wait(c, ${JOB}, seen, 1000);
  const job = Atomics.load(c, ${JOB});
  if (job === seen) continue;
  seen = job;
  const a = [1, 2, 3, 4, 5, 6, 7].map((i) => Atomics.load(c, ${ARGS} + i - 1));
  if (Atomics.load(c, ${KIND}) === 1) k.abt(...a); else k.atb(...a);
  Atomics.store(c, ${DONE}, job);
  Atomics.notify(c, ${DONE});
}
`;

function startWorker(memory: WasmMemory, bytes: Uint8Array): { terminate(): unknown } | null {
  try {
    if (typeof process === "undefined" || !process.versions?.node) return null;
    const permission = (process as unknown as { permission?: { has(scope: string): boolean } }).permission;
    if (permission && !permission.has("worker")) return null; // Node's permission model without --allow-worker
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { Worker } = require("node:worker_threads") as typeof import("node:worker_threads");
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { memory, bytes } });
    worker.unref();
    worker.on("error", () => { if (fast?.worker === worker) fast.worker = null; });
    worker.on("exit", () => { if (fast?.worker === worker) fast.worker = null; });
    return worker;
  } catch {
    return null;
  }
}

// ---- memory layout: control words, two slots for kept copies, then scratch for one product ----

/** A slot holds its owner weakly: a kept matrix the program has dropped is not kept alive by its copy. */
interface Held { deref(): object | undefined }
const WeakRefOf = (globalThis as unknown as { WeakRef?: new (o: object) => Held }).WeakRef;
const hold = (o: object): Held => (WeakRefOf ? new WeakRefOf(o) : { deref: () => o });

interface Slot { owner: Held; offset: number; bytes: number; used: number }
const slots: Slot[] = []; // at most 2, least recently used first
let layout: { slotBytes: number; scratch: number } | null = null;
let clock = 0;

const round = (bytes: number) => Math.ceil(bytes / 64) * 64;

/** Grows the memory to at least `end` bytes; a RangeError when it cannot (then the caller takes the scalar path). */
function ensure(f: Fast, end: number): void {
  const have = f.memory.buffer.byteLength;
  if (end > MAX_PAGES * PAGE) throw new RangeError("fast products: operands larger than 4 GiB");
  if (end > have) f.memory.grow(Math.ceil((end - have) / PAGE)); // throws a RangeError when it cannot
}

/** Marked as reusable: its copy may be kept (see the header). */
export const REUSABLE = Symbol("optimlab.reusable");
const isReusable = (A: object): boolean => (A as { [REUSABLE]?: boolean })[REUSABLE] === true;

/** The byte offset of `data`'s copy in a slot, copying it there if it is not already (the layout has room). */
function slotFor(f: Fast, owner: object, data: Float64Array): number {
  const bytes = data.length * 8;
  const hit = slots.find((s) => s.owner.deref() === owner && s.bytes === bytes);
  if (hit) { hit.used = ++clock; return hit.offset; }
  let slot: Slot;
  if (slots.length < 2) {
    const taken = new Set(slots.map((s) => s.offset));
    const offset = [CONTROL_BYTES, CONTROL_BYTES + layout!.slotBytes].find((o) => !taken.has(o))!;
    slot = { owner: hold(owner), offset, bytes, used: 0 };
    slots.push(slot);
  } else {
    const alive = (x: Slot) => (x.owner.deref() ? 1 : 0);
    slots.sort((x, y) => alive(x) - alive(y) || x.used - y.used);
    slot = slots[0]; // one whose matrix is gone, else the least recently used, is dropped
    slot.owner = hold(owner);
    slot.bytes = bytes;
  }
  slot.used = ++clock;
  new Float64Array(f.memory.buffer, slot.offset, data.length).set(data);
  return slot.offset;
}

/**
 * The byte offsets of the operands' copies: kept ones in the slots, the others copied into the
 * scratch space after the slots; then `outputs` more arrays of the given lengths in the scratch.
 */
function place(f: Fast, operands: Dense[], outputs: number[]): number[] {
  const kept = operands.filter(isReusable);
  const need = Math.max(0, ...kept.map((A) => round(A.data.length * 8)));
  if (!layout || need > layout.slotBytes) {
    // lay the memory out anew with room for the largest kept operand: both slots dropped
    slots.length = 0;
    const slotBytes = Math.max(need, layout?.slotBytes ?? 0);
    layout = { slotBytes, scratch: CONTROL_BYTES + 2 * slotBytes };
  }
  let top = layout.scratch;
  const take = (length: number) => { const at = top; top += round(length * 8); return at; };
  const scratchOf = operands.map((A) => (isReusable(A) ? -1 : take(A.data.length)));
  const outs = outputs.map(take);
  ensure(f, top);
  const offsets = operands.map((A, i) => {
    if (scratchOf[i] < 0) return slotFor(f, A, A.data);
    new Float64Array(f.memory.buffer, scratchOf[i], A.data.length).set(A.data);
    return scratchOf[i];
  });
  return [...offsets, ...outs];
}

// ---- running a product in parts ----

/** Runs `kernel` on rows [0, h) here and [h, m) on the worker (or here too, after), with the worker's rows writing to `c1`. */
function runInParts(f: Fast, kind: 1 | 2, args: [number, number, number, number, number], h: number, m: number, c1: number): boolean {
  const [a, b, c0, n, K] = args;
  const kernel = kind === 1 ? f.kernels.abt : f.kernels.atb;
  const w = f.worker && Atomics.load(f.control, READY) === 1 ? f.control : null;
  if (!w) {
    kernel(a, b, c0, n, K, 0, h);
    if (h < m) kernel(a, b, c1, n, K, h, m);
    return true;
  }
  const job = ++f.job;
  Atomics.store(w, KIND, kind);
  [a, b, c1, n, K, h, m].forEach((v, i) => Atomics.store(w, ARGS + i, v));
  Atomics.store(w, JOB, job);
  Atomics.notify(w, JOB);
  kernel(a, b, c0, n, K, 0, h);
  const start = Date.now();
  while (Atomics.load(w, DONE) !== job) {
    Atomics.wait(w, DONE, Atomics.load(w, DONE), 100);
    if (Date.now() - start > WORKER_TIMEOUT_MS) {
      // the worker is stuck or gone: stop using the fast path (its memory may still be written)
      shutDown();
      fast = null;
      return false;
    }
  }
  return true;
}

/** Where the rows are cut in two: a shape-only rule (a multiple of 4, about half), or m for one part. */
function cut(m: number, work: number): number {
  if (work < fastThresholds.splitWork || m < 2) return m;
  return Math.min(m, ((m >> 1) + 3) & ~3);
}

interface Dense { rows: number; cols: number; data: Float64Array }

/** C = A Bᵀ on the fast path; false when it is not available (the caller computes it). */
export function fastABt(A: Dense, B: Dense, C: Dense): boolean {
  try {
    return abt(A, B, C);
  } catch (e) {
    return givenUp(e);
  }
}

/** C = Aᵀ B (or C += Aᵀ B) on the fast path; false when it is not available. */
export function fastAtB(A: Dense, B: Dense, C: Dense, accumulate: boolean): boolean {
  try {
    return atb(A, B, C, accumulate);
  } catch (e) {
    return givenUp(e);
  }
}

/** The memory could not grow (past 4 GiB, or a memory limit): the kept copies are dropped and this product takes the scalar path. */
function givenUp(e: unknown): false {
  if (!(e instanceof RangeError)) throw e;
  slots.length = 0;
  layout = null;
  return false;
}

function abt(A: Dense, B: Dense, C: Dense): boolean {
  const m = A.rows, n = B.rows, K = A.cols;
  const work = m * n * K;
  if (work === 0 || work < fastThresholds.minWork) return false;
  const f = ready();
  if (!f) return false;
  const [a, b, c] = place(f, [A, B], [m * n]);
  const h = cut(m, work);
  if (!runInParts(f, 1, [a, b, c, n, K], h, m, c)) return false; // rows are independent: both parts write C
  C.data.set(new Float64Array(f.memory.buffer, c, m * n));
  return true;
}

function atb(A: Dense, B: Dense, C: Dense, accumulate: boolean): boolean {
  const m = A.rows, n = A.cols, K = B.cols;
  const work = m * n * K;
  if (work === 0 || work < fastThresholds.minWork) return false;
  const f = ready();
  if (!f) return false;
  const h = cut(m, work);
  const [a, b, c, second] = place(f, [A, B], h < m ? [n * K, n * K] : [n * K]);
  const c1 = h < m ? second : c;
  const mem = () => new Float64Array(f.memory.buffer);
  const start = mem();
  if (accumulate) start.set(C.data, c / 8); else start.fill(0, c / 8, c / 8 + n * K);
  if (c1 !== c) start.fill(0, c1 / 8, c1 / 8 + n * K);
  if (!runInParts(f, 2, [a, b, c, n, K], h, m, c1)) return false;
  const heap = mem(), out = C.data, c0 = c / 8;
  if (c1 === c) out.set(heap.subarray(c0, c0 + n * K));
  else for (let t = 0, p = c1 / 8; t < n * K; t++) out[t] = heap[c0 + t] + heap[p + t]; // first half + second half
  return true;
}
