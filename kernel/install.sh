#!/usr/bin/env bash
# Sets up the notebook environment of this checkout (npm run kernel:install):
#   1. Debian packages: Jupyter for headless runs (jupyter-nbconvert jupyter-client python3-nbclient), the classic
#      notebook server for interactive use (jupyter-notebook; skipped with --headless), and headless Chromium with
#      the DejaVu fonts to render figures to PNG/SVG (chromium fonts-dejavu-core).
#   2. The project-local TypeScript kernel "qsoft-ts" (tslab), kernel/jupyter/kernels/qsoft-ts/kernel.json. It is
#      relocatable ({resource_dir}) and found through JUPYTER_PATH=<checkout>/kernel/jupyter, which
#      kernel/jupyter.sh and kernel/run-notebooks.ts set; nothing is written outside the checkout.
#   3. Checks that `import { ... } from "qsoft"` resolves to this checkout in a notebook: the self-link
#      node_modules/qsoft (devDependency "qsoft": "file:.") and the compiled dist/ (npm ci builds it on prepare).
# Idempotent: packages already installed are not touched, so a second run takes about a second.
# Usage: bash kernel/install.sh [--headless]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

headless=0
for arg in "$@"; do
  case "$arg" in
    --headless) headless=1 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "kernel/install.sh: unknown option '$arg' (usage: bash kernel/install.sh [--headless])" >&2; exit 2 ;;
  esac
done

pkgs="jupyter-nbconvert jupyter-client python3-nbclient chromium fonts-dejavu-core"
[ "$headless" = 1 ] || pkgs="$pkgs jupyter-notebook"

missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null; then
    echo "kernel/install.sh: missing Debian packages:$missing; install them as root with" >&2
    echo "  apt-get install -y --no-install-recommends$missing" >&2
    exit 1
  fi
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "Installing Debian packages:$missing"
  export DEBIAN_FRONTEND=noninteractive
  # Try with the current package lists first; refresh them only if that fails (stale or empty lists).
  if ! $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null; then
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
fi

# The kernel runs node_modules/.bin/tslab from this checkout.
if [ ! -x node_modules/.bin/tslab ]; then
  echo "kernel/install.sh: node_modules/.bin/tslab is missing: run 'npm ci' in $root first" >&2
  exit 1
fi
# Notebooks import the package by its name: node_modules/qsoft must be the self-link to this checkout.
if [ ! -e node_modules/qsoft/package.json ] || [ "$(cd node_modules/qsoft && pwd -P)" != "$(pwd -P)" ]; then
  echo "kernel/install.sh: node_modules/qsoft is not a link to this checkout: run 'npm ci' (package.json has \"qsoft\": \"file:.\")" >&2
  exit 1
fi
if [ ! -f dist/index.js ] || [ ! -f dist/index.d.ts ]; then
  echo "Building dist/ (notebooks import the compiled package)"
  npm run -s build
fi

export JUPYTER_PATH="$root/kernel/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
# (Capture first: `grep -q` closing the pipe early would fail the pipeline under pipefail.)
specs="$(jupyter kernelspec list 2>/dev/null || true)"
if ! grep -q '^ *qsoft-ts ' <<<"$specs"; then
  echo "kernel/install.sh: jupyter does not list the kernel qsoft-ts from $root/kernel/jupyter" >&2
  exit 1
fi
echo "Kernel qsoft-ts ready: $root/kernel/jupyter/kernels/qsoft-ts (JUPYTER_PATH=$root/kernel/jupyter)"
echo "Run the notebooks headless with 'npm run notebooks', or open them with 'npm run jupyter'."
