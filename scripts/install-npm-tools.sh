#!/usr/bin/env bash
# Sets up the npm tools of the schema tests (tests/cli/npm_schemas.sh): ajv and ajv-formats
# (JSON Schema), yaml (YAML 1.2, as editors read it), yaml-language-server (the VS Code YAML
# extension's server) and @microsoft/sarif-multitool (its SARIF 2.1.0 schema), at the
# versions pinned in tests/npm/package-lock.json, with `npm ci` (no install scripts) into
#   ${PLANCTL_NPM_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/planctl/npm-tools}/<lock hash>/
# so that every build folder and worktree of this machine shares one copy and a change of the
# pins gets a folder of its own. Prints that folder. Needs node and npm (scripts/install-deps.sh).
# Usage: scripts/install-npm-tools.sh [--print-dir]   (--print-dir: print the folder only)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
lock=$src/tests/npm/package-lock.json
# The contents only: `sha256sum FILE` prints the path too, and the cache is shared by checkouts.
hash=$(cat "$lock" "$src/tests/npm/package.json" | sha256sum | cut -c1-16)
dir=${PLANCTL_NPM_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/planctl/npm-tools}/$hash
if [[ ${1:-} == --print-dir ]]; then
  echo "$dir"
  exit 0
fi
if [[ -f $dir/.complete ]]; then
  echo "$dir"
  exit 0
fi
command -v node >/dev/null && command -v npm >/dev/null || {
  echo "install-npm-tools: node and npm are needed (scripts/install-deps.sh installs them)" >&2
  exit 1
}
mkdir -p "$dir"
cp "$src/tests/npm/package.json" "$lock" "$dir/"
# --ignore-scripts: nothing from the registry runs here; the one install script of these
# packages only marks the multitool's binary executable, which the tests do not run.
(cd "$dir" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >&2)
touch "$dir/.complete"
echo "$dir"
