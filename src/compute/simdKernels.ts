import { assemble, F64, I32, Locals, op, seq, V128, whileFits, type Code, type WasmFunction } from "./wasmAssembler";

/**
 * The two product kernels in WebAssembly SIMD (f64x2: two float64 per instruction), emitted as
 * bytes by `wasmAssembler.ts`. Both work on rows [i0, i1) of their row operand, so that two threads
 * can share one product; all addresses are byte offsets into the one (shared) memory.
 *
 *   abt(a, b, c, n, K, i0, i1):  C[i][j] = Σ_k A[i][k] B[j][k]    A m×K, B n×K, C m×n (rows i0..i1 written)
 *   atb(a, b, c, n, K, i0, i1):  C[j][k] += Σ_{i0≤i<i1} A[i][j] B[i][k]   A m×n, B m×K, C n×K
 *
 * abt blocks 2 rows of A against 4 rows of B (8 two-lane sums: 6 loads per 8 multiply-adds, as
 * the scalar kernel, but two lanes each); atb adds 4 rows of B, scaled, into 2 rows of C. An odd
 * K leaves one column for a scalar step; the remainders of the blocking take 1-row blocks.
 */

const ROWS_ABT = 2, COLS_ABT = 4;
const ROWS_ATB = 4, COLS_ATB = 2;

// parameters, in order
const A = 0, B = 1, C = 2, N = 3, K = 4, I0 = 5, I1 = 6;
const PARAMS = [I32, I32, I32, I32, I32, I32, I32];

/** `base + (row + r) * stride` (bytes). */
const rowAddress = (base: number, row: number, r: number, stride: number): Code =>
  seq(op.get(base), op.get(row), op.i32(r), op.i32add, op.get(stride), op.i32mul, op.i32add);

/**
 * The loops around a kernel's block: rows i of [i0, i1) `rows` at a time, then one at a time (the
 * remainder); in each, columns j of [0, n) `cols` at a time, then one at a time. Kb = K·8 bytes.
 */
function blockLoops(i: number, j: number, Kb: number, rows: number, cols: number, block: (RI: number, RJ: number) => Code): Code {
  const rowsOf = (RI: number): Code => seq(
    op.i32(0), op.set(j),
    whileFits(j, cols, N, block(RI, cols)),
    whileFits(j, 1, N, block(RI, 1)),
  );
  return seq(
    op.get(K), op.i32(8), op.i32mul, op.set(Kb),
    op.get(I0), op.set(i),
    whileFits(i, rows, I1, rowsOf(rows)),
    whileFits(i, 1, I1, rowsOf(1)),
  );
}

function abt(): WasmFunction {
  const L = new Locals(PARAMS.length);
  const i = L.add(I32), j = L.add(I32), kb = L.add(I32), Kb = L.add(I32);
  const pa = [0, 1].map(() => L.add(I32)), pb = [0, 1, 2, 3].map(() => L.add(I32));
  const va = [0, 1].map(() => L.add(V128)), vb = [0, 1, 2, 3].map(() => L.add(V128));
  const acc = [0, 1].map(() => [0, 1, 2, 3].map(() => L.add(V128)));
  const xa = [0, 1].map(() => L.add(F64)), xb = [0, 1, 2, 3].map(() => L.add(F64));
  const sum = [0, 1].map(() => [0, 1, 2, 3].map(() => L.add(F64)));

  const block = (RI: number, RJ: number): Code => {
    const rs: [number, number][] = [];
    for (let r = 0; r < RI; r++) for (let s = 0; s < RJ; s++) rs.push([r, s]);
    return seq(
      ...pa.slice(0, RI).map((p, r) => seq(rowAddress(A, i, r, Kb), op.set(p))),
      ...pb.slice(0, RJ).map((p, s) => seq(rowAddress(B, j, s, Kb), op.set(p))),
      ...rs.map(([r, s]) => seq(op.v128zero, op.set(acc[r][s]))),
      op.i32(0), op.set(kb),
      whileFits(kb, 16, Kb, seq(
        ...va.slice(0, RI).map((v, r) => seq(op.get(pa[r]), op.get(kb), op.i32add, op.v128load(), op.set(v))),
        ...vb.slice(0, RJ).map((v, s) => seq(op.get(pb[s]), op.get(kb), op.i32add, op.v128load(), op.set(v))),
        ...rs.map(([r, s]) => seq(op.get(acc[r][s]), op.get(va[r]), op.get(vb[s]), op.f64x2mul, op.f64x2add, op.set(acc[r][s]))),
      )),
      ...rs.map(([r, s]) => seq(op.get(acc[r][s]), op.f64x2lane(0), op.get(acc[r][s]), op.f64x2lane(1), op.f64add, op.set(sum[r][s]))),
      whileFits(kb, 8, Kb, seq( // the last column when K is odd (runs at most once)
        ...xa.slice(0, RI).map((x, r) => seq(op.get(pa[r]), op.get(kb), op.i32add, op.f64load(), op.set(x))),
        ...xb.slice(0, RJ).map((x, s) => seq(op.get(pb[s]), op.get(kb), op.i32add, op.f64load(), op.set(x))),
        ...rs.map(([r, s]) => seq(op.get(sum[r][s]), op.get(xa[r]), op.get(xb[s]), op.f64mul, op.f64add, op.set(sum[r][s]))),
      )),
      // C[i + r][j + s] = sum
      ...rs.map(([r, s]) => seq(
        op.get(C), op.get(i), op.i32(r), op.i32add, op.get(N), op.i32mul, op.get(j), op.i32add, op.i32(s), op.i32add,
        op.i32(8), op.i32mul, op.i32add, op.get(sum[r][s]), op.f64store(),
      )),
    );
  };
  return { name: "abt", params: PARAMS, locals: L, body: blockLoops(i, j, Kb, ROWS_ABT, COLS_ABT, block) };
}

function atb(): WasmFunction {
  const L = new Locals(PARAMS.length);
  const i = L.add(I32), j = L.add(I32), kb = L.add(I32), Kb = L.add(I32), at = L.add(I32);
  const pb = [0, 1, 2, 3].map(() => L.add(I32)), pc = [0, 1].map(() => L.add(I32));
  const p = [0, 1, 2, 3].map(() => [0, 1].map(() => L.add(F64)));
  const sp = [0, 1, 2, 3].map(() => [0, 1].map(() => L.add(V128)));
  const vb = [0, 1, 2, 3].map(() => L.add(V128)), xb = [0, 1, 2, 3].map(() => L.add(F64));

  const block = (RI: number, RJ: number): Code => {
    const rows = [0, 1, 2, 3].slice(0, RI), cols = [0, 1].slice(0, RJ);
    // Σ_r factor[r][s] · value[r], left to right
    const sumOf = (s: number, factor: number[][], value: number[], mul: Code, add: Code): Code =>
      seq(...rows.map((r) => seq(op.get(factor[r][s]), op.get(value[r]), mul, r > 0 ? add : []))); 
    return seq(
      ...rows.map((r) => seq(rowAddress(B, i, r, Kb), op.set(pb[r]))),
      ...cols.map((s) => seq(rowAddress(C, j, s, Kb), op.set(pc[s]))),
      // p[r][s] = A[i + r][j + s], and its splat
      ...rows.flatMap((r) => cols.map((s) => seq(
        op.get(A), op.get(i), op.i32(r), op.i32add, op.get(N), op.i32mul, op.get(j), op.i32add, op.i32(s), op.i32add,
        op.i32(8), op.i32mul, op.i32add, op.f64load(), op.tee(p[r][s]), op.f64x2splat, op.set(sp[r][s]),
      ))),
      op.i32(0), op.set(kb),
      whileFits(kb, 16, Kb, seq(
        ...rows.map((r) => seq(op.get(pb[r]), op.get(kb), op.i32add, op.v128load(), op.set(vb[r]))),
        ...cols.map((s) => seq(
          op.get(pc[s]), op.get(kb), op.i32add, op.tee(at), // address (kept on the stack for the store)
          op.get(at), op.v128load(), sumOf(s, sp, vb, op.f64x2mul, op.f64x2add), op.f64x2add, op.v128store(),
        )),
      )),
      whileFits(kb, 8, Kb, seq( // the last column when K is odd
        ...rows.map((r) => seq(op.get(pb[r]), op.get(kb), op.i32add, op.f64load(), op.set(xb[r]))),
        ...cols.map((s) => seq(
          op.get(pc[s]), op.get(kb), op.i32add, op.tee(at),
          op.get(at), op.f64load(), sumOf(s, p, xb, op.f64mul, op.f64add), op.f64add, op.f64store(),
        )),
      )),
    );
  };
  return { name: "atb", params: PARAMS, locals: L, body: blockLoops(i, j, Kb, ROWS_ATB, COLS_ATB, block) };
}

/** The largest memory the kernels may use: 65,536 pages of 64 KiB, all of wasm32's 4 GiB. */
export const MAX_PAGES = 65536;

/** The module's bytes; its memory is imported (shared when `shared`). */
export function simdKernelBytes(shared: boolean): Uint8Array {
  return assemble([abt(), atb()], { initial: 1, maximum: MAX_PAGES, shared });
}
