/**
 * The lessons' rules, read from the committed sources (no kernel needed):
 * - a predict-then-run cell is committed with its prediction empty, names a known question, and no
 *   cell before it holds the expected number as a literal;
 * - the test set is scored once, at the end: test data appear in one cell marked
 *   `// test set: scored once, at the end` besides the cell that loads them, so no hyperparameter
 *   is chosen on it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as path from "path";
import { allQuestions, type Question } from "../../src/questions";
import { cellsOf, lessonFiles, numberTokens, sourceOf } from "./lessonSource";

const CHECK = /checkPrediction\(\s*"([^"]+)"\s*,\s*([\w$]+)\s*\)/g;
const byId = new Map<string, Question>(allQuestions().map((q) => [q.id, q]));

/** The ways the answer could be written: 1136, 1136.0, 6.57, 6.571, 5.98e-4 … (two digits or more). */
function literalForms(x: number): Set<string> {
  const forms = new Set<string>();
  for (let p = 2; p <= 6; p++) {
    forms.add(String(Number(x.toPrecision(p))));
    forms.add(x.toPrecision(p));
    forms.add(x.toExponential(p - 1));
  }
  for (let d = 0; d <= 4; d++) forms.add(x.toFixed(d));
  return new Set([...forms].filter((f) => f.replace(/[^0-9]/g, "").replace(/^0+/, "").length >= 2));
}

for (const file of lessonFiles()) {
  const name = path.basename(file);
  const cells = cellsOf(file);

  test(`${name}: predictions are committed empty, name known questions, and their answers are not written before the check`, () => {
    cells.forEach((c, i) => {
      if (c.cell_type !== "code") return;
      const src = sourceOf(c);
      for (const [, id, arg] of src.matchAll(CHECK)) {
        const q = byId.get(id);
        assert.ok(q, `${name} cell ${i}: no question "${id}" in src/questions`);
        assert.ok(id.startsWith(name.slice(0, 2)), `${name} cell ${i}: question "${id}" belongs to another lesson`);
        const empty = arg === "undefined" || new RegExp(`(?:const|let)\\s+${arg.replace(/\$/g, "\\$")}\\s*(?::[^=]+)?=\\s*undefined\\b`).test(src);
        assert.ok(empty, `${name} cell ${i}: the prediction for "${id}" must be committed as undefined`);
        if (q.kind !== "number") continue;
        const forms = literalForms(q.answer());
        for (let j = 0; j <= i; j++) {
          const hit = numberTokens(sourceOf(cells[j])).find((t) => forms.has(t.replace(/,/g, "")));
          assert.equal(hit, undefined, `${name} cell ${j} writes ${hit}, the answer to "${id}" (checked in cell ${i}), before the check`);
        }
      }
    });
  });

  test(`${name}: the test set is scored once, at the end, never used to choose`, () => {
    const MARK = "// test set: scored once, at the end";
    const code = cells.map((c, i) => ({ i, src: c.cell_type === "code" ? sourceOf(c) : "" }));
    const names = new Set<string>();
    for (const { src } of code) {
      for (const m of src.matchAll(/\btest\s*:\s*([A-Za-z_$][\w$]*)/g)) names.add(m[1]);
      // shorthand: `const { train, test } = …` binds the name test itself
      for (const m of src.matchAll(/(?:const|let)\s*\{([^}]*)\}\s*=/g)) if (/(^|[,{\s])test\s*(,|$)/.test(m[1].trim() + ",")) names.add("test");
    }
    // names computed from test data (`const Xtest = ol.addBias(testSet.X)`)
    for (let grew = true; grew; ) {
      grew = false;
      for (const { src } of code) {
        for (const m of src.matchAll(/(?:const|let)\s+([A-Za-z_$][\w$]*)\s*=\s*([^;\n]*)/g)) {
          if (!names.has(m[1]) && [...names].some((n) => new RegExp(`\\b${n}\\b`).test(m[2]))) { names.add(m[1]); grew = true; }
        }
      }
    }
    if (names.size === 0) return;
    const uses = (src: string) => [...names].some((n) => new RegExp(`\\b${n.replace(/\$/g, "\\$")}\\b`).test(src));
    const defines = (src: string) => /\btest\s*:\s*[A-Za-z_$]/.test(src) || /(?:const|let)\s*\{[^}]*\btest\b[^}]*\}\s*=/.test(src);
    const marked = code.filter(({ src }) => src.includes(MARK));
    assert.ok(marked.length <= 1, `${name}: cells ${marked.map((c) => c.i).join(", ")} are all marked as the one test-set cell`);
    for (const { i, src } of code) {
      if (!uses(src) || src.includes(MARK)) continue;
      const defining = defines(src) || [...names].some((n) => new RegExp(`(?:const|let)\\s+${n}\\b`).test(src));
      const usedBeyondDefinition = src.split("\n").some((line) => uses(line) && !/(?:const|let)\s|\btest\s*:|shapeOf\(/.test(line));
      assert.ok(defining && !usedBeyondDefinition,
        `${name} cell ${i} uses the test set (${[...names].join(", ")}); only the cell marked "${MARK}" may, once, at the end`);
    }
  });
}
