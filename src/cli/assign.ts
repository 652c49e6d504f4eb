/**
 * `npm run assign [-- --out DIR] [--from DIR]`
 *
 * Writes the student copies of the exercise notebooks (notebooks/exercises/) to release/ (or
 * DIR): solutions replaced by a stub that throws "not implemented", hidden tests removed,
 * outputs cleared. See src/homework/assign.ts.
 */
import * as path from "path";
import { assignFolder } from "../homework/assign";
import { NOTEBOOKS, ROOT } from "./paths";

function main(argv: string[]): void {
  let out = path.join(ROOT, "release");
  let from = path.join(NOTEBOOKS, "exercises");
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out" && argv[i + 1]) out = path.resolve(argv[++i]);
    else if (argv[i] === "--from" && argv[i + 1]) from = path.resolve(argv[++i]);
    else throw new Error(`assign: unknown argument ${argv[i]}; usage: npm run assign [-- --out DIR] [--from DIR]`);
  }
  const written = assignFolder(from, out);
  for (const f of written) console.log(`wrote ${path.relative(process.cwd(), f) || f}`);
  console.log(`${written.length} student copies in ${path.relative(process.cwd(), out) || "."}`);
}

try {
  main(process.argv.slice(2));
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
