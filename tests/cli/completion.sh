#!/usr/bin/env bash
# Shell completion (completions/planctl.bash and completions/_planctl):
# 1. bash: what COMPREPLY holds for typical command lines, with and without the
#    bash-completion package's helpers;
# 2. zsh: the same lines completed by a real interactive zsh (skipped if zsh is absent);
# 3. no drift: every command, option and listed option value in `planctl --help` and
#    `planctl COMMAND --help` is in both files, and both files offer nothing the help lacks.
set -euo pipefail

: "${PLANCTL:?set PLANCTL to the built binary}"
src=${PLANCTL_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
bash_file=$src/completions/planctl.bash
zsh_file=$src/completions/_planctl
bash_completion_lib=/usr/share/bash-completion/bash_completion

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

source "$(dirname "$0")/lib/tmpdir.bash"
test_tmpdir work
mkdir -p "$work/files/out" "$work/files/schools"
touch "$work/files/a.yaml" "$work/files/b.yml" "$work/files/notes.txt" "$work/files/schools/c.yaml"

# ---- 1. bash ---------------------------------------------------------------------------

# bash_complete MODE WORD...: COMPREPLY, sorted, one line, for the words as bash splits them
# (`--format=j` is the three words `--format` `=` `j`); the last word is the one completed.
# MODE "plain" uses the file alone, "lib" loads bash-completion first.
bash_complete() {
  local mode=$1
  shift
  (cd "$work/files" && bash --norc --noprofile -c '
    mode=$1 file=$2 lib=$3
    shift 3
    if [[ $mode == lib ]]; then source "$lib"; fi
    source "$file"
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    line="" last=""
    for w in "$@"; do
      if [[ -z $line ]]; then line=$w
      elif [[ $w == = || $last == = ]]; then line+=$w
      else line+=" $w"
      fi
      last=$w
    done
    COMP_LINE=$line
    COMP_POINT=${#line}
    _planctl planctl "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf "%s\n" "${COMPREPLY[@]}" | sed "s|/$||" | LC_ALL=C sort -u | tr "\n" " " | sed "s/ $//"
  ' _ "$mode" "$bash_file" "$bash_completion_lib" "$@")
}

# expect_bash MODE EXPECTED WORD...
expect_bash() {
  local mode=$1 expected=$2
  shift 2
  local got
  got=$(bash_complete "$mode" "$@")
  if [[ $got != "$expected" ]]; then
    fail "bash ($mode): planctl ${*:2}<TAB> offers \"$got\", expected \"$expected\""
  fi
}

modes=(plain)
if [[ -f $bash_completion_lib ]]; then
  modes+=(lib)
else
  echo "note: $bash_completion_lib is absent; bash completion checked without it only"
fi
for m in "${modes[@]}"; do
  expect_bash "$m" "batch help import init render rules schema status validate" planctl ""
  expect_bash "$m" "render rules" planctl r
  expect_bash "$m" "--version" planctl --v
  expect_bash "$m" "--format" planctl validate --f
  expect_bash "$m" "--force" planctl init --f
  expect_bash "$m" "github gitlab json junit sarif text" planctl validate --format ""
  expect_bash "$m" "json junit" planctl validate -f j
  expect_bash "$m" "json junit" planctl validate --format = j
  expect_bash "$m" "github gitlab json junit sarif text" planctl validate --format = ""
  expect_bash "$m" "docx md pdf txt xlsx" planctl render --format ""
  expect_bash "$m" "md,docx md,pdf md,txt md,xlsx" planctl render --format md,
  expect_bash "$m" "md,txt,docx md,txt,pdf md,txt,xlsx" planctl render --format = md,txt,
  expect_bash "$m" "json markdown text" planctl rules --format ""
  expect_bash "$m" "en zh" planctl validate --lang ""
  expect_bash "$m" "en zh" planctl render --lang = ""
  expect_bash "$m" "always auto never" planctl validate --color ""
  # Plan files are *.yaml and *.yml, with folders to descend into; -o of render is a folder.
  expect_bash "$m" "a.yaml b.yml out schools" planctl validate ""
  expect_bash "$m" "a.yaml b.yml out schools" planctl render -o out --as-of 2020-12-31 ""
  expect_bash "$m" "schools/c.yaml" planctl validate schools/
  expect_bash "$m" "out schools" planctl render -o ""
  expect_bash "$m" "a.yaml b.yml notes.txt out schools" planctl validate --output ""
  # The command is found after the values of options, and `help` takes one command.
  expect_bash "$m" "github gitlab json junit sarif text" planctl validate a.yaml -o r.xml --format ""
  expect_bash "$m" "batch help import init render rules schema status validate" planctl help ""
  expect_bash "$m" "" planctl help render ""
done

# ---- 2. zsh -----------------------------------------------------------------------------

# zsh_complete LINE: the matches an interactive zsh offers for LINE<TAB>, sorted, one line.
# It drives `zsh -f -i` in a pseudo-terminal and records every match given to compadd.
cat >"$work/capture.zsh" <<'EOF'
zmodload zsh/zpty || exit 2
compdir=$1 work=$2 line=$3
zpty z zsh -f -i
cat >$work/init.zsh <<INIT
PROMPT=
fpath=($compdir \$fpath)
autoload -Uz compinit
compinit -u -d $work/zcompdump
bindkey '^I' complete-word
null-line () { echo -E - \$'\0' }
compprefuncs=( null-line )
comppostfuncs=( null-line exit )
zstyle ':completion:*' insert-tab false
compadd () {
  if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "\$@"; return \$?; fi
  typeset -a hits
  builtin compadd -A hits "\$@"
  local h
  for h in \$hits; do echo -E - "MATCH:\$h"; done
  builtin compadd "\$@"
}
echo ready
INIT
zpty -w z "source $work/init.zsh"
local out
repeat 20; do
  zpty -r z out
  [[ $out == ready* ]] && break
done
zpty -w z "$line"$'\t'
integer marks=0
while zpty -r z out; do
  if [[ $out == *$'\0'* ]]; then (( marks++ )) && break || continue; fi
  out=${out//[$'\r\n']/}
  [[ $out == *MATCH:* ]] && print -r -- "${out##*MATCH:}"
done
EOF

zsh_complete() {
  (cd "$work/files" && timeout 30 zsh -f "$work/capture.zsh" "$src/completions" "$work" "$1") |
    sed -e 's|/$||' -e '/^$/d' | LC_ALL=C sort -u | tr '\n' ' ' | sed 's/ $//'
}

expect_zsh() {
  local expected=$1 line=$2 got
  got=$(zsh_complete "$line")
  if [[ $got != "$expected" ]]; then
    fail "zsh: $line<TAB> offers \"$got\", expected \"$expected\""
  fi
}

if command -v zsh >/dev/null; then
  expect_zsh "batch help import init render rules schema status validate" "planctl "
  expect_zsh "--format" "planctl validate --f"
  expect_zsh "github gitlab json junit sarif text" "planctl validate --format "
  expect_zsh "github gitlab json junit sarif text" "planctl validate --format="
  expect_zsh "docx pdf txt xlsx" "planctl render --format md,"
  expect_zsh "json markdown text" "planctl rules -f "
  expect_zsh "en zh" "planctl validate --lang "
  expect_zsh "a.yaml b.yml out schools" "planctl validate "
  expect_zsh "out schools" "planctl render -o "
  expect_zsh "batch help import init render rules schema status validate" "planctl help "
else
  echo "note: zsh is not installed; zsh completion checked for drift only"
fi

# ---- 3. no drift between the help and the completion files -------------------------------

help_top=$("$PLANCTL" --help)
commands=$(sed -n '/^Subcommands:/,/^$/{/^  /s/^  *\([^ ]*\).*/\1/p;}' <<<"$help_top")
[[ -n $commands ]] || fail "no commands found in \"planctl --help\""

# A list, one item a line, as one line.
oneline() { tr '\n' ' ' <<<"$1" | sed 's/ $//'; }

# Options as the help lists them: every -x and --long name at the start of an option line.
options_in_help() {
  sed -n '/^Options:/,/^$/p' | grep -oE '^  -[^ ]+' | tr ',' '\n' | sed 's/^ *//' | grep -E '^-' | LC_ALL=C sort -u
}

# The bash file's functions, for one command ("" = before any command).
bash_fn() {
  bash --norc --noprofile -c 'source "$1"; shift; "$@"' _ "$bash_file" "$@"
}

# The zsh file's _arguments block of one command, or the top-level block for "".
zsh_block() {
  if [[ -z $1 ]]; then
    sed -n '/^  _arguments -C/,/^$/p' "$zsh_file"
  else
    sed -n "/^        $1)\$/,/^          ;;\$/p" "$zsh_file"
  fi
}

# Options named in a zsh block's specs: '--strict[…]', '(-f --format)'{-f+,--format=}'[…]'.
options_in_zsh() {
  grep -oE "[{,'(]--?[a-zA-Z][-a-zA-Z]*" | sed -E "s/^[{,'(]//" | LC_ALL=C sort -u
}

# shellcheck disable=SC2016 # expanded by the inner shell
bash_commands=$(bash_fn eval 'printf "%s\n" $_planctl_commands' | LC_ALL=C sort)
zsh_commands=$(sed -n "/^  commands=(/,/^  )/s/^    '\([a-z-]*\):.*/\1/p" "$zsh_file" | LC_ALL=C sort)
help_commands=$(LC_ALL=C sort <<<"$commands")
[[ $bash_commands == "$help_commands" ]] ||
  fail "bash commands [$(oneline "$bash_commands")] differ from the help's [$(oneline "$help_commands")]"
[[ $zsh_commands == "$help_commands" ]] ||
  fail "zsh commands [$(oneline "$zsh_commands")] differ from the help's [$(oneline "$help_commands")]"

for cmd in "" $commands; do
  if [[ -z $cmd ]]; then help=$help_top; else help=$("$PLANCTL" "$cmd" --help); fi
  where=${cmd:-(no command)}
  want=$(options_in_help <<<"$help")
  [[ -n $want ]] || fail "no options found in the help of $where"
  got_bash=$(bash_fn _planctl_options "$cmd" | tr ' ' '\n' | LC_ALL=C sort -u)
  got_zsh=$(zsh_block "$cmd" | options_in_zsh)
  [[ -n $got_zsh ]] || fail "zsh: no block for $where in $zsh_file"
  [[ $got_bash == "$want" ]] ||
    fail "bash options of $where: [$(oneline "$got_bash")], help says [$(oneline "$want")]"
  [[ $got_zsh == "$want" ]] ||
    fail "zsh options of $where: [$(oneline "$got_zsh")], help says [$(oneline "$want")]"

  # Options whose values the help lists, as `--format TEXT:{text,json}=text`: both files
  # must offer exactly those values.
  while read -r opt values; do
    [[ -n $opt ]] || continue
    want_values=$(tr ',' '\n' <<<"$values" | LC_ALL=C sort -u | tr '\n' ' ' | sed 's/ $//')
    got_values=$(bash_complete plain planctl ${cmd:+"$cmd"} "$opt" "" | tr ' ' '\n' | LC_ALL=C sort -u |
      tr '\n' ' ' | sed 's/ $//')
    [[ $got_values == "$want_values" ]] ||
      fail "bash: planctl $cmd $opt <TAB> offers [$got_values], help says [$want_values]"
    zsh_line=$(zsh_block "$cmd" | grep -E -- "[{,']${opt}[=+']" || true)
    for v in ${values//,/ }; do
      grep -qE "[(: ]$v([ )'\\\\]|$)" <<<"$zsh_line" || fail "zsh: value \"$v\" of $cmd $opt is missing"
    done
  done < <(grep -oE -- '--[a-z][-a-z]* [A-Z]+:\{[^}]*\}' <<<"$help" | sed -E 's/ [A-Z]+:\{(.*)\}/ \1/')
done

if ((failures > 0)); then
  echo "completion: $failures failure(s)" >&2
  exit 1
fi
echo "completion: ok"
