"""Executes notebooks top to bottom on the project's kernel through nbclient (real Jupyter).

    python3 scripts/run_notebooks.py [--timeout SECONDS] [--out DIR] [--keep-going] NOTEBOOK...

Each notebook runs in a fresh kernel with its own folder as working directory. A failing cell
is printed with its source and everything it wrote (tslab sends no traceback in the error reply;
it prints the error to stderr, which arrives as a stream output). With --keep-going the cells
after a failing one still run (and every failing cell is reported); without it the notebook
stops at the first. The executed copies go to --out (never next to the sources: notebooks are
committed without outputs), as a run in Jupyter leaves them: each code cell with the execution
count the kernel gave it, and consecutive stream output of a cell (one `console.log` per line)
as one output. The last line is `N passed, N failed`. Exit status 1 when any notebook failed.

After a failing cell tslab 1.0.22 aborts every request that arrives within 200 ms
(`execQueue.reset(200)`), replying "abort" without running it. Such a cell never ran, so it
is sent again (after a pause) until the kernel runs it.
"""
import argparse
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


def cell_text(cell):
    out = []
    for o in cell.get("outputs", []):
        if o.get("output_type") == "stream":
            out.append(f"[{o.get('name')}] {o.get('text', '')}")
        elif o.get("output_type") == "error":
            out.append(f"[error] {o.get('ename')}: {o.get('evalue')}\n" + "\n".join(o.get("traceback", [])))
    return "".join(out)


ABORT_PAUSE = 0.25  # seconds: longer than tslab's 200 ms window of aborts
ABORT_TRIES = 40    # ten seconds of aborts in a row: the kernel is not coming back


def merge_streams(cell):
    """Consecutive stream outputs of the same stream (stdout, stderr) become one output."""
    merged = []
    for o in cell.get("outputs", []):
        last = merged[-1] if merged else None
        if (o.get("output_type") == "stream" and last is not None
                and last.get("output_type") == "stream" and last.get("name") == o.get("name")):
            last["text"] = "".join(last.get("text", "")) + "".join(o.get("text", ""))
        else:
            merged.append(o)
    cell["outputs"] = merged


def run(path, timeout, out_dir, keep_going=False):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=timeout,
        # nbclient stops reading a cell's output 4 s after the kernel's reply and drops the rest
        # with a warning; under load (a cell of thousands of lines and display updates) the reply
        # comes sooner than nbclient gets through the output. Wait as long as a cell may take,
        # and fail loudly rather than drop output.
        iopub_timeout=timeout,
        raise_on_iopub_timeout=True,
        kernel_name="optimlab",
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
    )
    reply = {}

    def on_cell_executed(cell, cell_index, execute_reply):
        reply.clear()
        reply.update(execute_reply.get("content", {}))

    client.on_cell_executed = on_cell_executed
    start = time.time()
    failures = []  # (index, cell, error); cell None: the kernel did not start
    try:
        with client.setup_kernel():
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                error = None
                for _ in range(ABORT_TRIES):
                    reply.clear()
                    try:
                        client.execute_cell(cell, index)
                    except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
                        error = e
                    if error is None and reply.get("status") in ("abort", "aborted"):
                        time.sleep(ABORT_PAUSE)  # the cell did not run: send it again
                        continue
                    break
                else:
                    error = RuntimeError(f"the kernel aborted the cell {ABORT_TRIES} times")
                if reply.get("execution_count") is not None:
                    cell["execution_count"] = reply["execution_count"]
                merge_streams(cell)
                if error is not None:
                    failures.append((index, cell, error))
                    if not keep_going or isinstance(error, DeadKernelError):
                        break
    except Exception as e:  # the kernel did not start
        failures.append((-1, None, e))
    seconds = time.time() - start
    target = None
    if out_dir:
        os.makedirs(out_dir, exist_ok=True)
        target = os.path.join(out_dir, os.path.basename(path))
        nbformat.write(nb, target)
    if failures:
        print(f"FAIL {path} ({seconds:.1f} s)", flush=True)
        for index, cell, e in failures:
            if cell is None:
                print(f"  the kernel did not start: {type(e).__name__}: {e}")
                continue
            print(f"  cell {index} failed: {type(e).__name__}")
            print("  ---- source ----")
            print("  " + cell.source.replace("\n", "\n  "))
            print("  ---- output and stderr ----")
            print("  " + cell_text(cell).replace("\n", "\n  "))
            if isinstance(e, CellTimeoutError):
                print(f"  (timed out after {timeout} s)")
        return False
    size = f", executed copy {os.path.getsize(target) / 1e6:.2f} MB" if target else ""
    print(f"ok {path} ({seconds:.1f} s{size})", flush=True)
    return True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--timeout", type=int, default=300, help="seconds per cell")
    parser.add_argument("--out", default=None, help="folder for the executed copies")
    parser.add_argument("--root", default=None, help="keep paths relative to this folder under --out")
    parser.add_argument("--keep-going", action="store_true", help="run the cells after a failing one")
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args()
    results = []
    for p in args.notebooks:
        out = args.out
        rel = os.path.relpath(os.path.abspath(p), args.root) if args.root else ""
        if out and rel and not rel.startswith(".."):  # mirror the folders under --root only
            out = os.path.join(out, os.path.dirname(rel))
        results.append(run(p, args.timeout, out, args.keep_going))
    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
