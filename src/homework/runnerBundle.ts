/**
 * The one file a submission's process is given: runner.js bundled with the library (esbuild,
 * well under a second), WITHOUT the code of the functions the exercise asks for.
 *
 * Every library module (one concept per file) that exports a hidden name is replaced by a
 * stand-in whose exports throw "… is hidden while grading", so the bundle contains no line of
 * those functions, and library functions that call them (train calls svmLoss) fail when they
 * do. Re-evaluating the bundle from inside the sandbox therefore finds no reference either.
 * Packages of NOT_BUNDLED become stand-ins too (mathjs alone would add 3 MB and seconds of
 * start-up to every process); graded functions never need them.
 */
import * as path from "path";
import { withEquivalents } from "./equivalents";

/** Packages left out of the runner bundle: big, or for tools only. */
export const NOT_BUNDLED = ["typescript", "esbuild", "mathjs", "plotly.js", "tslab", "mnist"];

const LIBRARY_ROOT = path.resolve(__dirname, "..");

/** Library module files (absolute paths) and the names each exports, from the loaded library. */
function libraryModules(): Map<string, string[]> {
  require("../index");
  const out = new Map<string, string[]>();
  const homework = path.join(LIBRARY_ROOT, "homework") + path.sep;
  const cli = path.join(LIBRARY_ROOT, "cli") + path.sep;
  for (const [file, mod] of Object.entries(require.cache)) {
    if (!mod || !file.startsWith(LIBRARY_ROOT + path.sep) || file.startsWith(homework) || file.startsWith(cli)) continue;
    if (path.basename(file) === "index.js") continue;
    out.set(file, Object.keys(mod.exports ?? {}));
  }
  return out;
}

/** The modules whose code must stay out of the bundle for `hide` (with its equivalents). */
export function hiddenModules(hide: readonly string[]): Map<string, string[]> {
  const names = new Set(withEquivalents(hide));
  const out = new Map<string, string[]>();
  for (const [file, exports] of libraryModules()) if (exports.some((n) => names.has(n))) out.set(file, exports);
  return out;
}

function hiddenStandIn(exports: string[]): string {
  const lines = exports.map(
    (n) => `exports[${JSON.stringify(n)}] = function () { throw new Error(${JSON.stringify(`${n} is hidden while grading: this exercise asks you to write it yourself`)}); };`,
  );
  return lines.join("\n");
}

const notBundledStandIn = (pkg: string) => `const fail = (k) => () => { throw new Error(${JSON.stringify(pkg)} + "." + String(k) + " is not available while grading"); };
module.exports = new Proxy({}, { get: (t, k) => (k === "__esModule" || typeof k === "symbol" ? undefined : fail(k)), ownKeys: () => [] });`;

/**
 * Bundles runner.js with the library minus `hide` (and its equivalents) into `file`. Returns
 * the hidden names, so the runner can also hide them from `ol` by name.
 */
export async function buildRunnerBundle(file: string, hide: readonly string[] = []): Promise<string[]> {
  const esbuild = require("esbuild") as typeof import("esbuild");
  const hidden = hiddenModules(hide);
  const names = NOT_BUNDLED.map((n) => n.replace(/[.]/g, "\\.")).join("|");
  await esbuild.build({
    stdin: { contents: `require(${JSON.stringify(path.join(__dirname, "runner.js"))}).runnerMain();`, resolveDir: __dirname, loader: "js" },
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    outfile: file,
    logLevel: "silent",
    sourcemap: false,
    plugins: [
      {
        name: "grading-stand-ins",
        setup(build) {
          build.onResolve({ filter: new RegExp(`^(${names})(/.*)?$`) }, (a) => ({ path: a.path, namespace: "not-bundled" }));
          build.onLoad({ filter: /.*/, namespace: "not-bundled" }, (a) => ({ loader: "js", contents: notBundledStandIn(a.path) }));
          build.onLoad({ filter: /\.js$/ }, (a) => {
            const exports = hidden.get(path.resolve(a.path));
            return exports ? { loader: "js", contents: hiddenStandIn(exports) } : undefined;
          });
        },
      },
    ],
  });
  return withEquivalents(hide);
}
