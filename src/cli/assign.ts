/**
 * `npm run assign [-- --out DIR] [--from DIR]`
 *
 * Writes the student copies of the exercise notebooks (notebooks/exercises/) to release/ (or
 * DIR): solutions replaced by a stub that throws "not implemented", hidden tests removed,
 * outputs cleared. See src/homework/assign.ts.
 */
import * as path from "path";
import { assignFolder } from "../homework/assign";
import { COMMANDS } from "./commands";
import { parseArgs, UsageError } from "./options";
import { NOTEBOOKS, ROOT } from "./paths";

function main(argv: string[]): void {
  const { options } = parseArgs("assign", argv, COMMANDS.assign);
  const out = path.resolve(String(options["--out"] ?? path.join(ROOT, "release")));
  const from = path.resolve(String(options["--from"] ?? path.join(NOTEBOOKS, "exercises")));
  const written = assignFolder(from, out);
  for (const f of written) console.log(`wrote ${path.relative(process.cwd(), f) || f}`);
  console.log(`${written.length} student copies in ${path.relative(process.cwd(), out) || "."}`);
}

try {
  main(process.argv.slice(2));
} catch (e) {
  console.error((e as Error).message);
  process.exit(e instanceof UsageError ? 2 : 1);
}
