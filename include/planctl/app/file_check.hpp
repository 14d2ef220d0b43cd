// Loading and checking input files the same way for every command.
#pragma once

#include <planctl/app/cli.hpp>
#include <planctl/diag/format.hpp>
#include <planctl/model/plan.hpp>

#include <optional>
#include <string>
#include <vector>

namespace planctl::app {

// One input after loading and the semantic checks.
struct CheckedFile {
  diag::FileResult result;             // diagnostics sorted by line and column
  std::optional<model::PlanFile> plan; // the model, when one could be built
};

// Loads `arg` (a path, or `-` for standard input read from `console`) and runs every check on
// the model; failures inside planctl become an `internal-error` finding, never an exception.
// With `photos`, the activities' photos are read and checked too (check_photos): `validate`
// and the bulletins, which show them; the plan and report never do, so rendering them does not
// need the photo files.
CheckedFile check_file(const std::string& arg, Console& console, bool photos = false);

// check_file() for each of `args`, with repeated arguments checked once, on up to `jobs`
// threads (0: one per core); ordered by file name so that output depends neither on the order
// of a shell glob nor on which thread finished first. With `findings_only`, each model, and
// the source of each file without findings, is dropped as soon as the file is checked, so that
// checking thousands of files holds little more than their findings.
std::vector<CheckedFile> check_files(const std::vector<std::string>& args, Console& console,
                                     unsigned jobs = 1, bool findings_only = false,
                                     bool photos = false);

// The exit code for `results`: 3 if planctl failed on a file, else 2 if a file could not be
// read, else 1 if a file fails (warnings count under `strict`), else 0.
int exit_code_for(std::span<const diag::FileResult> results, bool strict);

} // namespace planctl::app
