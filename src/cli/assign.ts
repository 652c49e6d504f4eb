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
import { parseArgs } from "./options";
import { NOTEBOOKS, ROOT, runAsCommand } from "./paths";

export function parseAssignArgs(argv: string[]): { out: string; from: string } {
  const { options } = parseArgs("assign", argv, COMMANDS.assign);
  return {
    out: path.resolve(String(options["--out"] ?? path.join(ROOT, "release"))),
    from: path.resolve(String(options["--from"] ?? path.join(NOTEBOOKS, "exercises"))),
  };
}

function main(): void {
  const { out, from } = parseAssignArgs(process.argv.slice(2));
  const written = assignFolder(from, out);
  for (const f of written) console.log(`wrote ${path.relative(process.cwd(), f) || f}`);
  console.log(`${written.length} student copies in ${path.relative(process.cwd(), out) || "."}`);
}

runAsCommand(module, main);
