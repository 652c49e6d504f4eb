import { checkWhole } from "./checks";
/**
 * A row-major matrix: entry (i, j) sits at data[i * cols + j].
 *
 * The weights W of a linear classifier are C×D (one row per class, as in f(x, W) = Wx);
 * a dataset X is N×D (one example per row).
 */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

/** "10×785": how shapes are written in every error message. */
export function shapeOf(m: Matrix): string {
  return `${m.rows}×${m.cols}`;
}

/** A rows×cols matrix of zeros. */
export function zeros(rows: number, cols: number): Matrix {
  checkDimension("zeros", "rows", rows);
  checkDimension("zeros", "cols", cols);
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** A matrix from nested arrays (`[[1, 2], [3, 4]]`), or a copy of a flat array with its shape. */
export function matrix(values: number[][]): Matrix;
export function matrix(rows: number, cols: number, data: ArrayLike<number>): Matrix;
export function matrix(a: number[][] | number, cols?: number, data?: ArrayLike<number>): Matrix {
  if (typeof a === "number") {
    checkDimension("matrix", "rows", a);
    checkDimension("matrix", "cols", cols as number);
    if (!data || data.length !== a * (cols as number)) {
      throw new RangeError(
        `matrix: data must have rows*cols = ${a * (cols as number)} entries, got ${data ? data.length : "none"}`,
      );
    }
    return { rows: a, cols: cols as number, data: Float64Array.from(data) };
  }
  if (!Array.isArray(a) || a.length === 0) throw new RangeError("matrix: values must be a non-empty array of rows");
  const c = a[0].length;
  const out = zeros(a.length, c);
  a.forEach((row, i) => {
    if (row.length !== c) throw new RangeError(`matrix: row ${i} has ${row.length} entries, row 0 has ${c}`);
    out.data.set(row, i * c);
  });
  return out;
}

/** The identity matrix of size n. */
export function identity(n: number): Matrix {
  const m = zeros(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
  return m;
}

/** A deep copy. */
export function cloneMatrix(m: Matrix): Matrix {
  return { rows: m.rows, cols: m.cols, data: m.data.slice() };
}

/** Entry (i, j). */
export function get(m: Matrix, i: number, j: number): number {
  return m.data[i * m.cols + j];
}

/** Row i as a view (no copy): writing to it writes to the matrix. */
export function row(m: Matrix, i: number): Float64Array {
  return m.data.subarray(i * m.cols, (i + 1) * m.cols);
}

/** The transpose, as a new matrix. */
export function transpose(m: Matrix): Matrix {
  const t = zeros(m.cols, m.rows);
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) t.data[j * m.rows + i] = m.data[i * m.cols + j];
  }
  return t;
}

/** Nested arrays, for printing and for plotly's `z`. */
export function toArray(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(row(m, i)));
  return out;
}

/** True when `m` looks like a Matrix: integer rows and cols and data of rows*cols numbers. */
export function isMatrix(m: unknown): m is Matrix {
  const x = m as Matrix;
  return (
    typeof x === "object" && x !== null && Number.isInteger(x.rows) && Number.isInteger(x.cols) &&
    x.data instanceof Float64Array && x.data.length === x.rows * x.cols
  );
}

/** Throws unless `m` is a Matrix; `fn` and `arg` name the caller and argument in the message. */
export function checkMatrix(fn: string, arg: string, m: unknown): asserts m is Matrix {
  if (!isMatrix(m)) {
    throw new TypeError(`${fn}: ${arg} must be a Matrix { rows, cols, data: Float64Array(rows*cols) }`);
  }
}

function checkDimension(fn: string, arg: string, n: number): void {
  checkWhole(fn, arg, n, 0);
}
