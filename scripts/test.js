#!/usr/bin/env node
// Runs node's test runner on the compiled test files (`*.test.js` under .build/test, or under the
// folders named: `node scripts/test.js plot data`). Node 20 takes no globs and, given a folder,
// would also run every other .js below a `test` folder (benchmarks, fixtures' helpers).
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..", ".build", "test");
const walk = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : e.name.endsWith(".test.js") ? [p] : [];
  });
const only = process.argv.slice(2);
const option = only.find((a) => a.startsWith("-"));
if (option) {
  console.error(`test: unknown option ${option} (no options; usage: node scripts/test.js [FOLDER…], folders of test/)`);
  process.exit(2);
}
const dirs = only.length > 0 ? only.map((d) => path.join(root, d)) : [root];
const files = dirs.flatMap((d) => (fs.existsSync(d) ? walk(d) : [])).sort();
if (files.length === 0) {
  console.error(`no compiled tests under ${dirs.join(", ")}: run \`npx tsc -p tsconfig.test.json\` first`);
  process.exit(1);
}
// notebook and browser tests last: the slow ones, after the quick ones have spoken
const slow = (f) => f.includes(`${path.sep}notebooks${path.sep}`);
files.sort((a, b) => Number(slow(a)) - Number(slow(b)) || a.localeCompare(b));
const r = spawnSync(process.execPath, ["--test", "--test-concurrency=1", ...files], { stdio: "inherit" });
process.exit(r.status ?? 1);
