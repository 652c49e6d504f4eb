/**
 * What comes out of a sandbox, read in the grader's process: the line reader (bounded line,
 * depth, count; lines split across chunks), decode (never throws, whatever the JSON), the report
 * escaping, and the compile bounds. No child processes: fast.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { compare } from "../../src/homework/compare";
import { escapeControl, formatJson } from "../../src/homework/formatReport";
import { jsonDepth, messageReader } from "../../src/homework/messageReader";
import { bracketDepth } from "../../src/homework/prepareSubmission";
import { failureKind } from "../../src/homework/scorePart";
import { decode } from "../../src/homework/wire";

const limits = { maxLineBytes: 1000, maxDepth: 8, maxMessages: 5 };

test("messageReader: lines split across chunks arrive whole; non-JSON and non-objects are dropped", () => {
  const got: unknown[] = [];
  const r = messageReader(limits, (m) => got.push(m));
  assert.equal(r.push(Buffer.from('{"a":')), undefined);
  assert.equal(r.push(Buffer.from('1}\n{"b"')), undefined);
  assert.equal(r.push(Buffer.from(':2}\nnot json\n[1]\n5\n')), undefined);
  assert.deepEqual(got, [{ a: 1 }, { b: 2 }]);
});

test("messageReader: a long line, a deep line, too many lines, a throwing handler each stop it with the reason", () => {
  assert.equal(messageReader(limits, () => undefined).push(Buffer.alloc(1001, 120)), "sent a line longer than 0 MB");
  const deep = "[".repeat(9) + "]".repeat(9) + "\n";
  assert.equal(messageReader(limits, () => undefined).push(Buffer.from(deep)), "sent a value nested deeper than 8");
  assert.equal(messageReader(limits, () => undefined).push(Buffer.from("{}\n".repeat(6))), "sent more than 5 messages");
  const thrower = messageReader(limits, () => { throw new TypeError("x"); });
  assert.equal(thrower.push(Buffer.from("{}\n")), "sent a message the grader could not read (TypeError)");
  // brackets inside strings do not count
  assert.equal(jsonDepth('{"s":"[[[[[[[[[[[[[[["}', 8), 1);
  assert.equal(jsonDepth('{"s":"\\"[[[[[[[[[[[[["}', 8), 1);
});

test("decode never throws in the grader, and hostile tagged values never equal a number list", () => {
  const hostile = [
    { $f64: [{}] }, { $f64: [{ $num: {} }] }, { $f64: "x" }, { $i32: {} }, { $num: 1 }, { $num: {} }, { $fn: "process.exit()" },
    { $f64: [[1]] }, { __proto__: { $f64: [1] } }, { toString: 1, valueOf: 2 }, JSON.parse('{"__proto__": {"x": 1}}'),
    JSON.parse("[".repeat(40) + "]".repeat(40)),
  ];
  for (const w of hostile) {
    const v = decode(w);
    assert.equal(compare(v, Float64Array.of(1, 2), 1e-6).ok, false);
  }
  assert.ok(Number.isNaN((decode({ $f64: [{}] }) as Float64Array)[0]));
  assert.equal((decode({ $num: {} }) as { $bad: string }).$bad, "a malformed number");
});

test("escapeControl writes newlines, ANSI, C1, bidi marks and separators as escapes; JSON too", () => {
  assert.equal(escapeControl("a\nb\x1b[8m\u0085\u202e\u2028c"), "a\\x0ab\\x1b[8m\\x85\\u202e\\u2028c");
  const j = formatJson([{ file: "x\u202e\u0085\u2028" }]);
  assert.equal(/[\u202e\u0085\u2028]/.test(j), false);
  assert.deepEqual(JSON.parse(j), [{ file: "x\u202e\u0085\u2028" }]);
});

test("bracketDepth bounds what is compiled; failure kinds are the grader's words, never the message", () => {
  assert.equal(bracketDepth("f([{ a: (1) }])"), 4);
  assert.equal(bracketDepth("[".repeat(1000)), 1000);
  assert.equal(failureKind("Error: not implemented", "f", []), "not implemented");
  assert.equal(failureKind("TypeError: 0.5213, 1.2345 were the inputs", "f", []), "threw TypeError");
  assert.equal(failureKind("MyError: 0.5213", "f", []), "threw an error");
  assert.equal(failureKind("Error: svmLoss is hidden while grading: …", "f", ["svmLoss"]), "called svmLoss, which is hidden while grading");
  assert.equal(failureKind("Error: 0.5213 is hidden while grading", "f", ["svmLoss"]), "threw Error");
});

test("a notebook importing the homework helpers (selfCheck, hiddenTests) loads no sandbox and no signal handler", () => {
  const { spawnSync } = require("child_process") as typeof import("child_process");
  const index = require("path").resolve(__dirname, "../../src/homework/index.js");
  const r = spawnSync(process.execPath, ["-e", `const h = require(${JSON.stringify(index)});
    const loaded = Object.keys(require.cache).filter((f) => /homework[\\/](sandbox|grade|isolation|runnerBundle)\\.js$/.test(f));
    console.log(JSON.stringify({ loaded, exit: process.listenerCount("exit"), sigint: process.listenerCount("SIGINT"), selfCheck: typeof h.selfCheck, hiddenTests: typeof h.hiddenTests }));`], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { loaded: [], exit: 0, sigint: 0, selfCheck: "function", hiddenTests: "function" });
});
