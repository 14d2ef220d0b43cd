#include <planctl/util/base64.hpp>

#include <doctest/doctest.h>

using namespace planctl;

TEST_CASE("base64_encode and base64_decode") {
  SUBCASE("RFC 4648's test vectors") {
    const std::pair<const char*, const char*> vectors[] = {{"", ""},
                                                           {"f", "Zg=="},
                                                           {"fo", "Zm8="},
                                                           {"foo", "Zm9v"},
                                                           {"foob", "Zm9vYg=="},
                                                           {"fooba", "Zm9vYmE="},
                                                           {"foobar", "Zm9vYmFy"}};
    for (const auto& [plain, coded] : vectors) {
      CHECK(util::base64_encode(plain) == coded);
      CHECK(util::base64_decode(coded) == std::optional<std::string>(plain));
    }
  }
  SUBCASE("lines of 76 characters, white space ignored when decoding") {
    const std::string bytes(120, '\xE4');
    const std::string coded = util::base64_encode(bytes);
    CHECK(coded.find('\n') == 76);
    CHECK(coded.size() == 160 + 2);
    CHECK(util::base64_decode(coded) == std::optional<std::string>(bytes));
    CHECK(util::base64_decode(" Zm9v\r\nYmFy ") == std::optional<std::string>("foobar"));
  }
  SUBCASE("every byte value survives") {
    std::string all;
    for (int i = 0; i < 256; ++i) {
      all += static_cast<char>(i);
    }
    CHECK(util::base64_decode(util::base64_encode(all)) == std::optional<std::string>(all));
  }
  SUBCASE("what is not base64") {
    CHECK(util::base64_decode("Zm9v!") == std::nullopt);
    CHECK(util::base64_decode("Zm9") == std::nullopt);
    CHECK(util::base64_decode("Zg==Zg==") == std::nullopt);
    CHECK(util::base64_decode("Z===") == std::nullopt);
  }
}
