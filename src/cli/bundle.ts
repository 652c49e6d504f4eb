/**
 * `node dist/cli/bundle.js` (part of `npm run build`): the page bundle of the explorables,
 * assets/explore.js, built by esbuild from the same TypeScript sources the kernel runs
 * (src/explore/page.ts and what it imports: the update rules, objectives, run loops and figure
 * builders). For the browser only: a Node module (fs, path, …) or mathjs reached from there is
 * an error here, not a surprise in the page. Prints the size, raw and gzipped, on stderr and only
 * when the bundle changed (`npm run -s grade -- --json` builds first: its stdout is the JSON alone).
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { COMMANDS } from "./commands";
import { parseArgs } from "./options";
import { ROOT, runAsCommand } from "./paths";

export const EXPLORE_BUNDLE = path.join(ROOT, "assets", "explore.js");
/** The most the page bundle may weigh, gzipped (issue 14). */
export const EXPLORE_BUNDLE_LIMIT = 150 * 1024;

export function buildExploreBundle(): { bytes: number; gzipped: number; changed: boolean } {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const esbuild = require(require.resolve("esbuild", { paths: [ROOT] }));
  fs.mkdirSync(path.dirname(EXPLORE_BUNDLE), { recursive: true });
  const result = esbuild.buildSync({
    entryPoints: [path.join(ROOT, "src", "explore", "page.ts")],
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser", // a Node built-in is not resolved: the build fails and names the import
    external: ["mathjs"], // never reached (library.ts imports file by file); listed so a slip fails loudly below
    target: "es2020",
    legalComments: "none",
    outfile: EXPLORE_BUNDLE,
    write: false,
    logLevel: "warning",
  });
  const code = Buffer.from(result.outputFiles[0].contents);
  if (/require\(["']mathjs["']\)/.test(code.toString())) throw new Error("bundle: the page bundle reaches mathjs; import the file, not the folder's index");
  const gzipped = zlib.gzipSync(code, { level: 9 }).length;
  if (gzipped > EXPLORE_BUNDLE_LIMIT) throw new Error(`bundle: assets/explore.js is ${gzipped} bytes gzipped, over the ${EXPLORE_BUNDLE_LIMIT} limit`);
  const changed = !(fs.existsSync(EXPLORE_BUNDLE) && fs.readFileSync(EXPLORE_BUNDLE).equals(code));
  if (changed) {
    const tmp = `${EXPLORE_BUNDLE}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, code);
    fs.renameSync(tmp, EXPLORE_BUNDLE); // a page being served never reads half a bundle
  }
  return { bytes: code.length, gzipped, changed };
}

function main(): void {
  parseArgs("bundle", process.argv.slice(2), COMMANDS.bundle);
  const { bytes, gzipped, changed } = buildExploreBundle();
  if (changed) console.error(`optimlab: built assets/explore.js (explorables): ${(bytes / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped`);
}

runAsCommand(module, main);
