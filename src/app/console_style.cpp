#include <planctl/app/console_style.hpp>
#include <planctl/util/spell.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdlib>

namespace planctl::app {

namespace {

std::string_view env(const char* name) {
  const char* value = std::getenv(name);
  return value ? std::string_view(value) : std::string_view{};
}

} // namespace

diag::Lang lang_from_environment() {
  // POSIX precedence: LC_ALL overrides LC_MESSAGES, which overrides LANG.
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const std::string_view value = env(name);
    if (!value.empty()) {
      return value.starts_with("zh") ? diag::Lang::zh : diag::Lang::en;
    }
  }
  return diag::Lang::en;
}

diag::Lang parse_lang(std::string_view value) {
  if (value == "zh") {
    return diag::Lang::zh;
  }
  if (value == "en") {
    return diag::Lang::en;
  }
  return lang_from_environment();
}

ColorMode parse_color(std::string_view value) {
  if (value == "always") {
    return ColorMode::always;
  }
  if (value == "never") {
    return ColorMode::never;
  }
  return ColorMode::automatic;
}

diag::TextStyle text_style(ColorMode mode, bool terminal, diag::Lang lang) {
  diag::TextStyle style;
  style.lang = lang;
  style.source = mode == ColorMode::always || terminal;
  if (mode == ColorMode::always) {
    style.color = true;
  } else if (mode == ColorMode::automatic) {
    // https://no-color.org: any non-empty NO_COLOR turns colours off.
    style.color = terminal && env("NO_COLOR").empty() && env("TERM") != "dumb";
  }
  return style;
}

CLI::Validator one_of(std::span<const std::string> allowed, std::string_view value_name) {
  std::vector<std::string> words(allowed.begin(), allowed.end());
  std::string desc = "{";
  for (std::size_t i = 0; i < words.size(); ++i) {
    desc += (i ? "," : "") + words[i];
  }
  desc += "}";
  return CLI::Validator(
      [words, name = std::string(value_name)](std::string& value) -> std::string {
        for (const std::string& w : words) {
          if (value == w) {
            return {};
          }
        }
        std::string message = fmt::format("unknown {} \"{}\"", name, value);
        const std::string near = util::closest_match(value, words);
        if (!near.empty()) {
          message += fmt::format(" (did you mean \"{}\"?)", near);
        }
        message += "; use one of ";
        for (std::size_t i = 0; i < words.size(); ++i) {
          message += (i ? ", " : "") + words[i];
        }
        return message;
      },
      desc);
}

void add_console_options(CLI::App& cmd, std::string& color, std::string& lang) {
  static const std::string colors[] = {"auto", "always", "never"};
  static const std::string langs[] = {"en", "zh"};
  cmd.add_option("--color", color,
                 "Colours and source lines in diagnostics\n(auto: when writing to a terminal)")
      ->type_name("WHEN")
      ->check(one_of(colors, "color mode"))
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)
      ->capture_default_str();
  cmd.add_option("--lang", lang, "Message language\n(default: from LC_ALL, LC_MESSAGES or LANG)")
      ->type_name("LANG")
      ->check(one_of(langs, "language"))
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
}

} // namespace planctl::app
