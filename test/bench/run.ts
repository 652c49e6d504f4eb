/**
 * `npm run bench`: runs every benchmark in this folder (`*.bench.js` after compiling), one after
 * the other so they do not compete for the two cores, and prints what each measured. Each
 * benchmark prints its own ratios against the reference it measured in the same run.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const only = process.argv.slice(2);
const option = only.find((a) => a.startsWith("-"));
if (option) {
  console.error(`bench: unknown option ${option} (no options; usage: npm run bench -- [NAME…], parts of benchmark file names)`);
  process.exit(2);
}
const benches = fs
  .readdirSync(__dirname)
  .filter((f) => f.endsWith(".bench.js"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const b of benches) {
  console.log(`\n=== ${b.replace(/\.bench\.js$/, "")} ===`);
  const r = spawnSync(process.execPath, [path.join(__dirname, b)], { stdio: "inherit" });
  if (r.status !== 0) {
    failed++;
    console.log(`(${b} exited with ${r.status})`);
  }
}
console.log(`\n${benches.length} benchmarks run${failed ? `, ${failed} failed` : ""}`);
process.exit(failed ? 1 : 0);
