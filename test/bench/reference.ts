/**
 * What the benchmarks share about their references: the Python that runs NumPy, SciPy and
 * PyTorch (Debian's /usr/bin/python3), run with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset in
 * that subprocess only (so OpenBLAS picks its own kernel for this CPU), the BLAS it uses, and a
 * line about the machine and its load (ratios measured on a busy machine are noisy).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import { computeBackend } from "../../src/compute/fastProducts";

export const PYTHON = "/usr/bin/python3";

/** The environment of the reference's subprocess: this one's without OpenBLAS's overrides. */
export function referenceEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

/** Python that prints which BLAS NumPy runs: threadpoolctl's view if present, else numpy.show_config's, and OpenBLAS's own. */
export const BLAS_INFO_PY = `
def blas_info():
    import ctypes, io, contextlib
    import numpy as np
    np.ones((64, 64)) @ np.ones((64, 64))  # load the BLAS
    info = {"numpy": np.__version__}
    try:
        from threadpoolctl import threadpool_info
        info["threadpoolctl"] = [{k: d.get(k) for k in ("internal_api", "version", "num_threads", "architecture")} for d in threadpool_info()]
    except ImportError:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            np.show_config()
        info["show_config"] = sorted({l.strip() for l in buf.getvalue().splitlines() if "libraries" in l})[:3]
    libs = sorted({l.split()[-1] for l in open("/proc/self/maps") if "openblas" in l.lower() and l.split()[-1].startswith("/")})
    for lib in libs:
        try:
            h = ctypes.CDLL(lib)
            h.openblas_get_corename.restype = ctypes.c_char_p
            h.openblas_get_config.restype = ctypes.c_char_p
            info["openblas"] = {"kernel": h.openblas_get_corename().decode(), "threads": h.openblas_get_num_threads(),
                                "config": h.openblas_get_config().decode(), "library": lib}
            break
        except Exception:
            pass
    return info
`;

/** Runs a Python script that prints one JSON object; null (and a note) where it cannot. */
export function runPython<T>(label: string, script: string, args: string[]): T | null {
  if (!fs.existsSync(PYTHON)) {
    console.log(`  ${label} not measured: ${PYTHON} is missing`);
    return null;
  }
  const p = spawnSync(PYTHON, ["-c", script, ...args], { encoding: "utf8", env: referenceEnv(), maxBuffer: 1 << 24 });
  if (p.status !== 0) {
    console.log(`  ${label} not measured: ${PYTHON} failed: ${(p.stderr || String(p.error)).trim().split("\n").pop()}`);
    return null;
  }
  return JSON.parse(p.stdout.trim().split("\n").pop() as string) as T;
}

export interface BlasInfo {
  numpy: string;
  threadpoolctl?: { internal_api: string; version: string; num_threads: number; architecture: string }[];
  show_config?: string[];
  openblas?: { kernel: string; threads: number; config: string; library: string };
}

/** One line on the BLAS: kernel and threads. */
export function blasLine(info: BlasInfo | null | undefined): string {
  if (!info) return "NumPy's BLAS: unknown";
  const o = info.openblas;
  const tp = info.threadpoolctl?.map((d) => `${d.internal_api} ${d.version} ${d.architecture}, ${d.num_threads} threads`).join("; ");
  return `NumPy ${info.numpy} on ` + (o ? `OpenBLAS kernel ${o.kernel}, ${o.threads} threads (${o.config})` : tp ?? `BLAS: ${info.show_config?.join(" ")}`) +
    `${tp && o ? `; threadpoolctl: ${tp}` : ""}; OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset for it`;
}

/** The CPU, the products' backend, and the load: printed at the start and the end of a benchmark. */
export function machineLine(): string {
  const cpus = os.cpus();
  const [l1, l5] = os.loadavg();
  return `machine: ${cpus[0]?.model ?? "?"}, ${cpus.length} cores, Node ${process.version}, products on ${computeBackend()}; ` +
    `load average ${l1.toFixed(2)} (1 min), ${l5.toFixed(2)} (5 min)` +
    (l1 > 0.5 * cpus.length ? ` — BUSY: other work shares the ${cpus.length} cores, ratios are noisy` : "");
}

/** Waits (busy, without the event loop) until the products' worker thread is up, at most `ms`. */
export function waitForThreads(ms = 3000): void {
  const t0 = Date.now(), sleeper = new Int32Array(new SharedArrayBuffer(4));
  while (computeBackend() === "simd" && Date.now() - t0 < ms) Atomics.wait(sleeper, 0, 0, 10); // the worker starts on its own thread

}
