#include <planctl/import/date_parser.hpp>
#include <planctl/import/label_parser.hpp>
#include <planctl/import/plan_recognizer.hpp>
#include <planctl/import/plan_yaml_writer.hpp>
#include <planctl/layout/punctuation.hpp>
#include <planctl/layout/task_table.hpp>
#include <planctl/model/numbering.hpp>
#include <planctl/util/utf8.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <map>
#include <optional>

namespace planctl::import {

namespace {

constexpr std::size_t k_title_max = 80;        // code points; a longer first line is prose
constexpr std::size_t k_issuer_max = 40;       // code points of a signing organisation
constexpr std::size_t k_signature_window = 40; // lines from the end searched for the date
constexpr std::size_t k_heading_rest_min = 20; // text after a heading's `。` that makes it prose

std::size_t width(std::string_view text) {
  return util::count_code_points(text);
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool ends_in_colon(std::string_view text) {
  return ends_with(text, "：") || ends_with(text, ":");
}

Note note(const SourceLine& line, std::string why_zh, std::string why_en) {
  return Note{line.line, line.text, std::move(why_zh), std::move(why_en)};
}

// The loader's text limits (plan-format.md, "Reading the file"): a plan file import writes must
// load, so what passes them is kept as a comment instead (nothing is dropped).
constexpr std::size_t k_max_text = 10000;      // characters of a title, the basis, an entry
constexpr std::size_t k_max_long_text = 50000; // characters under a `text` key

// `text` cut after `count` code points; the rest is returned.
std::string cut_after(std::string& text, std::size_t count) {
  std::size_t pos = 0;
  for (std::size_t i = 0; i < count && pos < text.size(); ++i) {
    util::next_code_point(text, pos);
  }
  std::string rest = text.substr(pos);
  text.resize(pos);
  return rest;
}

Note overflow_note(int line, std::string text, std::size_t limit) {
  return Note{line, std::move(text), "超过" + std::to_string(limit) + "字的部分",
              "past the limit of " + std::to_string(limit) + " characters of one text"};
}

// Paragraphs written as one `|` block (each a line, a blank line between them, a final line
// end) held to `limit` characters; what does not fit becomes notes.
void fit_paragraphs(std::vector<std::string>& paragraphs, std::size_t limit, int line,
                    std::vector<Note>& notes) {
  std::size_t used = 1; // the block's last line end
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    const std::size_t separator = i == 0 ? 0 : 2;
    const std::size_t length = util::count_code_points(paragraphs[i]);
    if (used + separator + length <= limit) {
      used += separator + length;
      continue;
    }
    const std::size_t room = used + separator < limit ? limit - used - separator : 0;
    std::string rest = cut_after(paragraphs[i], room);
    if (!rest.empty()) {
      notes.push_back(overflow_note(line, std::move(rest), limit));
    }
    for (std::size_t k = i + 1; k < paragraphs.size(); ++k) {
      notes.push_back(overflow_note(line, std::move(paragraphs[k]), limit));
    }
    paragraphs.resize(room > 0 ? i + 1 : i);
    return;
  }
}

void fit_title(std::string& title, int line, std::vector<Note>& notes) {
  if (util::count_code_points(title) > k_max_text) {
    notes.push_back(overflow_note(line, cut_after(title, k_max_text), k_max_text));
  }
}

void fit_items(std::vector<ImportedItem>& items) {
  for (ImportedItem& item : items) {
    fit_title(item.title, item.line, item.notes);
    fit_paragraphs(item.paragraphs, k_max_long_text, item.line, item.notes);
    fit_items(item.items);
  }
}

void fit_limits(ImportedPlan& plan) {
  fit_title(plan.title, 1, plan.head_notes);
  fit_paragraphs(plan.basis, k_max_text, 1, plan.head_notes);
  for (std::string& attachment : plan.attachments) {
    fit_title(attachment, 1, plan.tail_notes);
  }
  fit_items(plan.sections);
}

// Web-page debris around a document copied from a site: bylines, counters, share buttons,
// related-article lists and page numbers.
std::optional<std::pair<std::string, std::string>> debris_kind(std::string_view text) {
  static constexpr std::array k_prefixes = {
      "发布时间", "来源：",   "来源:",    "点击：",   "点击:",    "阅读：",   "阅读:",
      "分享",     "收藏",     "点赞",     "下载：",   "下载:",    "投诉",     "相关文章",
      "相关内容", "相关热词", "热门推荐", "本周热门", "本月热门", "版权所有", "微信扫一扫",
      "阅读全文", "上一篇",   "下一篇",   "返回顶部", "(想阅读",  "（想阅读", "• "};
  for (std::string_view prefix : k_prefixes) {
    if (starts_with(text, prefix)) {
      return std::pair{std::string("网页残留"), std::string("web-page debris")};
    }
  }
  if (text.find("】相关文章") != std::string_view::npos) {
    return std::pair{std::string("网页残留"), std::string("web-page debris")};
  }
  // Page numbers: `3`, `- 3 -`, `— 3 —`.
  std::size_t digits = 0;
  std::size_t pos = 0;
  bool other = false;
  while (pos < text.size()) {
    const char32_t cp = util::next_code_point(text, pos);
    if (cp >= U'0' && cp <= U'9') {
      ++digits;
    } else if (cp != U' ' && cp != U'-' && cp != U'—' && cp != U'–') {
      other = true;
    }
  }
  if (!other && digits >= 1 && digits <= 3) {
    return std::pair{std::string("页码"), std::string("a page number")};
  }
  return std::nullopt;
}

std::optional<std::string> document_number(std::string_view text);

// The official-document part a line is, when it is one (GB/T 9704 §7.2–7.4).
std::optional<std::pair<std::string, std::string>> official_kind(std::string_view text) {
  if (starts_with(text, "抄送")) {
    return std::pair{std::string("公文版记：抄送机关"), std::string("the copy-to line (抄送)")};
  }
  if (ends_with(text, "印发") || (text.find("印发") != std::string_view::npos &&
                                  text.find("年") != std::string_view::npos && width(text) <= 60)) {
    return std::pair{std::string("公文版记：印发机关和印发日期"),
                     std::string("the printed-by line (印发)")};
  }
  const std::size_t open =
      text.find("〔") != std::string_view::npos ? text.find("〔") : text.find("[");
  if ((open != std::string_view::npos && ends_with(text, "号") && width(text) <= 40) ||
      (width(text) <= 40 && document_number(text))) {
    return std::pair{std::string("公文要素：发文字号"),
                     std::string("the document number (发文字号)")};
  }
  if (starts_with(text, "签发人") ||
      (text.find("签发人") != std::string_view::npos && width(text) <= 60)) {
    return std::pair{std::string("公文要素：签发人"), std::string("the signer (签发人)")};
  }
  return std::nullopt;
}

bool is_letterhead(std::string_view text) {
  return ends_with(text, "文件") && width(text) <= 30;
}

// The 主送 line: short, ending in `：`, a list of organisations (`各中小学、各幼儿园：`) or one
// (`中共海东市平安区委员会：`), not a sentence that introduces what follows (`……如下：`).
bool is_recipients(std::string_view text) {
  return ends_in_colon(text) && width(text) <= 60 && text.find("。") == std::string_view::npos &&
         text.find("如下") == std::string_view::npos && !parse_number_label(text) &&
         (text.find("、") != std::string_view::npos || starts_with(text, "各") ||
          (width(text) <= 30 && text.find("，") == std::string_view::npos &&
           text.find(",") == std::string_view::npos));
}

// A run-in label's rest split into title and text at the first full stop (keeping closing
// quotes and brackets with the title), else after the first other terminal mark or colon.
std::pair<std::string, std::string> split_run_in(std::string_view rest) {
  std::size_t stop = rest.find("。");
  if (stop != std::string_view::npos) {
    if (stop == 0) {
      return {std::string(rest), {}};
    }
    std::size_t end = stop + 3;
    static constexpr std::array k_closers = {"”", "’", "）", "》", "」", "』", "\"", "'", ")"};
    bool closed = true;
    while (closed && end < rest.size()) {
      closed = false;
      for (std::string_view closer : k_closers) {
        if (rest.compare(end, closer.size(), closer) == 0) {
          end += closer.size();
          closed = true;
        }
      }
    }
    if (end == stop + 3) {
      return {std::string(rest.substr(0, stop)), std::string(rest.substr(end))};
    }
    return {std::string(rest.substr(0, end)), std::string(rest.substr(end))};
  }
  std::size_t best = std::string_view::npos;
  std::size_t best_len = 0;
  for (std::string_view mark : {"！", "？", "；", "…", "："}) {
    const std::size_t at = rest.find(mark);
    if (at != std::string_view::npos && at > 0 && at < best) {
      best = at;
      best_len = mark.size();
    }
  }
  if (best != std::string_view::npos) {
    std::size_t end = best + best_len;
    while (rest.compare(end, 3, "…") == 0) {
      end += 3;
    }
    return {std::string(rest.substr(0, end)), std::string(rest.substr(end))};
  }
  return {std::string(rest), {}};
}

// A heading's rest: the title alone, unless a long text follows its first `。` on the same line
// (a heading used as a run-in paragraph), which then becomes the item's first paragraph.
std::pair<std::string, std::string> split_heading(std::string_view rest, bool known_heading) {
  const std::size_t stop = rest.find("。");
  if (known_heading || stop == std::string_view::npos || stop == 0 ||
      width(rest.substr(stop + 3)) < k_heading_rest_min) {
    return {std::string(rest), {}};
  }
  return {std::string(rest.substr(0, stop)), std::string(rest.substr(stop + 3))};
}

// ---- official-document elements (plan-format.md "Official-document elements") ----

std::string trimmed(std::string_view text) {
  std::size_t a = 0;
  std::size_t b = text.size();
  while (true) {
    if (a < b && text[a] == ' ') {
      ++a;
    } else if (b - a >= 3 && text.substr(a, 3) == "\u3000") {
      a += 3;
    } else {
      break;
    }
  }
  while (true) {
    if (b > a && text[b - 1] == ' ') {
      --b;
    } else if (b - a >= 3 && text.substr(b - 3, 3) == "\u3000") {
      b -= 3;
    } else {
      break;
    }
  }
  return std::string(text.substr(a, b - a));
}

// `text` split at each of `separators`, parts trimmed, empty parts left out.
std::vector<std::string> split_at(std::string_view text,
                                  std::initializer_list<std::string_view> separators) {
  std::vector<std::string> out;
  std::size_t start = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t length = 0;
    for (std::string_view sep : separators) {
      if (text.substr(pos, sep.size()) == sep) {
        length = sep.size();
        break;
      }
    }
    if (length > 0 || pos == text.size()) {
      std::string part = trimmed(text.substr(start, pos - start));
      if (!part.empty()) {
        out.push_back(std::move(part));
      }
      if (pos == text.size()) {
        break;
      }
      pos += length;
      start = pos;
    } else {
      util::next_code_point(text, pos);
    }
  }
  return out;
}

// The document number with its year in 六角括号, `平教〔2020〕12号`, from the forms clerks type
// (`[2020]` `（2020）` `(2020)` `【2020】`); std::nullopt when it does not have the shape
// prefix + year + number + 号.
std::optional<std::string> document_number(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> k_brackets{
      {{"〔", "〕"}, {"[", "]"}, {"（", "）"}, {"(", ")"}, {"【", "】"}}};
  for (const auto& [open, close] : k_brackets) {
    const std::size_t at = text.find(open);
    if (at == std::string_view::npos || at == 0) {
      continue;
    }
    const std::size_t year = at + open.size();
    if (text.size() < year + 4 + close.size() ||
        !std::all_of(text.begin() + static_cast<long>(year),
                     text.begin() + static_cast<long>(year + 4),
                     [](char c) { return c >= '0' && c <= '9'; }) ||
        text.substr(year + 4, close.size()) != close) {
      continue;
    }
    std::string_view serial = text.substr(year + 4 + close.size());
    if (!ends_with(serial, "号")) {
      return std::nullopt;
    }
    serial.remove_suffix(std::string_view("号").size());
    if (serial.empty() ||
        !std::all_of(serial.begin(), serial.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return std::nullopt;
    }
    const std::string prefix = trimmed(text.substr(0, at));
    if (prefix.empty() || prefix.find(' ') != std::string::npos) {
      return std::nullopt;
    }
    return prefix + "〔" + std::string(text.substr(year, 4)) + "〕" + std::string(serial) + "号";
  }
  return std::nullopt;
}

// `平安区教育局关工委办公室　　2020年3月9日印发`: the office and the date.
std::optional<std::pair<std::string, util::Date>> printed_line(std::string_view text) {
  if (!ends_with(text, "印发")) {
    return std::nullopt;
  }
  const std::string_view body = text.substr(0, text.size() - std::string_view("印发").size());
  for (std::size_t i = 0; i < body.size();) {
    const bool digit = body[i] >= '0' && body[i] <= '9';
    if ((digit && (i == 0 || body[i - 1] < '0' || body[i - 1] > '9')) ||
        starts_with(body.substr(i), "二〇") || starts_with(body.substr(i), "二零")) {
      if (const auto date = parse_written_date(body.substr(i))) {
        std::string office = trimmed(body.substr(0, i));
        if (!office.empty() && width(office) <= k_issuer_max) {
          return std::pair{std::move(office), *date};
        }
        return std::nullopt;
      }
    }
    util::next_code_point(body, i);
  }
  return std::nullopt;
}

// The signature's date and where it stands; a line may hold the issuer before the date.
struct SignatureSpot {
  std::size_t index = 0;
  util::Date date;
  std::string issuer_on_line;
};

std::optional<SignatureSpot> find_signature_date(const std::vector<SourceLine>& lines,
                                                 std::size_t begin) {
  const std::size_t stop =
      lines.size() > k_signature_window + begin ? lines.size() - k_signature_window : begin;
  for (std::size_t i = lines.size(); i-- > stop;) {
    const std::string& text = lines[i].text;
    if (const auto date = parse_written_date(text)) {
      return SignatureSpot{i, *date, {}};
    }
    // `市第二中学党支部　2020年4月9日` on one line.
    const std::size_t space = text.find_last_of(" \t");
    const std::size_t wide = text.rfind("\u3000");
    const std::size_t cut = (space == std::string::npos)
                                ? wide
                                : (wide == std::string::npos ? space : std::max(space, wide));
    if (cut != std::string::npos && cut > 0) {
      const std::size_t after = text[cut] == ' ' || text[cut] == '\t' ? cut + 1 : cut + 3;
      if (const auto date = parse_written_date(text.substr(after))) {
        std::string issuer(text.substr(0, cut));
        while (!issuer.empty() && (issuer.back() == ' ' || ends_with(issuer, "\u3000"))) {
          issuer.resize(issuer.size() - (issuer.back() == ' ' ? 1 : 3));
        }
        if (!issuer.empty() && width(issuer) <= k_issuer_max && !parse_number_label(issuer)) {
          return SignatureSpot{i, *date, issuer};
        }
      }
    }
  }
  return std::nullopt;
}

bool can_be_issuer(const SourceLine& line) {
  const std::string& t = line.text;
  return width(t) <= k_issuer_max && !parse_number_label(t) && line.auto_label.empty() &&
         !layout::ends_in_terminal_punctuation(t) && !ends_in_colon(t) && !ends_with(t, "，") &&
         !starts_with(t, "附件") && !debris_kind(t) && !official_kind(t);
}

// The first `20xx年`, or the first year of `2020-2021学年`, in `title`.
std::optional<int> year_in_title(std::string_view title) {
  for (std::size_t i = 0; i + 4 <= title.size(); ++i) {
    if (!std::all_of(title.begin() + i, title.begin() + i + 4,
                     [](char c) { return c >= '0' && c <= '9'; })) {
      continue;
    }
    if (i > 0 && title[i - 1] >= '0' && title[i - 1] <= '9') {
      continue;
    }
    const int year = std::stoi(std::string(title.substr(i, 4)));
    const std::string_view after = title.substr(i + 4);
    if (year >= 2000 && year <= 2100 &&
        (starts_with(after, "年") || starts_with(after, "-") || starts_with(after, "—") ||
         starts_with(after, "－") || starts_with(after, "～") || starts_with(after, "~") ||
         starts_with(after, "至") || starts_with(after, "学年"))) {
      return year;
    }
  }
  return std::nullopt;
}

class Recognizer {
public:
  Recognizer(const SourceDocument& doc, const RecognizeOptions& options)
      : m_lines(doc.lines), m_options(options) {
    for (const SetAside& aside : doc.set_aside) {
      m_set_aside.push_back(Note{aside.line, aside.text, aside.why_zh, aside.why_en});
    }
  }

  ImportedPlan run() {
    std::size_t begin = read_head();
    std::size_t end = m_lines.size();
    read_signature(begin, end);
    read_body(begin, end);
    finish_attachments();
    place_set_aside();
    dissolve_not_as_written();
    place_task_pages();
    decide_numbering();
    decide_period();
    check_official();
    for (std::size_t root : m_roots) {
      m_plan.sections.push_back(assemble(root));
    }
    fit_limits(m_plan);
    return std::move(m_plan);
  }

  ImportedItem assemble(std::size_t index) {
    ImportedItem item = std::move(m_nodes[index].item);
    for (std::size_t child : m_nodes[index].children) {
      item.items.push_back(assemble(child));
    }
    return item;
  }

private:
  void head_note(const SourceLine& line, std::string zh, std::string en) {
    m_plan.head_notes.push_back(note(line, std::move(zh), std::move(en)));
  }

  // Sets the official-document key `line` holds (the letterhead, the document number with or
  // without the signer, the copy-to line, the printed-by line) when it has that key's shape and
  // the key is not set yet; false otherwise (the line is then kept as a comment, as before).
  bool take_official(const SourceLine& line) {
    const std::string& text = line.text;
    if (is_letterhead(text) && m_plan.letterhead.empty()) {
      m_plan.letterhead = text;
      return true;
    }
    if (starts_with(text, "抄送") && m_plan.copy_to.empty()) {
      std::string_view rest = std::string_view(text).substr(std::string_view("抄送").size());
      for (std::string_view colon : {"：", ":"}) {
        if (starts_with(rest, colon)) {
          rest.remove_prefix(colon.size());
        }
      }
      std::string list = trimmed(rest);
      while (ends_with(list, "。") || ends_with(list, ".")) {
        list.resize(list.size() - (ends_with(list, ".") ? 1 : 3));
      }
      m_plan.copy_to = split_at(list, {"，", "、", ",", "；", ";"});
      return !m_plan.copy_to.empty();
    }
    if (const auto printed = printed_line(text); printed && m_plan.printed_by.empty()) {
      m_plan.printed_by = printed->first;
      m_plan.printed_date = printed->second;
      m_printed_line = line;
      return true;
    }
    // `平教〔2020〕12号`, or `平教〔2020〕12号　　签发人：张三` in a document sent up.
    std::string number = text;
    std::string signer;
    for (std::string_view key : {"签发人：", "签发人:"}) {
      if (const std::size_t at = text.find(key); at != std::string::npos) {
        number = trimmed(std::string_view(text).substr(0, at));
        signer = trimmed(std::string_view(text).substr(at + key.size()));
      }
    }
    if (number.empty() && !signer.empty() && m_plan.signer.empty()) {
      m_plan.signer = signer; // on a line of its own
      m_signer_line = line;
      return true;
    }
    if (const auto normalised = document_number(number);
        normalised && m_plan.doc_number.empty() && width(number) <= 40) {
      m_plan.doc_number = *normalised;
      if (!signer.empty()) {
        m_plan.signer = signer;
        m_signer_line = line;
      }
      return true;
    }
    return false;
  }

  // A signer without a document number, or a printing date before the document's date, would
  // make the plan file fail to validate: they go back to being comments.
  void check_official() {
    if (!m_plan.signer.empty() && m_plan.doc_number.empty() && m_signer_line) {
      head_note(*m_signer_line, "公文要素：签发人",
                "the signer (签发人), without a document number");
      m_plan.signer.clear();
    }
    if (m_plan.printed_date && m_plan.date && *m_plan.printed_date < *m_plan.date) {
      m_plan.tail_notes.push_back(note(*m_printed_line, "公文版记：印发机关和印发日期",
                                       "the printed-by line (印发), dated before the document"));
      m_plan.printed_by.clear();
      m_plan.printed_date.reset();
    } else if (m_plan.printed_date && m_plan.date && *m_plan.printed_date == *m_plan.date) {
      m_plan.printed_date.reset(); // the default
    }
  }

  // Debris, the letterhead and the document number before the title; the title; the
  // recipients line after it. Returns the index of the first body line.
  std::size_t read_head() {
    std::size_t i = 0;
    while (i < m_lines.size()) {
      const SourceLine& line = m_lines[i];
      if (line.heading == 1) {
        break;
      }
      if (auto debris = debris_kind(line.text)) {
        head_note(line, debris->first, debris->second);
      } else if ((is_letterhead(line.text) || official_kind(line.text)) && take_official(line)) {
        // a key of the plan file now
      } else if (is_letterhead(line.text)) {
        head_note(line, "公文版头：发文机关标志", "the letterhead (发文机关标志)");
      } else if (auto official = official_kind(line.text)) {
        head_note(line, official->first, official->second);
      } else if (i + 1 < m_lines.size() && m_plan.letterhead.empty() && width(line.text) <= 30 &&
                 !parse_number_label(line.text) &&
                 (document_number(m_lines[i + 1].text) ||
                  m_lines[i + 1].text.find("签发人") != std::string::npos)) {
        // The mark of a document sent up is the organisation's name (no `文件`): it is the
        // line above the document number.
        m_plan.letterhead = line.text;
      } else {
        break;
      }
      ++i;
    }
    if (i < m_lines.size()) {
      const SourceLine& line = m_lines[i];
      const bool looks_like_title =
          line.heading == 1 ||
          (line.heading == 0 && line.auto_label.empty() && width(line.text) <= k_title_max &&
           !parse_number_label(line.text) && !ends_with(line.text, "。") &&
           !ends_in_colon(line.text) && !parse_written_date(line.text));
      if (looks_like_title) {
        m_plan.title = line.text;
        ++i;
        read_title_lines(i);
      }
    }
    if (m_plan.title.empty()) {
      m_plan.title_missing = true;
      m_plan.warnings.push_back(
          Warning{i < m_lines.size() ? m_lines[i].line : 1,
                  "no title found (the first line is numbered, long or ends in 。 or ：); fill in "
                  "plan.title"});
    }
    while (i < m_lines.size()) {
      const SourceLine& line = m_lines[i];
      if (is_recipients(line.text) && line.heading == 0 && line.auto_label.empty()) {
        if (m_plan.recipients.empty()) {
          std::string list = line.text;
          list.resize(list.size() - (ends_with(list, ":") ? 1 : 3));
          m_plan.recipients = split_at(list, {"、", "，", ","});
        } else {
          head_note(line, "公文要素：主送机关", "the recipients line (主送机关)");
        }
      } else if (official_kind(line.text) && take_official(line)) {
        // a key of the plan file now
      } else if (auto official = official_kind(line.text)) {
        head_note(line, official->first, official->second);
      } else if (auto debris = debris_kind(line.text)) {
        head_note(line, debris->first, debris->second);
      } else {
        break;
      }
      ++i;
    }
    return i;
  }

  // An attachment page of a text planctl wrote (`附件` or `附件2`, the attachment's title, then
  // the task table: `序号 工作类别 工作任务 牵头部门 责任人 配合部门 完成时限`, cells separated
  // by tabs, rows numbered 1, 2, …) starting at line `j`: kept for place_task_pages(). Returns
  // the index after the page, or `j` when no such page starts there.
  std::size_t read_task_page(std::size_t j) {
    const std::string& label = m_lines[j].text;
    if (!starts_with(label, "附件") || j + 2 >= m_lines.size()) {
      return j;
    }
    const std::string_view number = std::string_view(label).substr(std::string_view("附件").size());
    if (number.size() > 2 ||
        !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return j;
    }
    if (m_lines[j + 2].cells != layout::task_table_header()) {
      return j;
    }
    TaskPage page;
    page.number = number.empty() ? 0 : std::stoi(std::string(number));
    page.label = m_lines[j];
    page.title = m_lines[j + 1];
    page.header = m_lines[j + 2];
    std::size_t k = j + 3;
    while (k < m_lines.size() && m_lines[k].cells.size() == page.header.cells.size() &&
           m_lines[k].cells[0] == std::to_string(page.rows.size() + 1)) {
      page.rows.push_back(m_lines[k]);
      ++k;
    }
    m_task_pages.push_back(std::move(page));
    return k;
  }

  // `value` as a flow-list entry: quoted when a flow indicator or YAML would read it otherwise.
  static std::string flow_entry(const std::string& value) {
    const std::string plain = yaml_inline_scalar(value);
    if (plain != value || value.find_first_of(",[]{}") != std::string::npos) {
      std::string out = "\"";
      for (const char c : value) {
        out += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
      }
      return out + "\"";
    }
    return plain;
  }

  // The task table's `完成时限` as a `due`: a keyword, a date or a month as the table words them.
  static std::optional<std::string> due_of(const std::string& text) {
    for (std::string_view keyword : {"全年", "长期", "每学期", "每月", "每周"}) {
      if (text == keyword) {
        return text;
      }
    }
    if (const auto date = parse_written_date(text)) {
      return util::to_iso(*date);
    }
    // `2020年6月`
    const std::size_t year_end = text.find("年");
    if (year_end == 4 && ends_with(text, "月")) {
      const std::string month = text.substr(7, text.size() - 7 - 3);
      if (!month.empty() && month.size() <= 2 &&
          std::all_of(month.begin(), month.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
          std::all_of(text.begin(), text.begin() + 4,
                      [](char c) { return c >= '0' && c <= '9'; })) {
        const int m = std::stoi(month);
        if (m >= 1 && m <= 12) {
          return fmt::format("{}-{:02}", text.substr(0, 4), m);
        }
      }
    }
    return std::nullopt;
  }

  // The task tables read after the signature: each row's 工作任务 names the next item of that
  // title (titles compared without spaces and closing `。`), which gets the row's 牵头部门
  // (`lead`), 责任人 (`owner`), 配合部门 (`support`) and 完成时限 (`due`), as written (names,
  // since the text has no departments or people lists), and the attachment is `content:
  // tasks`. A page whose attachment is not in the note, or rows that name no item, stay
  // comments.
  void place_task_pages() {
    const auto key = [](std::string_view text) {
      std::string out;
      std::size_t pos = 0;
      while (pos < text.size()) {
        const char32_t c = util::next_code_point(text, pos);
        if (c != U' ' && c != 0x3000) {
          util::append_utf8(out, c);
        }
      }
      while (ends_with(out, "。")) {
        out.resize(out.size() - 3);
      }
      return out;
    };
    m_plan.attachment_tasks.assign(m_plan.attachments.size(), false);
    for (const TaskPage& page : m_task_pages) {
      const std::size_t index = page.number == 0 ? 0 : static_cast<std::size_t>(page.number - 1);
      const bool known = index < m_plan.attachments.size() &&
                         (page.number > 0 || m_plan.attachments.size() == 1) &&
                         key(m_plan.attachments[index]) == key(page.title.text);
      const auto keep_as_notes = [&](const std::vector<const SourceLine*>& lines) {
        for (const SourceLine* line : lines) {
          m_plan.tail_notes.push_back(
              note(*line, "附件中的任务表", "a line of the attachment's task table"));
        }
      };
      if (!known) {
        std::vector<const SourceLine*> lines{&page.label, &page.title, &page.header};
        for (const SourceLine& row : page.rows) {
          lines.push_back(&row);
        }
        keep_as_notes(lines);
        continue;
      }
      std::size_t next = 0; // items are matched in order
      bool placed = false;
      for (const SourceLine& row : page.rows) {
        std::size_t found = m_nodes.size();
        for (std::size_t n = next; n < m_nodes.size(); ++n) {
          if (!m_nodes[n].dissolved && key(m_nodes[n].item.title) == key(row.cells[2])) {
            found = n;
            break;
          }
        }
        const std::optional<std::string> due =
            row.cells[6].empty() ? std::optional<std::string>(std::string()) : due_of(row.cells[6]);
        const bool has_field = !row.cells[3].empty() || !row.cells[4].empty() ||
                               !row.cells[5].empty() || (due && !due->empty());
        if (found == m_nodes.size() || !due || !has_field) {
          m_plan.warnings.push_back(Warning{
              row.line, found == m_nodes.size()
                            ? "a row of the task table names no item of the document by its "
                              "title; kept as a comment"
                            : "a row of the task table has no 牵头部门, 责任人, 配合部门 or "
                              "完成时限 planctl can read; kept as a comment"});
          keep_as_notes({&row});
          continue;
        }
        next = found + 1;
        placed = true;
        ImportedItem& item = m_nodes[found].item;
        const auto list = [](const std::string& cell) { return split_at(cell, {"、"}); };
        const auto field = [&](std::string_view name, const std::vector<std::string>& values) {
          if (values.size() == 1) {
            item.fields.push_back(fmt::format("{}: {}", name, yaml_inline_scalar(values[0])));
          } else if (!values.empty()) {
            std::string joined;
            for (const std::string& v : values) {
              joined += (joined.empty() ? "" : ", ") + flow_entry(v);
            }
            item.fields.push_back(fmt::format("{}: [{}]", name, joined));
          }
        };
        if (!row.cells[3].empty()) {
          item.fields.push_back("lead: " + yaml_inline_scalar(row.cells[3]));
        }
        field("owner", list(row.cells[4]));
        field("support", list(row.cells[5]));
        if (!due->empty()) {
          item.fields.push_back("due: " + yaml_inline_scalar(*due));
        }
      }
      if (placed) {
        m_plan.attachment_tasks[index] = true;
      } else {
        keep_as_notes({&page.label, &page.title, &page.header});
      }
    }
  }

  // A title set on several lines (GB/T 9704 §7.3.1 breaks a long title; planctl's text
  // documents print it so) in a text: the lines right below the title line, with a blank line
  // before the title and after them, each short, not numbered and not a sentence, a date or
  // an official part, are the title's further lines.
  void read_title_lines(std::size_t& i) {
    const std::size_t first = i - 1;
    const SourceLine& title = m_lines[first];
    if (title.heading != 0 || (first > 0 && m_lines[first - 1].line + 1 >= title.line)) {
      return;
    }
    std::size_t j = i;
    while (j < m_lines.size() && m_lines[j].line == m_lines[j - 1].line + 1) {
      const std::string& text = m_lines[j].text;
      if (width(text) > k_issuer_max || parse_number_label(text) ||
          layout::ends_in_terminal_punctuation(text) || ends_in_colon(text) ||
          ends_with(text, "，") || parse_written_date(text) || official_kind(text) ||
          debris_kind(text) || !m_lines[j].auto_label.empty()) {
        return;
      }
      ++j;
    }
    if (j == i || (j < m_lines.size() && m_lines[j].line == m_lines[j - 1].line + 1)) {
      return; // no further line, or the block does not end with a blank line
    }
    for (; i < j; ++i) {
      m_plan.title += "\n" + m_lines[i].text;
    }
  }

  // The signature of a text planctl wrote is placed with ideographic spaces, sealed or not
  // (GB/T 9704 §7.3.5; src/write/text_writer.cpp): a sealed one has its date 右空四字 and the
  // issuer centred over the date, an unsealed one the issuer 右空二字 and the date two
  // characters right of it. Whether the lines stand where the sealed layout puts them, and not
  // where the unsealed one would.
  static bool placed_as_sealed(const SourceLine& issuer, const SourceLine& date) {
    const auto halves = [](std::string_view text) {
      long n = 0;
      std::size_t pos = 0;
      while (pos < text.size()) {
        const char32_t cp = util::next_code_point(text, pos);
        n += ((cp >= 0x20 && cp < 0x7F) || (cp >= 0xFF61 && cp <= 0xFF9F)) ? 1 : 2;
      }
      return n;
    };
    constexpr long k_line = 56; // 28 characters
    const long iw = halves(issuer.text);
    const long dw = halves(date.text);
    const auto whole = [](long h) { return std::max(0L, h) / 2 * 2; };
    const long sealed_date = std::max(0L, k_line - 8 - dw);
    const long sealed_issuer = std::max(0L, std::min(sealed_date + (dw - iw) / 2, k_line - 4 - iw));
    long issuer_at = k_line - 4 - iw;
    long date_at = issuer_at + 4;
    if (date_at + dw > k_line - 4) {
      date_at = k_line - 4 - dw;
      issuer_at = date_at - 4;
    }
    if (issuer_at < 0) {
      issuer_at = 0;
      date_at = k_line - 4 - dw;
    }
    const bool sealed = issuer.indent == whole(sealed_issuer) && date.indent == whole(sealed_date);
    const bool unsealed = issuer.indent == whole(issuer_at) && date.indent == whole(date_at);
    return issuer.indent > 0 && sealed && !unsealed;
  }

  void read_signature(std::size_t begin, std::size_t& end) {
    const std::optional<SignatureSpot> spot = find_signature_date(m_lines, begin);
    if (spot) {
      m_plan.date = spot->date;
      for (std::size_t j = spot->index + 1; j < m_lines.size(); ++j) {
        if (const std::size_t page_end = read_task_page(j); page_end > j) {
          j = page_end - 1;
          continue;
        }
        const SourceLine& line = m_lines[j];
        const bool bracketed = (starts_with(line.text, "（") && ends_with(line.text, "）")) ||
                               (starts_with(line.text, "(") && ends_with(line.text, ")"));
        if (official_kind(line.text) && take_official(line)) {
          // a key of the plan file now
        } else if (auto official = official_kind(line.text)) {
          m_plan.tail_notes.push_back(note(line, official->first, official->second));
        } else if (bracketed && j == spot->index + 1 && line.text.size() > 6) {
          const bool wide = starts_with(line.text, "（");
          m_plan.note = trimmed(
              std::string_view(line.text).substr(wide ? 3 : 1, line.text.size() - (wide ? 6 : 2)));
        } else if (bracketed) {
          m_plan.tail_notes.push_back(note(line, "公文要素：附注", "a closing note (附注)"));
        } else if (auto debris = debris_kind(line.text)) {
          m_plan.tail_notes.push_back(note(line, debris->first, debris->second));
        } else {
          m_plan.tail_notes.push_back(
              note(line, "落款之后的内容", "text after the signature's date"));
        }
      }
      end = spot->index;
      if (!spot->issuer_on_line.empty()) {
        m_plan.issuer = spot->issuer_on_line;
      } else if (end > begin && can_be_issuer(m_lines[end - 1])) {
        m_plan.issuer = m_lines[end - 1].text;
        m_plan.seal = placed_as_sealed(m_lines[end - 1], m_lines[spot->index]);
        --end;
      }
    }
    if (!m_plan.date) {
      m_plan.date = m_options.date;
    }
    if (m_plan.issuer.empty() && m_options.issuer) {
      m_plan.issuer = *m_options.issuer;
    }
  }

  // Where a numbered paragraph in `style` goes: its depth, or std::nullopt when --numbering
  // has no such style.
  std::optional<std::size_t> depth_of(model::NumberStyle style) {
    if (m_options.numbering) {
      const auto& styles = *m_options.numbering;
      const auto it = std::find(styles.begin(), styles.end(), style);
      if (it == styles.end()) {
        return std::nullopt;
      }
      return std::min<std::size_t>(static_cast<std::size_t>(it - styles.begin()), m_open.size());
    }
    const auto it = std::find(m_styles.begin(), m_styles.end(), style);
    const std::size_t depth = static_cast<std::size_t>(it - m_styles.begin());
    m_styles.resize(depth);
    m_styles.push_back(style);
    return depth;
  }

  void add_item(const SourceLine& line, const ParsedLabel& label, std::string_view rest) {
    const std::optional<std::size_t> found = depth_of(label.style);
    if (!found) {
      m_plan.warnings.push_back(
          Warning{line.line, fmt::format("numbered {} but --numbering has no such style; read as a "
                                         "paragraph",
                                         model::number_label(label.style, label.number))});
      add_paragraph(line, std::string(line.auto_label) + line.text);
      return;
    }
    const std::size_t depth = *found;
    m_open.resize(depth);
    // The parent's node (none at depth 0; an index, not an optional, which GCC 12 flags with a
    // false -Wmaybe-uninitialized once m_nodes grows below).
    const std::size_t parent = depth == 0 ? 0 : m_open.back();
    ImportedItem item;
    item.style = label.style;
    item.line = line.line;
    auto [title, text] = model::is_heading_style(label.style)
                             ? split_heading(rest, line.heading > 0)
                             : split_run_in(rest);
    item.title = std::move(title);
    if (!text.empty()) {
      item.paragraphs.push_back(std::move(text));
    }
    const bool text_on_line = !item.paragraphs.empty();
    const bool split_heading_text = model::is_heading_style(label.style) && text_on_line;
    m_nodes.push_back(Node{std::move(item),
                           {},
                           depth,
                           line.auto_label + line.text,
                           !split_heading_text,
                           text_on_line});
    std::vector<std::size_t>& siblings = depth == 0 ? m_roots : m_nodes[parent].children;
    siblings.push_back(m_nodes.size() - 1);
    m_open.push_back(m_nodes.size() - 1);
    const int expected = static_cast<int>(siblings.size());
    if (label.number != expected) {
      m_plan.warnings.push_back(Warning{
          line.line,
          fmt::format("numbered {} in the document but it is item {} at its depth; planctl will "
                      "number it {}",
                      model::number_label(label.style, label.number), expected,
                      model::number_label(label.style, expected))});
    }
  }

  // The paragraph a new line of text would follow, or nullptr.
  std::string* last_paragraph() {
    std::vector<std::string>& list =
        m_open.empty() ? m_plan.basis : m_nodes[m_open.back()].item.paragraphs;
    return list.empty() ? nullptr : &list.back();
  }

  void add_paragraph(const SourceLine& line, std::string text) {
    // `2 心向党……`: a page number that text copied from a printed page left where the page
    // broke a sentence; the number becomes a note and the sentence is joined up again.
    std::size_t digits = 0;
    while (digits < text.size() && digits < 4 && text[digits] >= '0' && text[digits] <= '9') {
      ++digits;
    }
    std::string* previous = last_paragraph();
    if (digits >= 1 && digits <= 3 && digits < text.size() && text[digits] == ' ' && previous &&
        !layout::ends_in_terminal_punctuation(*previous) && !ends_in_colon(*previous)) {
      std::size_t rest = digits;
      while (rest < text.size() && text[rest] == ' ') {
        ++rest;
      }
      if (rest < text.size()) {
        add_note(
            Note{line.line, text.substr(0, digits), "页码", "a page number inside a paragraph"});
        *previous += text.substr(rest);
        return;
      }
    }
    if (m_open.empty() && m_nodes.empty()) {
      m_plan.basis.push_back(std::move(text));
    } else if (!m_open.empty()) {
      m_nodes[m_open.back()].item.paragraphs.push_back(std::move(text));
    } else {
      add_note(note(line, "无法归入", "a paragraph with no place"));
    }
  }

  void add_note(Note n) {
    if (m_open.empty()) {
      m_plan.head_notes.push_back(std::move(n));
    } else {
      m_nodes[m_open.back()].item.notes.push_back(std::move(n));
    }
  }

  void read_attachments(std::string_view rest) {
    m_in_attachments = true;
    if (!rest.empty()) {
      m_plan.attachments.emplace_back(rest);
    }
  }

  // `2.` at the start of `text`, lenient about what follows (`2.2021年行事历`): only entries of
  // the attachments note are read this way, where the numbers are known to run 1, 2, ….
  static std::size_t entry_number_length(std::string_view text, int expected) {
    const std::string label = model::number_label(model::NumberStyle::arabic, expected);
    for (std::string_view mark : {".", "．", "、"}) {
      const std::string typed = std::to_string(expected) + std::string(mark);
      if (starts_with(text, typed)) {
        return typed.size();
      }
    }
    return starts_with(text, label) ? label.size() : 0;
  }

  // The note's entries lose their numbers when there are several (planctl numbers them again);
  // a single entry is kept as written, as planctl writes a single attachment unnumbered.
  void finish_attachments() {
    auto& entries = m_plan.attachments;
    if (entries.size() < 2) {
      return;
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const std::size_t length = entry_number_length(entries[i], static_cast<int>(i) + 1);
      if (length > 0 && length < entries[i].size()) {
        entries[i].erase(0, length);
      }
    }
  }

  void read_body(std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      const SourceLine& line = m_lines[i];
      const std::string& text = line.text;
      if (auto debris = debris_kind(text)) {
        add_note(note(line, debris->first, debris->second));
        continue;
      }
      if (!m_in_attachments && (starts_with(text, "附件：") || starts_with(text, "附件:"))) {
        read_attachments(std::string_view(text).substr(starts_with(text, "附件：") ? 9 : 7));
        continue;
      }
      if (m_in_attachments) {
        if (entry_number_length(text, static_cast<int>(m_plan.attachments.size()) + 1) > 0) {
          m_plan.attachments.push_back(text);
        } else {
          m_plan.tail_notes.push_back(
              note(line, "附件说明之后的内容", "text after the attachments note"));
        }
        continue;
      }
      if (!line.auto_label.empty()) {
        if (const auto label = parse_number_label(line.auto_label + text)) {
          add_item(line, *label, text);
          continue;
        }
      }
      if (const auto label = parse_number_label(text)) {
        add_item(line, *label, std::string_view(text).substr(label->length));
        continue;
      }
      if (auto official = official_kind(text); official && starts_with(text, "抄送")) {
        if (!take_official(line)) {
          add_note(note(line, official->first, official->second));
        }
        continue;
      }
      add_paragraph(line, text);
    }
  }

  // Lines a reader set aside (tables, code) go beside the item that precedes them.
  void place_set_aside() {
    for (Note& n : m_set_aside) {
      ImportedItem* nearest = nullptr;
      for (Node& node : m_nodes) {
        if (node.item.line <= n.line) {
          nearest = &node.item;
        }
      }
      if (nearest) {
        nearest->notes.push_back(std::move(n));
      } else {
        m_plan.head_notes.push_back(std::move(n));
      }
    }
  }

  void decide_numbering() {
    if (m_options.numbering) {
      m_plan.numbering = *m_options.numbering;
      return;
    }
    std::vector<std::map<model::NumberStyle, int>> counts;
    for (const Node& node : m_nodes) {
      if (node.dissolved) {
        continue;
      }
      if (counts.size() <= node.depth) {
        counts.resize(node.depth + 1);
      }
      ++counts[node.depth][node.item.style];
    }
    // The style whose items render as written most often wins a depth (a heading whose line
    // ran on into its text comes back as two lines), then the style seen most.
    std::vector<std::map<model::NumberStyle, int>> written(counts.size());
    for (const Node& node : m_nodes) {
      if (!node.dissolved) {
        written[node.depth][node.item.style] += node.as_written ? 1 : 0;
      }
    }
    // A style numbers one depth only (the format refuses a list that names one twice): a
    // deeper depth takes its next best style, else the first of the default four still free.
    static const std::array k_default = {
        model::NumberStyle::chinese, model::NumberStyle::paren_chinese, model::NumberStyle::arabic,
        model::NumberStyle::paren_arabic};
    std::vector<model::NumberStyle> chosen;
    for (std::size_t depth = 0; depth < counts.size(); ++depth) {
      std::vector<std::pair<model::NumberStyle, int>> ranked(counts[depth].begin(),
                                                             counts[depth].end());
      std::stable_sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
        const int wa = written[depth][a.first];
        const int wb = written[depth][b.first];
        return wa != wb ? wa > wb : a.second > b.second;
      });
      const auto free = [&](model::NumberStyle style) {
        return std::find(chosen.begin(), chosen.end(), style) == chosen.end();
      };
      const auto best = std::find_if(ranked.begin(), ranked.end(),
                                     [&](const auto& entry) { return free(entry.first); });
      if (best != ranked.end()) {
        chosen.push_back(best->first);
      } else if (const auto spare = std::find_if(k_default.begin(), k_default.end(), free);
                 spare != k_default.end()) {
        chosen.push_back(*spare);
      } else {
        chosen.push_back(ranked.front().first); // not reached: there are four styles
      }
    }
    dissolve_other_styles(chosen);
    for (const Node& node : m_nodes) {
      const model::NumberStyle style = node.item.style;
      const std::size_t depth = node.depth;
      if (!node.dissolved && style != chosen[depth]) {
        m_plan.warnings.push_back(Warning{
            node.item.line,
            fmt::format("numbered in the {} style where the document's other items at this depth "
                        "use {}; planctl will number it in the {} style (or set plan.numbering)",
                        model::style_name(style), model::style_name(chosen[depth]),
                        model::style_name(chosen[depth]))});
      }
    }
    if (!std::equal(chosen.begin(), chosen.end(), k_default.begin())) {
      m_plan.numbering = chosen;
    }
  }

  // The lines of `index` and everything under it, as written, in reading order.
  void lines_as_written(std::size_t index, std::vector<std::string>& out) {
    Node& node = m_nodes[index];
    node.dissolved = true;
    out.push_back(node.source);
    for (std::string& paragraph : node.item.paragraphs) {
      if (&paragraph != &node.item.paragraphs.front() || !node.text_on_line) {
        out.push_back(std::move(paragraph));
      }
    }
    for (std::size_t child : node.children) {
      lines_as_written(child, out);
    }
  }

  // A whole list of items (all the children of one item) numbered in a style that is not its
  // depth's, as seed 004's section 二 numbers its items `1.` where the other sections use
  // `（一）`: one plan has one style per depth, so renumbering them would change the text.
  // They become their parent's paragraphs as written, labels included, and are warned about.
  void dissolve_other_styles(const std::vector<model::NumberStyle>& chosen) {
    for (std::size_t parent = 0; parent < m_nodes.size(); ++parent) {
      std::vector<std::size_t>& children = m_nodes[parent].children;
      if (m_nodes[parent].dissolved || children.empty() ||
          !std::all_of(children.begin(), children.end(), [&](std::size_t c) {
            return m_nodes[c].item.style != chosen[m_nodes[c].depth] &&
                   m_nodes[c].item.style == m_nodes[children.front()].item.style;
          })) {
        continue;
      }
      const Node& first = m_nodes[children.front()];
      m_plan.warnings.push_back(Warning{
          first.item.line,
          fmt::format("the items from here to line {} are numbered in the {} style where the "
                      "document's other items at this depth use {}; one plan has one style per "
                      "depth, so they are kept as paragraphs of the item before them, numbers "
                      "as written",
                      m_nodes[children.back()].item.line, model::style_name(first.item.style),
                      model::style_name(chosen[first.depth]))});
      std::vector<std::string> lines;
      for (std::size_t child : children) {
        lines_as_written(child, lines);
        for (Note& n : m_nodes[child].item.notes) {
          m_nodes[parent].item.notes.push_back(std::move(n));
        }
      }
      for (std::string& line : lines) {
        m_nodes[parent].item.paragraphs.push_back(std::move(line));
      }
      children.clear();
    }
  }

  // Why the item at `index` would not come back as written, or "" when it would.
  std::string not_as_written(std::size_t index) const {
    const Node& node = m_nodes[index];
    if (!node.as_written) {
      return fmt::format("the {} heading on line {} runs on into its text, and planctl prints a "
                         "heading alone on its line",
                         model::style_name(node.item.style), node.item.line);
    }
    if (!model::is_heading_style(node.item.style) && !node.text_on_line &&
        !node.item.paragraphs.empty()) {
      return fmt::format("the text of the {} item on line {} stands in the paragraphs below its "
                         "title, and planctl prints a {} item's text run in after its title (no "
                         "numbering style prints it alone on its line)",
                         model::style_name(node.item.style), node.item.line,
                         model::style_name(node.item.style));
    }
    return {};
  }

  // A list of items (all the children of one item, or the sections) one of which the renderer
  // could not give back as written: a heading whose line runs on into its text (seed 001's
  // `二、領導帶動群眾 ……。切實落實……`), or a `1.` item whose title stands alone with its text
  // in the paragraphs below (seed 001's `1、理論聯繫實際……。` then its paragraphs), which the
  // plan format always prints run in (`1.title。text`). Renumbering its siblings around it
  // would change their numbers, so the whole list becomes its parent's paragraphs (the basis,
  // for the sections) as written, labels included, and is warned about.
  void dissolve_not_as_written() {
    const auto dissolve_list = [&](std::vector<std::size_t>& children,
                                   std::vector<std::string>& paragraphs, std::vector<Note>& notes) {
      std::string why;
      for (std::size_t child : children) {
        if (why.empty()) {
          why = not_as_written(child);
        }
      }
      if (why.empty()) {
        return;
      }
      m_plan.warnings.push_back(
          Warning{m_nodes[children.front()].item.line,
                  fmt::format("the items from here to line {} are kept as paragraphs, numbers as "
                              "written: {}",
                              m_nodes[children.back()].item.line, why)});
      std::vector<std::string> lines;
      for (std::size_t child : children) {
        lines_as_written(child, lines);
      }
      for (std::string& line : lines) {
        paragraphs.push_back(std::move(line));
      }
      for (Node& node : m_nodes) {
        if (node.dissolved) {
          for (Note& n : node.item.notes) {
            notes.push_back(std::move(n));
          }
          node.item.notes.clear();
        }
      }
      children.clear();
    };
    // The sections are the plan's whole structure (and as the basis a long document would pass
    // the loader's limit of one text): a section heading that runs on into its text is kept
    // whole as the section's title instead, which prints as written (a closing `。` aside), and
    // is warned about. Only a run-in item among the sections makes them paragraphs.
    for (const std::size_t root : m_roots) {
      Node& node = m_nodes[root];
      if (!node.as_written) {
        node.item.title += "。" + node.item.paragraphs.front();
        node.item.paragraphs.erase(node.item.paragraphs.begin());
        node.as_written = true;
        node.text_on_line = false;
        m_plan.warnings.push_back(Warning{
            node.item.line,
            fmt::format("this {} heading runs on into its text; kept whole as the section's title, "
                        "which prints as written: split it into title and text",
                        model::style_name(node.item.style))});
      }
    }
    if (!m_roots.empty()) {
      dissolve_list(m_roots, m_plan.basis, m_plan.head_notes);
    }
    for (std::size_t parent = 0; parent < m_nodes.size(); ++parent) {
      Node& node = m_nodes[parent];
      if (!node.dissolved && !node.children.empty()) {
        dissolve_list(node.children, node.item.paragraphs, node.item.notes);
      }
    }
    // The numbers of dissolved items are kept as written: no warning about renumbering them.
    std::erase_if(m_plan.warnings, [&](const Warning& w) {
      return w.message.starts_with("numbered ") &&
             std::any_of(m_nodes.begin(), m_nodes.end(), [&](const Node& node) {
               return node.dissolved && node.item.line == w.line;
             });
    });
  }

  void decide_period() {
    const std::optional<int> titled = year_in_title(m_plan.title);
    const bool school_year = m_plan.title.find("学年") != std::string::npos;
    int year = 0;
    if (titled) {
      year = *titled;
    } else if (m_plan.date) {
      year = m_plan.date->year - (school_year && m_plan.date->month < 8 ? 1 : 0);
    } else {
      year = util::today().year;
    }
    m_plan.year = std::clamp(year, 2000, 2100);
    if (school_year) {
      m_plan.period_start = util::Date{m_plan.year, 9, 1};
      m_plan.period_end = util::Date{m_plan.year + 1, 8, 31};
    }
  }

  const std::vector<SourceLine>& m_lines;
  const RecognizeOptions& m_options;
  ImportedPlan m_plan;
  std::vector<model::NumberStyle> m_styles; // the styles of the open depths, outermost first
  // Items are built in a pool and assembled into the tree at the end, so that no reference into
  // a growing list is ever held.
  struct Node {
    ImportedItem item;
    std::vector<std::size_t> children;
    std::size_t depth = 0;
    std::string source;        // the line as written, label included
    bool as_written = true;    // rendering gives the line back (not a heading split in two)
    bool text_on_line = false; // its first paragraph is the rest of its own line
    bool dissolved = false;    // its lines became its parent's paragraphs
  };
  std::vector<Node> m_nodes;
  std::vector<std::size_t> m_roots;
  std::vector<std::size_t> m_open; // the open node at each depth
  std::vector<Note> m_set_aside;
  struct TaskPage {
    int number = 0; // N of `附件N`, 0 for `附件`
    SourceLine label;
    SourceLine title;
    SourceLine header;
    std::vector<SourceLine> rows;
  };
  std::vector<TaskPage> m_task_pages;
  bool m_in_attachments = false;
  std::optional<SourceLine> m_printed_line; // where printed_by and printed_date came from
  std::optional<SourceLine> m_signer_line;
};

} // namespace

ImportedPlan recognize_plan(const SourceDocument& doc, const RecognizeOptions& options) {
  return Recognizer(doc, options).run();
}

} // namespace planctl::import
