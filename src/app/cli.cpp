#include <planctl/app/cli.hpp>
#include <planctl/app/commands.hpp>
#include <planctl/app/drop_mode.hpp>
#include <planctl/generated/version.hpp>
#include <planctl/util/platform.hpp>
#include <planctl/util/spell.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <optional>

namespace planctl::app {

namespace {

std::string version_text() {
  std::string formats;
  for (int v : k_format_versions) {
    formats += (formats.empty() ? "" : ", ") + std::to_string(v);
  }
  return fmt::format("planctl {} (plan format version {})", k_version, formats);
}

const Command* find_command(std::string_view name) {
  for (const Command& c : all_commands()) {
    if (c.name == name) {
      return &c;
    }
  }
  return nullptr;
}

// Adds the long description of a command under its one-line summary.
class HelpFormatter : public CLI::Formatter {
public:
  std::string make_description(const CLI::App* app) const override {
    const Command* c = app->get_parent() ? find_command(app->get_name()) : nullptr;
    if (!c) {
      return CLI::Formatter::make_description(app);
    }
    return fmt::format("{}.\n\n{}\n\n", c->summary, c->description);
  }
};

std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* opt : app.get_options()) {
    for (const std::string& n : opt->get_lnames()) {
      names.push_back("--" + n);
    }
    for (const std::string& n : opt->get_snames()) {
      names.push_back("-" + n);
    }
  }
  return names;
}

int usage_error(Console& console, std::string_view help_command, std::string_view message) {
  console.err << "planctl: error: " << message << "\n"
              << "Run \"" << help_command << " --help\" to see the "
              << (help_command == "planctl" ? "commands" : "options") << ".\n";
  return k_exit_usage;
}

int unknown_command(Console& console, const std::string& name) {
  std::vector<std::string> names;
  for (const Command& c : all_commands()) {
    names.emplace_back(c.name);
  }
  std::string message = fmt::format("unknown command \"{}\"", name);
  const std::string near = util::closest_match(name, names);
  if (!near.empty()) {
    message += fmt::format(" (did you mean \"{}\"?)", near);
  }
  return usage_error(console, "planctl", message);
}

// The first argument left over by CLI11 (an unknown option or a surplus argument), turned
// into a message with the closest known option.
std::optional<std::string> leftover_message(const CLI::App& app) {
  for (const std::string& arg : app.remaining()) {
    if (arg == "--") {
      continue;
    }
    if (arg.size() > 1 && arg[0] == '-') {
      const std::string name = arg.substr(0, arg.find('='));
      std::string message = fmt::format("unknown option \"{}\"", name);
      const std::string near = util::closest_match(name, option_names(app));
      if (!near.empty()) {
        message += fmt::format(" (did you mean \"{}\"?)", near);
      }
      return message;
    }
    return fmt::format("unexpected argument \"{}\"", arg);
  }
  return std::nullopt;
}

int run_unchecked(const std::vector<std::string>& args, Console& console) {
  CLI::App app{"planctl: a school's work plan, year-end report and task workbook from one "
               "YAML file.\n",
               "planctl"};
  app.formatter(std::make_shared<HelpFormatter>());
  app.get_formatter()->column_width(32);
  app.set_version_flag("-V,--version", version_text(),
                       "Print the version and the plan format versions");
  app.allow_extras();
  app.footer("Run \"planctl COMMAND --help\" for the options of a command.\n"
             "Exit status: 0 success; 1 a finding fails; 2 bad arguments or a file that\n"
             "cannot be read or written; 3 internal error. Documentation: docs/cli.md.");

  std::map<std::string, Handler, std::less<>> handlers;
  for (const Command& c : all_commands()) {
    CLI::App* sub = app.add_subcommand(std::string(c.name), std::string(c.summary));
    sub->allow_extras();
    sub->footer(fmt::format("Example:\n  {}", c.example));
    handlers.emplace(std::string(c.name), c.setup(*sub));
  }

  if (args.empty()) {
    // Windows: double-clicked in Explorer, where a help printed to a window that closes at
    // once would never be read.
    if (util::started_from_explorer()) {
      return run_double_click(console);
    }
    console.err << app.help();
    return k_exit_usage;
  }
  // Windows: plan files or folders dropped on planctl.exe in Explorer.
  if (util::k_windows && !find_command(args.front()) && is_drop(args)) {
    return run_drop(args, console);
  }
  // CLI11 reports an unknown command as "a subcommand is required"; name it instead.
  std::string command_name;
  for (const std::string& arg : args) {
    if (arg.empty() || arg[0] != '-') {
      command_name = arg;
      break;
    }
  }
  if (!command_name.empty() && !find_command(command_name)) {
    return unknown_command(console, command_name);
  }
  // `planctl help X` is `planctl X --help`: CLI11 would read X as a command of its own.
  if (command_name == "help") {
    const auto at = std::find(args.begin(), args.end(), "help");
    if (at + 1 != args.end() && !(at + 1)->starts_with("-")) {
      if (!find_command(*(at + 1))) {
        return unknown_command(console, *(at + 1));
      }
      return run_unchecked({*(at + 1), "--help"}, console);
    }
  }
  const std::string help_command =
      command_name.empty() ? std::string("planctl") : "planctl " + command_name;

  // CLI11 wants the arguments in reverse order.
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, console.out, console.err);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e, console.out, console.err);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e, console.out, console.err);
  } catch (const CLI::ParseError& e) {
    // CLI11 uses exit codes 100–127; planctl's contract is 2 for every usage error.
    return usage_error(console, help_command, e.what());
  }
  if (auto message = leftover_message(app)) {
    return usage_error(console, "planctl", *message);
  }
  const std::vector<CLI::App*> chosen = app.get_subcommands();
  if (chosen.empty()) {
    console.err << app.help();
    return k_exit_usage;
  }
  if (auto message = leftover_message(*chosen.front())) {
    return usage_error(console, help_command, *message);
  }
  int code = handlers.at(chosen.front()->get_name())(console);
  console.out.flush();
  if (!console.out) {
    console.err << "planctl: error: cannot write to standard output\n";
    code = std::max<int>(code, k_exit_usage);
  }
  return code;
}

} // namespace

int run(const std::vector<std::string>& args, Console& console) {
  try {
    return run_unchecked(args, console);
  } catch (const std::exception& e) {
    console.err << "planctl: error: internal error: " << e.what()
                << " (this is a bug in planctl; please report it)\n";
  } catch (...) {
    console.err << "planctl: error: internal error: unknown exception (this is a bug in planctl; "
                   "please report it)\n";
  }
  return k_exit_internal;
}

int run(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  util::setup_standard_streams();
  const std::vector<std::string> args = util::utf8_arguments(argc, argv);
  Console console{std::cin, std::cout, std::cerr, util::is_terminal(util::StdStream::out),
                  util::is_terminal(util::StdStream::err)};
  const int code = run(args, console);
  std::cout.flush();
  std::cerr.flush();
  return code;
}

} // namespace planctl::app
