#include <planctl/util/utf8.hpp>
#include <planctl/write/docx/xml_writer.hpp>

#include <array>
#include <stdexcept>

namespace planctl::write::docx {

namespace {

// XML 1.0 §2.2 Char: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF. Surrogates
// never get here because next_code_point() turns them into U+FFFD.
bool is_xml_char(char32_t cp) {
  if (cp < 0x20) {
    return cp == 0x09 || cp == 0x0A || cp == 0x0D;
  }
  return cp != 0xFFFE && cp != 0xFFFF;
}

// Bytes copied as they are in text (1) and in attributes (2): printable ASCII but for the
// markup characters, and in text tab and LF.
constexpr std::array<unsigned char, 128> plain_bytes() {
  std::array<unsigned char, 128> table{};
  for (unsigned c = 0x20; c < 0x7F; ++c) {
    table[c] = 3;
  }
  table[0x7F] = 3; // DEL is an XML Char
  for (const char c : {'&', '<', '>', '"'}) {
    table[static_cast<unsigned char>(c)] = 0;
  }
  table['"'] = 1;
  table['\t'] = 1;
  table['\n'] = 1;
  return table;
}

constexpr std::array<unsigned char, 128> k_plain = plain_bytes();

void append_escaped(std::string& out, std::string_view text, bool attribute) {
  const unsigned char plain_mask = attribute ? 2 : 1;
  std::size_t pos = 0;
  while (pos < text.size()) {
    // A run that needs no change is copied at once: plain ASCII, and well-formed UTF-8 of
    // characters XML allows (the same bytes append_utf8() would give back).
    const std::size_t run = pos;
    while (pos < text.size()) {
      const auto byte = static_cast<unsigned char>(text[pos]);
      if (byte < 0x80) {
        if ((k_plain[byte] & plain_mask) == 0) {
          break;
        }
        ++pos;
        continue;
      }
      std::size_t next = pos;
      const char32_t cp = util::next_code_point(text, next);
      if (cp == 0xFFFD || !is_xml_char(cp)) {
        break; // ill-formed (or a real U+FFFD, which takes the slow way to the same bytes)
      }
      pos = next;
    }
    out.append(text.data() + run, pos - run);
    if (pos >= text.size()) {
      break;
    }
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte >= 0x80) {
      const char32_t cp = util::next_code_point(text, pos);
      if (is_xml_char(cp)) {
        util::append_utf8(out, cp);
      }
      continue;
    }
    ++pos;
    switch (byte) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      // Only `]]>` requires it, but escaping every `>` keeps the rule trivially true.
      out += "&gt;";
      break;
    case '"':
      out += attribute ? "&quot;" : "\"";
      break;
    case '\r':
      // A literal CR is folded into LF by every parser; the reference survives.
      out += "&#13;";
      break;
    case '\t':
      out += attribute ? "&#9;" : "\t";
      break;
    case '\n':
      out += attribute ? "&#10;" : "\n";
      break;
    default:
      if (is_xml_char(byte)) {
        out += static_cast<char>(byte);
      }
    }
  }
}

} // namespace

void append_escaped_text(std::string& out, std::string_view text) {
  append_escaped(out, text, false);
}

void append_escaped_attribute(std::string& out, std::string_view value) {
  append_escaped(out, value, true);
}

XmlWriter::XmlWriter() : m_out("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n") {}

void XmlWriter::open(std::string_view name, std::initializer_list<Attribute> attributes) {
  end_start_tag();
  m_out += '<';
  m_out += name;
  m_open.emplace_back(name);
  m_start_tag_pending = true;
  for (const Attribute& a : attributes) {
    attribute(a.name, a.value);
  }
}

void XmlWriter::attribute(std::string_view name, std::string_view value) {
  if (!m_start_tag_pending) {
    throw std::logic_error("XmlWriter: attribute outside a start tag");
  }
  m_out += ' ';
  m_out += name;
  m_out += "=\"";
  append_escaped_attribute(m_out, value);
  m_out += '"';
}

void XmlWriter::text(std::string_view text) {
  if (m_open.empty()) {
    throw std::logic_error("XmlWriter: text outside the root element");
  }
  if (text.empty()) {
    return; // keeps `<name/>` for an element whose text is empty
  }
  end_start_tag();
  append_escaped_text(m_out, text);
}

void XmlWriter::leaf(std::string_view name, std::initializer_list<Attribute> attributes) {
  open(name, attributes);
  close();
}

void XmlWriter::text_element(std::string_view name, std::string_view text,
                             std::initializer_list<Attribute> attributes) {
  open(name, attributes);
  this->text(text);
  close();
}

void XmlWriter::close() {
  if (m_open.empty()) {
    throw std::logic_error("XmlWriter: close with no open element");
  }
  if (m_start_tag_pending) {
    m_out += "/>";
    m_start_tag_pending = false;
  } else {
    m_out += "</";
    m_out += m_open.back();
    m_out += '>';
  }
  m_open.pop_back();
}

void XmlWriter::newline() {
  end_start_tag();
  m_out += '\n';
}

std::string XmlWriter::finish() {
  if (!m_open.empty()) {
    throw std::logic_error("XmlWriter: finish with <" + m_open.back() + "> still open");
  }
  return std::move(m_out);
}

void XmlWriter::end_start_tag() {
  if (m_start_tag_pending) {
    m_out += '>';
    m_start_tag_pending = false;
  }
}

} // namespace planctl::write::docx
