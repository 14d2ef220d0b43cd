#include <planctl/load/yaml_fast.hpp>
#include <planctl/load/yaml_tree_builder.hpp>

#include <yaml.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

namespace planctl::load {

namespace {

using enum FastDecline;

// Rows in the order of FastDecline (checked by a test).
constexpr FastDeclineRow k_fast_declines[] = {
    {libyaml_error, "libyaml-error", "a syntax error (yaml-syntax, tab-indent, …)"},
    {empty_document, "empty-document", "no node at all: empty-file has its own finding"},
    {second_document, "second-document", "a second document (multiple-documents)"},
    {directive, "directive", "a %YAML or %TAG directive"},
    {tag, "tag", "any tag, core or not (yaml-tag for the others; !!str changes the typing)"},
    {anchor, "anchor", "an anchor: what aliases carry is counted on yaml-cpp's path"},
    {alias, "alias", "an alias (limit-aliases, alias-cycle, the note at the anchor)"},
    {text_too_long, "text-too-long", "a text past its length limit (limit-text)"},
    {control_escape, "control-escape", "a control character written as an escape"},
    {too_deep, "too-deep", "nesting past the limit (limit-depth)"},
    {too_many_nodes, "too-many-nodes", "more nodes than the limit (limit-nodes)"},
    {duplicate_key, "duplicate-key", "a key repeated in one mapping"},
    {merge_key, "merge-key", "a merge key (<<)"},
    {empty_key, "empty-key", "an empty key (key-type)"},
    {container_key, "container-key", "a list or mapping as a key (key-type)"},
    {disputed_break, "disputed-break",
     "NEL, LINE or PARAGRAPH SEPARATOR, a lone CR, or a BOM at a line start: YAML 1.1 and 1.2 "
     "differ"},
    {blank_last_line, "blank-last-line",
     "a last line of blanks without a line break: yaml-cpp ends a > text with a space"},
    {flow_plain_indicator, "flow-plain-indicator",
     "a ? or : in a plain text in [ ] or { }: yaml-cpp reports structure"},
    {flow_plain_break, "flow-plain-break",
     "a plain text in [ ] or { } over a line break: yaml-cpp reports it, libyaml folds it"},
    {block_scalar_column, "block-scalar-column",
     "a | or > text at its list's column: yaml-cpp reports text after the end"},
    {quoted_trailing_break, "quoted-trailing-break",
     "a quoted text ending in line breaks: yaml-cpp keeps one, libyaml all"},
    {long_key, "long-key",
     "a key over 256 characters: yaml-cpp allows 1,024 bytes, libyaml 1,024 characters"},
    {flow_pair, "flow-pair",
     "a `?` key in [ ] or { }, or a pair in [ ] without { } (`{?a: b}`, `[x,?y]`, `[a: b]`): "
     "libyaml reads `?` as a key indicator, yaml-cpp reports it"},
    {unexpected_event, "unexpected-event", "events that do not make one tree"},
};

// Whether `text` holds a line break that libyaml (YAML 1.1) and yaml-cpp (YAML 1.2) do not
// agree on: NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR, or a CR not followed by LF; or a
// byte-order mark at the start of a line, which libyaml skips and yaml-cpp reads as text (a
// file pasted together from files saved with BOMs; found by fuzz/fuzz_yaml_diff).
bool has_disputed_break(std::string_view text) {
  const auto* b = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (b[i] == '\r' && (i + 1 >= n || b[i + 1] != '\n')) {
      return true;
    }
    if (b[i] == 0xC2 && i + 1 < n && b[i + 1] == 0x85) {
      return true;
    }
    if (b[i] == 0xE2 && i + 2 < n && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9)) {
      return true;
    }
    if (b[i] == 0xEF && i + 2 < n && b[i + 1] == 0xBB && b[i + 2] == 0xBF &&
        (i == 0 || b[i - 1] == '\n')) {
      return true;
    }
  }
  return false;
}

// Whether the last line of `text` holds only spaces or tabs and no line break ends it: yaml-cpp
// then ends a `>` text with a space where libyaml (and YAML) end it with a line break. Found by
// fuzz/fuzz_yaml_diff.
bool has_blank_unterminated_last_line(std::string_view text) {
  if (text.empty() || text.back() == '\n') {
    return false;
  }
  const std::size_t start = text.rfind('\n') + 1; // npos + 1 == 0: a one-line file
  return text.substr(start).find_first_not_of(" \t") == std::string_view::npos;
}

// libyaml's marks count characters; the tree keeps byte offsets. Node marks arrive in
// document order, so one forward cursor converts them all in linear time.
class ByteCursor {
public:
  explicit ByteCursor(std::string_view text) : m_text(text) {}

  std::size_t byte_of(std::size_t char_index) {
    if (char_index < m_char) {
      m_char = 0;
      m_byte = 0;
    }
    while (m_char < char_index && m_byte < m_text.size()) {
      const auto c = static_cast<unsigned char>(m_text[m_byte]);
      m_byte += c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
      ++m_char;
    }
    return std::min(m_byte, m_text.size());
  }

private:
  std::string_view m_text;
  std::size_t m_char = 0;
  std::size_t m_byte = 0;
};

struct ParserDeleter {
  void operator()(yaml_parser_t* p) const {
    yaml_parser_delete(p);
    delete p;
  }
};

// One libyaml event, freed when it goes out of scope.
struct Event {
  yaml_event_t e{};
  ~Event() { yaml_event_delete(&e); }
};

// Thrown by the event reader to give the file back to yaml-cpp.
struct Decline {
  FastDecline reason;
};

} // namespace

std::span<const FastDeclineRow> fast_declines() {
  return k_fast_declines;
}

namespace {

// Feeds libyaml's events to the tree builder (without a reporter, so any finding declines),
// declining first wherever libyaml and yaml-cpp would read the file differently.
class LibyamlEvents {
public:
  LibyamlEvents(YamlTreeBuilder& tree, std::string_view text)
      : m_tree(tree), m_cursor(text), m_text(text) {}

  void event(const yaml_event_t& e) {
    switch (e.type) {
    case YAML_STREAM_START_EVENT:
    case YAML_STREAM_END_EVENT:
    case YAML_DOCUMENT_END_EVENT:
      return;
    case YAML_DOCUMENT_START_EVENT:
      if (++m_documents > 1) {
        throw Decline{second_document};
      }
      if (e.data.document_start.version_directive ||
          e.data.document_start.tag_directives.start != e.data.document_start.tag_directives.end) {
        throw Decline{directive};
      }
      return;
    case YAML_ALIAS_EVENT:
      throw Decline{alias};
    case YAML_SCALAR_EVENT:
      scalar(e);
      return;
    case YAML_SEQUENCE_START_EVENT:
      properties(e.data.sequence_start.anchor, e.data.sequence_start.tag);
      open(NodeKind::sequence, e.start_mark,
           e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE);
      return;
    case YAML_MAPPING_START_EVENT:
      properties(e.data.mapping_start.anchor, e.data.mapping_start.tag);
      // A pair in [ ] without { } (`[a: b]`, or `[x,?y]`, where libyaml reads `?` as a key
      // indicator and yaml-cpp reports it; found by fuzz/fuzz_yaml_diff).
      if (m_flow_depth > 0 &&
          m_text[std::min<std::size_t>(offset_of(e.start_mark), m_text.size() - 1)] != '{') {
        throw Decline{flow_pair};
      }
      open(NodeKind::mapping, e.start_mark, e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE);
      return;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
      close();
      return;
    case YAML_NO_EVENT:
      break;
    }
    throw Decline{unexpected_event};
  }

private:
  // What the reader needs of an open list or mapping; the tree keeps the rest.
  struct Level {
    bool is_map;
    bool flow;               // written in [ ] or { }
    int column;              // of its first character
    std::size_t entries = 0; // nodes seen in it, keys and values alike
  };

  static void properties(const yaml_char_t* anchor_name, const yaml_char_t* tag_name) {
    if (anchor_name) {
      throw Decline{anchor};
    }
    if (tag_name) {
      throw Decline{tag};
    }
  }

  std::uint32_t offset_of(const yaml_mark_t& mark) {
    return static_cast<std::uint32_t>(m_cursor.byte_of(mark.index));
  }

  // libyaml counts lines and characters from 0; with LF and CRLF the only line breaks (see
  // has_disputed_break) its position is LineIndex's, without LineIndex's search.
  static util::Mark mark_of(const yaml_mark_t& mark) {
    return util::Mark{static_cast<int>(mark.line) + 1, static_cast<int>(mark.column) + 1};
  }

  bool is_key_position() const {
    return !m_levels.empty() && m_levels.back().is_map && m_levels.back().entries % 2 == 0;
  }

  void counted() {
    if (!m_levels.empty()) {
      ++m_levels.back().entries;
    }
  }

  // Whether the node starting at byte `offset` follows a `?` (blanks between): in [ ] or { }
  // libyaml reads `{?ame: x}` as the key `ame`, yaml-cpp reports it (found by
  // fuzz/fuzz_yaml_diff). Only the node's own leading blanks are looked at.
  bool after_question_mark(std::size_t offset) const {
    while (offset > 0 && (m_text[offset - 1] == ' ' || m_text[offset - 1] == '\t' ||
                          m_text[offset - 1] == '\n' || m_text[offset - 1] == '\r')) {
      --offset;
    }
    return offset > 0 && m_text[offset - 1] == '?';
  }

  void scalar(const yaml_event_t& e) {
    const auto& s = e.data.scalar;
    properties(s.anchor, s.tag);
    if (m_flow_depth > 0 && after_question_mark(offset_of(e.start_mark))) {
      throw Decline{flow_pair};
    }
    const std::string_view value(reinterpret_cast<const char*>(s.value), s.length);
    const bool plain = s.style == YAML_PLAIN_SCALAR_STYLE;
    // yaml-cpp ends a plain text in [ ] or { } at any `?` (YAML 1.2 and libyaml read `[达标?]`
    // as one text) and reports a syntax error: found by fuzz/fuzz_yaml_diff.
    // Likewise a `:` in a plain text in { } (`{title:>1- …}`, found the same way): yaml-cpp
    // reports the text as holding structure where libyaml reads on.
    if (plain && m_flow_depth > 0 && value.find_first_of("?:") != std::string_view::npos) {
      throw Decline{flow_plain_indicator};
    }
    // And a plain text in { } or [ ] that runs over a line break (`{head\nliu}`): yaml-cpp
    // reports it, libyaml folds it.
    if (plain && m_flow_depth > 0 && e.end_mark.line != e.start_mark.line) {
      throw Decline{flow_plain_break};
    }
    // libyaml reads a `|` or `>` text at the column of its list's `-` (`-\n|\n`) as the entry's
    // value; yaml-cpp reports text after the end of the top level: found by fuzz/fuzz_yaml_diff.
    // Written plans put the indicator after its key or `-`, so declining costs nothing there.
    const bool block = s.style == YAML_LITERAL_SCALAR_STYLE || s.style == YAML_FOLDED_SCALAR_STYLE;
    if (block && !m_levels.empty() && !m_levels.back().flow &&
        static_cast<int>(e.start_mark.column) + 1 <= m_levels.back().column) {
      throw Decline{block_scalar_column};
    }
    // A quoted text ending in blank lines (`'a\n\n\n'`): yaml-cpp keeps one line break of
    // them, libyaml all (found by fuzz/fuzz_yaml_diff). An escaped `\n` at the end is rare.
    const bool quoted =
        s.style == YAML_SINGLE_QUOTED_SCALAR_STYLE || s.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
    if (quoted && value.ends_with('\n')) {
      throw Decline{quoted_trailing_break};
    }
    // yaml-cpp allows a key 1,024 bytes long, libyaml 1,024 characters (found by
    // fuzz/fuzz_yaml_diff): a key longer than 256 characters may be over in bytes.
    if (is_key_position() && e.end_mark.index - e.start_mark.index > 256) {
      throw Decline{long_key};
    }
    if (plain && is_core_null(value)) {
      m_tree.null_value(offset_of(e.start_mark), 0);
    } else {
      m_tree.scalar(mark_of(e.start_mark), offset_of(e.start_mark), value, plain, 0);
    }
    counted();
  }

  void open(NodeKind kind, const yaml_mark_t& mark, bool flow) {
    const util::Mark where = mark_of(mark);
    m_tree.open(kind, where, offset_of(mark), 0, flow);
    counted();
    m_levels.push_back(Level{kind == NodeKind::mapping, flow, where.column});
    m_flow_depth += flow ? 1 : 0;
  }

  void close() {
    if (m_levels.empty()) {
      throw Decline{unexpected_event};
    }
    m_flow_depth -= m_levels.back().flow ? 1 : 0;
    m_levels.pop_back();
    m_tree.close();
  }

  YamlTreeBuilder& m_tree;
  ByteCursor m_cursor;
  std::string_view m_text;
  std::vector<Level> m_levels;
  int m_documents = 0;
  int m_flow_depth = 0; // open containers written in [ ] or { }
};

} // namespace

FastParse parse_yaml_fast_or_decline(std::string_view text, const LineIndex& lines,
                                     const YamlLimits& limits) {
  FastParse out;
  if (has_disputed_break(text)) {
    out.declined = disputed_break;
    return out;
  }
  if (has_blank_unterminated_last_line(text)) {
    out.declined = blank_last_line;
    return out;
  }
  std::unique_ptr<yaml_parser_t, ParserDeleter> parser(new yaml_parser_t);
  if (!yaml_parser_initialize(parser.get())) {
    delete parser.release();
    out.declined = libyaml_error;
    return out;
  }
  yaml_parser_set_input_string(parser.get(), reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  yaml_parser_set_encoding(parser.get(), YAML_UTF8_ENCODING);
  YamlDocument doc;
  YamlTreeBuilder tree(doc, text, lines, limits, nullptr);
  tree.reserve(text.size());
  LibyamlEvents events(tree, text);
  try {
    for (;;) {
      Event event;
      if (!yaml_parser_parse(parser.get(), &event.e)) {
        throw Decline{libyaml_error};
      }
      const bool end = event.e.type == YAML_STREAM_END_EVENT;
      events.event(event.e);
      if (end) {
        break;
      }
    }
    if (doc.node_count() == 0) {
      throw Decline{empty_document}; // an empty file has its own finding
    }
    if (!tree.closed()) {
      throw Decline{unexpected_event};
    }
  } catch (const Decline& d) {
    out.declined = d.reason;
    return out;
  } catch (const FastDeclined& d) {
    out.declined = d.reason;
    return out;
  } catch (const StopParsing&) {
    out.declined = unexpected_event; // a second top-level node, a close without an open
    return out;
  }
  tree.finish();
  out.document = std::move(doc);
  return out;
}

std::optional<YamlDocument> parse_yaml_fast(std::string_view text, const LineIndex& lines,
                                            const YamlLimits& limits) {
  return parse_yaml_fast_or_decline(text, lines, limits).document;
}

} // namespace planctl::load
