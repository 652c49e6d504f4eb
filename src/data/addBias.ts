import { checkMatrix, Matrix } from "../core/matrix";

/**
 * The bias trick: append a column of ones to X (N×D -> N×(D+1)), so the bias b becomes the last
 * column of W and the score f(x, W, b) = Wx + b is just W'x' (slide: 3072 + 1 = 3073 for
 * CIFAR-10; 784 + 1 = 785 for MNIST).
 */
export function addBias(X: Matrix): Matrix {
  checkMatrix("addBias", "X", X);
  const { rows: N, cols: D } = X;
  const out = new Float64Array(N * (D + 1));
  for (let i = 0; i < N; i++) {
    out.set(X.data.subarray(i * D, (i + 1) * D), i * (D + 1));
    out[i * (D + 1) + D] = 1;
  }
  return { rows: N, cols: D + 1, data: out };
}
