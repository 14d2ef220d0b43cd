// The scalar-level rules of plan-format.md: what a date, a month, a due, a status, an id, a
// school code and an integer look like, and how a text's line breaks are read.
#pragma once

#include <planctl/model/plan.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace planctl::load {

// Why a date-like value was rejected.
enum class DateProblem {
  shape,    // not written YYYY-MM-DD (or YYYY-MM where a month is allowed)
  not_real, // the right shape, but no such day or month
};

// A `start`: `YYYY-MM-DD` or `YYYY-MM`, a real date or month; otherwise the problem.
std::optional<model::DayOrMonth> parse_day_or_month(std::string_view text,
                                                    DateProblem* problem = nullptr);

// The recurring `due` keyword `text` (`全年`, `长期`, `每学期`, `每月`, `每周`), or std::nullopt.
std::optional<model::Recurrence> parse_recurrence(std::string_view text);

// A `due`: a date, a month or a recurring keyword, with `source` set to `text`.
std::optional<model::Due> parse_due(std::string_view text, DateProblem* problem = nullptr);

// A `status` (`未开始`, `进行中`, `已完成`), or std::nullopt.
std::optional<model::TaskStatus> parse_status(std::string_view text);

// Whether `text` is an id: 1–64 characters, each a letter of any script, a digit, `_`, `-` or
// `.` (no spaces, no punctuation).
bool is_valid_id(std::string_view text);

// Whether `text` is a school code: 1–64 ASCII letters, digits, `-` and `_`.
bool is_valid_code(std::string_view text);

// The value of `text` when it is plain decimal digits only (no sign, point or exponent) and
// fits in 64 bits; `too_large` is set when the digits do not fit.
std::optional<std::int64_t> parse_plain_integer(std::string_view text, bool* too_large = nullptr);

// Whether `text` is empty or only white space (ASCII, no-break and ideographic spaces).
bool is_blank(std::string_view text);

// The type a plain scalar has under the YAML 1.2 core schema.
enum class CoreType { null, boolean, integer, floating, string };

// The YAML 1.2 core type of the plain scalar `text`.
CoreType core_type(std::string_view text);

// `text` with every CRLF and lone CR turned into LF: a carriage return counts as a line break.
std::string normalize_line_breaks(std::string_view text);

} // namespace planctl::load
