// Which files a command works on: every command that takes plan files takes folders too, and
// lists them the same way.
#pragma once

#include <planctl/app/cli.hpp>
#include <planctl/diag/diagnostic.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace planctl::app {

// Whether `path` has a plan file's extension, `.yaml` or `.yml`.
bool is_plan_file_name(const std::filesystem::path& path);

// The plan files named by `args`: a folder stands for every `*.yaml` and `*.yml` file below
// it, recursively, leaving out hidden files and folders (`.github/`, `.git/`) and the folder
// `skip` (a command's output folder, when it lies inside an input folder); a file, and `-` for
// standard input, is taken as given whatever its name. Sorted by path and without repeats, so
// that the order never depends on the shell or the file system. A folder without plan files
// gets a warning on `console.err`. Throws util::OutputError for a folder that cannot be read.
std::vector<std::string> list_plan_files(const std::vector<std::string>& args,
                                         const std::filesystem::path& skip, Console& console,
                                         diag::Lang lang);

// list_plan_files() for a command: a folder that cannot be read, or no plan file at all, is
// reported on `console.err` as an error and gives std::nullopt (exit status 2).
std::optional<std::vector<std::string>> plan_inputs(const std::vector<std::string>& args,
                                                    const std::filesystem::path& skip,
                                                    Console& console, diag::Lang lang);

} // namespace planctl::app
