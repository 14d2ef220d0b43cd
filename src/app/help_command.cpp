#include <planctl/app/commands.hpp>
#include <planctl/util/spell.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <memory>
#include <ostream>

namespace planctl::app {

Handler setup_help(CLI::App& cmd) {
  auto name = std::make_shared<std::string>();
  cmd.add_option("COMMAND", *name, "The command to describe");
  CLI::App* root = cmd.get_parent();
  return [name, root](Console& console) {
    if (name->empty()) {
      console.out << root->get_formatter()->make_help(root, root->get_name(),
                                                      CLI::AppFormatMode::Normal);
      return static_cast<int>(k_exit_ok);
    }
    for (const Command& c : all_commands()) {
      if (c.name == *name) {
        const CLI::App* sub = root->get_subcommand(*name);
        console.out << sub->get_formatter()->make_help(sub, "planctl " + *name,
                                                       CLI::AppFormatMode::Normal);
        return static_cast<int>(k_exit_ok);
      }
    }
    std::vector<std::string> names;
    for (const Command& c : all_commands()) {
      names.emplace_back(c.name);
    }
    console.err << fmt::format("planctl: error: unknown command \"{}\"", *name);
    const std::string near = util::closest_match(*name, names);
    if (!near.empty()) {
      console.err << fmt::format(" (did you mean \"{}\"?)", near);
    }
    console.err << "\nRun \"planctl --help\" to see the commands.\n";
    return static_cast<int>(k_exit_usage);
  };
}

} // namespace planctl::app
