// Signature dates as clerks type them, read back to a calendar date.
#pragma once

#include <planctl/util/date.hpp>

#include <optional>
#include <string_view>

namespace planctl::import {

// The date `text` (spaces around it ignored) spells as a whole: `2020年4月9日` (Arabic or
// full-width digits, leading zeros allowed), `二〇二〇年四月九日`, `2020.4.9`, `2020-04-09`,
// `2020/4/9`; std::nullopt when `text` is anything else or not a real calendar day.
std::optional<util::Date> parse_written_date(std::string_view text);

} // namespace planctl::import
