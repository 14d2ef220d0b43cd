#!/usr/bin/env bash
# The Windows tests: planctl.exe (scripts/build-windows.sh) under Wine against the Linux
# build, case by case (tests/windows/*.sh). Prints "N passed, N failed".
#   tests/windows/run.sh [PLANCTL_EXE [PLANCTL]]
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
export PLANCTL_EXE=${1:-${PLANCTL_EXE:-$root/build-windows/planctl.exe}}
export PLANCTL=${2:-${PLANCTL:-$root/build/planctl}}
export PLANCTL_SOURCE_DIR=$root
# The installer of scripts/package-windows.sh (tests/windows/installer.sh).
export PLANCTL_SETUP=${PLANCTL_SETUP:-$(ls "$root"/dist/planctl-*-windows-x64-setup.exe 2>/dev/null | tail -1)}
export WINEPREFIX=${WINEPREFIX:-$(mktemp -d /tmp/planctl-wine.XXXXXX)}
export WINEDEBUG=-all
# No Mono or Gecko (Wine would offer to download them): planctl.exe needs neither.
export WINEDLLOVERRIDES="mscoree=;mshtml="
# Absolute: every case runs from a folder of its own.
PLANCTL_EXE=$(realpath -e "$PLANCTL_EXE") || exit 1
PLANCTL=$(realpath -e "$PLANCTL") || exit 1
[ -z "$PLANCTL_SETUP" ] || PLANCTL_SETUP=$(realpath -e "$PLANCTL_SETUP") || exit 1
for f in "$PLANCTL_EXE" "$PLANCTL" "$PLANCTL_SETUP"; do
  [ -n "$f" ] && [ -f "$f" ] ||
    { echo "tests/windows: '$f' is missing (scripts/build-windows.sh, scripts/setup.sh)"; exit 1; }
done
# Wine and the cross compiler (locked.sh builds its helper) are not in scripts/install-deps.sh
# while CI does not run these tests (docs/windows.md): installed here when missing.
if ! command -v wine >/dev/null || ! command -v x86_64-w64-mingw32-gcc >/dev/null; then
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 \
    install -y -qq --no-install-recommends wine wine64 gcc-mingw-w64-x86-64-posix >/dev/null
fi
t0=$(date +%s)
wineboot -i >/dev/null 2>&1 # the prefix, once (some seconds)
wineserver -p 60             # one server for every case
echo "tests/windows: Wine prefix ready in $(($(date +%s) - t0)) s"
passed=0
failed=0
for t in "$root"/tests/windows/*.sh; do
  case $(basename "$t") in run.sh) continue ;; esac
  name=$(basename "$t" .sh)
  s=$(date +%s)
  if timeout 600 bash "$t" >"/tmp/planctl-win-$name.log" 2>&1; then
    passed=$((passed + 1)); echo "PASS $name ($(($(date +%s) - s)) s)"
  else
    failed=$((failed + 1)); echo "FAIL $name ($(($(date +%s) - s)) s)"; cat "/tmp/planctl-win-$name.log"
  fi
done
wineserver -k 2>/dev/null || true
echo "tests/windows: $(($(date +%s) - t0)) s"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
