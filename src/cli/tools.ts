/**
 * Finding (and where we can, installing) the programs the course runs on: a Python with
 * Jupyter (nbclient, nbconvert, notebook) and, for the browser tests, Chromium.
 *
 * Order of preference: a project-local venv (.venv), Debian's /usr/bin/python3, the python3 on
 * PATH. To install: Debian's packages with apt when we are root; else a project-local venv with
 * pip; else stop with the one command the user has to run. Nothing is installed globally without
 * saying so first.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "./paths";

const JUPYTER_MODULES = ["nbclient", "nbformat", "nbconvert", "jupyter_client"];
const APT_JUPYTER = ["jupyter-notebook", "jupyter-nbconvert", "python3-nbclient", "python3-ipykernel"];
const VENV = path.join(ROOT, ".venv");

function candidates(): string[] {
  return [path.join(VENV, "bin", "python3"), "/usr/bin/python3", "python3"].filter(
    (p) => !p.includes(path.sep) || fs.existsSync(p),
  );
}

function hasModules(python: string, modules: string[]): boolean {
  const r = spawnSync(python, ["-c", `import ${modules.join(", ")}`], { stdio: "ignore" });
  return r.status === 0;
}

/** A Python that can run notebooks (nbclient) and export them (nbconvert), or null. */
export function findJupyterPython(): string | null {
  return candidates().find((p) => hasModules(p, JUPYTER_MODULES)) ?? null;
}

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

function run(cmd: string, args: string[]): boolean {
  console.log(`$ ${cmd} ${args.join(" ")}`);
  return spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0;
}

/** The one install script for the machine-level parts (also used by .ci/run, Gradescope's setup.sh, the Dockerfile). */
export const INSTALL_SCRIPT = path.join(ROOT, "scripts", "install-machine.sh");

/** Runs the install script for `part` ("jupyter", "chromium", "isolation") where it can install (as root, with apt). */
export function installMachinePart(part: string): boolean {
  if (!isRoot() || !fs.existsSync("/usr/bin/apt-get") || !fs.existsSync(INSTALL_SCRIPT)) return false;
  console.log(`optimlab: ${part} is missing; installing it with scripts/install-machine.sh ${part} (apt, as root)`);
  return run("bash", [INSTALL_SCRIPT, part]);
}

/** Finds Jupyter, installing it where we can; throws with the command to run where we cannot. */
export function ensureJupyter(): string {
  const found = findJupyterPython();
  if (found) return found;
  if (installMachinePart("jupyter")) {
    const p = findJupyterPython();
    if (p) return p;
  }
  const base = candidates().find((p) => spawnSync(p, ["-c", "import venv, ensurepip"], { stdio: "ignore" }).status === 0);
  if (base) {
    console.log(`optimlab: creating a project-local Python venv in ${VENV} for Jupyter`);
    if (run(base, ["-m", "venv", VENV]) && run(path.join(VENV, "bin", "pip"), ["install", "-q", "notebook", "nbclient", "nbconvert", "ipykernel"])) {
      const p = findJupyterPython();
      if (p) return p;
    }
  }
  throw new Error(
    "optimlab: Jupyter was not found and could not be installed here. Install it with\n" +
      `  sudo apt-get install ${APT_JUPYTER.join(" ")}\n` +
      "or\n  python3 -m venv .venv && .venv/bin/pip install notebook nbclient nbconvert ipykernel\nthen run the command again.",
  );
}

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function findChromium(): string | null {
  const env = process.env.CHROMIUM_PATH;
  if (env && fs.existsSync(env)) return env;
  return CHROMIUM.find((p) => fs.existsSync(p)) ?? null;
}

/** Finds headless Chromium for the browser tests, installing Debian's `chromium` where we can. */
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  if (installMachinePart("chromium")) {
    const p = findChromium();
    if (p) return p;
  }
  throw new Error("optimlab: Chromium was not found. Install it with\n  sudo apt-get install chromium\nthen run the command again.");
}

/** The flags headless Chromium needs on a machine with no network and no display (DESIGN.md). */
export function chromiumFlags(userDataDir: string): string[] {
  return [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", `--user-data-dir=${userDataDir}`,
  ];
}
