/**
 * `npm run assign [-- --out DIR] [--from DIR]`
 *
 * Writes the student copies of the exercise notebooks (notebooks/exercises/) to release/ (or
 * DIR): solutions replaced by a stub that throws "not implemented", hidden tests removed,
 * outputs cleared. See src/homework/assign.ts.
 */
import * as path from "path";
import { assignFolder } from "../homework/assign";
import { NOTEBOOKS, ROOT, runAsCommand } from "./paths";

// ---- command line (kept in this one block) ----
const USAGE = "usage: npm run assign [-- --out DIR] [--from DIR]";

export function parseAssignArgs(argv: string[]): { out: string; from: string } {
  const a = { out: path.join(ROOT, "release"), from: path.join(NOTEBOOKS, "exercises") };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out" && argv[i + 1]) a.out = path.resolve(argv[++i]);
    else if (argv[i] === "--from" && argv[i + 1]) a.from = path.resolve(argv[++i]);
    else throw new Error(`assign: unknown argument ${argv[i]}; ${USAGE}`);
  }
  return a;
}
// ---- end of command line ----

function main(): void {
  const { out, from } = parseAssignArgs(process.argv.slice(2));
  const written = assignFolder(from, out);
  for (const f of written) console.log(`wrote ${path.relative(process.cwd(), f) || f}`);
  console.log(`${written.length} student copies in ${path.relative(process.cwd(), out) || "."}`);
}

runAsCommand(module, main);
