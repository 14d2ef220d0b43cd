# Turns `planctl validate --format json` into a GitLab code-quality report (the Code Climate
# issue format GitLab reads from `artifacts:reports:codequality`):
#   jq -f gitlab-codequality.jq planctl.json > gl-code-quality-report.json
# One issue per finding, on its file and line; an error is "major", a warning "minor".
# A finding without a position (a file that cannot be read) goes on line 1.
[
  .files[].diagnostics[]
  | {
      description: "\(.message) [\(.rule)]",
      check_name: .rule,
      # Unique per finding and stable while the line stays put; GitLab compares these
      # between the merge request and its target to list new and fixed findings.
      fingerprint: "\(.file):\(.line):\(.column):\(.rule):\(.message)",
      severity: (if .severity == "error" then "major" else "minor" end),
      location: {
        path: .file,
        lines: {begin: (if .line > 0 then .line else 1 end)}
      }
    }
]
