/**
 * `node dist/cli/notebooks.js run [--timeout S] [--out DIR] [NOTEBOOK…]`
 *
 * Runs notebooks top to bottom through real Jupyter (nbclient) on the project's kernel; with no
 * names, every notebook under notebooks/. Executed copies go to test/.out/notebooks/ unless
 * --out says otherwise.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { jupyterEnv, NOTEBOOKS, ROOT, runAsCommand, SCRIPTS } from "./paths";
import { ensureJupyter } from "./tools";

/** Where executed copies go by default (mirroring notebooks/; never committed). */
export const EXECUTED = path.join(ROOT, "test", ".out", "notebooks");

/** Every notebook under a folder, sorted, skipping checkpoints. */
export function listNotebooks(dir = NOTEBOOKS): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith(".")) out.push(...listNotebooks(p));
    else if (entry.name.endsWith(".ipynb")) out.push(p);
  }
  return out;
}

export interface RunResult { ok: boolean; output: string }

/** Executes the notebooks in one nbclient process; output is its report. */
export function runNotebooks(files: string[], options: { timeout?: number; out?: string } = {}): RunResult {
  const python = ensureJupyter();
  const args = [path.join(SCRIPTS, "run_notebooks.py"), "--timeout", String(options.timeout ?? 300)];
  args.push("--out", options.out ?? EXECUTED, "--root", NOTEBOOKS);
  const r = spawnSync(python, [...args, ...files], { env: jupyterEnv(), encoding: "utf8", maxBuffer: 64 << 20 });
  return { ok: r.status === 0, output: (r.stdout ?? "") + (r.stderr ?? "") };
}

function main(): void {
  const argv = process.argv.slice(2);
  if (argv[0] !== "run") {
    console.error("usage: node dist/cli/notebooks.js run [--timeout S] [--out DIR] [NOTEBOOK…]");
    process.exit(2);
  }
  let timeout: number | undefined;
  let out: string | undefined;
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === "--timeout") timeout = Number(argv[++i]);
    else if (argv[i] === "--out") out = argv[++i];
    else files.push(path.resolve(argv[i]));
  }
  const r = runNotebooks(files.length > 0 ? files : listNotebooks(), { timeout, out });
  process.stdout.write(r.output);
  process.exit(r.ok ? 0 : 1);
}

runAsCommand(module, main);
