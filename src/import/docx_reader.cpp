#include <planctl/import/docx_reader.hpp>
#include <planctl/import/ooxml_package.hpp>
#include <planctl/model/numbering.hpp>
#include <planctl/util/base64.hpp>
#include <planctl/util/utf8.hpp>

#include <expat.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace planctl::import {

namespace {

using ooxml::Name;
using ooxml::to_int;
using ooxml::XmlHandler;

constexpr std::string_view k_w_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view k_w_strict_ns = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr std::string_view k_mc_ns = "http://schemas.openxmlformats.org/markup-compatibility/2006";

bool is_w(const Name& n, std::string_view local) {
  return (n.ns == k_w_ns || n.ns == k_w_strict_ns) && n.local == local;
}

// The value of the attribute w:`local` of an element, empty when absent.
std::string_view w_attr(const XML_Char** atts, std::string_view local) {
  const std::string_view v = ooxml::attr(atts, k_w_ns, local);
  return v.empty() ? ooxml::attr(atts, k_w_strict_ns, local) : v;
}

void parse_xml(const std::string& xml, const std::string& part, XmlHandler& handler) {
  ooxml::parse_xml(xml, part, handler, ooxml::k_docx);
}

// ---- the plan file a .docx planctl wrote carries (customXml/itemN.xml) ----

constexpr std::string_view k_source_ns = "urn:planctl:source:1";

class SourceHandler : public XmlHandler {
public:
  void start(const Name& name, const XML_Char**) override {
    ++m_depth;
    if (m_depth == 1 && name.ns == k_source_ns && name.local == "source") {
      m_found = true;
    }
  }
  void end(const Name&) override { --m_depth; }
  void text(std::string_view t) override {
    if (m_found && m_depth == 1) {
      m_text.append(t);
    }
  }
  // The bytes carried, when the part is planctl's and its base64 is intact.
  std::optional<std::string> source() const {
    return m_found ? util::base64_decode(m_text) : std::nullopt;
  }

private:
  int m_depth = 0;
  bool m_found = false;
  std::string m_text;
};

// ---- numbering.xml and styles.xml ----

struct Level {
  int start = 1;
  std::string format = "decimal";
  std::string text; // lvlText, `%1、`
};

struct AbstractNum {
  std::array<Level, 9> levels;
};

struct Num {
  int abstract = -1;
  std::map<int, int> start_override; // level → start
};

struct Numbering {
  std::map<int, AbstractNum> abstracts;
  std::map<int, Num> nums;
};

class NumberingHandler : public XmlHandler {
public:
  explicit NumberingHandler(Numbering& out) : m_out(out) {}

  void start(const Name& name, const XML_Char** atts) override {
    if (is_w(name, "abstractNum")) {
      m_abstract = to_int(w_attr(atts, "abstractNumId")).value_or(-1);
      m_num = -1;
      if (m_abstract >= 0) {
        m_out.abstracts[m_abstract] = AbstractNum{};
      }
    } else if (is_w(name, "num")) {
      m_num = to_int(w_attr(atts, "numId")).value_or(-1);
      m_abstract = -1;
    } else if (is_w(name, "lvl")) {
      m_level = to_int(w_attr(atts, "ilvl")).value_or(-1);
      if (m_level > 8) {
        m_level = -1;
      }
    } else if (is_w(name, "lvlOverride")) {
      m_level = to_int(w_attr(atts, "ilvl")).value_or(-1);
    } else if (Level* lvl = level(); lvl != nullptr) {
      if (is_w(name, "start")) {
        lvl->start = to_int(w_attr(atts, "val")).value_or(1);
      } else if (is_w(name, "numFmt")) {
        lvl->format = std::string(w_attr(atts, "val"));
      } else if (is_w(name, "lvlText")) {
        lvl->text = std::string(w_attr(atts, "val"));
      }
    } else if (m_num >= 0) {
      if (is_w(name, "abstractNumId")) {
        m_out.nums[m_num].abstract = to_int(w_attr(atts, "val")).value_or(-1);
      } else if (is_w(name, "startOverride") && m_level >= 0 && m_level <= 8) {
        m_out.nums[m_num].start_override[m_level] = to_int(w_attr(atts, "val")).value_or(1);
      }
    }
  }

  void end(const Name& name) override {
    if (is_w(name, "lvl") || is_w(name, "lvlOverride")) {
      m_level = -1;
    } else if (is_w(name, "abstractNum")) {
      m_abstract = -1;
    } else if (is_w(name, "num")) {
      m_num = -1;
    }
  }

private:
  Level* level() {
    if (m_abstract < 0 || m_level < 0) {
      return nullptr;
    }
    return &m_out.abstracts[m_abstract].levels[static_cast<std::size_t>(m_level)];
  }

  Numbering& m_out;
  int m_abstract = -1;
  int m_num = -1;
  int m_level = -1;
};

// A paragraph style's numbering (Word's "Heading 1" with a list attached) and its parent.
struct StyleNumbering {
  std::optional<int> num;
  std::optional<int> level;
  std::string based_on;
};

class StylesHandler : public XmlHandler {
public:
  explicit StylesHandler(std::map<std::string, StyleNumbering>& out) : m_out(out) {}

  void start(const Name& name, const XML_Char** atts) override {
    if (is_w(name, "style")) {
      m_style = w_attr(atts, "type") == "paragraph" || w_attr(atts, "type").empty()
                    ? std::string(w_attr(atts, "styleId"))
                    : std::string();
      if (!m_style.empty()) {
        m_out[m_style] = StyleNumbering{};
      }
    } else if (!m_style.empty()) {
      if (is_w(name, "basedOn")) {
        m_out[m_style].based_on = std::string(w_attr(atts, "val"));
      } else if (is_w(name, "numId")) {
        m_out[m_style].num = to_int(w_attr(atts, "val"));
      } else if (is_w(name, "ilvl")) {
        m_out[m_style].level = to_int(w_attr(atts, "val"));
      }
    }
  }

  void end(const Name& name) override {
    if (is_w(name, "style")) {
      m_style.clear();
    }
  }

private:
  std::map<std::string, StyleNumbering>& m_out;
  std::string m_style;
};

// The counters of Word's lists as the document goes: one set per abstract list, as Word and
// LibreOffice count (two w:num of one w:abstractNum continue each other unless one restarts).
class ListCounter {
public:
  explicit ListCounter(const Numbering& numbering) : m_numbering(numbering) {}

  // The label of the next paragraph of list `num_id` at `level`; empty for a bullet, an
  // unknown list, or numId 0 (numbering switched off).
  std::string next(int num_id, int level) {
    const auto num = m_numbering.nums.find(num_id);
    if (num_id == 0 || num == m_numbering.nums.end() || level < 0 || level > 8) {
      return {};
    }
    const auto abstract = m_numbering.abstracts.find(num->second.abstract);
    if (abstract == m_numbering.abstracts.end()) {
      return {};
    }
    auto& counters = m_counters[num->second.abstract];
    const auto start_of = [&](int l) {
      const auto o = num->second.start_override.find(l);
      return o != num->second.start_override.end()
                 ? o->second
                 : abstract->second.levels[static_cast<std::size_t>(l)].start;
    };
    // A list instance with a start override restarts where it is first used.
    if (m_started.insert(num_id).second && !num->second.start_override.empty()) {
      for (const auto& [l, v] : num->second.start_override) {
        if (l >= 0 && l <= 8) {
          counters[static_cast<std::size_t>(l)].reset();
        }
      }
    }
    auto& counter = counters[static_cast<std::size_t>(level)];
    counter = counter ? *counter + 1 : start_of(level);
    for (std::size_t l = static_cast<std::size_t>(level) + 1; l < counters.size(); ++l) {
      counters[l].reset();
    }
    const Level& lvl = abstract->second.levels[static_cast<std::size_t>(level)];
    if (lvl.format == "bullet") {
      return {};
    }
    std::string label;
    for (std::size_t i = 0; i < lvl.text.size(); ++i) {
      const char c = lvl.text[i];
      if (c == '%' && i + 1 < lvl.text.size() && lvl.text[i + 1] >= '1' && lvl.text[i + 1] <= '9') {
        const auto l = static_cast<std::size_t>(lvl.text[i + 1] - '1');
        const int value = counters[l] ? *counters[l] : start_of(static_cast<int>(l));
        label += word_number(abstract->second.levels[l].format, value);
        ++i;
      } else {
        label += c;
      }
    }
    return label;
  }

private:
  const Numbering& m_numbering;
  std::map<int, std::array<std::optional<int>, 9>> m_counters;
  std::set<int> m_started;
};

// ---- document.xml ----

class DocumentHandler : public XmlHandler {
public:
  DocumentHandler(const std::map<std::string, StyleNumbering>& styles, ListCounter& lists,
                  SourceDocument& out)
      : m_styles(styles), m_lists(lists), m_out(out) {}

  void start(const Name& name, const XML_Char** atts) override {
    if (name.ns == k_mc_ns && name.local == "Fallback") {
      ++m_skip; // the same content as mc:Choice, for older readers
      return;
    }
    if (m_skip > 0) {
      return;
    }
    if (is_w(name, "body")) {
      m_in_body = true;
    } else if (!m_in_body) {
      return;
    } else if (is_w(name, "tbl")) {
      ++m_tables;
    } else if (is_w(name, "tr") && m_tables == 1) {
      m_row.clear();
    } else if (is_w(name, "tc") && m_tables == 1) {
      m_cell.clear();
    } else if (is_w(name, "txbxContent")) {
      ++m_text_boxes;
    } else if (is_w(name, "p")) {
      ++m_p_depth;
      if (m_p_depth == 1) {
        ++m_paragraph_number;
        m_text.clear();
        m_lines.clear();
        m_num.reset();
        m_level.reset();
        m_style.clear();
      }
    } else if (is_w(name, "pStyle") && m_p_depth == 1) {
      m_style = std::string(w_attr(atts, "val"));
    } else if (is_w(name, "numId") && m_p_depth == 1) {
      m_num = to_int(w_attr(atts, "val"));
    } else if (is_w(name, "ilvl") && m_p_depth == 1) {
      m_level = to_int(w_attr(atts, "val"));
    } else if (is_w(name, "t")) {
      m_in_t = true;
    } else if (is_w(name, "tab") && m_in_run) {
      m_text += ' ';
    } else if ((is_w(name, "br") || is_w(name, "cr")) && m_in_run && m_text_boxes == 0) {
      const std::string_view type = w_attr(atts, "type");
      if (type.empty() || type == "textWrapping") {
        m_lines.push_back(std::move(m_text));
        m_text.clear();
      }
    } else if (is_w(name, "noBreakHyphen") && m_in_run) {
      m_text += '-';
    } else if (is_w(name, "r")) {
      m_in_run = true;
    }
  }

  void end(const Name& name) override {
    if (name.ns == k_mc_ns && name.local == "Fallback" && m_skip > 0) {
      --m_skip;
      return;
    }
    if (m_skip > 0 || !m_in_body) {
      return;
    }
    if (is_w(name, "t")) {
      m_in_t = false;
    } else if (is_w(name, "r")) {
      m_in_run = false;
    } else if (is_w(name, "p")) {
      if (m_text_boxes > 0) {
        if (!trim(m_box_text).empty()) {
          m_out.set_aside.push_back({m_paragraph_number, std::string(trim(m_box_text)),
                                     "文本框中的文字", "text in a text box"});
        }
        m_box_text.clear();
      } else if (m_p_depth == 1) {
        finish_paragraph();
      }
      --m_p_depth;
    } else if (is_w(name, "tc") && m_tables == 1) {
      if (!m_row.empty()) {
        m_row += "｜";
      }
      m_row += m_cell;
    } else if (is_w(name, "tr") && m_tables == 1) {
      if (!trim(m_row).empty()) {
        m_out.set_aside.push_back(
            {m_paragraph_number, std::string(trim(m_row)), "表格中的一行", "a row of a table"});
      }
    } else if (is_w(name, "tbl")) {
      --m_tables;
    } else if (is_w(name, "txbxContent")) {
      --m_text_boxes;
    } else if (is_w(name, "body")) {
      m_in_body = false;
    }
  }

  void text(std::string_view t) override {
    if (m_in_t && m_skip == 0 && m_p_depth > 0) {
      (m_text_boxes > 0 ? m_box_text : m_text).append(t);
    }
  }

private:
  static std::string_view trim(std::string_view s) {
    const auto is_space = [&](std::size_t at, std::size_t& len) {
      if (at < s.size() && (s[at] == ' ' || s[at] == '\t')) {
        len = 1;
        return true;
      }
      if (s.substr(at).starts_with("\u3000")) {
        len = 3;
        return true;
      }
      return false;
    };
    std::size_t len = 0;
    while (!s.empty() && is_space(0, len)) {
      s.remove_prefix(len);
    }
    while (!s.empty()) {
      if (s.back() == ' ' || s.back() == '\t') {
        s.remove_suffix(1);
      } else if (s.ends_with("\u3000")) {
        s.remove_suffix(3);
      } else {
        break;
      }
    }
    return s;
  }

  // The list of a paragraph: its own numPr, else its style's (following basedOn).
  std::pair<int, int> numbering_of() const {
    std::optional<int> num = m_num;
    std::optional<int> level = m_level;
    std::string style = m_style;
    for (int hops = 0; hops < 16 && !style.empty() && (!num || !level); ++hops) {
      const auto it = m_styles.find(style);
      if (it == m_styles.end()) {
        break;
      }
      if (!num && it->second.num) {
        num = it->second.num;
      }
      if (!level && it->second.level) {
        level = it->second.level;
      }
      style = it->second.based_on;
    }
    return {num.value_or(0), level.value_or(0)};
  }

  void finish_paragraph() {
    m_lines.push_back(std::move(m_text));
    m_text.clear();
    std::string all;
    for (const std::string& l : m_lines) {
      all += l;
    }
    if (m_tables > 0) {
      if (!m_cell.empty() && !trim(all).empty()) {
        m_cell += ' ';
      }
      m_cell += trim(all);
      return;
    }
    if (trim(all).empty()) {
      return; // an empty paragraph: Word's blank line, numbered or not
    }
    const auto [num, level] = numbering_of();
    std::string label = num != 0 ? m_lists.next(num, level) : std::string();
    bool first = true;
    for (const std::string& l : m_lines) {
      const std::string_view text = trim(l);
      if (text.empty()) {
        continue;
      }
      SourceLine line;
      line.text = std::string(text);
      line.line = m_paragraph_number;
      if (first) {
        line.auto_label = std::string(trim(label));
        first = false;
      }
      m_out.lines.push_back(std::move(line));
    }
  }

  const std::map<std::string, StyleNumbering>& m_styles;
  ListCounter& m_lists;
  SourceDocument& m_out;
  bool m_in_body = false;
  bool m_in_t = false;
  bool m_in_run = false;
  int m_skip = 0;
  int m_tables = 0;
  int m_text_boxes = 0;
  int m_p_depth = 0;
  int m_paragraph_number = 0;
  std::string m_text;
  std::string m_box_text; // a paragraph of a text box, set aside whole
  std::vector<std::string> m_lines;
  std::optional<int> m_num;
  std::optional<int> m_level;
  std::string m_style;
  std::string m_row;
  std::string m_cell;
};

std::string cycle(const char* const* items, std::size_t count, int value) {
  return items[static_cast<std::size_t>(value - 1) % count];
}

std::string letters(int value, char first) {
  std::string out;
  // Word repeats the letter: a … z, aa … zz, aaa …
  const int repeat = (value - 1) / 26 + 1;
  out.assign(static_cast<std::size_t>(std::min(repeat, 100)),
             static_cast<char>(first + (value - 1) % 26));
  return out;
}

std::string roman(int value, bool upper) {
  static const std::array<std::pair<int, const char*>, 13> k_parts{{{1000, "m"},
                                                                    {900, "cm"},
                                                                    {500, "d"},
                                                                    {400, "cd"},
                                                                    {100, "c"},
                                                                    {90, "xc"},
                                                                    {50, "l"},
                                                                    {40, "xl"},
                                                                    {10, "x"},
                                                                    {9, "ix"},
                                                                    {5, "v"},
                                                                    {4, "iv"},
                                                                    {1, "i"}}};
  std::string out;
  for (const auto& [n, s] : k_parts) {
    while (value >= n && out.size() < 64) {
      out += s;
      value -= n;
    }
  }
  if (upper) {
    for (char& c : out) {
      c = static_cast<char>(c - 'a' + 'A');
    }
  }
  return out;
}

} // namespace

std::string word_number(std::string_view num_fmt, int value) {
  static const char* const k_heavenly[] = {"甲", "乙", "丙", "丁", "戊",
                                           "己", "庚", "辛", "壬", "癸"};
  static const char* const k_zodiac[] = {"子", "丑", "寅", "卯", "辰", "巳",
                                         "午", "未", "申", "酉", "戌", "亥"};
  static const char* const k_legal[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
  if (value < 0) {
    value = 0;
  }
  if (num_fmt == "bullet" || num_fmt == "none") {
    return {};
  }
  if (num_fmt == "chineseCounting" || num_fmt == "chineseCountingThousand" ||
      num_fmt == "japaneseCounting" || num_fmt == "ideographDigital" ||
      num_fmt == "taiwaneseCounting" || num_fmt == "taiwaneseCountingThousand") {
    return value >= 1 ? model::chinese_numeral(value) : std::string("〇");
  }
  if (num_fmt == "chineseLegalSimplified" && value >= 0 && value <= 9) {
    return k_legal[value];
  }
  if (num_fmt == "ideographTraditional" && value >= 1) {
    return cycle(k_heavenly, 10, value);
  }
  if (num_fmt == "ideographZodiac" && value >= 1) {
    return cycle(k_zodiac, 12, value);
  }
  if (num_fmt == "decimalEnclosedCircle" || num_fmt == "decimalEnclosedCircleChinese") {
    if (value >= 1 && value <= 20) {
      std::string out;
      util::append_utf8(out, static_cast<char32_t>(0x2460 + value - 1));
      return out;
    }
    return std::to_string(value);
  }
  if (num_fmt == "decimalEnclosedParen") {
    return "（" + std::to_string(value) + "）";
  }
  if (num_fmt == "decimalEnclosedFullstop") {
    return std::to_string(value) + ".";
  }
  if (num_fmt == "decimalFullWidth" || num_fmt == "decimalFullWidth2") {
    std::string out;
    for (const char c : std::to_string(value)) {
      util::append_utf8(out, static_cast<char32_t>(0xFF10 + (c - '0')));
    }
    return out;
  }
  if (num_fmt == "decimalZero") {
    return value < 10 ? "0" + std::to_string(value) : std::to_string(value);
  }
  if (num_fmt == "upperLetter" && value >= 1) {
    return letters(value, 'A');
  }
  if (num_fmt == "lowerLetter" && value >= 1) {
    return letters(value, 'a');
  }
  if (num_fmt == "upperRoman" && value >= 1) {
    return roman(value, true);
  }
  if (num_fmt == "lowerRoman" && value >= 1) {
    return roman(value, false);
  }
  return std::to_string(value);
}

SourceDocument read_docx(std::string_view bytes) {
  if (bytes.size() > k_max_source_bytes) {
    throw ImportError("the document is larger than 32 MiB; a plan's document is far smaller");
  }
  if (!bytes.starts_with("PK")) {
    if (bytes.starts_with("\xD0\xCF\x11\xE0")) {
      throw ImportError("the file is an old Word document (.doc) named .docx; open it in Word "
                        "or WPS, save it as .docx (Word 文档), and import that");
    }
    throw ImportError("the file is not a .docx (not a zip package); open it in Word or WPS and "
                      "save it as .docx (Word 文档)");
  }
  ooxml::ZipPackage zip(bytes, ooxml::k_docx, k_max_docx_part_bytes);
  const std::optional<std::string> document = zip.read("word/document.xml");
  if (!document) {
    throw ImportError("the file is a zip package without word/document.xml, so not a Word "
                      "document; open it in Word or WPS and save it as .docx");
  }
  Numbering numbering;
  if (const std::optional<std::string> xml = zip.read("word/numbering.xml")) {
    NumberingHandler handler(numbering);
    parse_xml(*xml, "word/numbering.xml", handler);
  }
  std::map<std::string, StyleNumbering> styles;
  if (const std::optional<std::string> xml = zip.read("word/styles.xml")) {
    StylesHandler handler(styles);
    parse_xml(*xml, "word/styles.xml", handler);
  }
  SourceDocument out;
  ListCounter lists(numbering);
  DocumentHandler handler(styles, lists, out);
  parse_xml(*document, "word/document.xml", handler);
  // Word may renumber custom XML parts when it saves, so every customXml/itemN.xml is looked at
  // (a handful at most; a damaged one is simply not the source).
  for (const std::string& name : zip.names(4096)) {
    if (!name.starts_with("customXml/item") || name.starts_with("customXml/itemProps") ||
        !name.ends_with(".xml")) {
      continue;
    }
    try {
      if (const std::optional<std::string> xml = zip.read(name)) {
        SourceHandler source;
        parse_xml(*xml, name, source);
        if ((out.embedded_source = source.source())) {
          break;
        }
      }
    } catch (const ImportError&) {
      // Not planctl's part, or damaged: the document's text is still imported.
    }
  }
  return out;
}

} // namespace planctl::import
