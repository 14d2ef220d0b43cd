# planctl validate: exit codes, text findings, --strict, unreadable files, usage errors.
source "$(dirname "$0")/lib/common.bash"
write_fixtures

# Every bundled example is valid: nothing on stdout, the summary on stderr.
n=$(ls "$EXAMPLES"/*.yaml | wc -l)
run validate "$EXAMPLES"/*.yaml
expect_code 0
out_empty
expect_err "$n files checked: no problems found"

# Errors: exit 1, one FILE:LINE:COL line per finding, sorted by line, rule id in brackets.
run validate bad.yaml
expect_code 1
[[ "$(wc -l <"$T/stdout")" == 3 ]] || fail "expected 3 findings"
out_matches '^bad\.yaml:4:3: error: unknown key "nmae" .*did you mean "name".* \[unknown-key\]$'
out_matches '^bad\.yaml:9:9: error: .*"2020-02-30".* \[date\]$'
out_matches '^bad\.yaml:10:26: error: unknown key "deu" .* \[unknown-key\]$'
[[ "$(cut -d: -f2 "$T/stdout" | tr '\n' ' ')" == "4 9 10 " ]] || fail "findings not sorted by line"
expect_err "1 file checked: 3 errors, 0 warnings (1 file fails)"
# Not a terminal: no source lines or carets, no colours.
out_lacks $'\e['
out_lacks ' | '

# Warnings pass, unless --strict.
run validate warn.yaml
expect_code 0
out_matches '^warn\.yaml:9:14: warning: .* \[heading-full-stop\]$'
expect_err "1 file checked: 0 errors, 1 warning"
run validate --strict warn.yaml
expect_code 1
expect_err "1 file checked: 0 errors, 1 warning (1 file fails)"

# An unreadable file fails itself and never stops the others; exit 2 wins over 1.
run validate missing.yaml bad.yaml "$EXAMPLES/minimal.yaml" "$T/gone/"
expect_code 2
out_matches '^missing\.yaml: error: .* \[file-unreadable\]$'
out_matches "^$T/gone/: error: .* \[file-unreadable\]$"
out_matches '^bad\.yaml:4:3: error: '
expect_err "4 files checked: 5 errors, 0 warnings (3 files fail, 2 could not be read)"

# Files are reported in name order whatever the order given; a repeated file is checked once.
run validate warn.yaml bad.yaml warn.yaml
[[ "$(cut -d: -f1 "$T/stdout" | uniq | tr '\n' ' ')" == "bad.yaml warn.yaml " ]] ||
  fail "files not in name order"
expect_err "2 files checked: 3 errors, 1 warning (1 file fails)"

# - reads standard input.
run_stdin bad.yaml validate -
expect_code 1
out_matches '^<stdin>:4:3: error: unknown key "nmae"'

# Usage errors exit 2 (never CLI11's 100-127) and name the fix.
run validate
expect_code 2
expect_err $'planctl: error: FILE is required\nRun "planctl validate --help" to see the options.'
run validate --fromat json bad.yaml
expect_code 2
expect_err $'planctl: error: unknown option "--fromat" (did you mean "--format"?)\nRun "planctl validate --help" to see the options.'
run validate --format jsno bad.yaml
expect_code 2
err_has 'unknown format "jsno" (did you mean "json"?); use one of text, json, github, junit'
run validate --color sometimes bad.yaml
expect_code 2
err_has 'unknown color mode "sometimes"; use one of auto, always, never'
run valdate bad.yaml
expect_code 2
expect_err $'planctl: error: unknown command "valdate" (did you mean "validate"?)\nRun "planctl --help" to see the commands.'
run
expect_code 2
err_has "Subcommands:"
run --version
expect_code 0
out_matches '^planctl [0-9]+\.[0-9]+\.[0-9]+ \(plan format version 1\)$'
echo "validate: ok"
