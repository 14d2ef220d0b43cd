#!/usr/bin/env bash
# The single list of Debian 12 packages planctl needs to build, test and document itself.
# Used by the README quick start and by .ci/run; run as root (or with sudo available).
set -euo pipefail

build=(
  build-essential cmake ninja-build pkg-config git
  libcli11-dev libyaml-cpp-dev libyaml-dev libfmt-dev libxlsxwriter-dev doctest-dev
  libminizip-dev nlohmann-json3-dev zlib1g-dev
  libturbojpeg0-dev  # photos of the 工作简报 turned upright losslessly (src/util/image.cpp)
  libexpat1-dev  # planctl import reads .docx XML; fuzz/fuzz_render checks the XML it writes
  # The PDF writer (docs/pdf.md): cairo's PDF surface, HarfBuzz shaping, fontconfig and FreeType.
  libcairo2-dev libharfbuzz-dev libfontconfig-dev libfreetype-dev
)
# Real readers used by the round-trip tests, LibreOffice for the PDF checks, and the tools
# behind docs pictures, the man page, benchmarks and fuzzing.
test=(
  python3 python3-docx python3-openpyxl python3-yaml
  python3-jsonschema  # the JSON Schema oracle over planctl schema (tests/cli/schema_oracle.sh)
  libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils
  fonts-noto-cjk fonts-arphic-ukai fonts-cwtex-fs fonts-wqy-zenhei
  # The PDF's stand-ins for 仿宋_GB2312 and 楷体_GB2312 that cover GB 2312 in full: FandolFang
  # and FandolKai (docs/pdf.md); Debian ships them only in texlive-lang-chinese (~50 MB).
  texlive-lang-chinese
  clang libclang-rt-14-dev hyperfine help2man file dpkg-dev
  time  # /usr/bin/time -v: peak memory of the worst inputs (tests/cli/limits.sh)
  cmark-gfm  # GitHub's Markdown renderer: the Markdown writer's escaping is checked with it
  # The Python peer pipeline bench/run.sh times beside planctl (bench/peer/render_plans.py):
  # what a district would write instead, PyYAML + Jinja2 + python-docx + XlsxWriter.
  python3-jinja2 python3-xlsxwriter
  # Linters and shells for the CI templates and the shell completion (tests/cli/ci_templates.sh,
  # tests/cli/completion.sh).
  yamllint pre-commit jq shellcheck zsh bash-completion
  # The Windows build and its tests under Wine (scripts/ci-windows.sh, docs/windows.md):
  # mingw-w64 with POSIX threads, Wine, NSIS for the installer, zip for the package.
  g++-mingw-w64-x86-64-posix gcc-mingw-w64-x86-64-posix binutils-mingw-w64-x86-64
  mingw-w64-x86-64-dev wine wine64 nsis zip
  # node and npm for the schema tests' npm tools (scripts/install-npm-tools.sh: ajv,
  # yaml-language-server, the SARIF schema; tests/cli/npm_schemas.sh).
  nodejs npm
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

want=("${build[@]}")
if [ "${1:-}" != "--build-only" ]; then want+=("${test[@]}"); fi

missing=()
for p in "${want[@]}"; do
  # A nodejs from another source (NodeSource) brings its own npm and conflicts with Debian's.
  if [ "$p" = npm ] && command -v npm >/dev/null; then continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#want[@]} packages present"
else
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if [ "${1:-}" != "--build-only" ]; then
  echo "install-deps: npm tools in $("$(dirname "$0")/install-npm-tools.sh")"
fi
