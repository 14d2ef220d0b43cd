# Every command's --help has a description, options with defaults and an example, and
# docs/cli.md documents every command and every option that --help lists.
source "$(dirname "$0")/lib/common.bash"
DOC="$SRC/docs/cli.md"
[[ -f $DOC ]] || fail "docs/cli.md is missing"

run --help
expect_code 0
commands=$(awk '/^Subcommands:/{on=1; next} on && /^  [a-z]/{print $1} on && /^$/{on=0}' "$T/stdout")
[[ -n "$commands" ]] || fail "no commands in planctl --help"

for cmd in $commands; do
  run "$cmd" --help
  expect_code 0
  out_has "Usage: planctl $cmd"
  out_has "Options:"
  out_has "Example:"
  out_has "  planctl $cmd"
  grep -qF "## \`planctl $cmd\`" "$DOC" || fail "docs/cli.md has no section for $cmd"
  section=$(awk -v h="## \`planctl $cmd\`" '$0 == h {on=1; next} on && /^## /{on=0} on' "$DOC")
  for opt in $(grep -oE -- '--[a-z][a-z-]+' "$T/stdout" | sort -u); do
    [[ $opt == --help ]] && continue
    # Options shared by several commands are documented once, in their own section.
    if [[ $opt == --color || $opt == --lang ]]; then
      grep -qF -- "\`$opt" "$DOC" || fail "docs/cli.md does not document $opt"
      continue
    fi
    grep -qF -- "$opt" <<<"$section" || fail "docs/cli.md does not document $cmd $opt"
  done
done

# Defaults are shown in the help.
run validate --help
out_has "FORMAT:{text,json,github,junit,gitlab,sarif}=text"
run render --help
out_has "=md,txt,docx,pdf,xlsx"
run init --help
out_has "FILE=plan.yaml"

# Every exit code is documented.
for code in 0 1 2 3; do
  grep -qE "^\| $code \|" "$DOC" || fail "exit code $code is not documented"
done
echo "help and docs: ok"
