import { test } from "node:test";
import assert from "node:assert/strict";
import { allQuestions, choiceHash, judge, predictionVerdict, type Question } from "../../src/questions";

const numberQ: Question = {
  id: "00-test-number", kind: "number", prompt: "What is ln 10?", answer: () => Math.log(10),
  relativeTolerance: 0.05, why: "The softmax loss at W = 0 with 10 classes.",
};
const choiceQ: Question = {
  id: "00-test-choice", kind: "choice", prompt: "Converge or diverge?", choices: ["a", "b"],
  answerHash: choiceHash("00-test-choice", "b"), why: "Because the step is past 2/λmax.",
};

test("judge: a number within the tolerance is right, outside it wrong, missing is none", () => {
  assert.equal(judge(numberQ, 2.3).verdict, "right");          // ln 10 = 2.3026: 0.1% off
  assert.equal(judge(numberQ, "2.4").verdict, "right");        // 4.2% off, typed as text
  assert.equal(judge(numberQ, 2.5).verdict, "wrong");          // 8.6% off
  assert.equal(judge(numberQ, undefined).verdict, "none");
  assert.equal(judge(numberQ, null).verdict, "none");
  assert.equal(judge(numberQ, "  ").verdict, "none");
  assert.equal(judge(numberQ, "two").verdict, "invalid");
  assert.equal(judge(numberQ, NaN).verdict, "invalid");
  assert.match(judge(numberQ, 2.5).message, /NOT QUITE: What is ln 10\? You said 2\.5; the library computes 2\.303 \(within 5% counts\)\. The softmax/);
});

test("judge: choices compare by hash, case and parentheses ignored; unknown labels are invalid", () => {
  assert.equal(judge(choiceQ, "b").verdict, "right");
  assert.equal(judge(choiceQ, " (B) ").verdict, "right");
  assert.equal(judge(choiceQ, "a").verdict, "wrong");
  assert.equal(judge(choiceQ, "c").verdict, "invalid");
  assert.equal(judge(choiceQ, 2).verdict, "invalid");
  assert.match(judge(choiceQ, "c").message, /answer with one of "a", "b", got "c"/);
});

test("predictionVerdict: an unknown id throws, naming it", () => {
  assert.throws(() => predictionVerdict("99-nope", 1), /no question "99-nope"/);
});

test("every lesson question: a right and a wrong prediction get both verdicts; skipping gets none", () => {
  for (const q of allQuestions()) {
    assert.match(q.id, /^0[1-9]-[a-z0-9-]+$/, `${q.id}: ids are NN-kebab-case`);
    assert.equal(judge(q, undefined).verdict, "none", q.id);
    if (q.kind === "number") {
      const a = q.answer();
      assert.ok(Number.isFinite(a), `${q.id}: the answer is ${a}`);
      assert.equal(judge(q, a).verdict, "right", q.id);
      const off = Math.max(Math.abs(a) * q.relativeTolerance, q.absoluteTolerance ?? 0) * 3 + 1;
      assert.equal(judge(q, a + off).verdict, "wrong", q.id);
    } else {
      const right = q.choices.filter((c) => choiceHash(q.id, c) === q.answerHash);
      assert.equal(right.length, 1, `${q.id}: exactly one choice must match the stored hash, ${right.length} do`);
      assert.equal(judge(q, right[0]).verdict, "right", q.id);
      const wrong = q.choices.find((c) => c !== right[0]);
      assert.ok(wrong !== undefined, `${q.id}: a choice question needs two choices or more`);
      assert.equal(judge(q, wrong).verdict, "wrong", q.id);
    }
  }
});
