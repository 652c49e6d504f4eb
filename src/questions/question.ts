/**
 * Predict, then run.
 *
 * A lesson asks a question before it shows the answer. The student writes a prediction in a cell
 * and runs it; `checkPrediction(id, prediction)` says right or wrong, and why; only then does the
 * lesson run the experiment. The expected answers live in the library, never in the notebook:
 * a number is computed by the library when it is checked (so no cell holds it as a literal), and
 * a choice is stored as a hash of the right choice. Skipping a prediction (leaving it
 * `undefined`) is fine: the check says so and the lesson goes on.
 *
 *   // Predict: how many steps does gradient descent take on this bowl?
 *   const myPrediction = undefined; // a number
 *   ol.checkPrediction("06-steps-at-kappa-200", myPrediction);
 */
export type Prediction = number | string | null | undefined;

interface QuestionBase {
  /** "NN-short-name": NN is the lesson; the id a notebook cell names. */
  id: string;
  /** The question, one line: printed back with the verdict. */
  prompt: string;
  /** Printed after the verdict, right or wrong: the reason, not just the value. */
  why: string;
}

/** A number to predict. Right when within the tolerances of the library's own value. */
export interface NumberQuestion extends QuestionBase {
  kind: "number";
  /** The answer, computed by the library when the check runs. */
  answer: () => number;
  /** Right when |prediction − answer| ≤ relativeTolerance·|answer| (or ≤ absoluteTolerance). */
  relativeTolerance: number;
  absoluteTolerance?: number;
}

/** A choice among labels ("a", "b", "c" or words). The right one is stored as `choiceHash(id, label)`. */
export interface ChoiceQuestion extends QuestionBase {
  kind: "choice";
  choices: readonly string[];
  answerHash: string;
}

export type Question = NumberQuestion | ChoiceQuestion;

export type VerdictKind = "right" | "wrong" | "none" | "invalid";

export interface Verdict {
  id: string;
  verdict: VerdictKind;
  /** What `checkPrediction` prints. */
  message: string;
}

/**
 * FNV-1a (32 bit) of "id:choice", as 8 hex digits. Not a secret, only not readable at a glance:
 * it keeps the right choice out of the notebook and out of a casual look at the library.
 */
export function choiceHash(id: string, choice: string): string {
  const text = `${id}:${normalizeChoice(choice)}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

function normalizeChoice(choice: string): string {
  return choice.trim().toLowerCase().replace(/^\(?([a-z0-9])\)$/, "$1"); // "(b)" and "b)" are "b"
}

function numberText(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x !== 0 && (Math.abs(x) >= 1e6 || Math.abs(x) < 1e-3)) return x.toExponential(3);
  return Number(x.toPrecision(4)).toString();
}

/** The verdict on a prediction, without printing it (tests and `checkPrediction` use it). */
export function judge(question: Question, prediction: Prediction): Verdict {
  const { id } = question;
  const none = (text: string): Verdict => ({ id, verdict: "none", message: text });
  if (prediction === undefined || prediction === null || (typeof prediction === "string" && prediction.trim() === "")) {
    return none(`${id}: no prediction recorded. That is fine: the next cells show the answer. ` +
      "To test yourself, set your prediction in this cell and run it again before reading on.");
  }
  if (question.kind === "number") {
    const p = typeof prediction === "string" ? Number(prediction.trim()) : prediction;
    if (typeof p !== "number" || !Number.isFinite(p)) {
      return { id, verdict: "invalid", message: `${id}: the prediction must be a finite number, got ${JSON.stringify(prediction)}` };
    }
    const a = question.answer();
    const tol = Math.max(question.relativeTolerance * Math.abs(a), question.absoluteTolerance ?? 0);
    const right = Math.abs(p - a) <= tol;
    const within = question.relativeTolerance > 0 ? ` (within ${+(100 * question.relativeTolerance).toPrecision(3)}% counts)` : "";
    return {
      id,
      verdict: right ? "right" : "wrong",
      message: `${right ? "RIGHT" : "NOT QUITE"}: ${question.prompt} You said ${numberText(p)}; ` +
        `the library computes ${numberText(a)}${within}. ${question.why}`,
    };
  }
  if (typeof prediction !== "string") {
    return { id, verdict: "invalid", message: `${id}: answer with one of ${question.choices.map((c) => JSON.stringify(c)).join(", ")}, got ${JSON.stringify(prediction)}` };
  }
  const choice = normalizeChoice(prediction);
  if (!question.choices.some((c) => normalizeChoice(c) === choice)) {
    return { id, verdict: "invalid", message: `${id}: answer with one of ${question.choices.map((c) => JSON.stringify(c)).join(", ")}, got ${JSON.stringify(prediction)}` };
  }
  const right = choiceHash(id, choice) === question.answerHash;
  return {
    id,
    verdict: right ? "right" : "wrong",
    message: `${right ? "RIGHT" : "NOT QUITE"}: ${question.prompt} You said "${choice}". ${question.why}`,
  };
}
