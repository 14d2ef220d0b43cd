#!/usr/bin/env bash
# Packs a cross-built planctl.exe (scripts/build-windows.sh) into
#   dist/planctl-VERSION-windows-x64.zip   planctl.exe, examples, the schema, 使用说明.txt, licences
#   dist/planctl-VERSION-windows-x64-setup.exe   the NSIS installer of the same files
# Both are deterministic for a version: fixed file times (SOURCE_DATE_EPOCH, else the last
# commit's), sorted entries, no extra attributes.
#   scripts/package-windows.sh PLANCTL_EXE LICENSES_DIR [DIST_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
exe=$1
licenses=$2
dist=${3:-$root/dist}
version=$(sed -n 's/^project(planctl VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
epoch=${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || echo 1700000000)}
name=planctl-$version-windows-x64
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
top=$stage/$name
mkdir -p "$top/examples" "$top/schemas" "$top/licenses" "$dist"

cp "$exe" "$top/planctl.exe"
cp "$root"/examples/*.yaml "$top/examples/"
cp "$root/schemas/plan.schema.json" "$top/schemas/"
# Notepad reads UTF-8 with a byte-order mark as UTF-8 on every Windows version; CRLF lines.
{ printf '\xef\xbb\xbf'; sed "s/@VERSION@/$version/g" "$root/packaging/windows/使用说明.txt.in"; } |
  sed 's/$/\r/' > "$top/使用说明.txt"
for f in "$licenses"/*.txt; do
  sed 's/\r*$/\r/' "$f" > "$top/licenses/$(basename "$f")"
done
# The GCC runtime (libstdc++, libgcc: GPL with the runtime library exception) and the
# mingw-w64 runtime and winpthreads linked into planctl.exe.
sed 's/$/\r/' /usr/share/doc/gcc-mingw-w64-base/copyright > "$top/licenses/gcc-runtime.txt"
sed 's/$/\r/' /usr/share/doc/mingw-w64-common/copyright > "$top/licenses/mingw-w64.txt"

find "$stage" -exec touch -h -d "@$epoch" {} +
rm -f "$dist/$name.zip"
(cd "$stage" && find "$name" -print | LC_ALL=C sort | TZ=UTC zip -X -D -q -9 "$dist/$name.zip" -@)
echo "package-windows: $dist/$name.zip"

if command -v makensis >/dev/null; then
  setup=$dist/$name-setup.exe
  rm -f "$setup"
  # makensis stamps nothing of the build machine: the files' times are fixed above.
  (cd "$root/packaging/windows" &&
    SOURCE_DATE_EPOCH=$epoch makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$version" \
      -DSTAGE="$top" -DOUTFILE="$setup" installer.nsi)
  echo "package-windows: $setup"
else
  echo "package-windows: makensis not found (Debian package nsis): no installer" >&2
  exit 1
fi
