#include <planctl/util/sha256.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

using namespace planctl::util;

TEST_CASE("util::sha256_hex: FIPS 180-4 test vectors") {
  // Both compression functions: the processor's SHA instructions (when it has them) and the
  // portable code.
  for (const bool portable : {false, true}) {
    Sha256::use_portable_only(portable);
    CAPTURE(portable);
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1000000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  }
  Sha256::use_portable_only(false);
}

TEST_CASE("util::Sha256: the SHA instructions and the portable code agree") {
  std::string text;
  std::uint32_t x = 12345;
  for (int i = 0; i < 5000; ++i) {
    x = x * 1103515245u + 12345u;
    text += static_cast<char>(x >> 24);
  }
  for (std::size_t size = 0; size <= text.size(); size += size < 200 ? 1 : 97) {
    const std::string_view piece = std::string_view(text).substr(0, size);
    Sha256::use_portable_only(true);
    const std::string portable = sha256_hex(piece);
    Sha256::use_portable_only(false);
    CHECK_MESSAGE(sha256_hex(piece) == portable, "size " << size);
  }
}

TEST_CASE("util::Sha256: pieces of any size give the digest of the whole") {
  const std::string text(300, 'x');
  for (std::size_t cut : {std::size_t{0}, std::size_t{1}, std::size_t{55}, std::size_t{64},
                          std::size_t{65}, std::size_t{299}}) {
    Sha256 h;
    h.update(std::string_view(text).substr(0, cut));
    h.update(std::string_view(text).substr(cut));
    CHECK(h.hex() == sha256_hex(text));
  }
}

TEST_CASE("util::sha256_file") {
  const auto dir = std::filesystem::temp_directory_path() / "planctl-sha256-test";
  std::filesystem::create_directories(dir);
  { std::ofstream(dir / "a.txt", std::ios::binary) << "abc"; }
  CHECK(sha256_file(dir / "a.txt") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK_FALSE(sha256_file(dir / "missing").has_value());
  CHECK_FALSE(sha256_file(dir).has_value()); // a folder
  std::filesystem::remove(dir / "link");
  std::filesystem::create_symlink(dir / "a.txt", dir / "link");
  CHECK_FALSE(sha256_file(dir / "link").has_value()); // not followed
  std::filesystem::remove_all(dir);
}
