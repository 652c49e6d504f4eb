"""Executes notebooks top to bottom on the project's kernel through nbclient (real Jupyter).

    python3 scripts/run_notebooks.py [--timeout SECONDS] [--out DIR] NOTEBOOK...

Each notebook runs in a fresh kernel with its own folder as working directory. A failing cell
is printed with its source and everything it wrote (tslab sends no traceback in the error reply;
it prints the error to stderr, which arrives as a stream output). The executed copies go to
--out (never next to the sources: notebooks are committed without outputs). The last line is
`N passed, N failed`. Exit status 1 when any notebook failed.
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


def run(path, timeout, out_dir):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="optimlab",
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
    )
    start = time.time()
    failed = None
    try:
        with client.setup_kernel():
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                try:
                    client.execute_cell(cell, index)
                except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
                    failed = (index, cell, e)
                    break
    except Exception as e:  # the kernel did not start
        failed = (-1, None, e)
    seconds = time.time() - start
    target = None
    if out_dir:
        os.makedirs(out_dir, exist_ok=True)
        target = os.path.join(out_dir, os.path.basename(path))
        nbformat.write(nb, target)
    if failed:
        index, cell, e = failed
        print(f"FAIL {path} ({seconds:.1f} s)", flush=True)
        if cell is None:
            print(f"  the kernel did not start: {type(e).__name__}: {e}")
        else:
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
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args()
    results = []
    for p in args.notebooks:
        out = args.out
        rel = os.path.relpath(os.path.abspath(p), args.root) if args.root else ""
        if out and rel and not rel.startswith(".."):  # mirror the folders under --root only
            out = os.path.join(out, os.path.dirname(rel))
        results.append(run(p, args.timeout, out))
    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
