/**
 * `node dist/cli/notebooks.js run [--timeout S] [--out DIR] [--keep-going] [NOTEBOOK…]`
 *
 * Runs notebooks top to bottom through real Jupyter (nbclient) on the project's kernel; with no
 * names, every notebook under notebooks/. Executed copies go to test/.out/notebooks/ unless
 * --out says otherwise. With --keep-going the cells after a failing cell still run.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { COMMANDS } from "./commands";
import { parseArgs, positiveNumber } from "./options";
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

/**
 * Executes the notebooks in one nbclient process; output is its report. `keepGoing`: the
 * cells after a failing one still run (the run still fails).
 */
export function runNotebooks(files: string[], options: { timeout?: number; out?: string; keepGoing?: boolean } = {}): RunResult {
  const python = ensureJupyter();
  const args = [path.join(SCRIPTS, "run_notebooks.py"), "--timeout", String(options.timeout ?? 300)];
  args.push("--out", options.out ?? EXECUTED, "--root", NOTEBOOKS);
  if (options.keepGoing) args.push("--keep-going");
  const r = spawnSync(python, [...args, ...files], { env: jupyterEnv(), encoding: "utf8", maxBuffer: 64 << 20 });
  return { ok: r.status === 0, output: (r.stdout ?? "") + (r.stderr ?? "") };
}

function main(): void {
  const spec = COMMANDS.notebooks;
  const args = parseArgs("notebooks", process.argv.slice(2), spec);
  const timeout = positiveNumber("notebooks", args, "--timeout", spec);
  const out = typeof args.options["--out"] === "string" ? path.resolve(args.options["--out"]) : undefined;
  const files = args.positionals.map((f) => path.resolve(f));
  const r = runNotebooks(files.length > 0 ? files : listNotebooks(), { timeout, out, keepGoing: args.options["--keep-going"] === true });
  process.stdout.write(r.output);
  process.exit(r.ok ? 0 : 1);
}

runAsCommand(module, main);
