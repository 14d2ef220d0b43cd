#include <planctl/app/commands.hpp>
#include <planctl/app/console_style.hpp>
#include <planctl/diag/messages.hpp>
#include <planctl/util/json_writer.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <ostream>

namespace planctl::app {

namespace {

const std::string k_formats[] = {"text", "markdown", "json"};

std::string_view severity_word(diag::Severity s) {
  return s == diag::Severity::error ? "error" : "warning";
}

std::string rules_text() {
  std::size_t width = 4;
  for (const diag::RuleDef& r : diag::all_rules()) {
    width = std::max(width, r.id.size());
  }
  std::string out;
  for (const diag::RuleDef& r : diag::all_rules()) {
    out +=
        fmt::format("{:<{}}  {:<7}  {}\n", r.id, width, severity_word(r.severity), r.description);
  }
  return out;
}

std::string rules_markdown() {
  std::string out = "| rule | severity | description |\n|---|---|---|\n";
  for (const diag::RuleDef& r : diag::all_rules()) {
    std::string description;
    for (char c : r.description) {
      // A `|` would end the table cell.
      description += c == '|' ? std::string("\\|") : std::string(1, c);
    }
    out += fmt::format("| `{}` | {} | {} |\n", r.id, severity_word(r.severity), description);
  }
  return out;
}

std::string rules_json() {
  util::Json rules = util::Json::array();
  for (const diag::RuleDef& r : diag::all_rules()) {
    rules.push(util::Json::object(
        {{"rule", r.id}, {"severity", severity_word(r.severity)}, {"description", r.description}}));
  }
  return util::Json::object({{"version", 1}, {"rules", rules}}).dump(2) + "\n";
}

} // namespace

Handler setup_rules(CLI::App& cmd) {
  auto format = std::make_shared<std::string>("text");
  cmd.add_option("-f,--format", *format, "Output format")
      ->check(one_of(k_formats, "format"))
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)
      ->capture_default_str();
  return [format](Console& console) {
    if (*format == "markdown") {
      console.out << rules_markdown();
    } else if (*format == "json") {
      console.out << rules_json();
    } else {
      console.out << rules_text();
    }
    return static_cast<int>(k_exit_ok);
  };
}

} // namespace planctl::app
