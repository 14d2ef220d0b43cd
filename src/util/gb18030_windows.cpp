#ifdef _WIN32
#include <planctl/util/gb18030.hpp>
#include <planctl/util/platform.hpp>

#include <windows.h>

namespace planctl::util {

namespace {

constexpr UINT k_gb18030 = 54936;

// The length of the GB18030 sequence at `at` (1, 2 or 4), or 0 when it is not one.
std::size_t sequence_length(std::string_view bytes, std::size_t at) {
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(bytes[at + i]); };
  const std::size_t left = bytes.size() - at;
  if (b(0) < 0x80) {
    return 1;
  }
  if (b(0) == 0x80 || b(0) == 0xFF || left < 2) {
    return 0;
  }
  if ((b(1) >= 0x40 && b(1) <= 0x7E) || (b(1) >= 0x80 && b(1) <= 0xFE)) {
    return 2;
  }
  if (b(1) >= 0x30 && b(1) <= 0x39 && left >= 4 && b(2) >= 0x81 && b(2) <= 0xFE && b(3) >= 0x30 &&
      b(3) <= 0x39) {
    return 4;
  }
  return 0;
}

bool converts(std::string_view bytes) {
  return bytes.empty() || ::MultiByteToWideChar(k_gb18030, MB_ERR_INVALID_CHARS, bytes.data(),
                                                static_cast<int>(bytes.size()), nullptr, 0) > 0;
}

} // namespace

// Windows has GB18030 as code page 54936 (no iconv in its C library): the same text as the
// POSIX version's iconv, and the offset of the first sequence that is not GB18030.
Gb18030Result gb18030_to_utf8(std::string_view bytes) {
  Gb18030Result result;
  for (std::size_t at = 0; at < bytes.size();) {
    const std::size_t n = sequence_length(bytes, at);
    if (n == 0 || !converts(bytes.substr(at, n))) {
      result.bad_offset = at;
      return result;
    }
    at += n;
  }
  const int wide_size =
      ::MultiByteToWideChar(k_gb18030, 0, bytes.data(), static_cast<int>(bytes.size()), nullptr, 0);
  std::wstring wide(static_cast<std::size_t>(wide_size), L'\0');
  ::MultiByteToWideChar(k_gb18030, 0, bytes.data(), static_cast<int>(bytes.size()), wide.data(),
                        wide_size);
  result.text = path_utf8(std::filesystem::path(std::move(wide)));
  return result;
}

} // namespace planctl::util
#endif
