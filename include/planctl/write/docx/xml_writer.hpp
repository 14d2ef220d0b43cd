// A small streaming XML writer for the parts of a WordprocessingML package: it escapes text
// and attribute values and never emits a character that XML 1.0 forbids.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace planctl::write::docx {

// Appends `text` to `out` escaped for element content (`&` `<` `>` and CR as references);
// ill-formed UTF-8 and lone surrogates become U+FFFD, and C0 controls other than tab and line
// feed, U+FFFE and U+FFFF are dropped, so the result is always well-formed XML 1.0.
void append_escaped_text(std::string& out, std::string_view text);

// Appends `value` to `out` escaped for a double-quoted attribute value: as
// append_escaped_text(), and also `"` and tab, line feed and CR as references so that
// attribute-value normalisation keeps them.
void append_escaped_attribute(std::string& out, std::string_view value);

// The name=value pair of one attribute, for XmlWriter::leaf() and XmlWriter::open().
struct Attribute {
  std::string_view name;
  std::string_view value;
};

// Builds one XML document in memory, starting with the UTF-8 declaration. Element and
// attribute names are trusted literals; every text and value is escaped. Misuse (an attribute
// after content, closing with nothing open, finishing with elements open) throws
// std::logic_error.
class XmlWriter {
public:
  // Starts a document with `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` and a
  // line feed.
  XmlWriter();

  // Opens element `name` with `attributes`; its start tag stays open for attribute().
  void open(std::string_view name, std::initializer_list<Attribute> attributes = {});

  // Adds attribute `name`=`value` to the element opened last, before any of its content.
  void attribute(std::string_view name, std::string_view value);

  // Writes `text` as escaped character content of the current element.
  void text(std::string_view text);

  // Writes an element with `attributes` and no content: `<name a="v"/>`.
  void leaf(std::string_view name, std::initializer_list<Attribute> attributes = {});

  // Writes an element holding only `text`: `<name a="v">text</name>`.
  void text_element(std::string_view name, std::string_view text,
                    std::initializer_list<Attribute> attributes = {});

  // Closes the element opened last, as `<name/>` when it got no content.
  void close();

  // Writes a line feed between elements so that parts diff line by line; whitespace between
  // elements is insignificant in every part planctl writes.
  void newline();

  // The finished document; throws std::logic_error while an element is still open.
  std::string finish();

private:
  void end_start_tag();

  std::string m_out;
  std::vector<std::string> m_open;
  bool m_start_tag_pending = false;
};

} // namespace planctl::write::docx
