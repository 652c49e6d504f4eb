import type { Matrix } from "../core/matrix";
import { scores } from "./scores";

/**
 * The predicted class of every example: the class with the highest score,
 * argmax_c W_c · x_i (ties go to the lower class, as NumPy's argmax).
 */
export function predict(W: Matrix, X: Matrix): Int32Array {
  const s = scores(W, X);
  const C = s.cols;
  const out = new Int32Array(s.rows);
  for (let i = 0; i < s.rows; i++) {
    let best = 0;
    for (let c = 1; c < C; c++) if (s.data[i * C + c] > s.data[i * C + best]) best = c;
    out[i] = best;
  }
  return out;
}
