// The command line: parses arguments, runs one subcommand and returns the process exit code.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace planctl::app {

// Exit codes, documented in docs/cli.md.
enum ExitCode : int {
  k_exit_ok = 0,       // everything valid / written
  k_exit_findings = 1, // a finding that fails (an error, or a warning under --strict)
  k_exit_usage = 2,    // bad arguments, or an input or output that cannot be read or written
  k_exit_internal = 3, // a bug in planctl
};

// Where a command reads and writes, so that tests can run commands in memory.
struct Console {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false; // standard output is a terminal (colours, source excerpts)
  bool err_is_terminal = false; // standard error is a terminal
};

// Runs planctl with `argv` and returns the exit code; never throws.
int run(int argc, char** argv);

// Runs planctl with `args` (without the program name) on `console`; never throws.
int run(const std::vector<std::string>& args, Console& console);

} // namespace planctl::app
