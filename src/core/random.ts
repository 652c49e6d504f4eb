/**
 * A seeded random number generator: the same seed gives the same numbers on every machine,
 * so a notebook run twice prints the same results.
 *
 * The generator is mulberry32 (a 32-bit state, period 2^32), plenty for a course; normals come
 * from the Box–Muller transform.
 */
export interface Random {
  readonly seed: number;
  /** Uniform in [0, 1). */
  random(): number;
  /** Uniform in [low, high). */
  uniform(low?: number, high?: number): number;
  /** Normal with the given mean and standard deviation. */
  normal(mean?: number, std?: number): number;
  /** A whole number in [low, high), like NumPy's randint. */
  integer(low: number, high: number): number;
  /** Shuffles an array in place (Fisher–Yates) and returns it. */
  shuffle<T, A extends { length: number; [i: number]: T }>(a: A): A;
  /** A Float64Array of n normals with the given mean and std. */
  normals(n: number, mean?: number, std?: number): Float64Array;
  /** A Float64Array of n uniforms in [low, high). */
  uniforms(n: number, low?: number, high?: number): Float64Array;
  /** 0, 1, …, n-1 in a random order. */
  permutation(n: number): Int32Array;
}

/** A new generator; `seed` is any whole number. */
export function rng(seed: number): Random {
  if (!Number.isFinite(seed)) throw new RangeError(`rng: seed must be a finite number, got ${seed}`);
  let state = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  let spare: number | null = null;

  function random(): number {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  function standardNormal(): number {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = random();
    const v = random();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }
  const self: Random = {
    seed,
    random,
    uniform: (low = 0, high = 1) => low + (high - low) * random(),
    normal: (mean = 0, std = 1) => mean + std * standardNormal(),
    integer(low, high) {
      if (!(high > low)) throw new RangeError(`integer: high must be > low, got [${low}, ${high})`);
      return low + Math.floor(random() * (high - low));
    },
    shuffle(a) {
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
      }
      return a;
    },
    normals(n, mean = 0, std = 1) {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = mean + std * standardNormal();
      return out;
    },
    uniforms(n, low = 0, high = 1) {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = low + (high - low) * random();
      return out;
    },
    permutation(n) {
      const p = new Int32Array(n);
      for (let i = 0; i < n; i++) p[i] = i;
      return self.shuffle(p);
    },
  };
  return self;
}
