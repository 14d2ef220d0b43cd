// The command line: parses arguments, runs one subcommand and returns the process exit code.
#pragma once

namespace planctl::app {

// Exit codes, documented in docs/cli.md.
enum ExitCode : int {
  k_exit_ok = 0,       // everything valid / written
  k_exit_findings = 1, // a finding that fails (an error, or a warning under --strict)
  k_exit_usage = 2,    // bad arguments, or an input or output that cannot be read or written
  k_exit_internal = 3, // a bug in planctl
};

// Runs planctl with `argv` and returns the exit code; never throws.
int run(int argc, char** argv);

} // namespace planctl::app
