/**
 * The output queue on real zeromq sockets (the copy tslab uses): a burst far beyond what
 * zeromq takes at once, sent to a subscriber that reads slowly through a tiny queue, arrives
 * whole and in order; a socket closes only after its queued messages went out.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as path from "path";
import { outputQueueStats, queueZeromq } from "../../src/jupyter/outputQueue";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const tslab = require.resolve("tslab/dist/jupyter.js", { paths: [ROOT] });
// eslint-disable-next-line @typescript-eslint/no-var-requires
const zmq = require(require.resolve("zeromq", { paths: [path.dirname(tslab)] }));

async function burst(count: number, port: number): Promise<{ got: number[]; subscriberDone: Promise<void> }> {
  const pub = new zmq.Publisher();
  await pub.bind(`tcp://127.0.0.1:${port}`);
  const sub = new zmq.Subscriber({ receiveHighWaterMark: 10 });
  sub.connect(`tcp://127.0.0.1:${port}`);
  sub.subscribe();
  await new Promise((r) => setTimeout(r, 300)); // the subscription reaches the publisher
  const got: number[] = [];
  const subscriberDone = (async () => {
    for await (const [, n] of sub) {
      if (String(n) === "end") break;
      got.push(Number(String(n)));
      if (got.length % 500 === 0) await new Promise((r) => setTimeout(r, 20)); // a slow reader
    }
    sub.close();
  })();
  // as tslab does: many sends in one go, never awaited, then close at once
  for (let i = 0; i < count; i++) pub.send(["x".repeat(200), String(i)]);
  pub.send(["", "end"]);
  pub.close();
  return { got, subscriberDone };
}

test("queued: 6000 messages sent in one go arrive whole and in order, and close waits for them", { timeout: 120_000 }, async () => {
  assert.equal(queueZeromq(zmq), true);
  assert.equal(queueZeromq(zmq), true, "a second call keeps the one queue");
  const before = { ...outputQueueStats };
  const { got, subscriberDone } = await burst(6000, 39000 + (process.pid % 900));
  await subscriberDone;
  assert.equal(got.length, 6000, `${6000 - got.length} messages lost`);
  assert.ok(got.every((n, i) => n === i), "out of order");
  assert.equal(outputQueueStats.sent - before.sent, 6001);
  assert.equal(outputQueueStats.lost, before.lost);
});
