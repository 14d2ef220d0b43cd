#include <planctl/util/spell.hpp>
#include <planctl/util/utf8.hpp>

#include <algorithm>
#include <vector>

namespace planctl::util {

namespace {

std::u32string decode_all(std::string_view s) {
  std::u32string out;
  for (std::size_t pos = 0; pos < s.size();) {
    out += next_code_point(s, pos);
  }
  return out;
}

} // namespace

std::size_t edit_distance(std::string_view a_utf8, std::string_view b_utf8) {
  const std::u32string a = decode_all(a_utf8);
  const std::u32string b = decode_all(b_utf8);
  // Optimal string alignment distance: Levenshtein plus adjacent transpositions, because
  // `deu` for `due` is the most common typo in hand-written keys.
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) {
    d[i][0] = i;
  }
  for (std::size_t j = 0; j <= b.size(); ++j) {
    d[0][j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

std::string closest_match(std::string_view word, std::span<const std::string> candidates) {
  // Long inputs are not misspellings of short keys; skip the quadratic work.
  if (count_code_points(word) > 64) {
    return {};
  }
  std::string best;
  std::size_t best_distance = static_cast<std::size_t>(-1);
  for (const std::string& candidate : candidates) {
    const std::size_t longer = std::max(count_code_points(word), count_code_points(candidate));
    const std::size_t allowed = std::max<std::size_t>(1, longer / 3);
    const std::size_t distance = edit_distance(word, candidate);
    if (distance <= allowed && distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

} // namespace planctl::util
