#!/usr/bin/env bash
# The one install script for the machine-level parts of the course (what npm cannot install):
#
#   bash scripts/install-machine.sh [node] [jupyter] [chromium] [isolation] [all]   (default: all)
#
#   node       checks Node.js >= 20 (installs Debian/Ubuntu's nodejs when it is new enough)
#   jupyter    jupyter-notebook, jupyter-nbconvert, python3-nbclient, python3-ipykernel
#   chromium   headless Chromium for the browser tests
#   isolation  bubblewrap for the grader's sandbox
#
# Used by .ci/run, by npm start / npm test when something is missing (src/cli/tools.ts), by the
# Gradescope bundle's setup.sh and by the Dockerfile. Installs with apt-get, as root only; for
# anyone else it prints the one command to run and exits 1. Parts already there are skipped.
set -euo pipefail

parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(all)
want() { local p; for p in "${parts[@]}"; do [ "$p" = "$1" ] || [ "$p" = all ] && return 0; done; return 1; }
for p in "${parts[@]}"; do
  case "$p" in node|jupyter|chromium|isolation|all) ;; *) echo "install-machine: unknown part $p (expected node, jupyter, chromium, isolation or all)" >&2; exit 2;; esac
done

need=()
have_deb() { dpkg -s "$1" >/dev/null 2>&1; }
node_major() { node -e 'console.log(process.versions.node.split(".")[0])' 2>/dev/null || echo 0; }

if want node && [ "$(node_major)" -lt 20 ]; then
  candidate=$(apt-cache policy nodejs 2>/dev/null | awk '/Candidate:/ {print $2}' | sed 's/^[0-9]*://; s/[.].*//')
  if [ -n "$candidate" ] && [ "$candidate" != "(none)" ] && [ "$candidate" -ge 20 ] 2>/dev/null; then
    need+=(nodejs npm)
  else
    echo "install-machine: Node.js 20 or newer is needed (found $(node --version 2>/dev/null || echo none)) and this system's apt offers nodejs ${candidate:-none}." >&2
    echo "Install Node.js 20+ from your distribution's backports or the Node.js binary tarball, then run this again." >&2
    exit 1
  fi
fi
if want jupyter; then for pkg in jupyter-notebook jupyter-nbconvert python3-nbclient python3-ipykernel; do have_deb "$pkg" || need+=("$pkg"); done; fi
if want chromium && ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null; then need+=(chromium); fi
if want isolation && ! command -v bwrap >/dev/null; then need+=(bubblewrap); fi

if [ ${#need[@]} -eq 0 ]; then
  echo "install-machine: ${parts[*]}: already there"
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "install-machine: missing ${need[*]}; install them with" >&2
  echo "  sudo apt-get install ${need[*]}" >&2
  exit 1
fi
echo "install-machine: installing ${need[*]} (apt-get, as root)"
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"
