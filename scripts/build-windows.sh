#!/usr/bin/env bash
# Cross-builds planctl.exe for 64-bit Windows on Debian 12: one static executable that needs no
# DLL beyond Windows' own, linked with the libraries built from Debian's own source packages at
# the versions the Linux build uses (docs/windows.md). Then, unless --exe-only, the zip and the
# NSIS installer (scripts/package-windows.sh).
#
#   scripts/build-windows.sh [--exe-only]
#
# Environment: PLANCTL_WINDOWS_BUILD (default build-windows/) holds the build;
# PLANCTL_WINDOWS_CACHE (default ~/.cache/planctl-windows) holds the cross-built libraries, one
# folder per set of Debian versions, so a library is rebuilt only when Debian's version changes.
# Runs as root or with sudo (it installs the cross toolchain and adds a deb-src entry).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build=${PLANCTL_WINDOWS_BUILD:-$root/build-windows}
cache=${PLANCTL_WINDOWS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/planctl-windows}
jobs=${PLANCTL_WINDOWS_JOBS:-2}
exe_only=0
[ "${1:-}" = --exe-only ] && exe_only=1
log() { echo "build-windows: $*"; }
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)

# --- 1. Tools and the Linux -dev packages whose versions we follow ---------------------------
tools=(g++-mingw-w64-x86-64-posix gcc-mingw-w64-x86-64-posix binutils-mingw-w64-x86-64
       mingw-w64-x86-64-dev cmake ninja-build dpkg-dev zip nsis)
missing=()
for p in "${tools[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq
  "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}"
fi
bash scripts/install-deps.sh --build-only >/dev/null

# apt-get source needs a deb-src entry: add one beside each of Debian's own entries (deb822
# or one-line format), once.
add_deb_src() {
  if apt-get indextargets --format '$(CREATED_BY)' 2>/dev/null | grep -q '^Sources$'; then
    return
  fi
  local src_list=/etc/apt/sources.list.d/planctl-deb-src.sources
  log "adding deb-src entries ($src_list)"
  {
    for f in /etc/apt/sources.list.d/*.sources; do
      [ -e "$f" ] && [ "$f" != "$src_list" ] && sed -n 's/^Types: *deb$/Types: deb-src/;p' "$f" && echo
    done
  } | "${sudo_cmd[@]}" tee "$src_list.new" >/dev/null
  if [ -f /etc/apt/sources.list ]; then
    sed -n 's/^deb \(.*\)/deb-src \1/p' /etc/apt/sources.list | "${sudo_cmd[@]}" tee /etc/apt/sources.list.d/planctl-deb-src.list >/dev/null
  fi
  if grep -q 'Types: deb-src' "$src_list.new"; then
    "${sudo_cmd[@]}" mv "$src_list.new" "$src_list"
  else
    "${sudo_cmd[@]}" rm -f "$src_list.new"
  fi
  "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq
}
add_deb_src

# The Debian -dev packages the Linux build links, in build order (a library after those it uses).
dev_packages=(zlib1g-dev libminizip-dev libexpat1-dev libyaml-dev libyaml-cpp-dev libfmt-dev
              libxlsxwriter-dev libcli11-dev libturbojpeg0-dev)
declare -A src_version
sources=()
for p in "${dev_packages[@]}"; do
  read -r name version < <(dpkg-query -W -f='${source:Package} ${source:Version}\n' "$p")
  src_version[$name]=$version
  sources+=("$name")
done
toolchain_version=$(dpkg-query -W -f='${Version}' g++-mingw-w64-x86-64-posix)
# The cache key: every source version, the compiler's, and the recipe below (this script's
# library part and the toolchain file).
key_text=$(for s in "${sources[@]}"; do echo "$s=${src_version[$s]}"; done
           echo "mingw=$toolchain_version"
           sed -n '/^# --- 2/,/^# --- 3/p' "$0"; cat cmake/mingw-w64-x86_64.cmake)
key=$(printf '%s' "$key_text" | sha256sum | cut -c1-16)
prefix=$cache/deps-$key
export PLANCTL_WINDOWS_PREFIX=$prefix
toolchain=$root/cmake/mingw-w64-x86_64.cmake
# Reproducible objects: no build folder in debug info, no time stamp in the PE header.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || echo 1700000000)}

# --- 2. The libraries from Debian's source packages (cached by version) ----------------------
build_deps() {
  local work=$cache/work-$key
  # What an interrupted or earlier build left (other keys' libraries stay, for switching back).
  rm -rf "$cache"/work-* "$cache"/*.partial
  mkdir -p "$work" "$prefix.partial"
  local pfx=$prefix.partial
  # The installed version's source; when the archive no longer serves it (a security update
  # the machine has not installed, or a mirror without the security archive's sources), the
  # newest version that downloads. VERSIONS records what was built.
  local v got
  for s in "${sources[@]}"; do
    got=
    for v in "${src_version[$s]}" $(apt-cache showsrc "$s" | sed -n 's/^Version: //p' | sort -rV); do
      if (cd "$work" && apt-get source -qq "$s=$v" >"$work/apt-$s.log" 2>&1); then
        got=$v
        break
      fi
      rm -rf "${work:?}/$s"-*/ 
    done
    [ -n "$got" ] || { cat "$work/apt-$s.log"; log "cannot download the source of $s"; exit 1; }
    [ "$got" = "${src_version[$s]}" ] || log "$s: built from $got (installed: ${src_version[$s]})"
    log "source $s $got"
    src_version[$s]=$got
  done
  srcdir() { find "$work" -mindepth 1 -maxdepth 1 -type d -name "$1-*" | head -1; }
  local flags="-O2 -ffile-prefix-map=$work=. -fno-ident"
  cm_configure() { # cmake configure of source folder $1 with options $2... into $1/_win
    local s=$1; shift
    cmake -S "$s" -B "$s/_win" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$toolchain" \
      -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$pfx" -DBUILD_SHARED_LIBS=OFF \
      -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" "$@" >"$s/_win.log" 2>&1 ||
      { cat "$s/_win.log"; return 1; }
  }
  cm_build() {
    local s=$1
    cmake --build "$s/_win" -j "$jobs" >"$s/_win.log" 2>&1 || { tail -40 "$s/_win.log"; return 1; }
    cmake --install "$s/_win" >/dev/null
  }
  cm() { # configure, build and install
    cm_configure "$@"
    cm_build "$1"
  }
  export PLANCTL_WINDOWS_PREFIX=$pfx PKG_CONFIG_LIBDIR=$pfx/lib/pkgconfig PKG_CONFIG_PATH=
  local cc=x86_64-w64-mingw32-gcc-posix ar=x86_64-w64-mingw32-gcc-ar-posix s
  mkdir -p "$pfx/lib/pkgconfig" "$pfx/include/minizip" "$pfx/share/licenses"

  log "zlib"; s=$(srcdir zlib)
  # Debian's zlib source (dfsg) has no win32/ makefile: the library's sources, compiled directly.
  mkdir -p "$s/_win"
  for f in adler32 compress crc32 deflate gzclose gzlib gzread gzwrite infback inffast inflate \
           inftrees trees uncompr zutil; do
    $cc $flags -c "$s/$f.c" -o "$s/_win/$f.o"
  done
  $ar rcs "$s/libz.a" "$s"/_win/*.o
  cp "$s/libz.a" "$pfx/lib/"; cp "$s/zlib.h" "$s/zconf.h" "$pfx/include/"
  cp "$s/LICENSE" "$pfx/share/licenses/zlib.txt" 2>/dev/null || sed -n '/Copyright/,/madler/p' "$s/README" > "$pfx/share/licenses/zlib.txt"

  log "minizip"; s=$(srcdir minizip)
  local mz=$s; [ -d "$s/contrib/minizip" ] && mz=$s/contrib/minizip
  mkdir -p "$mz/_win"
  for f in ioapi zip unzip iowin32; do
    $cc $flags -I"$pfx/include" -c "$mz/$f.c" -o "$mz/_win/$f.o"
  done
  $ar rcs "$pfx/lib/libminizip.a" "$mz"/_win/*.o
  cp "$mz"/{ioapi,zip,unzip,iowin32}.h "$pfx/include/minizip/"
  cp "$s/debian/copyright" "$pfx/share/licenses/minizip.txt" # zip.h's notice, in full
  cat > "$pfx/lib/pkgconfig/minizip.pc" <<PC
prefix=$pfx
Name: minizip
Description: minizip (Debian ${src_version[minizip]})
Version: 1.1
Requires: zlib
Libs: -L\${prefix}/lib -lminizip
Cflags: -I\${prefix}/include/minizip -I\${prefix}/include
PC
  cat > "$pfx/lib/pkgconfig/zlib.pc" <<PC
prefix=$pfx
Name: zlib
Description: zlib (Debian ${src_version[zlib]})
Version: 1.2.13
Libs: -L\${prefix}/lib -lz
Cflags: -I\${prefix}/include
PC

  log "expat"; s=$(srcdir expat)
  local es=$s; [ -d "$s/expat/lib" ] && es=$s/expat
  cm_configure "$es" -DEXPAT_SHARED_LIBS=OFF -DEXPAT_BUILD_TOOLS=OFF -DEXPAT_BUILD_EXAMPLES=OFF \
    -DEXPAT_BUILD_TESTS=OFF -DEXPAT_BUILD_DOCS=OFF -DEXPAT_BUILD_FUZZERS=OFF
  # Debian's security patches test `#if XML_DTD == 1`, as its autotools build defines it;
  # expat's CMake defines the feature macros empty.
  sed -i 's/^#define \(XML_DTD\|XML_NS\|XML_GE\)$/#define \1 1/' "$es/_win/expat_config.h"
  cm_build "$es"
  cp "$es/COPYING" "$pfx/share/licenses/expat.txt"

  log "libyaml"; s=$(srcdir libyaml)
  cm "$s" -DBUILD_TESTING=OFF -DINSTALL_CMAKE_DIR=lib/cmake/yaml
  cat > "$pfx/lib/pkgconfig/yaml-0.1.pc" <<PC
prefix=$pfx
Name: LibYAML
Description: libyaml (Debian ${src_version[libyaml]})
Version: 0.2.5
Libs: -L\${prefix}/lib -lyaml
Cflags: -I\${prefix}/include -DYAML_DECLARE_STATIC
PC
  cp "$s/License" "$pfx/share/licenses/libyaml.txt"

  log "yaml-cpp"; s=$(srcdir yaml-cpp)
  cm "$s" -DYAML_CPP_BUILD_TESTS=OFF -DYAML_CPP_BUILD_TOOLS=OFF -DYAML_CPP_BUILD_CONTRIB=OFF \
    -DYAML_BUILD_SHARED_LIBS=OFF
  cp "$s/LICENSE" "$pfx/share/licenses/yaml-cpp.txt"

  log "fmt"; s=$(srcdir fmtlib)
  cm "$s" -DFMT_TEST=OFF -DFMT_DOC=OFF
  cp "$s/LICENSE.rst" "$pfx/share/licenses/fmt.txt"

  log "libxlsxwriter"; s=$(srcdir libxlsxwriter)
  cm "$s" -DUSE_SYSTEM_MINIZIP=ON -DBUILD_TESTS=OFF -DBUILD_EXAMPLES=OFF \
    -DCMAKE_PREFIX_PATH="$pfx" -DZLIB_ROOT="$pfx" -DPKG_CONFIG_EXECUTABLE=/usr/bin/pkg-config
  cat > "$pfx/lib/pkgconfig/xlsxwriter.pc" <<PC
prefix=$pfx
Name: xlsxwriter
Description: libxlsxwriter (Debian ${src_version[libxlsxwriter]})
Version: 1.1.4
Requires: minizip zlib
Libs: -L\${prefix}/lib -lxlsxwriter
Cflags: -I\${prefix}/include
PC
  cp "$s/License.txt" "$pfx/share/licenses/libxlsxwriter.txt"

  log "libjpeg-turbo"; s=$(srcdir libjpeg-turbo)
  # Without SIMD: its assembly needs NASM, and photos are decoded once each.
  cm "$s" -DENABLE_SHARED=OFF -DENABLE_STATIC=ON -DWITH_SIMD=OFF -DWITH_TURBOJPEG=ON \
    -DCMAKE_INSTALL_LIBDIR="$pfx/lib" -DCMAKE_INSTALL_INCLUDEDIR="$pfx/include" \
    -DCMAKE_INSTALL_BINDIR="$pfx/bin" -DCMAKE_INSTALL_DATAROOTDIR="$pfx/share"
  cp "$s/LICENSE.md" "$pfx/share/licenses/libjpeg-turbo.txt"

  log "CLI11 (headers)"; s=$(srcdir cli11)
  cm "$s" -DCLI11_BUILD_TESTS=OFF -DCLI11_BUILD_EXAMPLES=OFF -DCLI11_BUILD_DOCS=OFF \
    -DCLI11_PRECOMPILED=OFF
  cp "$s/LICENSE" "$pfx/share/licenses/CLI11.txt"

  # The pkg-config and CMake files name the folder they were built in; point them at the
  # cached folder.
  sed -i "s|^prefix=.*|prefix=$prefix|" "$pfx"/lib/pkgconfig/*.pc
  grep -rlF "$pfx" "$pfx/lib" "$pfx/share" --include='*.pc' --include='*.cmake' |
    xargs -r sed -i "s|$pfx|$prefix|g"
  for s in "${sources[@]}"; do echo "$s ${src_version[$s]}"; done > "$pfx/VERSIONS"
  echo "mingw-w64 g++ $toolchain_version" >> "$pfx/VERSIONS"
  rm -f "$pfx"/lib/*.dll.a; rm -rf "$pfx/bin"
  mv "$pfx" "$prefix"
  rm -rf "$work"
  export PLANCTL_WINDOWS_PREFIX=$prefix
}
# --- 3. planctl.exe -------------------------------------------------------------------------

t0=$(date +%s)
if [ -f "$prefix/VERSIONS" ]; then
  log "libraries: cached in $prefix"
else
  log "libraries: building into $prefix"
  build_deps
  log "libraries built in $(($(date +%s) - t0)) s"
fi

t1=$(date +%s)
log "planctl.exe"
exe_flags="-O2 -ffile-prefix-map=$root=. -fno-ident"
export PKG_CONFIG_LIBDIR=$prefix/lib/pkgconfig PKG_CONFIG_PATH=
# CMake keeps what pkg-config found: a build configured with other libraries starts afresh.
if [ "$(cat "$build/.planctl-prefix" 2>/dev/null)" != "$prefix" ]; then
  rm -rf "$build/CMakeCache.txt" "$build/CMakeFiles"
fi
mkdir -p "$build" && echo "$prefix" > "$build/.planctl-prefix"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$toolchain" \
  -DCMAKE_BUILD_TYPE=Release -DPLANCTL_TESTS=OFF -DPLANCTL_PDF=OFF \
  -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" \
  -DCMAKE_CXX_FLAGS="$exe_flags" -DCMAKE_C_FLAGS="$exe_flags" \
  -DCMAKE_PREFIX_PATH="$prefix" -DPKG_CONFIG_EXECUTABLE=/usr/bin/pkg-config \
  -DCMAKE_EXE_LINKER_FLAGS="-static -s" >/dev/null
cmake --build "$build" -j "$jobs" --target planctl
exe=$build/planctl.exe
# Windows' own DLLs only: the system's API sets and the C runtime every Windows has.
imports=$(x86_64-w64-mingw32-objdump -p "$exe" | sed -n 's/^\s*DLL Name: //p' | sort -u)
bad=$(echo "$imports" | grep -viE '^(kernel32|user32|advapi32|shell32|ws2_32|msvcrt|ole32|shlwapi|bcrypt|api-ms-win-.*)\.dll$' || true)
if [ -n "$bad" ]; then
  log "planctl.exe imports DLLs that Windows does not have: $bad"
  exit 1
fi
log "planctl.exe: $(stat -c %s "$exe") bytes, imports $(echo $imports) ($(($(date +%s) - t1)) s)"
if [ $exe_only -eq 0 ]; then
  bash "$root/scripts/package-windows.sh" "$exe" "$prefix/share/licenses"
fi
