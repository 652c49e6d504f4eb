/**
 * Every command in dist/cli/ and every npm script answers a bad command line the same way: one
 * line on stderr naming what was wrong and the options the command takes, and exit status 2.
 * Needs `npm run build` first (npm test does it). The npm scripts are run for real (`npm run
 * --silent X -- --bogus`: each builds first, so this takes a while).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { COMMANDS, LIBRARIES } from "../../src/cli/commands";
import { describeOptions, parseArgs, UsageError } from "../../src/cli/options";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const DIST_CLI = path.join(ROOT, "dist", "cli");
const scripts: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts;

function assertOneLineExit2(what: string, r: { status: number | null; stderr: string }, pattern: RegExp): void {
  const lines = r.stderr.split("\n").filter((l) => l.trim() !== "");
  assert.equal(r.status, 2, `${what}: exit status ${r.status}, stderr:\n${r.stderr}`);
  assert.equal(lines.length, 1, `${what}: ${lines.length} lines on stderr:\n${r.stderr}`);
  assert.match(lines[0], pattern, what);
}

/** The first option of a command that takes a value, with what it takes. */
function valueOption(name: string): string | undefined {
  return Object.entries(COMMANDS[name].options).find(([, v]) => v !== null)?.[0];
}

test("the parser: flags, values, subcommands, and one-line errors naming the options", () => {
  const spec = COMMANDS.notebooks;
  assert.deepEqual(parseArgs("notebooks", ["run", "--timeout", "30", "--keep-going", "a.ipynb", "--out=x"], spec), {
    subcommand: "run",
    options: { "--timeout": "30", "--keep-going": true, "--out": "x" },
    positionals: ["a.ipynb"],
  });
  assert.throws(() => parseArgs("notebooks", ["run", "--keep", "DIR"], spec), (e: Error) =>
    e instanceof UsageError && e.message.startsWith("notebooks: unknown option --keep (options: --timeout S, --out DIR, --keep-going;") && !e.message.includes("\n"));
  assert.throws(() => parseArgs("notebooks", ["run", "--timeout"], spec), /notebooks: --timeout needs a value \(S\)/);
  assert.throws(() => parseArgs("notebooks", ["run", "--out", "--keep-going"], spec), /--out needs a value \(DIR\)/);
  assert.throws(() => parseArgs("notebooks", ["go"], spec), /unknown subcommand go, expected one of run/);
  assert.throws(() => parseArgs("start", ["extra"], COMMANDS.start), /start: unexpected argument extra/);
  assert.throws(() => parseArgs("start", ["--lab=yes"], COMMANDS.start), /--lab takes no value/);
  assert.equal(describeOptions(COMMANDS.setup), "no options");
});

test("every file in dist/cli/ is a command with its options listed, or a library", () => {
  assert.ok(fs.existsSync(DIST_CLI), "run npm run build first");
  const files = fs.readdirSync(DIST_CLI).filter((f) => f.endsWith(".js")).map((f) => f.replace(/\.js$/, "")).sort();
  assert.deepEqual(files, [...Object.keys(COMMANDS), ...LIBRARIES].sort());
});

for (const name of Object.keys(COMMANDS)) {
  test(`node dist/cli/${name}.js: an unknown option and a missing value are one line and exit 2`, () => {
    const sub = COMMANDS[name].subcommands?.[0];
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(DIST_CLI, `${name}.js`), ...(sub ? [sub] : []), ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
    const options = describeOptions(COMMANDS[name]).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    assertOneLineExit2(`${name} --bogus`, run("--bogus"), new RegExp(`^${name}: unknown option --bogus \\(${options}`));
    const opt = valueOption(name);
    if (opt) assertOneLineExit2(`${name} ${opt}`, run(opt), new RegExp(`^${name}: ${opt} needs a value .*\\(${options}`));
  });
}

/** The command npm hands `-- ARGS` to: the script's last step. */
function commandOf(script: string): { name: string; options: string } {
  const last = scripts[script].split("&&").pop()!.trim();
  const m = /dist\/cli\/(\w+)\.js/.exec(last);
  if (m) return { name: m[1], options: describeOptions(COMMANDS[m[1]]) };
  if (/scripts\/test\.js/.test(last)) return { name: "test", options: "no options" };
  if (/bench\/run\.js/.test(last)) return { name: "bench", options: "no options" };
  throw new Error(`package.json script ${script}: its last step (${last}) is not a known command`);
}

test("every npm script: -- --bogus is one line and exit 2; so is npm start -- --port", { timeout: 1_200_000 }, () => {
  const npm = (script: string, ...args: string[]) =>
    spawnSync("npm", ["run", "--silent", script, "--", ...args], { cwd: ROOT, encoding: "utf8", timeout: 600_000 });
  for (const script of Object.keys(scripts)) {
    const { name, options } = commandOf(script);
    const escaped = options.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    assertOneLineExit2(`npm run ${script} -- --bogus`, npm(script, "--bogus"), new RegExp(`^${name}: unknown option --bogus \\(${escaped}`));
  }
  // a missing value reaches the command the same way (each command's own is checked above)
  assertOneLineExit2("npm start -- --port", npm("start", "--port"), /^start: --port needs a value \(N\) \(options: --port N/);
});
