#!/usr/bin/env node
// Grades a batch of 200 submissions, 20 of them hostile, through `npm run grade` as an instructor
// runs it (after `npm run build`): 40 students, one folder each, the five exercises each. Students
// hand in filled copies (the source's solutions), partial ones (first solution cell only) or
// untouched ones; the hostile ones add an attack to a filled copy. Prints the time, the machine's
// load, and checks one row per file, the exit code and the scores of the honest submissions.
//
//   node scripts/grade-batch.js [--keep] [--jobs N]
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const root = path.join(__dirname, "..");
const { studentCopy, listExerciseFiles } = require(path.join(root, "dist/homework/assign"));
const { parseNotebook, cellText, toSource, BEGIN_SOLUTION, END_SOLUTION } = require(path.join(root, "dist/homework/notebook"));
const exercisesDir = path.join(root, "notebooks", "exercises");

const ATTACKS = [
  "const spin = (() => { for (;;) {} })();",
  "const hog = (() => { const a = []; for (;;) a.push(new Float64Array(1 << 24).fill(1)); })();",
  `const flood = (() => { const l = '{"type":"result","id":7,"ok":true,"value":1}\\n'.repeat(1000); for (let i = 0; i < 1000; i++) require("fs").writeSync(3, l); })();`,
  `const deep = (() => require("fs").writeSync(3, "[".repeat(200000) + "\\n"))();`,
  `const forged = (() => { require("fs").writeSync(3, '{"type":"result","id":0,"ok":true,"value":{"$f64":[{}]}}\\n{"type":"done"}\\n'); return 1; })();`,
  "const bye = (() => { try { process.exit(0); } catch {} return (process as any).reallyExit(1); })();",
  `const sock = (() => { try { require("net").createServer().listen("${exercisesDir}/planted.sock"); } catch {} return 1; })();`,
  `const nest = ${"[".repeat(1000)}${"]".repeat(1000)};`,
  "const ansi = (() => { throw new Error('\\n  total  99  99\\u001b[8m'); })();",
  `const net = (() => { require("net").connect(22, "127.0.0.1").on("error", () => {}); return 1; })();`,
];

function filledCopy(source, file, upTo) {
  const src = parseNotebook(fs.readFileSync(source, "utf8"), source);
  const copy = studentCopy(src, path.basename(source));
  // the source's solution cells, in order, without their markers
  const solutions = src.cells
    .filter((c) => c.cell_type === "code" && cellText(c).includes(BEGIN_SOLUTION))
    .map((c) => cellText(c).split("\n").filter((l) => !l.trim().startsWith(BEGIN_SOLUTION) && !l.trim().startsWith(END_SOLUTION) && !l.includes("HIDDEN TESTS")).join("\n"));
  let k = 0;
  for (const cell of copy.cells) {
    if (cell.metadata?.optimlab?.role !== "solution") continue;
    if (k < upTo && solutions[k] !== undefined && !cellText(cell).includes("hiddenTests")) cell.source = toSource(solutions[k]);
    k++;
  }
  copy.solutionCells = solutions.length;
  return copy;
}

function main() {
  const keep = process.argv.includes("--keep");
  const jobsAt = process.argv.indexOf("--jobs");
  const jobs = jobsAt > 0 ? process.argv[jobsAt + 1] : String(os.cpus().length);
  const sources = listExerciseFiles(exercisesDir);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optimlab-batch-"));
  const expected = new Map(); // file -> "full" | "zero" | "partial" | "hostile"
  let n = 0;
  for (let s = 0; s < 40; s++) {
    const student = path.join(dir, `student-${String(s).padStart(2, "0")}`);
    fs.mkdirSync(student);
    sources.forEach((source, e) => {
      const file = path.join(student, path.basename(source));
      const kind = n % 10 === 7 ? "hostile" : ["full", "zero", "partial"][(s + e) % 3];
      let nb;
      if (kind === "zero") nb = filledCopy(source, file, 0);
      else if (kind === "partial") nb = filledCopy(source, file, 1);
      else nb = filledCopy(source, file, Infinity);
      if (kind === "hostile") nb.cells.push({ cell_type: "code", source: ATTACKS[Math.floor(n / 10) % ATTACKS.length], metadata: {}, outputs: [], execution_count: null });
      // with one solution cell, "first cell only" is the whole exercise
      const k = kind === "partial" && nb.solutionCells < 2 ? "full" : kind;
      delete nb.solutionCells;
      fs.writeFileSync(file, JSON.stringify(nb));
      expected.set(file, k);
      n++;
    });
  }
  console.log(`batch: ${n} submissions (${[...expected.values()].filter((k) => k === "hostile").length} hostile) in ${dir}`);
  console.log(`load before: ${os.loadavg().map((x) => x.toFixed(2)).join(" ")} (${os.cpus().length} cores)`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [path.join(root, "dist/cli/grade.js"), "--json", "--jobs", jobs, dir], { encoding: "utf8", maxBuffer: 1 << 28 });
  const seconds = (Date.now() - t0) / 1000;
  console.log(`load after:  ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}`);
  console.log(`grade exit code ${r.status}, ${seconds.toFixed(1)} s wall (${(seconds / n).toFixed(2)} s per submission, --jobs ${jobs})`);
  if (r.status !== 0) {
    console.error(r.stderr);
    process.exit(1);
  }
  const rows = JSON.parse(r.stdout);
  const byKind = {};
  let bad = 0;
  for (const row of rows) {
    const kind = expected.get(row.file);
    (byKind[kind] = byKind[kind] || []).push(row.score / row.max);
    const ok = kind === "full" ? row.score === row.max : kind === "zero" ? row.score === 0 : kind === "partial" ? row.score < row.max : true;
    if (!ok || !row.exercise) {
      bad++;
      console.log(`unexpected: ${kind} ${row.file}: ${row.score}/${row.max} ${JSON.stringify(row.exercises.map((e) => e.feedback))} ${row.errors}`);
    }
  }
  for (const [kind, fr] of Object.entries(byKind)) console.log(`  ${kind}: ${fr.length} rows, mean score ${(fr.reduce((a, b) => a + b, 0) / fr.length).toFixed(3)} of max`);
  const planted = fs.existsSync(path.join(exercisesDir, "planted.sock"));
  console.log(`${rows.length} rows for ${n} files; ${bad} unexpected; socket planted on the host: ${planted}`);
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  process.exit(rows.length === n && bad === 0 && !planted ? 0 : 1);
}

main();
