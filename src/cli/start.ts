/**
 * `npm start`: opens notebooks/ in Jupyter with the project's TypeScript kernel.
 * (npm start builds first: the package, the plotly bundle, the kernelspec.)
 *
 * What Jupyter shows: the lessons (and their worked solutions in solutions/) and the exercises
 * to fill in. In the course repository notebooks/exercises/ holds the SOURCES, with solutions
 * and hidden tests: there the student copies are made in notebooks/my-exercises/ on the first
 * start (never overwritten; src/homework/exerciseCopies.ts) and the tree does not list
 * exercises/ (Jupyter's hide_globs; the README says where the sources are, for those who want
 * them). In a student edition notebooks/exercises/ already holds the copies.
 *
 * Options after `--`: `--port N` (default 8888; when it is taken Jupyter tries the next ones and
 * says which it chose), `--no-browser`, and `--lab` for JupyterLab where it is installed.
 */
import { spawn, spawnSync } from "child_process";
import * as path from "path";
import { COPIES_FOLDER, holdsSources, makeMissingCopies } from "../homework/exerciseCopies";
import { COMMANDS } from "./commands";
import { parseArgs, UsageError } from "./options";
import { jupyterEnv, NOTEBOOKS, runAsCommand } from "./paths";
import { ensureJupyter } from "./tools";

/** Jupyter's own hidden names, and the exercise sources. */
export const HIDE_GLOBS = ["__pycache__", "*.pyc", "*.pyo", ".DS_Store", "*.so", "*.dylib", "*~", "exercises"];

function main(): void {
  const args = parseArgs("start", process.argv.slice(2), COMMANDS.start);
  const port = String(args.options["--port"] ?? process.env.OPTIMLAB_PORT ?? "8888");
  if (!/^\d+$/.test(port)) throw new UsageError(`start: --port must be a number, got ${port}`);
  const python = ensureJupyter();
  const lab = args.options["--lab"] === true;
  const app = lab ? "jupyterlab" : "notebook";
  if (spawnSync(python, ["-c", `import ${app}`], { stdio: "ignore" }).status !== 0) {
    throw new Error(`optimlab: ${app} is not installed for ${python}; run \`sudo apt-get install jupyter-notebook\``);
  }
  const exercises = path.join(NOTEBOOKS, "exercises");
  const sources = holdsSources(exercises);
  const jupyterArgs = ["-m", app, `--notebook-dir=${NOTEBOOKS}`, `--port=${port}`, "--port-retries=50"];
  if (sources) {
    const made = makeMissingCopies(exercises, path.join(NOTEBOOKS, COPIES_FOLDER));
    if (made.length > 0) console.log(`optimlab: made your copies of ${made.length} exercises in notebooks/${COPIES_FOLDER}/ (never overwritten)`);
    jupyterArgs.push(`--ContentsManager.hide_globs=${JSON.stringify(HIDE_GLOBS)}`);
  }
  if (process.env.OPTIMLAB_IP) jupyterArgs.push(`--ip=${process.env.OPTIMLAB_IP}`); // the Dockerfile: 0.0.0.0
  if (args.options["--no-browser"] === true) jupyterArgs.push("--no-browser");
  if (typeof process.getuid === "function" && process.getuid() === 0) jupyterArgs.push("--allow-root");
  console.log(`optimlab: starting Jupyter on ${NOTEBOOKS} (kernel "TypeScript (optimlab)"); Ctrl-C to stop`);
  const child = spawn(python, jupyterArgs, { stdio: "inherit", env: jupyterEnv() });
  const stop = () => child.kill("SIGINT");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code) => process.exit(code ?? 0));
}

runAsCommand(module, main);
