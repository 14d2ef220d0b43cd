#include <planctl/util/json_writer.hpp>
#include <planctl/util/utf8.hpp>

namespace planctl::util {

Json Json::object() {
  Json j;
  j.m_type = Type::object;
  return j;
}

Json Json::object(std::initializer_list<std::pair<std::string_view, Json>> members) {
  Json j = object();
  for (const auto& [key, value] : members) {
    j.set(key, value);
  }
  return j;
}

Json Json::array() {
  Json j;
  j.m_type = Type::array;
  return j;
}

Json Json::array(std::initializer_list<Json> values) {
  Json j = array();
  for (const Json& value : values) {
    j.push(value);
  }
  return j;
}

Json& Json::operator[](std::string_view key) {
  if (m_type == Type::null) {
    m_type = Type::object;
  }
  for (auto& [name, member] : m_members) {
    if (name == key) {
      return member;
    }
  }
  m_members.emplace_back(std::string(key), Json());
  return m_members.back().second;
}

Json& Json::set(std::string_view key, Json value) {
  for (auto& [name, member] : m_members) {
    if (name == key) {
      member = std::move(value);
      return member;
    }
  }
  m_members.emplace_back(std::string(key), std::move(value));
  return m_members.back().second;
}

Json& Json::push(Json value) {
  m_members.emplace_back(std::string(), std::move(value));
  return m_members.back().second;
}

std::string json_quote(std::string_view text) {
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string repaired;
  if (find_invalid_utf8(text) != std::string_view::npos) {
    // next_code_point() gives U+FFFD for each ill-formed sequence.
    repaired.reserve(text.size() + 8);
    for (std::size_t pos = 0; pos < text.size();) {
      append_utf8(repaired, next_code_point(text, pos));
    }
    text = repaired;
  }
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (const char c : text) {
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\f':
      out += "\\f";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      if (static_cast<unsigned char>(c) < 0x20) {
        out += "\\u00";
        out += k_hex[(c >> 4) & 0xF];
        out += k_hex[c & 0xF];
      } else {
        out += c;
      }
    }
  }
  out += '"';
  return out;
}

std::string Json::dump(int indent) const {
  std::string out;
  write(out, indent, 0);
  return out;
}

void Json::write(std::string& out, int indent, int depth) const {
  switch (m_type) {
  case Type::null:
    out += "null";
    return;
  case Type::boolean:
  case Type::number:
    out += m_text;
    return;
  case Type::string:
    out += json_quote(m_text);
    return;
  case Type::array:
  case Type::object:
    break;
  }
  const bool is_object = m_type == Type::object;
  const char open = is_object ? '{' : '[';
  const char close = is_object ? '}' : ']';
  out += open;
  if (m_members.empty()) {
    out += close;
    return;
  }
  const auto newline = [&](int level) {
    if (indent > 0) {
      out += '\n';
      out.append(static_cast<std::size_t>(indent * level), ' ');
    }
  };
  bool first = true;
  for (const auto& [name, value] : m_members) {
    if (!first) {
      out += ',';
    }
    first = false;
    newline(depth + 1);
    if (is_object) {
      out += json_quote(name);
      out += indent > 0 ? ": " : ":";
    }
    value.write(out, indent, depth + 1);
  }
  newline(depth);
  out += close;
}

} // namespace planctl::util
