/**
 * What each command in dist/cli/ takes (read by the commands and by the test that tries every
 * command and npm script with a bad option). Files in dist/cli/ that are not commands are
 * listed in LIBRARIES.
 */
import type { CommandSpec } from "./options";

export const COMMANDS: Record<string, CommandSpec> = {
  notebooks: {
    usage: "node dist/cli/notebooks.js",
    subcommands: ["run"],
    options: { "--timeout": "S", "--out": "DIR", "--keep-going": null },
    positionals: "[NOTEBOOK…]",
  },
  export: { usage: "npm run export --", options: { "--out": "DIR" }, positionals: "[NOTEBOOK…]" },
  bundle: { usage: "node dist/cli/bundle.js", options: {} },
  setup: { usage: "node dist/cli/setup.js", subcommands: ["build", "test", "kernel-install"], options: {} },
  start: { usage: "npm start --", options: { "--port": "N", "--no-browser": null, "--lab": null } },
  assign: { usage: "npm run assign --", options: { "--out": "DIR", "--from": "DIR", "--copies-only": null } },
  autograder: { usage: "npm run autograder --", options: { "--out": "FILE.zip", "--from": "DIR", "--run": null, "--no-isolation": null } },
  grade: {
    usage: "npm run grade --",
    options: {
      "--json": null, "--jobs": "N", "--timeout": "S", "--memory": "MB", "--exercises": "DIR",
      "--feedback-level": "points|pass-fail|full", "--no-isolation": null,
      "--csv": "FILE", "--feedback": "DIR", "--answers": "DIR", "--manual": "FILE",
    },
    positionals: "FILE|DIR…",
  },
};

/** The modules of dist/cli/ that other files import and nobody runs. */
export const LIBRARIES = ["browser", "commands", "isolation", "options", "paths", "tools"];
