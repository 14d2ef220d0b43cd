#include <planctl/util/utf8.hpp>
#include <planctl/write/docx/xml_writer.hpp>

#include <doctest/doctest.h>

#include <random>
#include <stdexcept>
#include <string>

using namespace planctl::write::docx;
using namespace std::string_literals;

namespace {

std::string text(std::string_view in) {
  std::string out;
  append_escaped_text(out, in);
  return out;
}

std::string attr(std::string_view in) {
  std::string out;
  append_escaped_attribute(out, in);
  return out;
}

// Whether `out` is well-formed UTF-8 made only of XML 1.0 Chars, with `<` never raw and `&`
// only starting a reference.
bool is_safe_xml_content(const std::string& out) {
  if (planctl::util::find_invalid_utf8(out) != std::string_view::npos) {
    return false;
  }
  std::size_t pos = 0;
  while (pos < out.size()) {
    const std::size_t at = pos;
    const char32_t cp = planctl::util::next_code_point(out, pos);
    const bool ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                    (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    if (!ok || cp == '<') {
      return false;
    }
    if (cp == '&' && out.find(';', at) == std::string::npos) {
      return false;
    }
  }
  return true;
}

} // namespace

TEST_CASE("docx::append_escaped_text") {
  SUBCASE("markup characters") {
    CHECK(text("a<b>&c \"q\" 'a'") == "a&lt;b&gt;&amp;c \"q\" 'a'");
  }
  SUBCASE("Chinese and astral text pass through") {
    CHECK(text("平安二中，“迎国检”😀") == "平安二中，“迎国检”😀");
  }
  SUBCASE("tab and line feed stay, CR becomes a reference") {
    CHECK(text("a\tb\nc\rd") == "a\tb\nc&#13;d");
  }
  SUBCASE("C0 controls are dropped") {
    CHECK(text("a\x01"
               "b\x0B\x0C\x1F"
               "c"s +
               '\0' + "d") == "abcd");
  }
  SUBCASE("U+FFFE and U+FFFF are dropped, U+FFFD stays") {
    CHECK(text("a\xEF\xBF\xBE"
               "b\xEF\xBF\xBF"
               "c\xEF\xBF\xBD") == "abc\xEF\xBF\xBD");
  }
  SUBCASE("ill-formed UTF-8 becomes U+FFFD per bad byte") {
    CHECK(text("ab\xC4\xE3") == "ab\xEF\xBF\xBD\xEF\xBF\xBD");
  }
  SUBCASE("a lone surrogate encoded in UTF-8 never gets through") {
    CHECK(text("x\xED\xA0\x80y") == "x\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDy");
  }
  SUBCASE("C1 controls are XML characters and stay") {
    CHECK(text("\xC2\x85") == "\xC2\x85");
  }
  SUBCASE("any bytes give safe content") {
    std::mt19937 random(20200409);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<int> length(0, 40);
    for (int i = 0; i < 20000; ++i) {
      std::string in(static_cast<std::size_t>(length(random)), '\0');
      for (char& c : in) {
        c = static_cast<char>(byte(random));
      }
      const std::string out = text(in);
      REQUIRE_MESSAGE(is_safe_xml_content(out), "input #" << i);
    }
  }
}

TEST_CASE("docx::append_escaped_attribute") {
  CHECK(attr("a\"b'c<&>") == "a&quot;b'c&lt;&amp;&gt;");
  CHECK(attr("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d");
  CHECK(attr("\x02仿宋_GB2312\xEF\xBF\xBF") == "仿宋_GB2312");
}

TEST_CASE("docx::XmlWriter") {
  const std::string decl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  SUBCASE("an empty element closes itself") {
    XmlWriter w;
    w.open("w:p", {{"a", "1"}});
    w.attribute("b", "x&y");
    w.close();
    CHECK(w.finish() == decl + "<w:p a=\"1\" b=\"x&amp;y\"/>");
  }
  SUBCASE("nested elements, text and line feeds") {
    XmlWriter w;
    w.open("w:body");
    w.newline();
    w.open("w:r");
    w.leaf("w:tab");
    w.text_element("w:t", "1<2", {{"xml:space", "preserve"}});
    w.close();
    w.newline();
    w.close();
    CHECK(w.finish() ==
          decl +
              "<w:body>\n<w:r><w:tab/><w:t xml:space=\"preserve\">1&lt;2</w:t></w:r>\n</w:body>");
  }
  SUBCASE("text_element with empty text still closes properly") {
    XmlWriter w;
    w.text_element("dc:title", "");
    CHECK(w.finish() == decl + "<dc:title/>");
  }
  SUBCASE("misuse throws") {
    XmlWriter w;
    CHECK_THROWS_AS(w.text("x"), std::logic_error);
    CHECK_THROWS_AS(w.close(), std::logic_error);
    w.open("a");
    w.text("x");
    CHECK_THROWS_AS(w.attribute("b", "c"), std::logic_error);
    CHECK_THROWS_AS(w.finish(), std::logic_error);
  }
}
