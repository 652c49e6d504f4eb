/**
 * The program that runs ONE submission's code for ONE exercise, in its own process (see
 * sandbox.ts for the walls around it). It is bundled with the library into a single file, so
 * the process needs to read nothing but that file (and its job, on stdin).
 *
 *   1. read the job from stdin (to its end, before any submission code runs, so no submission
 *      code can read it): the compiled cells, the names of the functions under test, the
 *      library functions to hide, and the test INPUTS;
 *   2. run the cells, so their functions are defined (a cell that throws is reported, the
 *      others still run), then say "cells" once: the grader takes cell errors only before it,
 *      so no message carrying a test input can pose as one;
 *   3. for every input: call the function through its driver and write one line of JSON with
 *      the returned value to file descriptor 3.
 *
 * Nothing here decides a grade: the grader compares the values with the reference itself. Code
 * in the submission runs in this same process and can do anything this file can (even write
 * lines to fd 3); that gains it nothing, because a value only scores if it is right.
 */
import * as fs from "fs";
import * as net from "net";
import * as vm from "vm";
import { builtinModules } from "module";
import { runDriver, Driver } from "./drivers";
import { decode, encode } from "./wire";

export interface JobCell {
  label: string;
  code: string;
}

export interface JobCase {
  id: number;
  driver: Driver;
  fn: string;
  args: unknown; // wire format
}

export interface Job {
  cells: JobCell[];
  /** Library functions the submission must write itself: hidden from `ol` while grading. */
  hide: string[];
  cases: JobCase[];
}

/** One line on fd 3. */
export type RunnerMessage =
  | { type: "cell"; label: string; error: string }
  | { type: "cells" }
  | { type: "result"; id: number; ok: true; value: unknown }
  | { type: "result"; id: number; ok: false; error: string }
  | { type: "done" };

/** The process methods a submission may not call: they end this process or signal another one. */
const SIGNALLING = ["exit", "reallyExit", "abort", "kill", "_kill", "_debugProcess", "_debugEnd"] as const;

// Keep what we need before any submission code can replace it.
const stringify = JSON.stringify;
const writeSync = fs.writeSync;
const isBuiltin = new Set(builtinModules);

function send(message: RunnerMessage): void {
  const line = Buffer.from(stringify(message) + "\n");
  let offset = 0;
  while (offset < line.length) {
    try {
      offset += writeSync(3, line, offset, line.length - offset);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
    }
  }
}

/** A message from anything thrown: an Error, a string, a Proxy, an object whose getters throw… */
export function messageOf(thrown: unknown): string {
  try {
    if (thrown instanceof Error) return `${thrown.name}: ${String(thrown.message)}`.slice(0, 400);
    if (typeof thrown === "string") return thrown.slice(0, 400);
    return `threw ${typeof thrown === "object" ? "an object" : typeof thrown}: ${String(thrown)}`.slice(0, 400);
  } catch {
    return "threw a value that cannot be read";
  }
}

function notAvailable(name: string): () => never {
  return () => {
    throw new Error(`${name} is hidden while grading: this exercise asks you to write it yourself`);
  };
}

/**
 * No unix socket may be bound: a listening socket is a file the permission model does not see,
 * and in mode "uid" the sandbox shares the machine's /tmp and /dev/shm, so it would stay there.
 * Every unix socket (net, http, a handle made by hand) is bound by one method of one handle
 * class, replaced here for good before any submission code runs.
 */
function forbidSocketFiles(): void {
  const probe = net.connect({ path: "\0optimlab-no-such-socket" }); // abstract: no file, never connects
  probe.on("error", () => undefined);
  const pipe = Object.getPrototypeOf((probe as unknown as { _handle: object })._handle) as object;
  probe.destroy();
  Object.defineProperty(pipe, "bind", {
    value: () => {
      throw new Error("unix sockets cannot be created while grading");
    },
    writable: false,
    configurable: false,
  });
}

function installGlobals(hide: string[]): void {
  forbidSocketFiles();
  // Nor renice another process (a second wall: its uid already keeps it from other processes).
  Object.defineProperty(require("os") as object, "setPriority", { // the module itself, not a bundler's copy
    value: () => {
      throw new Error("os.setPriority is not allowed while grading");
    },
    writable: false,
    configurable: false,
  });
  const library = require("../index") as Record<string, unknown>;
  const ol: Record<string, unknown> = { ...library };
  for (const name of hide) ol[name] = notAvailable(name);
  const g = globalThis as Record<string, unknown>;
  g.ol = ol;
  g.exports = {};
  g.module = { exports: g.exports };
  g.require = (id: string) => {
    if (id === "optimlab") return ol;
    const bare = id.startsWith("node:") ? id.slice(5) : id;
    if (isBuiltin.has(bare)) return require(bare);
    throw new Error(`require: only "optimlab" and Node's own modules can be imported while grading, got "${id}"`);
  };
  // A submission cannot end the process on purpose; it still can by crashing, which the grader sees.
  // Nor signal another process (in mode "uid" the kernel already refuses it every process but its
  // own: its uid is its own; this is the second wall). `_kill` is what `kill` calls;
  // `_debugProcess` sends SIGUSR1, which ends most programs; `_debugEnd` goes with it.
  for (const name of SIGNALLING) {
    Object.defineProperty(process, name, {
      value: () => {
        throw new Error(`process.${name} is not allowed while grading`);
      },
      writable: false,
      configurable: false,
    });
  }
}

async function main(): Promise<void> {
  const job = JSON.parse(fs.readFileSync(0, "utf8")) as Job;
  installGlobals(job.hide);
  // Inputs are decoded before any submission code runs (it may replace Array.isArray…).
  const inputs = job.cases.map((c) => decode(c.args, true) as unknown[]);
  for (const cell of job.cells) {
    try {
      vm.runInThisContext(cell.code, { filename: cell.label });
    } catch (e) {
      send({ type: "cell", label: cell.label, error: messageOf(e) });
    }
  }
  send({ type: "cells" });
  for (let k = 0; k < job.cases.length; k++) {
    const c = job.cases[k];
    let reply: RunnerMessage;
    try {
      const fn = vm.runInThisContext(`typeof ${c.fn} === "function" ? ${c.fn} : undefined`);
      if (typeof fn !== "function") throw new Error(`${c.fn} is not defined (is its cell in the notebook?)`);
      let value = runDriver(c.driver, fn, inputs[k]);
      if (value && typeof (value as PromiseLike<unknown>).then === "function") value = await value;
      reply = { type: "result", id: c.id, ok: true, value: encode(value) };
    } catch (e) {
      reply = { type: "result", id: c.id, ok: false, error: messageOf(e) };
    }
    send(reply);
  }
  send({ type: "done" });
}

/** Runs the job in the current folder. The grader kills this process once it has read "done" (a
 * submission may leave timers running). */
export function runnerMain(): void {
  main().catch((e) => send({ type: "cell", label: "runner", error: messageOf(e) }));
}
