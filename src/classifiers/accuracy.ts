/**
 * The fraction of predictions equal to the labels, as `np.mean(y_pred == y)`:
 * `accuracy(predict(W, X), y)`.
 */
export function accuracy(predicted: ArrayLike<number>, y: ArrayLike<number>): number {
  if (predicted.length !== y.length) {
    throw new RangeError(`accuracy: predicted has ${predicted.length} labels but y has ${y.length}`);
  }
  if (y.length === 0) throw new RangeError("accuracy: y must have at least one label, got 0");
  let right = 0;
  for (let i = 0; i < y.length; i++) if (predicted[i] === y[i]) right++;
  return right / y.length;
}
