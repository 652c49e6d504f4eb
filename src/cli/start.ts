/**
 * `npm start`: opens notebooks/ in Jupyter with the project's TypeScript kernel.
 * (npm start builds first: the package, the plotly bundle, the kernelspec.)
 *
 * Options after `--`: `--port N` (default 8888; when it is taken Jupyter tries the next ones and
 * says which it chose), `--no-browser`, and `--lab` for JupyterLab where it is installed.
 */
import { spawn, spawnSync } from "child_process";
import { COMMANDS } from "./commands";
import { parseArgs, UsageError } from "./options";
import { jupyterEnv, NOTEBOOKS, runAsCommand } from "./paths";
import { ensureJupyter } from "./tools";

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
  const jupyterArgs = ["-m", app, `--notebook-dir=${NOTEBOOKS}`, `--port=${port}`, "--port-retries=50"];
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
