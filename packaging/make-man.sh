#!/bin/sh
# Builds the man page planctl(1) from the built binary's help, so the page and --help never
# drift apart:
#   make-man.sh PLANCTL INCLUDE.h2m OUT.1 [HELP2MAN]
# help2man formats `planctl --help` (NAME, SYNOPSIS, DESCRIPTION, OPTIONS, COMMANDS);
# INCLUDE.h2m adds the sections --help does not carry (EXAMPLES, EXIT STATUS, ENVIRONMENT,
# FILES, SEE ALSO); each command's `planctl COMMAND --help` becomes a subsection of COMMANDS
# (command-help.pl) and its usage line a line of the SYNOPSIS.
set -eu

planctl=$1
include=$2
out=$3
help2man=${4:-help2man}
here=$(cd "$(dirname "$0")" && pwd)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# help2man runs this wrapper as `planctl`. It adapts two things in CLI11's layout that
# help2man reads differently from GNU help:
# - `-h,--help`: help2man only formats each name as an option when the names are separated
#   by ", " (it would print `-h` bold and `,--help` as plain text);
# - `Subcommands:`: help2man makes a heading ending in ":" a subsection of OPTIONS;
#   `*COMMANDS*` is its syntax for a section of its own.
# The words themselves are not changed.
cat >"$tmp/planctl" <<EOF
#!/bin/sh
"$planctl" "\$@" | sed -e 's/^\\( *-[A-Za-z0-9]\\),--/\\1, --/' -e 's/^Subcommands: *\$/*COMMANDS*/'
EOF
chmod +x "$tmp/planctl"

# The commands, as `planctl --help` lists them under "Subcommands:".
commands=$("$planctl" --help | sed -n '/^Subcommands:/,/^$/{/^  /s/^  *\([^ ]*\).*/\1/p;}')
if [ -z "$commands" ]; then
  echo "make-man.sh: no commands found in \"$planctl --help\"" >&2
  exit 1
fi

# The version as help2man wants it: the number alone, for the page footer
# (`planctl 0.1.0 (plan format version 1)` would be cut off in the footer line).
version=$("$planctl" --version | sed -n '1s/^planctl \([^ ]*\).*/\1/p')
[ -n "$version" ] || { echo "make-man.sh: cannot read the version from \"$planctl --version\"" >&2; exit 1; }

# The include file: one subsection of COMMANDS per command (first, so that help2man puts
# COMMANDS before the other added sections), the usage line of every command as the
# SYNOPSIS, then the hand-written sections. printf, not echo: dash's echo eats `\f`.
{
  printf '%s\n' "[>COMMANDS]"
  for c in $commands; do
    "$planctl" "$c" --help | perl "$here/command-help.pl"
  done
  printf '\n%s\n' "[SYNOPSIS]"
  printf '%s\n' '\fBplanctl\fR [\fIOPTIONS\fR] \fICOMMAND\fR [\fIARGS\fR]'
  for c in $commands; do
    # `Usage: planctl validate [OPTIONS] FILE...` → bold command, italic placeholders.
    usage=$("$planctl" "$c" --help | sed -n 's/^Usage: planctl [^ ]* *//p' |
      sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e 's/\([A-Z][A-Z]*\)/\\fI\1\\fR/g')
    printf '%s\n' ".br" "\\fBplanctl $c\\fR $usage"
  done
  printf '\n'
  sed -n '/^\[/,$p' "$include" # without the comment lines before the first section
} >"$tmp/planctl.h2m"

"$help2man" --no-info --section=1 --manual="User Commands" \
  --name="school work plans, year-end reports and task workbooks from YAML" \
  --version-string="$version" --include="$tmp/planctl.h2m" \
  --output="$tmp/planctl.1" "$tmp/planctl"

# help2man names the program after the wrapper's path; show the plain name.
sed -e "s|$tmp/||g" "$tmp/planctl.1" >"$out"
