/**
 * `npm run assign [-- --out DIR] [--from DIR] [--copies-only]`
 *
 * Writes the student edition to release/ (or DIR): a course on its own (package.json, the
 * library's src/, the lessons and their solutions, and the student copies of the exercises in
 * notebooks/exercises/), where `npm install && npm start` works. See src/homework/studentEdition.ts.
 * With --copies-only, only the student copies of the exercises of --from (default
 * notebooks/exercises/) are written to DIR: solutions replaced by a stub that throws "not
 * implemented", hidden tests removed, model answers replaced, outputs cleared.
 */
import * as fs from "fs";
import * as path from "path";
import { exerciseKind, KIND_NOTE } from "../homework/exerciseKind";
import { parseNotebook } from "../homework/notebook";
import { assignFolder } from "../homework/assign";
import { writeStudentEdition } from "../homework/studentEdition";
import { COMMANDS } from "./commands";
import { parseArgs } from "./options";
import { NOTEBOOKS, ROOT, runAsCommand } from "./paths";

export function parseAssignArgs(argv: string[]): { out: string; from: string; copiesOnly: boolean } {
  const { options } = parseArgs("assign", argv, COMMANDS.assign);
  return {
    out: path.resolve(String(options["--out"] ?? path.join(ROOT, "release"))),
    from: path.resolve(String(options["--from"] ?? path.join(NOTEBOOKS, "exercises"))),
    copiesOnly: options["--copies-only"] === true,
  };
}

/** "practice: …" or "assessment: …" for a written copy. */
function kindOf(file: string): string {
  return KIND_NOTE[exerciseKind(parseNotebook(fs.readFileSync(file, "utf8"), file), file)];
}

function main(): void {
  const { out, from, copiesOnly } = parseAssignArgs(process.argv.slice(2));
  const shown = path.relative(process.cwd(), out) || ".";
  if (copiesOnly) {
    const written = assignFolder(from, out);
    for (const f of written) console.log(`wrote ${path.relative(process.cwd(), f) || f}  (${kindOf(f)})`);
    console.log(`${written.length} student copies in ${shown}`);
    return;
  }
  const { copies, leftOut } = writeStudentEdition(ROOT, from, out);
  for (const f of copies) console.log(`  ${path.basename(f)}  (${kindOf(f)})`);
  for (const l of leftOut) console.log(`left out ${l.file}: it holds a line of an exercise's solution or hidden tests ("${l.line}")`);
  console.log(`student edition in ${shown}: the lessons, their solutions, ${copies.length} exercise copies (notebooks/exercises/), the library`);
  console.log(`no solution or hidden-test line found in it. Students run: cd ${shown} && npm install && npm start`);
}

runAsCommand(module, main);
