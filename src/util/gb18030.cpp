#ifndef _WIN32
#include <planctl/util/gb18030.hpp>

#include <iconv.h>

#include <cerrno>
#include <stdexcept>

namespace planctl::util {

Gb18030Result gb18030_to_utf8(std::string_view bytes) {
  iconv_t cd = ::iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    throw std::runtime_error("the C library cannot convert GB18030 (iconv_open failed)");
  }
  std::string out;
  // GB18030 takes 2 or 4 bytes for what UTF-8 writes in 3 or 4: 2× the input always suffices
  // for one pass; ASCII stays one byte.
  out.resize(bytes.size() * 2 + 16);
  char* in_ptr = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  Gb18030Result result;
  const std::size_t rc = ::iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
  const int err = errno;
  ::iconv_close(cd);
  if (rc == static_cast<std::size_t>(-1) && (err == EILSEQ || err == EINVAL || err == E2BIG)) {
    result.bad_offset = bytes.size() - in_left;
    return result;
  }
  out.resize(out.size() - out_left);
  result.text = std::move(out);
  return result;
}

} // namespace planctl::util
#endif
