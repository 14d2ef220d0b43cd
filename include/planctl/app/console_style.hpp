// Choices shared by the commands that print diagnostics: language, colour and option values.
#pragma once

#include <planctl/diag/diagnostic.hpp>
#include <planctl/diag/format.hpp>

#include <span>
#include <string>
#include <string_view>

namespace CLI {
class App;
class Validator;
} // namespace CLI

namespace planctl::app {

// `--color auto|always|never`.
enum class ColorMode { automatic, always, never };

// The language named by the environment: `LC_ALL`, else `LC_MESSAGES`, else `LANG` (the first
// that is set and not empty); Chinese when it starts with `zh`, English otherwise.
diag::Lang lang_from_environment();

// The language named by `--lang` (`en`, `zh`), or by the environment when `value` is empty.
diag::Lang parse_lang(std::string_view value);

// The colour mode named by `value` (`auto`, `always`, `never`).
ColorMode parse_color(std::string_view value);

// How diagnostics are written to a stream that is (or is not) a `terminal`: source excerpts on
// a terminal or with `always`; colours with `always`, or on a terminal under `auto` unless
// `NO_COLOR` is set or `TERM` is `dumb`.
diag::TextStyle text_style(ColorMode mode, bool terminal, diag::Lang lang);

// A CLI11 check that accepts one of `allowed` and otherwise says
// `unknown VALUE_NAME "x" (did you mean "y"?); use one of a, b, c`.
CLI::Validator one_of(std::span<const std::string> allowed, std::string_view value_name);

// Adds `--color WHEN` and `--lang LANG`, the options of every command that prints diagnostics,
// to `cmd`, read into `color` and `lang`.
void add_console_options(CLI::App& cmd, std::string& color, std::string& lang);

} // namespace planctl::app
