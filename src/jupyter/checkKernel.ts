/**
 * Checked by `npm run build`: the tslab and zeromq installed are the ones the output queue and
 * `sendDisplay` were written and measured against. A different tslab (the version is pinned in
 * package.json) or a zeromq whose sockets look different stops the build with what to do,
 * rather than letting a notebook lose output quietly.
 */
import * as fs from "fs";
import * as path from "path";

/** Throws, naming what differs, unless the kernel parts are as the queue expects. */
export function checkKernel(root: string): void {
  const pinned = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).dependencies?.tslab;
  const tslabJupyter = require.resolve("tslab/dist/jupyter.js", { paths: [root] });
  const tslabDir = path.dirname(path.dirname(tslabJupyter));
  const version = JSON.parse(fs.readFileSync(path.join(tslabDir, "package.json"), "utf8")).version;
  const fail = (what: string): never => {
    throw new Error(`optimlab: ${what}; src/jupyter/outputQueue.ts was written for tslab ${pinned} on zeromq 6 (run \`npm ci\`, or check the queue against the new version)`);
  };
  if (version !== pinned) fail(`tslab ${version} is installed, package.json pins ${pinned}`);
  const source = fs.readFileSync(tslabJupyter, "utf8");
  for (const needle of ["new zmq.Publisher()", "new zmq.Router()", "sock.send(", "exports.lastWriteDisplayData = writeDisplayData"]) {
    if (!source.includes(needle)) fail(`tslab/dist/jupyter.js no longer contains \`${needle}\``);
  }
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const zmq = require(require.resolve("zeromq", { paths: [path.dirname(tslabJupyter)] }));
  for (const name of ["Publisher", "Router"]) {
    if (typeof zmq[name]?.prototype?.send !== "function" || typeof zmq[name]?.prototype?.close !== "function") {
      fail(`zeromq's ${name} has no send() and close()`);
    }
  }
  const noDrop = Object.getOwnPropertyDescriptor(zmq.Publisher.prototype, "noDrop");
  if (!noDrop?.set) fail("zeromq's Publisher has no noDrop option");
}
