// SHA-256 (FIPS 180-4), for fingerprints that must not change between runs or machines: the
// re-run record of an output folder and the fingerprints of CI reports.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace planctl::util {

// An incremental SHA-256: update() with the bytes in order, then hex() once.
class Sha256 {
public:
  Sha256();
  void update(std::string_view bytes);
  // The digest as 64 lowercase hex digits; the object must not be updated afterwards.
  std::string hex();

  // For tests: whether the processor's SHA instructions are used when it has them (the
  // default), or the portable code always.
  static void use_portable_only(bool portable) { s_portable_only = portable; }

private:
  void block(const unsigned char* p);
  void blocks(const unsigned char* p, std::size_t n);
  static inline bool s_portable_only = false;
  std::array<std::uint32_t, 8> m_h{};
  std::array<unsigned char, 64> m_buffer{};
  std::size_t m_used = 0;
  std::uint64_t m_length = 0;
};

// The SHA-256 of `bytes` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

// The SHA-256 of the file at `path`, read without following a symlink at the last component;
// std::nullopt when it is not a plain file or cannot be read.
std::optional<std::string> sha256_file(const std::filesystem::path& path);

} // namespace planctl::util
