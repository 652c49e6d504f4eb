/**
 * A very small WebAssembly assembler: just enough of the binary format to write the product
 * kernels of `simdKernels.ts` as TypeScript that emits bytes, with no build step and no compiler
 * from npm. Instructions are arrays of bytes; a function body is their concatenation.
 *
 * Binary format (WebAssembly core spec §5, SIMD proposal §5.4.8): a module is the magic number
 * and version, then sections (id, byte size, contents); integers are LEB128.
 */

export type Code = number[];

export const I32 = 0x7f, F64 = 0x7c, V128 = 0x7b;

/** Unsigned LEB128. */
export function uleb(n: number): Code {
  const out: Code = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 (for i32.const). */
export function sleb(n: number): Code {
  const out: Code = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const memarg = (align: number, offset: number): Code => [align, ...uleb(offset)];

/** The instructions the kernels use. */
export const op = {
  get: (l: number): Code => [0x20, ...uleb(l)],
  set: (l: number): Code => [0x21, ...uleb(l)],
  tee: (l: number): Code => [0x22, ...uleb(l)],
  i32: (v: number): Code => [0x41, ...sleb(v)],
  i32add: [0x6a], i32sub: [0x6b], i32mul: [0x6c], i32gtS: [0x4a], i32ltS: [0x48],
  f64load: (offset = 0): Code => [0x2b, ...memarg(3, offset)],
  f64store: (offset = 0): Code => [0x39, ...memarg(3, offset)],
  f64add: [0xa0], f64mul: [0xa2],
  v128load: (offset = 0): Code => [0xfd, 0x00, ...memarg(3, offset)],
  v128store: (offset = 0): Code => [0xfd, 0x0b, ...memarg(3, offset)],
  v128zero: [0xfd, 0x0c, ...new Array(16).fill(0)],
  f64x2splat: [0xfd, 0x14],
  f64x2lane: (lane: number): Code => [0xfd, 0x21, lane],
  f64x2add: [0xfd, 0xf0, 0x01],
  f64x2mul: [0xfd, 0xf2, 0x01],
  brIf: (depth: number): Code => [0x0d, ...uleb(depth)],
  br: (depth: number): Code => [0x0c, ...uleb(depth)],
};

export const seq = (...parts: Code[]): Code => parts.flat();

/** `while (get(counter) + step <= get(limit)) { body; counter += step }`, as block/loop/br_if. */
export function whileFits(counter: number, step: number, limit: number, body: Code): Code {
  return seq(
    [0x02, 0x40, 0x03, 0x40], // block, loop (no result)
    op.get(counter), op.i32(step), op.i32add, op.get(limit), op.i32gtS, op.brIf(1), // leave when counter + step > limit
    body,
    op.get(counter), op.i32(step), op.i32add, op.set(counter),
    op.br(0),
    [0x0b, 0x0b], // end loop, end block
  );
}

/** Locals of one function, numbered after its parameters. */
export class Locals {
  readonly types: number[] = [];
  constructor(private readonly params: number) {}
  add(type: number): number {
    this.types.push(type);
    return this.params + this.types.length - 1;
  }
}

export interface WasmFunction {
  name: string;
  params: number[]; // value types; no results
  locals: Locals;
  body: Code;
}

function section(id: number, contents: Code): Code {
  return [id, ...uleb(contents.length), ...contents];
}

function vector(items: Code[]): Code {
  return [...uleb(items.length), ...items.flat()];
}

function name(s: string): Code {
  const bytes = Array.from(new TextEncoder().encode(s));
  return [...uleb(bytes.length), ...bytes];
}

/**
 * A module that imports one memory as `env.memory` (shared when `shared`, so that worker
 * threads can work on the same numbers) and exports the given functions.
 */
export function assemble(functions: WasmFunction[], memory: { initial: number; maximum: number; shared: boolean }): Uint8Array {
  const types = functions.map((f) => [0x60, ...vector(f.params.map((t) => [t])), 0x00]);
  const imports = [[...name("env"), ...name("memory"), 0x02, memory.shared ? 0x03 : 0x01, ...uleb(memory.initial), ...uleb(memory.maximum)]];
  const funcs = functions.map((_, i) => uleb(i));
  const exports = functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]);
  const bodies = functions.map((f) => {
    // locals as runs of one type
    const runs: Code[] = [];
    for (const t of f.locals.types) {
      const last = runs[runs.length - 1];
      if (last && last[1] === t) last[0]++;
      else runs.push([1, t]);
    }
    const body = [...vector(runs.map(([count, t]) => [...uleb(count), t])), ...f.body, 0x0b];
    return [...uleb(body.length), ...body];
  });
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vector(types)),
    ...section(2, vector(imports)),
    ...section(3, vector(funcs)),
    ...section(7, vector(exports)),
    ...section(10, vector(bodies)),
  ]);
}
