import type { Question } from "./question";
import { lesson01 } from "./lesson01";
import { lesson02 } from "./lesson02";
import { lesson03 } from "./lesson03";
import { lesson04 } from "./lesson04";
import { lesson05 } from "./lesson05";
import { lesson06 } from "./lesson06";
import { lesson07 } from "./lesson07";
import { lesson08 } from "./lesson08";
import { lesson09 } from "./lesson09";

/** Every lesson's predict-then-run questions, by id (ids are unique: checked on first use). */
let byId: Map<string, Question> | null = null;

export function allQuestions(): Question[] {
  return [...questionMap().values()];
}

function questionMap(): Map<string, Question> {
  if (byId) return byId;
  const map = new Map<string, Question>();
  for (const q of [...lesson01, ...lesson02, ...lesson03, ...lesson04, ...lesson05, ...lesson06, ...lesson07, ...lesson08, ...lesson09]) {
    if (map.has(q.id)) throw new Error(`questions: the id "${q.id}" is used twice`);
    map.set(q.id, q);
  }
  return (byId = map);
}

/** The question with this id; throws naming the known ids of that lesson when there is none. */
export function question(id: string): Question {
  if (typeof id !== "string") throw new TypeError(`checkPrediction: id must be a question id string, got ${typeof id}`);
  const q = questionMap().get(id);
  if (!q) {
    const lesson = id.slice(0, 2);
    const known = [...questionMap().keys()].filter((k) => k.startsWith(lesson));
    throw new RangeError(`checkPrediction: no question "${id}"${known.length ? `; lesson ${lesson} has ${known.join(", ")}` : ""}`);
  }
  return q;
}
