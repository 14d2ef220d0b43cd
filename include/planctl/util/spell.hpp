// "Did you mean": the closest known word to a misspelt one.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace planctl::util {

// The edit distance (insertions, deletions, substitutions, adjacent swaps) between `a` and `b`
// counted in code points.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, or an empty string when none is close enough (distance at
// most a third of the longer word's length, and at least one edit allowed; ties go to the
// first candidate).
std::string closest_match(std::string_view word, std::span<const std::string> candidates);

} // namespace planctl::util
