import { checkWhole } from "../core/checks";
import { checkMatrix, shapeOf, transpose, type Matrix } from "../core/matrix";
import { matmulABt, matmulAtB, reusable } from "../compute/matmul";
import { rng } from "../core/random";
import type { Objective } from "../objectives/objective";

/**
 * A 2-layer fully-connected network ("MLP") with a ReLU and a softmax loss:
 *
 *     f = W2 max(0, W1 x + b1) + b2
 *
 * W1 is H×D and W2 is C×H, one row per unit as in f(x, W) = Wx (D inputs, H hidden units,
 * C classes). The linear classifier was f = Wx; putting max(0, ·) between two linear maps lets
 * the network bend its decision boundary (cs231n case study: 49% -> 98% on the spiral).
 *
 * All four parameter blocks live in ONE flat Float64Array, `params = [W1 | b1 | W2 | b2]`, and
 * W1, b1, W2, b2 are views into it: `optimizer.step(net.params, grad)` updates the network, and
 * `loss()` returns the gradient in the same layout.
 *
 * Forward and backward, as in the case study (N examples, one per row of X):
 *
 *     hidden = max(0, X W1ᵀ + b1)                          # N×H, the ReLU
 *     scores = hidden W2ᵀ + b2                             # N×C
 *     probs  = exp(scores) / Σ_c exp(scores)               # softmax, row by row
 *     loss   = mean_i -log probs[i, y_i] + reg (ΣW1² + ΣW2²)
 *
 *     dscores = (probs - onehot(y)) / N                    # ∂loss/∂scores
 *     dW2 = dscoresᵀ hidden + 2 reg W2 ;  db2 = Σ_i dscores[i]
 *     dhidden = dscores W2 ;  dhidden[hidden <= 0] = 0     # backprop through the ReLU
 *     dW1 = dhiddenᵀ X + 2 reg W1      ;  db1 = Σ_i dhidden[i]
 *
 * As in `softmaxLoss`, the L2 penalty is reg·ΣW² (no ½) and the biases are not regularized.
 */
export interface TwoLayerNet {
  /** D, H, C. */
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly numClasses: number;
  /** [W1 | b1 | W2 | b2], length H·D + H + C·H + C: what the optimizer updates. */
  readonly params: Float64Array;
  /** Views into params. */
  readonly W1: Matrix;
  readonly b1: Float64Array;
  readonly W2: Matrix;
  readonly b2: Float64Array;
  /** Loss and its gradient (same layout as params) at `params` (default: the network's own). */
  loss(X: Matrix, y: ArrayLike<number>, reg?: number, params?: Float64Array): { loss: number; grad: Float64Array };
  /** The hidden activations max(0, X W1ᵀ + b1), N×H. */
  hidden(X: Matrix, params?: Float64Array): Matrix;
  /** The class scores, N×C. */
  scores(X: Matrix, params?: Float64Array): Matrix;
  /** The class with the highest score for each row of X. */
  predict(X: Matrix, params?: Float64Array): Int32Array;
  /** The fraction of rows of X whose predicted class is y. */
  accuracy(X: Matrix, y: ArrayLike<number>, params?: Float64Array): number;
  /** The loss on (X, y) as an Objective of the flat params, for `minimize` and `gradCheck`. */
  objective(X: Matrix, y: ArrayLike<number>, reg?: number): Objective;
}

export interface TwoLayerNetOptions {
  /** Standard deviation of the initial weights, W ~ std·randn (default 0.01, as the case study). */
  std?: number;
  /** Seed of the initial weights (default 0). Biases start at 0. */
  seed?: number;
}

/**
 * A new 2-layer network with D = inputSize inputs, H = hiddenSize hidden units and
 * C = numClasses outputs: `twoLayerNet(2, 100, 3)` is the case study's spiral network.
 */
export function twoLayerNet(
  inputSize: number, hiddenSize: number, numClasses: number, options: TwoLayerNetOptions = {},
): TwoLayerNet {
  for (const [name, v, min] of [["inputSize", inputSize, 1], ["hiddenSize", hiddenSize, 1], ["numClasses", numClasses, 2]] as const) {
    checkWhole("twoLayerNet", name, v, min);
  }
  for (const key of Object.keys(options)) {
    if (key !== "std" && key !== "seed") throw new Error(`twoLayerNet: unknown option "${key}"; expected one of std, seed`);
  }
  const { std = 0.01, seed = 0 } = options;
  if (!(Number.isFinite(std) && std >= 0)) throw new RangeError(`twoLayerNet: std must be a finite number >= 0, got ${std}`);
  const D = inputSize, H = hiddenSize, C = numClasses;
  const size = H * D + H + C * H + C;

  /** W1, b1, W2, b2 as views into a flat parameter vector. */
  function unpack(p: Float64Array, fn: string) {
    if (!(p instanceof Float64Array) || p.length !== size) {
      throw new RangeError(`twoLayerNet.${fn}: params must be a Float64Array of ${size} numbers (H·D + H + C·H + C), got ${p?.length}`);
    }
    let o = 0;
    const W1: Matrix = { rows: H, cols: D, data: p.subarray(o, (o += H * D)) };
    const b1 = p.subarray(o, (o += H));
    const W2: Matrix = { rows: C, cols: H, data: p.subarray(o, (o += C * H)) };
    const b2 = p.subarray(o, (o += C));
    return { W1, b1, W2, b2 };
  }

  function checkX(fn: string, X: Matrix): void {
    checkMatrix(`twoLayerNet.${fn}`, "X", X);
    if (X.cols !== D) throw new RangeError(`twoLayerNet.${fn}: X is ${shapeOf(X)} but the network takes ${D} inputs (W1 is ${H}×${D})`);
  }

  function checkY(fn: string, X: Matrix, y: ArrayLike<number>): void {
    if (!y || y.length !== X.rows) throw new RangeError(`twoLayerNet.${fn}: y has ${y?.length} labels but X has ${X.rows} rows`);
    for (let i = 0; i < y.length; i++) {
      if (!Number.isInteger(y[i]) || y[i] < 0 || y[i] >= C) {
        throw new RangeError(`twoLayerNet.${fn}: y[${i}] = ${y[i]} is not a class in 0…${C - 1}`);
      }
    }
  }

  /** hidden = max(0, X W1ᵀ + b1): N×H. */
  function forwardHidden(X: Matrix, W1: Matrix, b1: Float64Array): Matrix {
    const h = matmulABt(X, W1);
    for (let i = 0; i < X.rows; i++) {
      for (let j = 0; j < H; j++) {
        const v = h.data[i * H + j] + b1[j];
        h.data[i * H + j] = v > 0 ? v : 0; // ReLU
      }
    }
    return h;
  }

  /** scores = hidden W2ᵀ + b2: N×C. */
  function forwardScores(hidden: Matrix, W2: Matrix, b2: Float64Array): Matrix {
    const s = matmulABt(hidden, W2);
    for (let i = 0; i < hidden.rows; i++) for (let c = 0; c < C; c++) s.data[i * C + c] += b2[c];
    return s;
  }

  const params = new Float64Array(size);
  const own = unpack(params, "init");
  const random = rng(seed);
  for (let k = 0; k < own.W1.data.length; k++) own.W1.data[k] = std * random.normal();
  for (let k = 0; k < own.W2.data.length; k++) own.W2.data[k] = std * random.normal();

  const net: TwoLayerNet = {
    inputSize: D,
    hiddenSize: H,
    numClasses: C,
    params,
    ...own,

    loss(X, y, reg = 0, p = params) {
      checkX("loss", X);
      checkY("loss", X, y);
      if (!(Number.isFinite(reg) && reg >= 0)) throw new RangeError(`twoLayerNet.loss: reg must be a finite number >= 0, got ${reg}`);
      const { W1, b1, W2, b2 } = unpack(p, "loss");
      const N = X.rows;

      // forward pass
      const Xr = reusable(X); // X made ready once for its two products (forward and dW1)
      const hidden = forwardHidden(Xr, W1, b1);
      const scores = forwardScores(hidden, W2, b2);

      // softmax loss; dscores = (probs - onehot(y)) / N, computed in place of scores
      const dscores = scores;
      let dataLoss = 0;
      for (let i = 0; i < N; i++) {
        const s = dscores.data.subarray(i * C, (i + 1) * C);
        let max = -Infinity;
        for (let c = 0; c < C; c++) max = Math.max(max, s[c]); // shift for numerical stability
        let sum = 0;
        for (let c = 0; c < C; c++) sum += (s[c] = Math.exp(s[c] - max));
        for (let c = 0; c < C; c++) s[c] /= sum; // probs
        dataLoss -= Math.log(s[y[i]]);
        s[y[i]] -= 1;
        for (let c = 0; c < C; c++) s[c] /= N;
      }
      let regLoss = 0;
      for (const w of W1.data) regLoss += w * w;
      for (const w of W2.data) regLoss += w * w;
      const loss = dataLoss / N + reg * regLoss;

      // backward pass, into a gradient with the same layout as params
      const grad = new Float64Array(size);
      const g = unpack(grad, "loss");
      matmulAtB(dscores, hidden, g.W2); // dW2 = dscoresᵀ hidden
      for (let i = 0; i < N; i++) for (let c = 0; c < C; c++) g.b2[c] += dscores.data[i * C + c];
      // dhidden = dscores W2, then zero where the ReLU was off
      const dhidden = matmulABt(dscores, transpose(W2));
      for (let k = 0; k < dhidden.data.length; k++) if (hidden.data[k] <= 0) dhidden.data[k] = 0;
      matmulAtB(dhidden, Xr, g.W1); // dW1 = dhiddenᵀ X
      for (let i = 0; i < N; i++) for (let j = 0; j < H; j++) g.b1[j] += dhidden.data[i * H + j];
      // regularization gradient 2·reg·W
      for (let k = 0; k < W1.data.length; k++) g.W1.data[k] += 2 * reg * W1.data[k];
      for (let k = 0; k < W2.data.length; k++) g.W2.data[k] += 2 * reg * W2.data[k];
      return { loss, grad };
    },

    hidden(X, p = params) {
      checkX("hidden", X);
      const { W1, b1 } = unpack(p, "hidden");
      return forwardHidden(X, W1, b1);
    },

    scores(X, p = params) {
      checkX("scores", X);
      const { W1, b1, W2, b2 } = unpack(p, "scores");
      return forwardScores(forwardHidden(X, W1, b1), W2, b2);
    },

    predict(X, p = params) {
      checkX("predict", X);
      const s = net.scores(X, p);
      const out = new Int32Array(X.rows);
      for (let i = 0; i < X.rows; i++) {
        let best = 0;
        for (let c = 1; c < C; c++) if (s.data[i * C + c] > s.data[i * C + best]) best = c;
        out[i] = best;
      }
      return out;
    },

    accuracy(X, y, p = params) {
      checkX("accuracy", X);
      checkY("accuracy", X, y);
      const pred = net.predict(X, p);
      let right = 0;
      for (let i = 0; i < pred.length; i++) if (pred[i] === y[i]) right++;
      return right / pred.length;
    },

    objective(X, y, reg = 0) {
      checkX("objective", X);
      checkY("objective", X, y);
      return {
        dim: size,
        name: `2-layer net loss (${D}-${H}-${C}, reg ${reg})`,
        f: (x: Float64Array) => net.loss(X, y, reg, x).loss,
        grad: (x: Float64Array) => net.loss(X, y, reg, x).grad,
      };
    },
  };
  return net;
}
