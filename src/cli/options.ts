/**
 * The one command-line parser of the project's commands (`node dist/cli/<cmd>.js`, the npm
 * scripts). A command says which options it takes; anything else starting with `-` is an
 * error, and so is an option that needs a value with none after it. An error is one line
 * naming what was wrong and the options the command takes; commands exit with status 2 on it.
 */

/** A command's options: the name (`--timeout`) to the value it takes (`"S"`), or `null` for a flag. */
export type OptionSpec = Record<string, string | null>;

export interface CommandSpec {
  /** As the user types it: `node dist/cli/notebooks.js run`, `npm run grade --`. */
  usage: string;
  /** The first word when the command has subcommands (`run`; `build | test | kernel-install`). */
  subcommands?: string[];
  options: OptionSpec;
  /** What the positional arguments are (`NOTEBOOK…`), or absent when it takes none. */
  positionals?: string;
}

/** A bad command line: the caller prints the message (one line) and exits with status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export interface ParsedArgs {
  subcommand?: string;
  options: Record<string, string | true>;
  positionals: string[];
}

/** "--timeout S, --out DIR, --keep-going", or "no options". */
export function describeOptions(spec: CommandSpec): string {
  const names = Object.entries(spec.options).map(([name, value]) => (value ? `${name} ${value}` : name));
  return names.length > 0 ? `options: ${names.join(", ")}` : "no options";
}

function usageLine(spec: CommandSpec): string {
  const sub = spec.subcommands ? ` ${spec.subcommands.join("|")}` : "";
  const opts = Object.entries(spec.options).map(([name, value]) => `[${name}${value ? ` ${value}` : ""}]`);
  return `usage: ${spec.usage}${sub}${opts.length ? ` ${opts.join(" ")}` : ""}${spec.positionals ? ` ${spec.positionals}` : ""}`;
}

/** The one-line error for a bad command line: what was wrong, the options, the usage. */
export function usageError(name: string, what: string, spec: CommandSpec): UsageError {
  return new UsageError(`${name}: ${what} (${describeOptions(spec)}; ${usageLine(spec)})`);
}

/** Parses `argv` (without node and the script) for the command `name`; throws UsageError. */
export function parseArgs(name: string, argv: string[], spec: CommandSpec): ParsedArgs {
  const fail = (what: string): never => {
    throw usageError(name, what, spec);
  };
  const parsed: ParsedArgs = { options: {}, positionals: [] };
  let i = 0;
  if (spec.subcommands) {
    const sub = argv[0];
    if (sub === undefined) fail(`missing the subcommand, one of ${spec.subcommands.join(", ")}`);
    if (sub.startsWith("-") && !(sub in spec.options)) fail(`unknown option ${sub}`);
    if (!spec.subcommands.includes(sub)) fail(`unknown subcommand ${sub}, expected one of ${spec.subcommands.join(", ")}`);
    parsed.subcommand = sub;
    i = 1;
  }
  let onlyPositionals = false;
  for (; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPositionals || !arg.startsWith("-") || arg === "-") {
      if (!spec.positionals) fail(`unexpected argument ${arg}`);
      parsed.positionals.push(arg);
      continue;
    }
    if (arg === "--") {
      onlyPositionals = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const optName = eq > 0 ? arg.slice(0, eq) : arg;
    if (!(optName in spec.options)) fail(`unknown option ${optName}`);
    const takes = spec.options[optName];
    if (takes === null) {
      if (eq > 0) fail(`${optName} takes no value, got ${arg}`);
      parsed.options[optName] = true;
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[i + 1];
    if (value === undefined || value === "" || (eq < 0 && value.startsWith("--"))) fail(`${optName} needs a value (${takes})`);
    if (eq < 0) i++;
    parsed.options[optName] = value;
  }
  return parsed;
}

/** A number option: `fallback` when absent; a UsageError unless it is a number > 0. */
export function positiveNumber(name: string, args: ParsedArgs, option: string, spec: CommandSpec): number | undefined {
  const v = args.options[option];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== "string" || !(n > 0)) {
    throw usageError(name, `${option} must be a number > 0, got ${String(v)}`, spec);
  }
  return n;
}
