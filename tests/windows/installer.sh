#!/usr/bin/env bash
# The NSIS installer under Wine, silently (/S): planctl.exe and its files in
# %LOCALAPPDATA%\Programs\planctl, the folder appended to the user's PATH (the entries before
# it kept, not appended twice on a second install), "用 planctl 生成文档" on .yaml and .yml
# files; the uninstaller removes all of it and gives PATH back as it was.
set -uo pipefail
source "$(dirname "$0")/lib.bash"
setup=${PLANCTL_SETUP:?the installer (scripts/package-windows.sh)}
export WINEPREFIX=$work/prefix # a prefix of its own: the registry starts empty
wineboot -i >/dev/null 2>&1
dir=$(winepath -u 'C:\users' 2>/dev/null)/$(whoami)/AppData/Local/Programs/planctl
path_value() { wine reg query 'HKCU\Environment' /v Path 2>/dev/null | sed -n 's/.*REG_EXPAND_SZ *//p' | tr -d '\r'; }
wine reg add 'HKCU\Environment' /v Path /t REG_EXPAND_SZ /d 'C:\tools;D:\bin' /f >/dev/null
wine "$setup" /S
wineserver -w
[ -x "$dir/planctl.exe" ] && [ -f "$dir/使用说明.txt" ] && [ -f "$dir/schemas/plan.schema.json" ] &&
  ok "installed into %LOCALAPPDATA%\\Programs\\planctl" || fail "not installed: $(ls "$dir" 2>&1)"
wine "$dir/planctl.exe" --version | grep -q '^planctl ' && ok "the installed planctl.exe runs" ||
  fail "the installed planctl.exe does not run"
want='C:\tools;D:\bin;C:\users\'"$(whoami)"'\AppData\Local\Programs\planctl'
[ "$(path_value)" = "$want" ] && ok "PATH: appended" || fail "PATH after install: $(path_value)"
wine "$setup" /S
wineserver -w
[ "$(path_value)" = "$want" ] && ok "PATH: a second install does not append twice" ||
  fail "PATH after a second install: $(path_value)"
# reg query prints in the console's code page; an exported .reg file is UTF-16 whatever it is.
for ext in yaml yml; do
  rm -f "$work/menu.reg"
  wine reg export "HKCU\\Software\\Classes\\SystemFileAssociations\\.$ext\\shell\\planctl" \
    "$(winepath -w "$work/menu.reg")" >/dev/null 2>&1
  menu=$(iconv -f UTF-16 -t UTF-8 "$work/menu.reg" 2>/dev/null | tr -d '\r')
  if grep -qxF '@="用 planctl 生成文档"' <<<"$menu" &&
    grep -qF 'planctl\\planctl.exe\" \"%1\""' <<<"$menu"; then
    ok "Explorer menu on .$ext: 用 planctl 生成文档 runs planctl.exe on the file"
  else
    fail "no Explorer menu on .$ext: $menu"
  fi
done
wine "$dir/uninstall.exe" /S
wineserver -w
[ ! -e "$dir" ] && ok "uninstall: the folder is gone" || fail "uninstall left: $(ls -A "$dir")"
[ "$(path_value)" = 'C:\tools;D:\bin' ] && ok "uninstall: PATH as before" ||
  fail "PATH after uninstall: $(path_value)"
wine reg query 'HKCU\Software\Classes\SystemFileAssociations\.yaml\shell\planctl' >/dev/null 2>&1 &&
  fail "uninstall left the Explorer menu" || ok "uninstall: the Explorer menu is gone"
wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\planctl' >/dev/null 2>&1 &&
  fail "uninstall left its entry in Apps" || ok "uninstall: no entry left in Apps"
wineserver -k
exit $status
