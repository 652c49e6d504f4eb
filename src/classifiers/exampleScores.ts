import type { Matrix } from "../core/matrix";

/** s = W x_i: the C scores of example i (row i of X), written into s. The naive losses' first line. */
export function exampleScores(W: Matrix, X: Matrix, i: number, s: Float64Array): Float64Array {
  const C = W.rows, D = W.cols;
  for (let j = 0; j < C; j++) {
    let sum = 0;
    for (let d = 0; d < D; d++) sum += W.data[j * D + d] * X.data[i * D + d];
    s[j] = sum;
  }
  return s;
}
