#!/usr/bin/env bash
# The sign-off measurement on every document (issue 13, docs/docx.md "Keeping a page
# together"): the plans and reports of the 200 schools of bench/gen_plans.py and every
# example, converted by LibreOffice, counted by tests/roundtrip/test_signoff_pages.py --all.
# About five minutes on the 2-core machine; ctest runs the same script on a sample.
#
#   bash bench/signoff_pages.sh                 with build/planctl
#   PLANCTL=path/to/planctl bash bench/signoff_pages.sh
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
export PLANCTL=${PLANCTL:-$SRC/build/planctl}
export PLANCTL_SOURCE_DIR=$SRC PLANCTL_TEST_DATA_DIR=$SRC/tests
exec /usr/bin/python3 "$SRC/tests/roundtrip/test_signoff_pages.py" --all "$@"
