/**
 * What an explorable is: the settings of one experiment (objective, start, steps, the update
 * rules and their hyper-parameters) and the controls that change them. Plain JSON, so the kernel
 * can hand it to the page, where the same code re-runs it.
 *
 *     ol.explore({
 *       title: "Gradient descent on the bowl",
 *       objective: "bowl", condition: 20, start: [-5, -2], steps: 30,
 *       runs: [{ rule: "sgd", learningRate: 0.4 }],
 *       controls: [
 *         { slider: "runs.0.learningRate", min: 0.01, max: 1, log: true },
 *         { slider: "condition", min: 1, max: 200, log: true },
 *       ],
 *     });
 *
 * A control names the setting it moves: `objective`, `condition`, `steps`, or `runs.I.KEY`
 * (KEY one of rule, learningRate, rho, beta1, beta2, decayRate, eps, weightDecay,
 * biasCorrection). A click on the contour moves `start` unless `clickToStart: false`.
 */

/** The update rules an explorable can run: src/optimizers' rules, and Newton's method. */
export const RULES = ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw", "newton"] as const;
export type RuleName = (typeof RULES)[number];

/**
 * The 2-D objectives: "bowl" is ½(λ_min x² + λ_max y²) with λ_max = 4 and λ_min = 4/condition,
 * so condition 20 is the lecture's 0.1x² + 2y² (and 2/λ_max = 0.5 whatever the condition).
 */
export const OBJECTIVES = ["bowl", "rosenbrock", "saddle", "himmelblau"] as const;
export type ObjectiveName = (typeof OBJECTIVES)[number];

/** One run: an update rule and its settings (the rule's own defaults where one is left out). */
export interface RunSettings {
  rule: RuleName;
  learningRate?: number;
  rho?: number;
  beta1?: number;
  beta2?: number;
  decayRate?: number;
  eps?: number;
  weightDecay?: number;
  biasCorrection?: boolean;
}

export type Control =
  | { slider: string; min: number; max: number; log?: boolean; step?: number; label?: string }
  | { select: string; options: string[]; label?: string }
  | { toggle: string; label?: string };

export interface ExploreOptions {
  title?: string;
  objective: ObjectiveName;
  /** The bowl's condition number λ_max/λ_min (default 20); only "bowl" reads it. */
  condition?: number;
  start: [number, number];
  steps: number;
  runs: RunSettings[];
  controls?: Control[];
  /** A click on the contour sets the start (default true). */
  clickToStart?: boolean;
  /** Grid points per axis of the contour (default 40). */
  resolution?: number;
  height?: number;
}

/** An explorable after its checks: every field present. */
export interface Explorable {
  title: string;
  objective: ObjectiveName;
  condition: number;
  start: [number, number];
  steps: number;
  runs: RunSettings[];
  controls: Control[];
  clickToStart: boolean;
  resolution: number;
  height: number;
}

const NUMBER_KEYS = ["learningRate", "rho", "beta1", "beta2", "decayRate", "eps", "weightDecay"] as const;
const RUN_KEYS = ["rule", ...NUMBER_KEYS, "biasCorrection"];
const MAX_STEPS = 5000;

/** Checks the options and fills in the defaults; throws naming the argument before anything runs. */
export function explorable(options: ExploreOptions): Explorable {
  if (!options || typeof options !== "object") throw new TypeError("explore: options must be an object { objective, start, steps, runs, controls }");
  const ex: Explorable = {
    title: options.title ?? "",
    objective: options.objective,
    condition: options.condition ?? 20,
    start: options.start,
    steps: options.steps,
    runs: options.runs,
    controls: options.controls ?? [],
    clickToStart: options.clickToStart ?? true,
    resolution: options.resolution ?? 40,
    height: options.height ?? 470,
  };
  if (typeof ex.title !== "string") throw new TypeError(`explore: title must be a string, got ${typeof ex.title}`);
  if (!Array.isArray(ex.runs) || ex.runs.length === 0 || ex.runs.length > 8) {
    throw new RangeError("explore: runs must be an array of 1 to 8 runs like { rule: \"sgd\", learningRate: 0.1 }");
  }
  ex.runs = ex.runs.map((r) => ({ ...r }));
  ex.start = Array.isArray(ex.start) ? [ex.start[0], ex.start[1]] : ex.start;
  checkSettings(ex);
  if (!Array.isArray(ex.controls)) throw new TypeError("explore: controls must be an array");
  ex.controls.forEach((c, i) => checkControl(ex, c, i));
  if (!Number.isInteger(ex.resolution) || ex.resolution < 10 || ex.resolution > 200) {
    throw new RangeError(`explore: resolution must be a whole number in [10, 200], got ${ex.resolution}`);
  }
  if (!(ex.height >= 200 && ex.height <= 2000)) throw new RangeError(`explore: height must be in [200, 2000] pixels, got ${ex.height}`);
  return ex;
}

/** The checks that hold after every change of a control, too. */
export function checkSettings(ex: Explorable): void {
  if (!(OBJECTIVES as readonly string[]).includes(ex.objective)) {
    throw new RangeError(`explore: objective must be one of ${OBJECTIVES.join(", ")}, got ${JSON.stringify(ex.objective)}`);
  }
  if (typeof ex.condition !== "number" || !(ex.condition >= 1 && ex.condition <= 1e6)) {
    throw new RangeError(`explore: condition must be a number in [1, 1e6], got ${String(ex.condition)}`);
  }
  if (!Array.isArray(ex.start) || ex.start.length !== 2 || !ex.start.every(Number.isFinite)) {
    throw new RangeError(`explore: start must be two finite numbers [x, y], got ${JSON.stringify(ex.start)}`);
  }
  if (!Number.isInteger(ex.steps) || ex.steps < 1 || ex.steps > MAX_STEPS) {
    throw new RangeError(`explore: steps must be a whole number in [1, ${MAX_STEPS}], got ${String(ex.steps)}`);
  }
  ex.runs.forEach((r, i) => {
    if (!r || typeof r !== "object") throw new TypeError(`explore: runs[${i}] must be an object like { rule: "sgd", learningRate: 0.1 }`);
    if (!(RULES as readonly string[]).includes(r.rule)) {
      throw new RangeError(`explore: runs[${i}].rule must be one of ${RULES.join(", ")}, got ${JSON.stringify(r.rule)}`);
    }
    for (const key of Object.keys(r)) {
      if (!RUN_KEYS.includes(key)) throw new RangeError(`explore: runs[${i}] has an unknown setting ${JSON.stringify(key)} (known: ${RUN_KEYS.join(", ")})`);
    }
    for (const key of NUMBER_KEYS) {
      const v = r[key];
      if (v !== undefined && (typeof v !== "number" || !Number.isFinite(v))) {
        throw new RangeError(`explore: runs[${i}].${key} must be a finite number, got ${String(v)}`);
      }
    }
    if (r.biasCorrection !== undefined && typeof r.biasCorrection !== "boolean") {
      throw new TypeError(`explore: runs[${i}].biasCorrection must be true or false, got ${String(r.biasCorrection)}`);
    }
    if (r.rule !== "newton" && r.rule !== "adam" && r.rule !== "adamw" && r.learningRate === undefined) {
      throw new RangeError(`explore: runs[${i}] (${r.rule}) needs a learningRate`);
    }
  });
}

function checkControl(ex: Explorable, c: Control, i: number): void {
  const where = `explore: controls[${i}]`;
  if (!c || typeof c !== "object") throw new TypeError(`${where} must be { slider | select | toggle: "setting", … }`);
  const setting = "slider" in c ? c.slider : "select" in c ? c.select : "toggle" in c ? c.toggle : undefined;
  if (typeof setting !== "string") throw new TypeError(`${where} must name its setting: { slider: "runs.0.learningRate", min, max } or { select: … } or { toggle: … }`);
  const current = getSetting(ex, setting); // throws on an unknown setting
  if ("slider" in c) {
    if (typeof current !== "number") throw new RangeError(`${where}: a slider needs a number setting; ${setting} is ${JSON.stringify(current)}`);
    if (!(Number.isFinite(c.min) && Number.isFinite(c.max) && c.min < c.max)) {
      throw new RangeError(`${where}: min and max must be finite numbers with min < max, got ${c.min} and ${c.max}`);
    }
    if (c.log && !(c.min > 0)) throw new RangeError(`${where}: a log slider needs min > 0, got ${c.min}`);
    if (!(current >= c.min && current <= c.max)) throw new RangeError(`${where}: ${setting} = ${current} is outside [${c.min}, ${c.max}]`);
  } else if ("select" in c) {
    if (!Array.isArray(c.options) || c.options.length < 2) throw new RangeError(`${where}: a select needs at least 2 options`);
    const allowed: readonly string[] = setting === "objective" ? OBJECTIVES : /\.rule$/.test(setting) ? RULES : [];
    for (const o of c.options) {
      if (!allowed.includes(o)) throw new RangeError(`${where}: option ${JSON.stringify(o)} is not one of ${allowed.join(", ") || "(a select sets objective or runs.I.rule)"}`);
    }
    if (!c.options.includes(current as string)) throw new RangeError(`${where}: the current ${setting} ${JSON.stringify(current)} is not among the options`);
  } else if (typeof current !== "boolean") {
    throw new RangeError(`${where}: a toggle needs a true/false setting; ${setting} is ${JSON.stringify(current)}`);
  }
}

/** The defaults the rules use when a run leaves a setting out (as in src/optimizers). */
const DEFAULTS: Record<string, number | boolean> = {
  rho: 0.9, beta1: 0.9, beta2: 0.999, decayRate: 0.99, eps: 1e-7, weightDecay: 1e-2, biasCorrection: true, learningRate: 1e-3,
};

function parse(setting: string): { run?: number; key: string } {
  const m = /^runs\.(\d+)\.(\w+)$/.exec(setting);
  if (m) return { run: Number(m[1]), key: m[2] };
  if (setting === "objective" || setting === "condition" || setting === "steps") return { key: setting };
  throw new RangeError(`explore: unknown setting ${JSON.stringify(setting)} (objective, condition, steps or runs.I.KEY)`);
}

/** The value a setting has now (a run's rule default when the run leaves it out). */
export function getSetting(ex: Explorable, setting: string): number | string | boolean {
  const { run, key } = parse(setting);
  if (run === undefined) return ex[key as "objective" | "condition" | "steps"];
  if (run >= ex.runs.length) throw new RangeError(`explore: ${setting}: there are only ${ex.runs.length} runs`);
  if (!RUN_KEYS.includes(key)) throw new RangeError(`explore: ${setting}: unknown run setting ${JSON.stringify(key)} (known: ${RUN_KEYS.join(", ")})`);
  const v = ex.runs[run][key as keyof RunSettings];
  return v ?? DEFAULTS[key];
}

/**
 * The explorable with one setting changed, checked before it is used: a copy, so a bad value
 * leaves the one on the page as it was.
 */
export function withSetting(ex: Explorable, setting: string, value: number | string | boolean | [number, number]): Explorable {
  const next: Explorable = { ...ex, runs: ex.runs.map((r) => ({ ...r })), start: [ex.start[0], ex.start[1]] };
  if (setting === "start") {
    next.start = value as [number, number];
  } else {
    const { run, key } = parse(setting);
    if (run === undefined) (next as unknown as Record<string, unknown>)[key] = value;
    else if (run < next.runs.length) (next.runs[run] as unknown as Record<string, unknown>)[key] = value;
    else throw new RangeError(`explore: ${setting}: there are only ${ex.runs.length} runs`);
  }
  checkSettings(next);
  return next;
}
