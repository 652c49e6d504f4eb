/**
 * A lesson's Exercises section (read from the committed source): it comes last, holds 4 to 8
 * numbered exercises, and links a solutions notebook that exists, in notebooks/solutions/, named
 * after the lesson; and the lesson asks at least two predict-then-run questions before that.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { cellsOf, LESSONS, lessonFiles, sourceOf } from "./lessonSource";

const HEADING = /^##\s+Exercises\s*$/m;

/** The exercises of a markdown text after its Exercises heading: lines "1. …", "2. …" at the left margin. */
export function exerciseNumbers(markdown: string): number[] {
  const after = markdown.slice(markdown.search(HEADING));
  return [...after.matchAll(/^(\d+)\.\s+\S/gm)].map((m) => Number(m[1]));
}

test("exerciseNumbers reads the numbered items after the heading only", () => {
  assert.deepEqual(exerciseNumbers("1. not this\n## Exercises\n\n1. **Derive.** a\n   2. indented\n2. b\n3. c"), [1, 2, 3]);
});

for (const file of lessonFiles()) {
  const name = path.basename(file, ".ipynb");
  const cells = cellsOf(file);
  const at = cells.findIndex((c) => c.cell_type === "markdown" && HEADING.test(sourceOf(c)));
  test(`${name}: an Exercises section at the end, 4 to 8 exercises, solutions linked`, () => {
    assert.ok(at >= 0, `${name} has no "## Exercises" section`);
    assert.equal(cells.slice(at + 1).filter((c) => c.cell_type === "code").length, 0, `${name}: code cells after the Exercises section`);
    const text = cells.slice(at).map(sourceOf).join("\n");
    const numbers = exerciseNumbers(text);
    assert.ok(numbers.length >= 4 && numbers.length <= 8, `${name}: ${numbers.length} exercises, expected 4 to 8`);
    assert.deepEqual(numbers, numbers.map((_, i) => i + 1), `${name}: exercises numbered 1, 2, 3, …`);
    const link = `solutions/${name}-solutions.ipynb`;
    assert.ok(text.includes(`](${link})`), `${name}: the Exercises section must link ${link}`);
    assert.ok(fs.existsSync(path.join(LESSONS, link)), `${name}: ${link} does not exist`);
  });
}

for (const file of lessonFiles()) {
  const name = path.basename(file, ".ipynb");
  test(`${name}: at least two predict-then-run questions`, () => {
    const ids = new Set(cellsOf(file).filter((c) => c.cell_type === "code")
      .flatMap((c) => [...sourceOf(c).matchAll(/checkPrediction\(\s*"([^"]+)"/g)].map((m) => m[1])));
    assert.ok(ids.size >= 2, `${name} asks ${ids.size} predict-then-run question(s): ${[...ids].join(", ")}`);
  });
}

// The lecture's own questions ("Q: What happens with RMSProp?", "Q: What happens at first timestep?",
// "Q: Why is this bad for deep learning?") are asked as predictions, before the slide's answer is quoted.
const LECTURE_QUESTIONS: [string, string, RegExp][] = [
  ["07-momentum-rmsprop-adam", "07-what-happens-with-rmsprop", /damped/i],
  ["07-momentum-rmsprop-adam", "07-adam-first-step", /divide by a small number|Bias correction for the fact/i],
  ["08-second-order", "08-why-bad-for-deep-learning", /O\(N\^?3\)|O\(N³\)|Inverting takes/],
];
for (const [lesson, id, answer] of LECTURE_QUESTIONS) {
  test(`${lesson}: the lecture's question ${id} is asked before its answer is shown`, () => {
    const cells = cellsOf(path.join(LESSONS, `${lesson}.ipynb`));
    const asked = cells.findIndex((c) => c.cell_type === "code" && sourceOf(c).includes(`checkPrediction("${id}"`));
    assert.ok(asked >= 0, `${lesson} does not ask ${id}`);
    const answered = cells.findIndex((c) => c.cell_type === "markdown" && answer.test(sourceOf(c)));
    assert.ok(answered > asked, `${lesson}: the slide's answer (${answer}) appears in cell ${answered}, before the question in cell ${asked}`);
  });
}
