#include <planctl/load/yaml_fast.hpp>

#include <yaml.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <unordered_set>

namespace planctl::load {

namespace {

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

// Thrown inside the builder to give the file back to yaml-cpp.
struct Decline {};

} // namespace

// Builds a YamlDocument from libyaml events exactly as YamlTreeBuilder does from yaml-cpp's,
// for documents in which YamlTreeBuilder would report nothing.
class FastYamlBuilder {
public:
  FastYamlBuilder(YamlDocument& doc, std::string_view text, const LineIndex& lines,
                  const YamlLimits& limits)
      : m_doc(doc), m_text(text), m_lines(lines), m_limits(limits), m_cursor(text) {}

  void event(const yaml_event_t& e) {
    switch (e.type) {
    case YAML_STREAM_START_EVENT:
    case YAML_STREAM_END_EVENT:
    case YAML_DOCUMENT_END_EVENT:
      return;
    case YAML_DOCUMENT_START_EVENT:
      if (++m_documents > 1 || e.data.document_start.version_directive ||
          e.data.document_start.tag_directives.start != e.data.document_start.tag_directives.end) {
        throw Decline{};
      }
      return;
    case YAML_ALIAS_EVENT:
      throw Decline{};
    case YAML_SCALAR_EVENT:
      scalar(e);
      return;
    case YAML_SEQUENCE_START_EVENT:
      if (e.data.sequence_start.anchor || e.data.sequence_start.tag) {
        throw Decline{};
      }
      open_container(NodeKind::sequence, e.start_mark,
                     e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE);
      return;
    case YAML_MAPPING_START_EVENT:
      if (e.data.mapping_start.anchor || e.data.mapping_start.tag) {
        throw Decline{};
      }
      open_container(NodeKind::mapping, e.start_mark,
                     e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE);
      return;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
      close_container();
      return;
    case YAML_NO_EVENT:
      break;
    }
    throw Decline{};
  }

  // Room for a document of `bytes` bytes: plan files hold about one node per 25 bytes and
  // half their bytes in texts, so the vectors rarely grow (each growth copies all nodes).
  // The texts get room for all of the file: pages never written are never resident, while
  // growing past the reserve held both copies at once.
  void reserve(std::size_t bytes) {
    m_doc.m_nodes.reserve(bytes / 24 + 16);
    m_doc.m_children.reserve(bytes / 24 + 16);
    m_doc.m_strings.reserve(bytes + 16);
  }

  void finish() {
    if (m_doc.m_nodes.empty() || !m_stack.empty()) {
      throw Decline{}; // an empty file has its own finding
    }
    m_doc.m_written_size = m_text.size(); // no aliases: the file as it is
  }

private:
  struct Frame {
    NodeId node;
    std::size_t pending_start;
    bool is_map;
    bool flow; // written in [ ] or { }
  };

  std::uint32_t offset_of(const yaml_mark_t& mark) {
    return static_cast<std::uint32_t>(m_cursor.byte_of(mark.index));
  }

  // libyaml counts lines and characters from 0; with LF and CRLF the only line breaks (see
  // has_disputed_break) its position is LineIndex's, without LineIndex's search.
  static util::Mark mark_of(const yaml_mark_t& mark) {
    return util::Mark{static_cast<int>(mark.line) + 1, static_cast<int>(mark.column) + 1};
  }

  bool is_value_position() const {
    return !m_stack.empty() && m_stack.back().is_map &&
           (m_pending.size() - m_stack.back().pending_start) % 2 == 1;
  }

  bool is_key_position() const {
    return !m_stack.empty() && m_stack.back().is_map &&
           (m_pending.size() - m_stack.back().pending_start) % 2 == 0;
  }

  NodeId add_node(NodeKind kind, util::Mark mark, std::uint32_t offset) {
    if (m_stack.empty() && !m_doc.m_nodes.empty()) {
      throw Decline{};
    }
    if (m_doc.m_nodes.size() >= m_limits.max_nodes) {
      throw Decline{}; // the yaml-cpp path reports limit-nodes at this node
    }
    YamlNode n;
    n.kind = kind;
    n.mark = mark;
    n.offset = offset;
    m_doc.m_nodes.push_back(n);
    return static_cast<NodeId>(m_doc.m_nodes.size() - 1);
  }

  void add_leaf(NodeId id) {
    if (!m_stack.empty()) {
      m_pending.push_back(id);
    }
  }

  // The same choice of position as YamlTreeBuilder::OnNull: an empty value sits at its key (or
  // at the `-` of its list entry), a written `null` or `~` where it is written.
  void null_node(const yaml_mark_t& mark) {
    if (is_key_position()) {
      throw Decline{}; // an empty key has its own finding
    }
    std::uint32_t offset = offset_of(mark);
    util::Mark where = m_lines.mark_at(offset);
    if (!explicit_null_at(offset)) {
      if (!m_stack.empty() && m_stack.back().is_map) {
        const YamlNode& key = m_doc.m_nodes[m_pending.back()];
        where = key.mark;
        offset = key.offset;
      } else if (!m_stack.empty()) {
        offset = indicator_before(offset);
        where = m_lines.mark_at(offset);
      }
    }
    add_leaf(add_node(NodeKind::null, where, offset));
  }

  bool explicit_null_at(std::size_t offset) const {
    return starts_with_written_null(m_text.substr(std::min(offset, m_text.size())));
  }

  // As YamlTreeBuilder::indicator_before: the last character before `offset` that is neither
  // white space nor part of a comment.
  std::uint32_t indicator_before(std::uint32_t offset) const {
    const util::Mark here = m_lines.mark_at(offset);
    int line = here.line;
    std::size_t end = offset - m_lines.line_start(line);
    for (int guard = 0; line >= 1 && guard < 1000; ++guard) {
      std::string_view s = m_lines.line_text(line).substr(0, end);
      if (const std::size_t hash = s.find(" #"); hash != std::string_view::npos) {
        s = s.substr(0, hash);
      }
      if (!s.empty() && s.front() == '#') {
        s = {};
      }
      const std::size_t last = s.find_last_not_of(" \t");
      if (last != std::string_view::npos) {
        return static_cast<std::uint32_t>(m_lines.line_start(line) + last);
      }
      --line;
      end = std::string_view::npos;
    }
    return offset;
  }

  void scalar(const yaml_event_t& e) {
    const auto& s = e.data.scalar;
    if (s.anchor || s.tag) {
      throw Decline{};
    }
    const std::string_view value(reinterpret_cast<const char*>(s.value), s.length);
    const bool plain = s.style == YAML_PLAIN_SCALAR_STYLE;
    // yaml-cpp ends a plain text in [ ] or { } at any `?` (YAML 1.2 and libyaml read `[达标?]`
    // as one text) and reports a syntax error: found by fuzz/fuzz_yaml_diff.
    // Likewise a `:` in a plain text in { } (`{title:>1- …}`, found the same way): yaml-cpp
    // reports the text as holding structure where libyaml reads on.
    // And a plain text in { } or [ ] that runs over a line break (`{head\nliu}`): yaml-cpp
    // reports it, libyaml folds it.
    if (plain && m_flow_depth > 0 &&
        (value.find_first_of("?:") != std::string_view::npos ||
         e.end_mark.line != e.start_mark.line)) {
      throw Decline{};
    }
    // libyaml reads a `|` or `>` text at the column of its list's `-` (`-\n|\n`) as the entry's
    // value; yaml-cpp reports text after the end of the top level: found by fuzz/fuzz_yaml_diff.
    // Written plans put the indicator after its key or `-`, so declining costs nothing there.
    const bool block = s.style == YAML_LITERAL_SCALAR_STYLE || s.style == YAML_FOLDED_SCALAR_STYLE;
    if (block && !m_stack.empty() && !m_stack.back().flow &&
        static_cast<int>(e.start_mark.column) + 1 <=
            m_doc.m_nodes[m_stack.back().node].mark.column) {
      throw Decline{};
    }
    // A quoted text ending in blank lines (`'a\n\n\n'`): yaml-cpp keeps one line break of
    // them, libyaml all (found by fuzz/fuzz_yaml_diff). An escaped `\n` at the end is rare.
    const bool quoted =
        s.style == YAML_SINGLE_QUOTED_SCALAR_STYLE || s.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
    if (quoted && value.ends_with('\n')) {
      throw Decline{};
    }
    if (plain && is_core_null(value)) {
      null_node(e.start_mark);
      return;
    }
    // A text that may be past its limit, or that holds a control character written as an
    // escape, has a finding: yaml-cpp's path reports it.
    if (value.size() > m_limits.max_text) {
      throw Decline{};
    }
    for (const char ch : value) {
      const auto c = static_cast<unsigned char>(ch);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        throw Decline{};
      }
    }
    // yaml-cpp allows a key 1,024 bytes long, libyaml 1,024 characters (found by
    // fuzz/fuzz_yaml_diff): a key longer than 256 characters may be over in bytes.
    if (is_key_position() && e.end_mark.index - e.start_mark.index > 256) {
      throw Decline{};
    }
    if (is_key_position() && plain && value == "<<") {
      throw Decline{};
    }
    const std::uint32_t offset = offset_of(e.start_mark);
    const NodeId id = add_node(NodeKind::scalar, mark_of(e.start_mark), offset);
    YamlNode& n = m_doc.m_nodes[id];
    n.plain = plain;
    n.first = static_cast<std::uint32_t>(m_doc.m_strings.size());
    n.size = static_cast<std::uint32_t>(value.size());
    m_doc.m_strings.append(value);
    add_leaf(id);
  }

  void open_container(NodeKind kind, const yaml_mark_t& mark, bool flow) {
    if (is_key_position() || static_cast<int>(m_stack.size()) >= m_limits.max_depth) {
      throw Decline{};
    }
    const std::uint32_t offset = offset_of(mark);
    const NodeId id = add_node(kind, mark_of(mark), offset);
    if (!m_stack.empty()) {
      m_pending.push_back(id);
    }
    m_stack.push_back(Frame{id, m_pending.size(), kind == NodeKind::mapping, flow});
    m_flow_depth += flow ? 1 : 0;
  }

  void close_container() {
    if (m_stack.empty()) {
      throw Decline{};
    }
    const Frame frame = m_stack.back();
    m_stack.pop_back();
    m_flow_depth -= frame.flow ? 1 : 0;
    const auto first = static_cast<std::uint32_t>(m_doc.m_children.size());
    if (frame.is_map) {
      append_map_entries(frame.pending_start);
    } else {
      m_doc.m_children.insert(m_doc.m_children.end(), m_pending.begin() + frame.pending_start,
                              m_pending.end());
    }
    YamlNode& n = m_doc.m_nodes[frame.node];
    n.first = first;
    n.size = static_cast<std::uint32_t>(m_doc.m_children.size() - first);
    m_pending.resize(frame.pending_start);
  }

  // Keys are scalars here (containers and nulls as keys were declined); a repeated key has a
  // finding.
  void append_map_entries(std::size_t start) {
    const std::size_t pairs = (m_pending.size() - start) / 2;
    if ((m_pending.size() - start) % 2 != 0) {
      throw Decline{};
    }
    if (pairs > 8) {
      m_seen.clear();
      m_seen.reserve(pairs);
    }
    const std::size_t first_out = m_doc.m_children.size();
    for (std::size_t i = start; i + 1 < m_pending.size(); i += 2) {
      const NodeId key = m_pending[i];
      if (m_doc.m_nodes[key].kind != NodeKind::scalar) {
        throw Decline{};
      }
      const std::string_view text = m_doc.scalar(key);
      if (pairs > 8) {
        if (!m_seen.insert(text).second) {
          throw Decline{};
        }
      } else {
        for (std::size_t j = first_out; j < m_doc.m_children.size(); j += 2) {
          if (m_doc.scalar(m_doc.m_children[j]) == text) {
            throw Decline{};
          }
        }
      }
      m_doc.m_children.push_back(key);
      m_doc.m_children.push_back(m_pending[i + 1]);
    }
  }

  YamlDocument& m_doc;
  std::string_view m_text;
  const LineIndex& m_lines;
  const YamlLimits& m_limits;
  ByteCursor m_cursor;
  std::vector<Frame> m_stack;
  std::vector<NodeId> m_pending;
  std::unordered_set<std::string_view> m_seen;
  int m_documents = 0;
  int m_flow_depth = 0; // open containers written in [ ] or { }
};

std::optional<YamlDocument> parse_yaml_fast(std::string_view text, const LineIndex& lines,
                                            const YamlLimits& limits) {
  if (has_disputed_break(text) || has_blank_unterminated_last_line(text)) {
    return std::nullopt;
  }
  std::unique_ptr<yaml_parser_t, ParserDeleter> parser(new yaml_parser_t);
  if (!yaml_parser_initialize(parser.get())) {
    delete parser.release();
    return std::nullopt;
  }
  yaml_parser_set_input_string(parser.get(), reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  yaml_parser_set_encoding(parser.get(), YAML_UTF8_ENCODING);
  YamlDocument doc;
  FastYamlBuilder builder(doc, text, lines, limits);
  builder.reserve(text.size());
  try {
    for (;;) {
      Event event;
      if (!yaml_parser_parse(parser.get(), &event.e)) {
        return std::nullopt;
      }
      const bool end = event.e.type == YAML_STREAM_END_EVENT;
      builder.event(event.e);
      if (end) {
        break;
      }
    }
    builder.finish();
  } catch (const Decline&) {
    return std::nullopt;
  }
  return doc;
}

} // namespace planctl::load
