// The numbers of GB/T 9704 headings: 一、 （一） 1. （1）. The layout step and the task index
// both call this; nothing else formats a number.
#pragma once

#include <planctl/model/plan.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace planctl::model {

// `n` (≥ 1) in Chinese numerals as used in headings: 一 … 十 十一 … 二十 … 九十九 一百 一百零一 …
std::string chinese_numeral(int n);

// Whether `cp` is one of the characters chinese_numeral() writes (一 … 十, 百, 零).
bool is_chinese_numeral_char(char32_t cp);

// The full label of item `n` (1-based) in `style`: `一、`, `（一）`, `1.`, `（1）`
// (full-width brackets, ideographic comma, half-width full stop).
std::string number_label(NumberStyle style, int n);

// The style named by one entry of `plan.numbering` (`一、`, `（一）`, `1.`, `（1）`; the ASCII
// bracket forms `(一)` and `(1)` are accepted too), or std::nullopt.
std::optional<NumberStyle> parse_number_style(std::string_view text);

// The canonical spelling of `style` for messages and the schema (`一、`, `（一）`, `1.`, `（1）`).
std::string style_name(NumberStyle style);

} // namespace planctl::model
