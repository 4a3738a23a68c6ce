#!/usr/bin/env bash
# Sets up the notebook environment of this checkout (npm run kernel:install) with the Jupyter found on PATH, however
# it was installed (pip, pipx, conda, Homebrew, Debian packages):
#   1. Jupyter: `jupyter` on PATH (or $QSOFT_JUPYTER) with nbconvert for headless runs. Without one, it prints how
#      to install it on this system; on Debian/Ubuntu it offers the apt command and runs it with --yes.
#   2. The kernel "qsoft-ts" (tslab from this checkout's node_modules): the project-local kernelspec
#      kernel/jupyter/kernels/qsoft-ts (found through JUPYTER_PATH, which npm run notebooks / npm run jupyter set),
#      and, for JupyterLab, VS Code and any other front end, `jupyter kernelspec install --user` of the same kernel
#      with absolute paths (--sys-prefix instead: into the active venv/conda env; --no-user: skip it).
#   3. Headless Chromium for PNG figures: $QSOFT_CHROMIUM, else chromium, chromium-browser, google-chrome,
#      google-chrome-stable on PATH, else Chrome's macOS app. Missing is not fatal: figures then have no PNG.
#   4. `import ... from "qsoft"` in a notebook resolves to this checkout: the self-link node_modules/qsoft and the
#      compiled dist/ (built here when missing).
# Idempotent; about a second when everything is there.
# Usage: bash kernel/install.sh [--headless] [--yes] [--sys-prefix | --no-user]
#   --headless    Debian: leave out the notebook server (jupyter-notebook); headless runs need only nbconvert
#   --yes         Debian/Ubuntu without Jupyter or Chromium: run the apt-get command instead of printing it
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

headless=0
yes=0
where="--user"
for arg in "$@"; do
  case "$arg" in
    --headless) headless=1 ;;
    --yes|-y) yes=1 ;;
    --sys-prefix) where="--sys-prefix" ;;
    --no-user) where="" ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "kernel/install.sh: unknown option '$arg' (see bash kernel/install.sh --help)" >&2; exit 2 ;;
  esac
done

say() { echo "kernel/install.sh: $*"; }
is_debian() { [ -f /etc/debian_version ] && command -v apt-get >/dev/null; }
sudo_prefix() { [ "$(id -u)" = 0 ] && echo "" || echo "sudo "; }

# Installs Debian packages: runs apt-get with --yes, else prints the command and fails.
apt_install() {
  local cmd
  cmd="$(sudo_prefix)apt-get install -y --no-install-recommends $*"
  if [ "$yes" != 1 ]; then
    say "missing on this Debian/Ubuntu system: $*; install with"
    echo "  $cmd"
    say "(or run 'npm run kernel:install -- --yes' to let this script run it)"
    return 1
  fi
  echo "Installing: $*"
  export DEBIAN_FRONTEND=noninteractive
  # Try with the current package lists first; refresh them only if that fails (stale or empty lists).
  $cmd -qq >/dev/null || { $(sudo_prefix)apt-get update -qq && $cmd -qq >/dev/null; }
}

# 1. Jupyter.
jupyter="${QSOFT_JUPYTER:-$(command -v jupyter || true)}"
if [ -z "$jupyter" ]; then
  if is_debian; then
    pkgs="jupyter-nbconvert jupyter-client python3-nbclient"
    [ "$headless" = 1 ] || pkgs="$pkgs jupyter-notebook"
    apt_install $pkgs || exit 1
    jupyter="$(command -v jupyter)"
  else
    say "no 'jupyter' on PATH. Install Jupyter any way you like, then run this again:"
    case "$(uname -s)" in
      Darwin) echo "  brew install jupyterlab      # or: pipx install jupyterlab / pip install jupyterlab / conda install jupyterlab" ;;
      *) echo "  pip install --user jupyterlab   # or: pipx install jupyterlab / conda install jupyterlab / dnf install python3-notebook" ;;
    esac
    echo "  (QSOFT_JUPYTER=/path/to/jupyter picks one that is not on PATH)"
    exit 1
  fi
fi
if ! "$jupyter" nbconvert --version >/dev/null 2>&1; then
  say "$jupyter has no nbconvert (needed by 'npm run notebooks'): add it to that Jupyter, e.g. 'pip install nbconvert'"
  say "or 'conda install nbconvert' (Debian: apt-get install jupyter-nbconvert python3-nbclient); continuing"
fi

# 4. The package as notebooks import it.
if [ ! -x node_modules/.bin/tslab ]; then
  say "node_modules/.bin/tslab is missing: run 'npm ci' in $root first" >&2
  exit 1
fi
if [ ! -e node_modules/qsoft/package.json ] || [ "$(cd node_modules/qsoft && pwd -P)" != "$(pwd -P)" ]; then
  say "node_modules/qsoft is not a link to this checkout: run 'npm ci' (package.json has \"qsoft\": \"file:.\")" >&2
  exit 1
fi
if [ ! -f dist/index.js ] || [ ! -f dist/index.d.ts ]; then
  echo "Building dist/ (notebooks import the compiled package)"
  npm run -s build
fi

# 2. The kernel: project-local (relocatable, committed) and, with absolute paths, for every front end.
if [ -n "$where" ]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  mkdir -p "$tmp/qsoft-ts"
  cat > "$tmp/qsoft-ts/kernel.json" <<EOF
{
  "argv": ["$root/node_modules/.bin/tslab", "kernel", "--config-path", "{connection_file}"],
  "display_name": "TypeScript (qsoft)",
  "language": "typescript"
}
EOF
  "$jupyter" kernelspec install "$where" --replace --name qsoft-ts "$tmp/qsoft-ts" >/dev/null
  echo "Kernel qsoft-ts installed for JupyterLab and VS Code ($where): tslab of $root"
fi
export JUPYTER_PATH="$root/kernel/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
# (Capture first: `grep -q` closing the pipe early would fail the pipeline under pipefail.)
specs="$("$jupyter" kernelspec list 2>/dev/null || true)"
if ! grep -q '^ *qsoft-ts ' <<<"$specs"; then
  say "$jupyter does not list the kernel qsoft-ts from $root/kernel/jupyter" >&2
  exit 1
fi
echo "Kernel qsoft-ts ready with $jupyter: $root/kernel/jupyter/kernels/qsoft-ts (JUPYTER_PATH=$root/kernel/jupyter)"

# 3. Headless Chromium for PNG figures (the same search as src/plot/chromium.ts).
chromium="${QSOFT_CHROMIUM:-}"
if [ -n "$chromium" ] && [ ! -x "$chromium" ]; then
  say "QSOFT_CHROMIUM=$chromium is not an executable" >&2
  exit 1
fi
for name in chromium chromium-browser google-chrome google-chrome-stable; do
  [ -n "$chromium" ] || chromium="$(command -v "$name" || true)"
done
mac_chrome="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"
[ -n "$chromium" ] || { [ -x "$mac_chrome" ] && chromium="$mac_chrome"; } || true
if [ -n "$chromium" ]; then
  echo "Chromium for PNG figures: $chromium"
elif is_debian; then
  apt_install chromium fonts-dejavu-core || say "figures will be interactive only (no PNG) until Chromium is installed"
else
  say "no Chromium or Chrome found: figures are interactive only (no PNG). Install Chrome or Chromium, or set"
  echo "  QSOFT_CHROMIUM=/path/to/chrome (see kernel/README.md)"
fi
echo "Run the notebooks headless with 'npm run notebooks', or open them with 'npm run jupyter' (or JupyterLab / VS Code)."
