#!/usr/bin/env bash
# Builds the Debian package from a build directory and checks it the way a user meets it:
#   packaging/check-package.sh BUILD_DIR [OUT_DIR]
# 1. cpack -G DEB into OUT_DIR (default BUILD_DIR/packages); the control fields: name,
#    version (the binary's own), Depends on the Debian library packages, section, maintainer;
# 2. the package unpacked into a fresh directory tree (dpkg-deb -x), where it must hold the
#    binary, man page, completions, schema, examples and CI templates;
# 3. the installed binary runs from there with the system's libraries: --version, validate
#    on every installed example (all valid) and on a broken copy (exit 1, FILE:LINE:COL);
# 4. `man -l` renders the installed page without warnings; the installed bash completion
#    completes the commands, the zsh one parses;
# 5. apt would install it: `apt-get install -s` resolves every dependency.
# The build directory must be built (the default target makes the man page). Run by
# scripts/ci-extra.sh on the default build; for a release package use the `release` preset.
set -euo pipefail

build=${1:?usage: check-package.sh BUILD_DIR [OUT_DIR]}
build=$(cd "$build" && pwd)
out=${2:-$build/packages}
mkdir -p "$out"
out=$(cd "$out" && pwd)
start=$(date +%s)

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

[[ -f $build/CPackConfig.cmake ]] || {
  echo "check-package: $build has no CPackConfig.cmake; configure it first" >&2
  exit 2
}
[[ -f $build/packaging/planctl.1.gz ]] || {
  echo "check-package: $build/packaging/planctl.1.gz is missing; build the default target" >&2
  exit 2
}

# ---- 1. the package ---------------------------------------------------------------------
rm -f "$out"/planctl_*.deb
(cd "$out" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$out" >cpack.log 2>&1) || {
  cat "$out/cpack.log" >&2
  echo "check-package: cpack failed" >&2
  exit 1
}
deb=$(ls "$out"/planctl_*.deb)
echo "package: $deb ($(du -k "$deb" | cut -f1) KiB)"

field() { dpkg-deb -f "$deb" "$1"; }
version=$("$build/planctl" --version | sed -n '1s/^planctl \([^ ]*\).*/\1/p')
[[ $(field Package) == planctl ]] || fail "Package is \"$(field Package)\""
[[ $(field Version) == "$version" ]] || fail "Version \"$(field Version)\", binary says \"$version\""
[[ $(field Section) == text ]] || fail "Section is \"$(field Section)\""
[[ $(field Maintainer) == *'<'*@*'>' ]] || fail "Maintainer \"$(field Maintainer)\" has no e-mail"
[[ -z $(field Homepage) ]] || fail "Homepage is set"
[[ -n $(field Description) ]] || fail "no Description"
depends=$(field Depends)
echo "Depends: $depends"
# The library packages of Debian 12 that the binary links; dpkg-shlibdeps names them.
for p in libc6 libstdc++6 libyaml-cpp0.7 libfmt9 libxlsxwriter4 libminizip1; do
  [[ ", $depends," == *", $p "* || ", $depends," == *", $p,"* ]] || fail "Depends lacks $p"
done
# Every library the binary needs is provided by a package in Depends.
for lib in $(objdump -p "$build/planctl" | awk '/NEEDED/ {print $2}'); do
  pkg=$(dpkg -S "*/$lib" 2>/dev/null | grep -v i386 | head -n1 | cut -d: -f1)
  case $pkg in
    '' | libc6) ;; # libm and libc come with libc6
    *) [[ ", $depends," == *", $pkg "* || ", $depends," == *", $pkg,"* ]] || fail "$lib comes from $pkg, which Depends lacks" ;;
  esac
done

# ---- 2. unpacked into a fresh tree ------------------------------------------------------
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
for f in usr/bin/planctl usr/share/man/man1/planctl.1.gz \
  usr/share/bash-completion/completions/planctl usr/share/zsh/vendor-completions/_planctl \
  usr/share/planctl/plan.schema.json usr/share/planctl/examples/minimal.yaml \
  usr/share/planctl/examples/ci/github-plans.yml usr/share/planctl/examples/ci/gitlab-ci.yml \
  usr/share/doc/planctl/README.md; do
  [[ -s $root/$f ]] || fail "the package lacks /$f"
done
[[ -x $root/usr/bin/planctl ]] || fail "/usr/bin/planctl is not executable"
if file "$root/usr/bin/planctl" | grep -q 'not stripped'; then
  fail "/usr/bin/planctl is not stripped"
fi
# Nothing outside /usr, and nothing of the build (static libraries, headers, tests).
if dpkg-deb -c "$deb" | awk '{print $6}' | grep -vE '^\./(usr/.*)?$'; then
  fail "files outside /usr (above)"
fi
if dpkg-deb -c "$deb" | grep -E '\.(a|h|hpp)$|/test_'; then
  fail "build files in the package (above)"
fi

# ---- 3. the installed binary ------------------------------------------------------------
planctl=$root/usr/bin/planctl
"$planctl" --version | grep -qx "planctl $version (plan format version.*)" ||
  fail "installed --version says \"$("$planctl" --version)\""
if ! msg=$("$planctl" validate "$root"/usr/share/planctl/examples/*.yaml 2>&1); then
  fail "installed examples do not validate: $msg"
fi
[[ $("$planctl" schema) == "$(cat "$root/usr/share/planctl/plan.schema.json")" ]] ||
  fail "the installed schema differs from \`planctl schema\`"
broken=$root/broken.yaml
sed 's/^  title: /  titel: /' "$root/usr/share/planctl/examples/minimal.yaml" >"$broken"
status=0
msg=$("$planctl" validate "$broken" 2>&1) || status=$?
[[ $status == 1 ]] || fail "validate of a broken file exits $status, expected 1"
grep -qE "^$broken:[0-9]+:[0-9]+: error: .*\"titel\"" <<<"$msg" ||
  fail "validate of a broken file says: $msg"

# ---- 4. man page and completion ---------------------------------------------------------
page=$root/usr/share/man/man1/planctl.1.gz
if command -v man >/dev/null; then
  text=$(MANWIDTH=80 man -l "$page" 2>/dev/null)
  for want in "NAME" "SYNOPSIS" "COMMANDS" "EXIT STATUS" "EXAMPLES" "planctl validate" \
    "--format"; do
    grep -qF -- "$want" <<<"$text" || fail "man -l: the page lacks \"$want\""
  done
  warnings=$(man --warnings -l "$page" 2>&1 >/dev/null || true)
  [[ -z $warnings ]] || fail "man -l warns: $warnings"
else
  echo "note: man is not installed (Debian package man-db); page rendering not checked"
fi
got=$(bash --norc --noprofile -c '
  source "$1"
  COMP_WORDS=(planctl ""); COMP_CWORD=1; COMP_LINE="planctl "; COMP_POINT=8
  _planctl planctl "" planctl
  echo "${COMPREPLY[*]}"' _ "$root/usr/share/bash-completion/completions/planctl")
[[ $got == "validate render batch status init import schema rules help" ]] ||
  fail "installed bash completion offers \"$got\""
if command -v zsh >/dev/null; then
  zsh -n "$root/usr/share/zsh/vendor-completions/_planctl" || fail "installed _planctl does not parse"
fi

# ---- 5. apt would install it ------------------------------------------------------------
if command -v apt-get >/dev/null; then
  if ! sim=$(apt-get install -s --no-install-recommends "$deb" 2>&1); then
    fail "apt-get cannot install the package: $sim"
  fi
fi

if ((failures > 0)); then
  echo "check-package: $failures failure(s)" >&2
  exit 1
fi
echo "check-package: ok in $(($(date +%s) - start)) s: $deb"
