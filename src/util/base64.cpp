#include <planctl/util/base64.hpp>

#include <array>
#include <cstdint>

namespace planctl::util {

namespace {

constexpr std::string_view k_alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr std::array<std::int8_t, 256> decode_table() {
  std::array<std::int8_t, 256> table{};
  for (auto& v : table) {
    v = -1;
  }
  for (std::size_t i = 0; i < k_alphabet.size(); ++i) {
    table[static_cast<unsigned char>(k_alphabet[i])] = static_cast<std::int8_t>(i);
  }
  return table;
}

} // namespace

std::string base64_encode(std::string_view bytes) {
  // Lines of 76 characters (19 groups of four), the last one shorter, no final line break.
  constexpr std::size_t k_groups_per_line = 19;
  const std::size_t groups = (bytes.size() + 2) / 3;
  const std::size_t breaks = groups == 0 ? 0 : (groups - 1) / k_groups_per_line;
  std::string out(groups * 4 + breaks, '\0');
  char* o = out.data();
  const auto* in = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t full = bytes.size() / 3;
  auto put = [&](std::uint32_t v) {
    o[0] = k_alphabet[(v >> 18) & 0x3F];
    o[1] = k_alphabet[(v >> 12) & 0x3F];
    o[2] = k_alphabet[(v >> 6) & 0x3F];
    o[3] = k_alphabet[v & 0x3F];
    o += 4;
  };
  std::size_t g = 0;
  for (; g < full; ++g) {
    if (g != 0 && g % k_groups_per_line == 0) {
      *o++ = '\n';
    }
    const unsigned char* p = in + g * 3;
    put((std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | std::uint32_t{p[2]});
  }
  if (g < groups) { // one or two bytes left
    if (g != 0 && g % k_groups_per_line == 0) {
      *o++ = '\n';
    }
    const std::size_t i = g * 3;
    const bool two = bytes.size() - i == 2;
    put((std::uint32_t{in[i]} << 16) | (two ? std::uint32_t{in[i + 1]} << 8 : 0u));
    o[-1] = '=';
    if (!two) {
      o[-2] = '=';
    }
  }
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  static constexpr std::array<std::int8_t, 256> k_table = decode_table();
  std::string out;
  out.reserve(text.size() / 4 * 3);
  std::uint32_t v = 0;
  int bits = 0;
  std::size_t padding = 0;
  std::size_t symbols = 0;
  for (const char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      continue;
    }
    if (c == '=') {
      ++padding;
      ++symbols;
      continue;
    }
    const std::int8_t d = k_table[static_cast<unsigned char>(c)];
    if (d < 0 || padding > 0) {
      return std::nullopt; // not base64, or data after the padding
    }
    ++symbols;
    v = (v << 6) | static_cast<std::uint32_t>(d);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((v >> bits) & 0xFF);
    }
  }
  if (symbols % 4 != 0 || padding > 2) {
    return std::nullopt;
  }
  return out;
}

} // namespace planctl::util
