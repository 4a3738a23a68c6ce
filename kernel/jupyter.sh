#!/usr/bin/env bash
# Starts the classic Jupyter notebook server on notebooks/ with the project-local TypeScript kernel "qsoft-ts"
# (npm run jupyter). No browser is opened: open the printed http://127.0.0.1:PORT/?token=... URL yourself.
# Extra arguments go to `jupyter notebook`, e.g. `npm run jupyter -- --port=9999` or `--ip=0.0.0.0`.
# Notebooks import the compiled package (dist/): run `npm run build` after changing src/ and restart the kernel.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if ! command -v jupyter >/dev/null || ! jupyter notebook --version >/dev/null 2>&1; then
  echo "kernel/jupyter.sh: the Jupyter notebook server is not installed: run 'npm run kernel:install'" >&2
  echo "  (it runs: apt-get install -y --no-install-recommends jupyter-notebook)" >&2
  exit 1
fi
if [ ! -f "$root/dist/index.js" ]; then
  echo "kernel/jupyter.sh: dist/ is missing (notebooks import the compiled package): run 'npm run build'" >&2
  exit 1
fi

export JUPYTER_PATH="$root/kernel/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
extra=()
# The notebook server refuses to run as root unless told to (containers and CI machines run as root).
[ "$(id -u)" != 0 ] || extra+=(--allow-root)
exec jupyter notebook --no-browser --ip=127.0.0.1 --notebook-dir="$root/notebooks" \
  --MultiKernelManager.default_kernel_name=qsoft-ts "${extra[@]}" "$@"
