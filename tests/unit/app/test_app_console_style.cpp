#include <planctl/app/console_style.hpp>

#include <CLI/CLI.hpp>
#include <doctest/doctest.h>

#include <cstdlib>
#include <optional>
#include <string>

using namespace planctl::app;
using planctl::diag::Lang;

namespace {

// Sets an environment variable for the lifetime of the object, then restores it.
class ScopedEnv {
public:
  ScopedEnv(const char* name, const char* value) : m_name(name) {
    if (const char* old = std::getenv(name)) {
      m_old = old;
    }
    if (value) {
      ::setenv(name, value, 1);
    } else {
      ::unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (m_old) {
      ::setenv(m_name, m_old->c_str(), 1);
    } else {
      ::unsetenv(m_name);
    }
  }

private:
  const char* m_name;
  std::optional<std::string> m_old;
};

} // namespace

TEST_CASE("app::lang_from_environment") {
  SUBCASE("LANG alone") {
    ScopedEnv a("LC_ALL", nullptr), m("LC_MESSAGES", nullptr), l("LANG", "zh_CN.UTF-8");
    CHECK(lang_from_environment() == Lang::zh);
  }
  SUBCASE("LC_ALL overrides LANG") {
    ScopedEnv a("LC_ALL", "C.UTF-8"), m("LC_MESSAGES", nullptr), l("LANG", "zh_CN.UTF-8");
    CHECK(lang_from_environment() == Lang::en);
  }
  SUBCASE("LC_MESSAGES overrides LANG; empty values are skipped") {
    ScopedEnv a("LC_ALL", ""), m("LC_MESSAGES", "zh_TW.UTF-8"), l("LANG", "en_US.UTF-8");
    CHECK(lang_from_environment() == Lang::zh);
  }
  SUBCASE("nothing set is English") {
    ScopedEnv a("LC_ALL", nullptr), m("LC_MESSAGES", nullptr), l("LANG", nullptr);
    CHECK(lang_from_environment() == Lang::en);
  }
}

TEST_CASE("app::parse_lang") {
  ScopedEnv a("LC_ALL", "zh_CN.UTF-8");
  CHECK(parse_lang("en") == Lang::en);
  CHECK(parse_lang("zh") == Lang::zh);
  CHECK(parse_lang("") == Lang::zh); // from the environment
}

TEST_CASE("app::parse_color") {
  CHECK(parse_color("always") == ColorMode::always);
  CHECK(parse_color("never") == ColorMode::never);
  CHECK(parse_color("auto") == ColorMode::automatic);
}

TEST_CASE("app::text_style") {
  ScopedEnv nc("NO_COLOR", nullptr), term("TERM", "xterm-256color");
  SUBCASE("auto on a terminal: colours and source lines") {
    const auto s = text_style(ColorMode::automatic, true, Lang::zh);
    CHECK(s.color);
    CHECK(s.source);
    CHECK(s.lang == Lang::zh);
  }
  SUBCASE("auto into a pipe: plain lines only") {
    const auto s = text_style(ColorMode::automatic, false, Lang::en);
    CHECK_FALSE(s.color);
    CHECK_FALSE(s.source);
  }
  SUBCASE("always: colours and source lines anywhere") {
    const auto s = text_style(ColorMode::always, false, Lang::en);
    CHECK(s.color);
    CHECK(s.source);
  }
  SUBCASE("never on a terminal: source lines without colours") {
    const auto s = text_style(ColorMode::never, true, Lang::en);
    CHECK_FALSE(s.color);
    CHECK(s.source);
  }
  SUBCASE("NO_COLOR and TERM=dumb turn automatic colours off") {
    {
      ScopedEnv set("NO_COLOR", "1");
      CHECK_FALSE(text_style(ColorMode::automatic, true, Lang::en).color);
      CHECK(text_style(ColorMode::always, true, Lang::en).color);
    }
    ScopedEnv dumb("TERM", "dumb");
    CHECK_FALSE(text_style(ColorMode::automatic, true, Lang::en).color);
  }
}

TEST_CASE("app::one_of") {
  const std::string formats[] = {"text", "json", "github", "junit"};
  const CLI::Validator check = one_of(formats, "format");
  SUBCASE("an allowed value passes") {
    std::string v = "json";
    CHECK(check(v).empty());
  }
  SUBCASE("a near miss suggests the closest") {
    std::string v = "jsno";
    CHECK(check(v) ==
          "unknown format \"jsno\" (did you mean \"json\"?); use one of text, json, github, junit");
  }
  SUBCASE("a far miss lists the choices") {
    std::string v = "sarif";
    CHECK(check(v) == "unknown format \"sarif\"; use one of text, json, github, junit");
  }
  SUBCASE("the help shows the choices") {
    CHECK(check.get_description() == "{text,json,github,junit}");
  }
}
