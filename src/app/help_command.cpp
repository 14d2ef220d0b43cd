#include <planctl/app/commands.hpp>

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

namespace planctl::app {

Handler setup_help(CLI::App& cmd) {
  // `planctl help COMMAND` is turned into `planctl COMMAND --help` by run() before parsing
  // (CLI11 would take COMMAND for a command of its own); the option is declared here so that
  // the help lists it.
  auto name = std::make_shared<std::string>();
  cmd.add_option("COMMAND", *name, "The command to describe")->type_name("");
  CLI::App* root = cmd.get_parent();
  return [root](Console& console) {
    console.out << root->get_formatter()->make_help(root, root->get_name(),
                                                    CLI::AppFormatMode::Normal);
    return static_cast<int>(k_exit_ok);
  };
}

} // namespace planctl::app
