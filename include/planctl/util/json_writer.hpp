// Writing JSON: a small ordered tree of values and its text, laid out as `planctl schema`,
// `planctl rules -f json` and the JSON report print it.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace planctl::util {

// A JSON value whose objects keep their keys in the order they were set.
class Json {
public:
  enum class Type { null, boolean, number, string, array, object };

  // A null.
  Json() = default;
  Json(std::nullptr_t) {}
  // `true` or `false`.
  Json(bool value) : m_type(Type::boolean), m_text(value ? "true" : "false") {}
  // A whole number.
  Json(std::int64_t value) : m_type(Type::number), m_text(std::to_string(value)) {}
  Json(int value) : Json(static_cast<std::int64_t>(value)) {}
  Json(std::size_t value) : m_type(Type::number), m_text(std::to_string(value)) {}
  // A string (UTF-8).
  Json(std::string_view value) : m_type(Type::string), m_text(value) {}
  Json(const char* value) : Json(std::string_view(value)) {}
  Json(const std::string& value) : Json(std::string_view(value)) {}

  // An empty object.
  static Json object();
  // An object with `members` in the order given.
  static Json object(std::initializer_list<std::pair<std::string_view, Json>> members);
  // An empty array.
  static Json array();
  // An array of `values` in the order given.
  static Json array(std::initializer_list<Json> values);

  Type type() const { return m_type; }

  // Sets `key` of this object to `value` (replacing an earlier value, keeping its place);
  // returns the value set.
  Json& set(std::string_view key, Json value);
  // Appends `value` to this array; returns the value appended.
  Json& push(Json value);
  // The value of `key` in this object, added as null at the end when missing; a null becomes
  // an empty object first (as `j["key"] = …` builds objects in other JSON libraries).
  Json& operator[](std::string_view key);

  // The text: with `indent` > 0 one value a line, nested values indented by `indent` spaces
  // more; with 0, on one line without spaces. Non-ASCII characters are written as they are.
  std::string dump(int indent = 0) const;

private:
  void write(std::string& out, int indent, int depth) const;

  Type m_type = Type::null;
  std::string m_text;                                  // a boolean's, number's or string's text
  std::vector<std::pair<std::string, Json>> m_members; // an object's members, an array's values
};

// `text` as a JSON string literal, quotes included; a byte that is not part of well-formed
// UTF-8 becomes U+FFFD, so that a GBK file name or value still makes valid JSON.
std::string json_quote(std::string_view text);

} // namespace planctl::util
