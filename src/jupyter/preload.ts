/**
 * Loaded by the course's kernelspec before tslab starts (`node --require dist/jupyter/preload.js
 * node_modules/tslab/bin/tslab kernel …`, written by `npm run build`): puts the zeromq module
 * tslab will load behind the output queue (`outputQueue.ts`), so no message of any notebook on
 * this kernel is lost, whether or not it imports optimlab.
 */
import * as path from "path";
import { queueZeromq, type ZeromqModule } from "./outputQueue";

// tslab requires "zeromq" from its dist/ folder; resolve it from there to get that very copy
const tslabJupyter = require.resolve("tslab/dist/jupyter.js", { paths: [process.cwd(), path.join(__dirname, "..", "..")] });
const zeromq = require.resolve("zeromq", { paths: [path.dirname(tslabJupyter)] });
if (!queueZeromq(require(zeromq) as ZeromqModule)) {
  throw new Error(`optimlab: zeromq at ${zeromq} has no Publisher/Router with send(); the output queue cannot be installed`);
}
