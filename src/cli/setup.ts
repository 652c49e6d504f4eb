/**
 * `node dist/cli/setup.js build | test | kernel-install`
 *
 * build: checks that tslab and zeromq are the versions the output queue was made for
 *   (src/jupyter/checkKernel.ts), bundles plotly.js (only the trace types the course draws) into assets/, writes the
 *   project's kernelspec into .jupyter/kernels/optimlab/, and links node_modules/optimlab to the
 *   project so a notebook anywhere under notebooks/ can `import * as ol from "optimlab"`.
 * test: makes sure Jupyter and Chromium are there (installing them where we can).
 * kernel-install: registers the kernel for the user's own JupyterLab or VS Code.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { checkKernel } from "../jupyter/checkKernel";
import { COMMANDS } from "./commands";
import { parseArgs } from "./options";
import { KERNEL_DIR, KERNEL_NAME, ROOT, runAsCommand } from "./paths";
import { ensureChromium, ensureJupyter } from "./tools";

export const PLOTLY_TRACES = ["scatter", "contour", "heatmap", "surface", "bar"];
const ASSETS = path.join(ROOT, "assets");
const BUNDLE = path.join(ASSETS, "plotly.min.js");

/** Builds assets/plotly.min.js with esbuild unless it is newer than the plotly.js package. */
export function buildPlotly(force = false): void {
  const plotlyPkg = require.resolve("plotly.js/package.json", { paths: [ROOT] });
  if (!force && fs.existsSync(BUNDLE) && fs.statSync(BUNDLE).mtimeMs > fs.statSync(plotlyPkg).mtimeMs) return;
  const entry = [
    "var Plotly = require('plotly.js/lib/core');",
    `Plotly.register([${PLOTLY_TRACES.map((t) => `require('plotly.js/lib/${t}')`).join(", ")}]);`,
    "module.exports = Plotly;",
  ].join("\n");
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const esbuild = require(require.resolve("esbuild", { paths: [ROOT] }));
  fs.mkdirSync(ASSETS, { recursive: true });
  esbuild.buildSync({
    stdin: { contents: entry, resolveDir: ROOT, loader: "js" },
    bundle: true,
    minify: true,
    format: "iife",
    globalName: "Plotly",
    define: { global: "window", "define.amd": "false" },
    loader: { ".css": "empty" }, // only map traces need CSS
    target: "es2017",
    legalComments: "none",
    outfile: BUNDLE,
    logLevel: "warning",
  });
  const mb = (fs.statSync(BUNDLE).size / 1e6).toFixed(2);
  console.error(`optimlab: built assets/plotly.min.js (${PLOTLY_TRACES.join(", ")}): ${mb} MB`);
}

/**
 * The kernelspec: the project's own tslab, run by the node that runs this script, with the
 * output queue loaded first (src/jupyter/preload.ts: no output message is lost, none reordered).
 */
export function kernelSpec(): object {
  const tslab = require.resolve("tslab/bin/tslab", { paths: [ROOT] });
  const preload = path.join(ROOT, "dist", "jupyter", "preload.js");
  return {
    argv: [process.execPath, "--require", preload, tslab, "kernel", "--config-path", "{connection_file}"],
    display_name: "TypeScript (optimlab)",
    language: "typescript",
    metadata: { optimlab: { root: ROOT } },
  };
}

export function writeKernelSpec(dir = KERNEL_DIR): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "kernel.json"), JSON.stringify(kernelSpec(), null, 2) + "\n");
}

/** node_modules/optimlab → the project, so notebooks import the built package by name. */
export function linkSelf(): void {
  const link = path.join(ROOT, "node_modules", KERNEL_NAME);
  try {
    if (fs.realpathSync(link) === fs.realpathSync(ROOT)) return;
    fs.rmSync(link, { recursive: true, force: true });
  } catch {
    // no link yet
  }
  fs.symlinkSync("..", link, "dir");
}

function kernelInstall(): void {
  const python = ensureJupyter();
  const r = spawnSync(python, ["-m", "jupyter", "kernelspec", "install", "--user", "--name", KERNEL_NAME, KERNEL_DIR], {
    stdio: "inherit",
  });
  if (r.status !== 0) {
    console.error(`optimlab: could not register the kernel; run\n  jupyter kernelspec install --user --name ${KERNEL_NAME} ${KERNEL_DIR}`);
    process.exit(1);
  }
  console.log(`optimlab: kernel "${KERNEL_NAME}" registered for this user (JupyterLab, VS Code).`);
}

function main(): void {
  const what = parseArgs("setup", process.argv.slice(2), COMMANDS.setup).subcommand;
  if (what === "build") {
    checkKernel(ROOT);
    buildPlotly();
    writeKernelSpec();
    linkSelf();
  } else if (what === "test") {
    console.log(`optimlab: Jupyter in ${ensureJupyter()}; Chromium at ${ensureChromium()}; grader isolation: ${require("./isolation").ensureIsolation()}`);
  } else if (what === "kernel-install") {
    kernelInstall();
  }
}

runAsCommand(module, main);
