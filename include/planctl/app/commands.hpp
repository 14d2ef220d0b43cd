// The table of subcommands: one row per command gives its name, its help and how to run it,
// so that `planctl --help`, each command's `--help`, docs/cli.md and the tests agree.
#pragma once

#include <planctl/app/cli.hpp>

#include <functional>
#include <span>
#include <string_view>

namespace CLI {
class App;
}

namespace planctl::app {

// What runs a command once its options are parsed; returns the exit code.
using Handler = std::function<int(Console&)>;

// One subcommand.
struct Command {
  std::string_view name;
  std::string_view summary;     // one line for `planctl --help`
  std::string_view description; // the paragraph that opens `planctl NAME --help`
  std::string_view example;     // example command lines for the help's footer
  // Adds the command's options to `cmd`, bound to fresh storage, and returns its handler.
  Handler (*setup)(CLI::App& cmd);
};

// Every subcommand, in the order `planctl --help` lists them.
std::span<const Command> all_commands();

// The setup function of each command (one source file each).
Handler setup_validate(CLI::App& cmd);
Handler setup_render(CLI::App& cmd);
Handler setup_batch(CLI::App& cmd);
Handler setup_status(CLI::App& cmd);
Handler setup_init(CLI::App& cmd);
Handler setup_import(CLI::App& cmd);
Handler setup_schema(CLI::App& cmd);
Handler setup_rules(CLI::App& cmd);
Handler setup_help(CLI::App& cmd);

} // namespace planctl::app
