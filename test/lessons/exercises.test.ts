/**
 * A lesson's Exercises section (read from the committed source): it comes last, holds 4 to 8
 * numbered exercises, and links a solutions notebook that exists, in notebooks/solutions/, named
 * after the lesson. Lessons without the section yet are listed, not failed.
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
  test(`${name}: an Exercises section at the end, 4 to 8 exercises, solutions linked`, (t) => {
    if (at < 0) {
      t.diagnostic(`${name} has no Exercises section yet`);
      return;
    }
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
