/**
 * Library functions from which a hidden one can be computed without calling it, so that hiding
 * one hides the whole group while grading:
 *
 *   - every update rule from every other: adam({ beta1: 0, biasCorrection: false }) is RMSProp,
 *     adamw with weightDecay 0 is Adam, momentum's velocity can be read back from Nesterov's
 *     steps, and so on (sgd is one line, and hidden with the others);
 *   - softmaxLoss from twoLayerNet (W1 = [I; -I], b1 = 0, W2 = [W, -W] gives scores Wx);
 *   - numericalGradient and relativeError from gradCheck (it reports both per entry);
 *   - the L-BFGS two-loop recursion from lbfgs and bfgs;
 *   - a minibatch training loop from the one run loop and everything built on it (train,
 *     twoLayerNetTrain, minimize: an objective whose gradient samples a batch makes minimize a
 *     minibatch loop).
 *
 * Functions that CALL a hidden one (train and randomSearch call svmLoss, gradCheck calls
 * numericalGradient) need no entry here: the runner bundle replaces the hidden function's
 * module, so their calls fail too (see runnerBundle.ts).
 */
export const EQUIVALENT_GROUPS: readonly (readonly string[])[] = [
  ["sgd", "momentum", "momentumVelocity", "nesterov", "adagrad", "rmsprop", "adam", "adamw"],
  ["svmLoss", "svmLossNaive"],
  ["softmaxLoss", "softmaxLossNaive", "twoLayerNet"],
  ["numericalGradient", "relativeError", "gradCheck"],
  ["lbfgs", "bfgs"],
  ["run", "minimize", "train", "twoLayerNetTrain"],
];

/** `hide` with every group that one of its names belongs to, sorted, without repeats. */
export function withEquivalents(hide: readonly string[]): string[] {
  const out = new Set(hide);
  for (const group of EQUIVALENT_GROUPS) if (group.some((n) => out.has(n))) for (const n of group) out.add(n);
  return [...out].sort();
}
