// Base64 (RFC 4648, with padding), for bytes carried inside XML: the plan file a .docx holds.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace planctl::util {

// `bytes` in base64, lines of 76 characters separated by LF (as MIME writes it).
std::string base64_encode(std::string_view bytes);

// The bytes `text` encodes, ignoring white space; std::nullopt when it is not base64.
std::optional<std::string> base64_decode(std::string_view text);

} // namespace planctl::util
