#!/usr/bin/env bash
# Extra CI steps, run by .ci/run after scripts/test.sh (which leaves the default build in
# build/). A plain list of steps: add new ones at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

# The Debian package, built from the default build (stripped), unpacked into a fresh tree
# and run there: --version, validate on the installed examples, man page, completion.
# It stays in build/packages/ as the CI's package artifact.
# A build directory configured before packaging/ existed has no package rules: configure
# again (cheap), then build whatever is missing (the man page).
[ -f build/CPackConfig.cmake ] || cmake --preset default >/dev/null
cmake --build --preset default
bash packaging/check-package.sh build build/packages
