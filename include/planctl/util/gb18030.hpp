// GB18030 (the "ANSI" encoding of Chinese Windows editors) converted to UTF-8 through the C
// library's iconv, so that the import step reads such files without a table of its own.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace planctl::util {

// The result of converting GB18030 bytes: the UTF-8 text, or the byte offset of the first
// sequence that is not GB18030.
struct Gb18030Result {
  std::optional<std::string> text;
  std::size_t bad_offset = 0;
};

// `bytes` read as GB18030 and written as UTF-8; `text` is empty and `bad_offset` names the
// first invalid or truncated sequence when `bytes` is not GB18030.
Gb18030Result gb18030_to_utf8(std::string_view bytes);

} // namespace planctl::util
