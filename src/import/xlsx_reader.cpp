#include <planctl/import/ooxml_package.hpp>
#include <planctl/import/source_document.hpp>
#include <planctl/import/xlsx_reader.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <string>
#include <vector>

namespace planctl::import {

namespace {

using ooxml::Name;
using ooxml::XmlHandler;

constexpr std::string_view k_s_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr std::string_view k_s_strict_ns = "http://purl.oclc.org/ooxml/spreadsheetml/main";
constexpr std::string_view k_r_ns =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr std::string_view k_r_strict_ns =
    "http://purl.oclc.org/ooxml/officeDocument/relationships";
constexpr std::string_view k_rel_ns =
    "http://schemas.openxmlformats.org/package/2006/relationships";

bool is_s(const Name& n, std::string_view local) {
  return (n.ns == k_s_ns || n.ns == k_s_strict_ns) && n.local == local;
}

// An attribute without a namespace (SpreadsheetML's own attributes have none).
std::string_view plain_attr(const XML_Char** atts, std::string_view local) {
  return ooxml::attr(atts, {}, local);
}

void parse_xml(const std::string& xml, const std::string& part, XmlHandler& handler) {
  ooxml::parse_xml(xml, part, handler, ooxml::k_xlsx);
}

// ---- xl/workbook.xml and its relationships ----

struct SheetRef {
  std::string name;
  std::string rel_id;
};

class WorkbookHandler : public XmlHandler {
public:
  explicit WorkbookHandler(std::vector<SheetRef>& sheets, bool& date1904)
      : m_sheets(sheets), m_date1904(date1904) {}
  void start(const Name& name, const XML_Char** atts) override {
    if (is_s(name, "sheet") && m_sheets.size() < k_max_xlsx_sheets) {
      std::string_view id = ooxml::attr(atts, k_r_ns, "id");
      if (id.empty()) {
        id = ooxml::attr(atts, k_r_strict_ns, "id");
      }
      m_sheets.push_back({std::string(plain_attr(atts, "name")), std::string(id)});
    } else if (is_s(name, "workbookPr")) {
      const std::string_view v = plain_attr(atts, "date1904");
      m_date1904 = v == "1" || v == "true";
    }
  }
  void end(const Name&) override {}

private:
  std::vector<SheetRef>& m_sheets;
  bool& m_date1904;
};

class RelsHandler : public XmlHandler {
public:
  explicit RelsHandler(std::map<std::string, std::string>& targets) : m_targets(targets) {}
  void start(const Name& name, const XML_Char** atts) override {
    if (name.ns == k_rel_ns && name.local == "Relationship") {
      m_targets.emplace(std::string(plain_attr(atts, "Id")),
                        std::string(plain_attr(atts, "Target")));
    }
  }
  void end(const Name&) override {}

private:
  std::map<std::string, std::string>& m_targets;
};

// The part a relationship of xl/workbook.xml points at: relative to xl/, or absolute.
std::string part_of(std::string_view target) {
  if (target.starts_with('/')) {
    return std::string(target.substr(1));
  }
  std::string out = "xl/";
  while (target.starts_with("../")) {
    target.remove_prefix(3);
    out.clear();
  }
  return out + std::string(target);
}

// ---- xl/sharedStrings.xml ----

class SharedStringsHandler : public XmlHandler {
public:
  explicit SharedStringsHandler(std::vector<std::string>& out) : m_out(out) {}
  void start(const Name& name, const XML_Char**) override {
    if (is_s(name, "si")) {
      m_in_si = true;
      m_text.clear();
    } else if (is_s(name, "rPh")) {
      ++m_phonetic; // the reading of East Asian text, not the text
    } else if (is_s(name, "t") && m_in_si && m_phonetic == 0) {
      m_in_t = true;
    }
  }
  void end(const Name& name) override {
    if (is_s(name, "si")) {
      m_in_si = false;
      m_out.push_back(std::move(m_text));
      m_text.clear();
    } else if (is_s(name, "rPh")) {
      --m_phonetic;
    } else if (is_s(name, "t")) {
      m_in_t = false;
    }
  }
  void text(std::string_view t) override {
    if (m_in_t) {
      m_text.append(t);
    }
  }

private:
  std::vector<std::string>& m_out;
  std::string m_text;
  bool m_in_si = false;
  bool m_in_t = false;
  int m_phonetic = 0;
};

// ---- xl/styles.xml: which cell formats show dates ----

class StylesHandler : public XmlHandler {
public:
  explicit StylesHandler(std::vector<bool>& date_styles) : m_date_styles(date_styles) {}
  void start(const Name& name, const XML_Char** atts) override {
    if (is_s(name, "numFmt")) {
      if (const std::optional<int> id = ooxml::to_int(plain_attr(atts, "numFmtId"))) {
        m_codes[*id] = std::string(plain_attr(atts, "formatCode"));
      }
    } else if (is_s(name, "cellXfs")) {
      m_in_xfs = true;
    } else if (is_s(name, "xf") && m_in_xfs && m_date_styles.size() < 65536) {
      const int id = ooxml::to_int(plain_attr(atts, "numFmtId")).value_or(0);
      const auto code = m_codes.find(id);
      m_date_styles.push_back(
          is_date_format(id, code == m_codes.end() ? std::string_view() : code->second));
    }
  }
  void end(const Name& name) override {
    if (is_s(name, "cellXfs")) {
      m_in_xfs = false;
    }
  }

private:
  std::vector<bool>& m_date_styles;
  std::map<int, std::string> m_codes;
  bool m_in_xfs = false;
};

// ---- a worksheet ----

// `C14` → {14, 3}; std::nullopt when it is not a cell reference within Excel's grid.
std::optional<std::pair<int, int>> parse_ref(std::string_view ref) {
  int column = 0;
  std::size_t i = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3) {
    column = column * 26 + (ref[i] - 'A' + 1);
    ++i;
  }
  const std::optional<int> row = ooxml::to_int(ref.substr(i));
  if (column == 0 || column > 16384 || !row || *row < 1 || *row > 1048576) {
    return std::nullopt;
  }
  return std::pair{*row, column};
}

std::optional<double> parse_number(std::string_view text) {
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

class SheetHandler : public XmlHandler {
public:
  SheetHandler(const std::vector<std::string>& strings, const std::vector<bool>& date_styles,
               std::size_t& total, Sheet& out)
      : m_strings(strings), m_date_styles(date_styles), m_total(total), m_out(out) {}

  void start(const Name& name, const XML_Char** atts) override {
    if (is_s(name, "row")) {
      const std::optional<int> r = ooxml::to_int(plain_attr(atts, "r"));
      m_row = r && *r >= 1 ? *r : m_row + 1;
      m_column = 0;
    } else if (is_s(name, "c")) {
      m_in_c = true;
      m_value.clear();
      m_has_value = false;
      m_type = std::string(plain_attr(atts, "t"));
      const std::optional<int> style = ooxml::to_int(plain_attr(atts, "s"));
      m_date_style = style && static_cast<std::size_t>(*style) < m_date_styles.size() &&
                     m_date_styles[static_cast<std::size_t>(*style)];
      if (const auto ref = parse_ref(plain_attr(atts, "r"))) {
        m_row = ref->first;
        m_column = ref->second;
      } else {
        ++m_column;
      }
    } else if (m_in_c && (is_s(name, "v") || (is_s(name, "t") && m_phonetic == 0))) {
      m_in_value = true;
      m_has_value = true;
    } else if (m_in_c && is_s(name, "rPh")) {
      ++m_phonetic;
    }
  }

  void end(const Name& name) override {
    if (is_s(name, "v") || is_s(name, "t")) {
      m_in_value = false;
    } else if (is_s(name, "rPh")) {
      --m_phonetic;
    } else if (is_s(name, "c")) {
      m_in_c = false;
      finish_cell();
    }
  }

  void text(std::string_view t) override {
    if (m_in_value) {
      m_value.append(t);
    }
  }

private:
  void finish_cell() {
    if (!m_has_value) {
      return;
    }
    Cell cell;
    cell.row = m_row;
    cell.column = m_column;
    if (m_type == "s") {
      const std::optional<int> index = ooxml::to_int(m_value);
      if (!index || static_cast<std::size_t>(*index) >= m_strings.size()) {
        return; // a shared string that is not there: nothing to read
      }
      cell.text = m_strings[static_cast<std::size_t>(*index)];
    } else if (m_type == "inlineStr" || m_type == "str") {
      cell.text = m_value;
    } else if (m_type == "b") {
      cell.kind = CellKind::boolean;
      cell.number = m_value == "1" ? 1 : 0;
      cell.text = m_value == "1" ? "TRUE" : "FALSE";
    } else if (m_type == "e") {
      cell.kind = CellKind::error;
      cell.text = m_value;
    } else if (m_type == "d") {
      // An ISO 8601 date (Strict workbooks): the day is what counts.
      const std::optional<util::Date> d = util::parse_date(std::string_view(m_value).substr(0, 10));
      if (!d) {
        cell.text = m_value;
      } else {
        cell.kind = CellKind::date;
        cell.text = m_value;
        cell.number =
            static_cast<double>(util::days_from_civil(*d) - util::days_from_civil({1899, 12, 30}));
      }
    } else {
      const std::optional<double> number = parse_number(m_value);
      if (!number) {
        cell.text = m_value; // not a number after all: read it as text
      } else {
        cell.kind = m_date_style ? CellKind::date : CellKind::number;
        cell.number = *number;
        cell.text = m_value;
      }
    }
    if (++m_total > k_max_xlsx_cells) {
      throw ImportError("the workbook has more than " + std::to_string(k_max_xlsx_cells) +
                        " cells; a ledger is far smaller, so this is not a workbook planctl can "
                        "import");
    }
    m_out.cells.push_back(std::move(cell));
  }

  const std::vector<std::string>& m_strings;
  const std::vector<bool>& m_date_styles;
  std::size_t& m_total;
  Sheet& m_out;
  int m_row = 0;
  int m_column = 0;
  bool m_in_c = false;
  bool m_in_value = false;
  bool m_has_value = false;
  bool m_date_style = false;
  int m_phonetic = 0;
  std::string m_type;
  std::string m_value;
};

} // namespace

std::string cell_address(int row, int column) {
  std::string letters;
  for (int c = column; c > 0; c = (c - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  }
  return letters + std::to_string(row);
}

std::optional<util::Date> date_of_serial(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial >= 2958466) {
    return std::nullopt;
  }
  const long day = static_cast<long>(std::floor(serial));
  if (date1904) {
    return util::civil_from_days(util::days_from_civil({1904, 1, 1}) + day);
  }
  if (day < 1 || day == 60) {
    return std::nullopt; // 1900-01-00, and 1900-02-29 that Excel counts but never was
  }
  // Excel counts 1900-02-29 (Lotus 1-2-3's bug), so serials from 61 on are a day further on.
  const long base =
      day < 60 ? util::days_from_civil({1899, 12, 31}) : util::days_from_civil({1899, 12, 30});
  const util::Date d = util::civil_from_days(base + day);
  if (d.year > 9999) {
    return std::nullopt;
  }
  return d;
}

bool is_date_format(int id, std::string_view code) {
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
      (id >= 50 && id <= 58)) {
    return true;
  }
  if (id < 164 || code.empty()) {
    return false;
  }
  // Only the first section (positive numbers) says what the cell shows.
  bool quoted = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (quoted) {
      quoted = c != '"';
      continue;
    }
    switch (c) {
    case '"':
      quoted = true;
      break;
    case '\\':
    case '_':
    case '*':
      ++i; // the next character is shown as it is (or is padding)
      break;
    case '[': {
      const std::size_t close = code.find(']', i);
      if (close == std::string_view::npos) {
        return false;
      }
      const std::string_view inner = code.substr(i + 1, close - i - 1);
      // [h] [mm] [ss]: elapsed time; [$-804], [Red], [>100]: not a date part
      if (!inner.empty() && (inner[0] == 'h' || inner[0] == 'H' || inner[0] == 'm' ||
                             inner[0] == 'M' || inner[0] == 's' || inner[0] == 'S')) {
        return true;
      }
      i = close;
      break;
    }
    case ';':
      return false;
    case 'y':
    case 'Y':
    case 'm':
    case 'M':
    case 'd':
    case 'D':
    case 'h':
    case 'H':
    case 's':
    case 'S':
      return true;
    default:
      break;
    }
  }
  return false;
}

Workbook read_xlsx(std::string_view bytes) {
  if (bytes.size() > k_max_source_bytes) {
    throw ImportError("the workbook is larger than 32 MiB; a ledger is far smaller");
  }
  if (!bytes.starts_with("PK")) {
    if (bytes.starts_with("\xD0\xCF\x11\xE0")) {
      throw ImportError("the file is an old Excel workbook (.xls) named .xlsx; open it in Excel "
                        "or WPS, save it as .xlsx (Excel 工作簿), and import that");
    }
    throw ImportError(std::string(ooxml::k_xlsx.not_zip));
  }
  ooxml::ZipPackage zip(bytes, ooxml::k_xlsx, k_max_xlsx_part_bytes);
  const std::optional<std::string> workbook_xml = zip.read("xl/workbook.xml");
  if (!workbook_xml) {
    throw ImportError("the file is a zip package without xl/workbook.xml, so not an Excel "
                      "workbook; open it in Excel or WPS and save it as .xlsx");
  }
  Workbook out;
  std::vector<SheetRef> refs;
  {
    WorkbookHandler handler(refs, out.date1904);
    parse_xml(*workbook_xml, "xl/workbook.xml", handler);
  }
  std::map<std::string, std::string> targets;
  if (const std::optional<std::string> xml = zip.read("xl/_rels/workbook.xml.rels")) {
    RelsHandler handler(targets);
    parse_xml(*xml, "xl/_rels/workbook.xml.rels", handler);
  }
  std::vector<std::string> strings;
  if (const std::optional<std::string> xml = zip.read("xl/sharedStrings.xml")) {
    SharedStringsHandler handler(strings);
    parse_xml(*xml, "xl/sharedStrings.xml", handler);
  }
  std::vector<bool> date_styles;
  if (const std::optional<std::string> xml = zip.read("xl/styles.xml")) {
    StylesHandler handler(date_styles);
    parse_xml(*xml, "xl/styles.xml", handler);
  }
  std::size_t total = 0;
  for (const SheetRef& ref : refs) {
    const auto target = targets.find(ref.rel_id);
    if (target == targets.end()) {
      continue; // a sheet without its part (a chart sheet's relationship is elsewhere)
    }
    const std::string part = part_of(target->second);
    const std::optional<std::string> xml = zip.read(part);
    if (!xml) {
      continue;
    }
    Sheet sheet;
    sheet.name = ref.name;
    SheetHandler handler(strings, date_styles, total, sheet);
    parse_xml(*xml, part, handler);
    std::stable_sort(sheet.cells.begin(), sheet.cells.end(), [](const Cell& a, const Cell& b) {
      return a.row != b.row ? a.row < b.row : a.column < b.column;
    });
    out.sheets.push_back(std::move(sheet));
  }
  return out;
}

} // namespace planctl::import
