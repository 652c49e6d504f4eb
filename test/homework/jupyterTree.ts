/**
 * Starting a course's `npm start` for real and reading the tree its Jupyter serves, through
 * Jupyter's REST API (`/api/contents`, with a token we set): what a student would see.
 */
import { spawn, ChildProcess } from "child_process";
import * as net from "net";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Started {
  child: ChildProcess;
  port: number;
  token: string;
  /** Seconds from the spawn to the first answer of the REST API. */
  seconds: number;
  output: () => string;
  stop: () => Promise<void>;
}

/** `npm start -- --no-browser --port P` in `dir`; resolves once Jupyter answers on its port. */
export async function startCourse(dir: string, timeoutMs: number): Promise<Started> {
  const port = await freePort();
  const token = `optimlab-test-${process.pid}`;
  const t0 = Date.now();
  const child = spawn("npm", ["start", "--", "--no-browser", "--port", String(port)], {
    cwd: dir, detached: true, env: { ...process.env, JUPYTER_TOKEN: token, BROWSER: "true" }, stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  let exited = false;
  child.on("exit", () => (exited = true));
  const stop = async () => {
    if (exited) return;
    const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    try { process.kill(-child.pid!, "SIGTERM"); } catch { /* already gone */ }
    const t = setTimeout(() => { try { process.kill(-child.pid!, "SIGKILL"); } catch { /* gone */ } }, 10_000);
    await gone;
    clearTimeout(t);
  };
  while (Date.now() - t0 < timeoutMs) {
    if (exited) throw new Error(`npm start exited before Jupyter answered:\n${out}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/contents?token=${token}`);
      if (r.ok) return { child, port, token, seconds: (Date.now() - t0) / 1000, output: () => out, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`Jupyter did not answer on port ${port} within ${timeoutMs / 1000} s:\n${out}`);
}

/** Every path in the tree Jupyter lists, recursively ("exercises/01-svm-loss.ipynb", "solutions/"). */
export async function listTree(s: Started, dir = ""): Promise<string[]> {
  const r = await fetch(`http://127.0.0.1:${s.port}/api/contents/${encodeURI(dir)}?token=${s.token}`);
  if (!r.ok) throw new Error(`GET /api/contents/${dir}: ${r.status}`);
  const model = (await r.json()) as { content: { path: string; type: string }[] };
  const out: string[] = [];
  for (const c of model.content) {
    if (c.type === "directory") out.push(`${c.path}/`, ...(await listTree(s, c.path)));
    else out.push(c.path);
  }
  return out.sort();
}

/** A notebook's content as Jupyter serves it. */
export async function getNotebook(s: Started, file: string): Promise<any> {
  const r = await fetch(`http://127.0.0.1:${s.port}/api/contents/${encodeURI(file)}?token=${s.token}`);
  if (!r.ok) throw new Error(`GET /api/contents/${file}: ${r.status}`);
  return ((await r.json()) as { content: unknown }).content;
}
