/**
 * Which files a grading run takes, from the paths an instructor gives (a folder stands for the
 * notebooks in it, so `submissions/` with one folder per student works), and reading one safely.
 *
 * - every path given, and every `*.ipynb` found in a folder, becomes a row of the report;
 * - a symbolic link (to the instructor's source, to another student's file) or a special file
 *   (socket, FIFO, device) is refused: its row says so, and it is never opened;
 * - a file or folder whose name is not UTF-8 is refused too (its decoded name would not open it);
 * - files that look like notebooks but are not graded are listed: `*.IPYNB` and other spellings,
 *   dotfiles, anything in a dot-folder (`.ipynb_checkpoints`), `*.nbconvert.ipynb`.
 */
import * as fs from "fs";
import * as path from "path";
import type { SkippedFile } from "./report";

export const MAX_NOTEBOOK_BYTES = 20 << 20;

export interface SubmissionList {
  /** Files to grade, in order; `refused` ones are rows with an error. */
  files: { file: string; refused?: string }[];
  skipped: SkippedFile[];
}

const looksLikeNotebook = (name: string) => /\.ipynb$/i.test(name) || /ipynb/i.test(name);

function kind(st: fs.Stats): string | undefined {
  if (st.isSymbolicLink()) return "a symbolic link";
  if (st.isSocket()) return "a socket";
  if (st.isFIFO()) return "a named pipe";
  if (st.isBlockDevice() || st.isCharacterDevice()) return "a device";
  if (!st.isFile() && !st.isDirectory()) return "not a regular file";
  return undefined;
}

function refusal(what: string): string {
  return `${what}: refused (only regular files are graded; hand in a copy of the notebook itself)`;
}

/** The submissions under `paths` (see the file comment). Never throws for a bad path. */
export function listSubmissions(paths: string[]): SubmissionList {
  const out: SubmissionList = { files: [], skipped: [] };
  const walk = (dir: string) => {
    let raw: fs.Dirent<Buffer>[];
    try {
      raw = fs.readdirSync(dir, { withFileTypes: true, encoding: "buffer" });
    } catch (e) {
      out.files.push({ file: dir, refused: `cannot be listed (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
      return;
    }
    // A name that is not UTF-8 cannot be opened again from its decoded text (it would read as
    // "cannot be read (ENOENT)"): such a file or folder is a row that says what to do.
    const entries: { name: string; utf8: boolean; e: fs.Dirent<Buffer> }[] = raw.map((e) => {
      const name = e.name.toString("utf8");
      return { name, utf8: Buffer.from(name, "utf8").equals(e.name), e };
    });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { name, utf8, e: d } of entries) {
      const e = { name, isDirectory: () => d.isDirectory(), isSymbolicLink: () => d.isSymbolicLink(), isFile: () => d.isFile() };
      const p = path.join(dir, e.name);
      if (!utf8) {
        if (e.isDirectory() || looksLikeNotebook(name)) out.files.push({ file: p, refused: "its name is not valid UTF-8: rename it to grade it" });
        continue;
      }
      if (e.name.startsWith(".")) {
        if (e.isDirectory() || looksLikeNotebook(e.name)) out.skipped.push({ file: p, why: e.isDirectory() ? "a dot-folder" : "a dotfile" });
        continue;
      }
      if (e.isDirectory()) {
        walk(p);
        continue;
      }
      if (!looksLikeNotebook(e.name)) {
        if (e.isSymbolicLink()) out.skipped.push({ file: p, why: "a symbolic link (never followed)" });
        continue;
      }
      if (!e.name.endsWith(".ipynb")) {
        out.skipped.push({ file: p, why: 'not named "*.ipynb"' });
        continue;
      }
      if (e.name.endsWith(".nbconvert.ipynb")) {
        out.skipped.push({ file: p, why: "an nbconvert output" });
        continue;
      }
      if (e.isSymbolicLink()) out.files.push({ file: p, refused: refusal("a symbolic link") });
      else if (!e.isFile()) out.files.push({ file: p, refused: refusal("not a regular file") });
      else out.files.push({ file: p });
    }
  };
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      out.files.push({ file: p, refused: code === "ENOENT" ? notFound(p) : `cannot be read (${code ?? (e as Error).message})` });
      continue;
    }
    const bad = kind(st);
    if (bad) out.files.push({ file: p, refused: refusal(bad) });
    else if (st.isDirectory()) walk(p);
    else out.files.push({ file: p });
  }
  return out;
}

/**
 * The row of a path given that does not exist: where it was looked for. `npm run` runs a script
 * in the course folder, not where the command was typed (npm's INIT_CWD), so a relative path
 * typed elsewhere is not found; the row says so and what to give instead.
 */
export function notFound(p: string, cwd = process.cwd(), typedIn = process.env.INIT_CWD): string {
  const where = path.resolve(cwd, p);
  const elsewhere = typedIn && path.resolve(typedIn) !== path.resolve(cwd) && !path.isAbsolute(p)
    ? `; npm run reads paths from the course folder ${cwd}, not from ${path.resolve(typedIn)} where the command was typed: give an absolute path, or one from the course folder`
    : "";
  return `no such file or folder (looked for ${where})${elsewhere}`;
}

/**
 * A submission's text: opened without following a symbolic link and without blocking on a
 * FIFO, checked to be a regular file of at most MAX_NOTEBOOK_BYTES, read from that same open
 * file (so it cannot be swapped between the check and the read). Throws a message for the row.
 */
export function readSubmission(file: string): string {
  return readSubmissionFile(file).text;
}

/** As readSubmission, with the file's device and inode (to tell a hard link to a source). */
export function readSubmissionFile(file: string): { text: string; dev: number; ino: number } {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ELOOP") throw new Error(`${file}: ${refusal("a symbolic link")}`);
    throw new Error(`${file}: cannot be read (${code ?? (e as Error).message})`);
  }
  try {
    const st = fs.fstatSync(fd);
    const bad = kind(st) ?? (st.isDirectory() ? "a folder" : undefined);
    if (bad) throw new Error(`${file}: ${refusal(bad)}`);
    if (st.size > MAX_NOTEBOOK_BYTES) throw new Error(`${file}: larger than ${MAX_NOTEBOOK_BYTES >> 20} MB`);
    const buf = Buffer.alloc(st.size);
    let off = 0;
    while (off < st.size) {
      const n = fs.readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return { text: buf.subarray(0, off).toString("utf8"), dev: st.dev, ino: st.ino };
  } finally {
    fs.closeSync(fd);
  }
}
