#include <planctl/layout/date_wording.hpp>
#include <planctl/layout/official.hpp>
#include <planctl/layout/paragraphs.hpp>

namespace planctl::layout {

namespace {

bool ends_with(std::string_view text, std::string_view tail) {
  return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

bool starts_with(std::string_view text, std::string_view head) {
  return text.substr(0, head.size()) == head;
}

// `text` without the list punctuation an author may have closed an entry with, so that the
// joiner and the closing mark are never doubled (`各中小学，` `各幼儿园：`).
std::string without_closing_mark(std::string text) {
  for (bool again = true; again;) {
    again = false;
    for (std::string_view mark : {"：", "，", "、", "。", "；", ":", ",", ";"}) {
      if (ends_with(text, mark)) {
        text.resize(text.size() - mark.size());
        again = true;
      }
    }
  }
  return text;
}

// The non-empty entries of `list`, one line each, without closing marks, joined by `joiner`.
std::string joined(const model::TextList& list, std::string_view joiner, const TextRules& rules) {
  std::string out;
  for (const model::Text& entry : list) {
    std::string text = without_closing_mark(rules.line(entry.value));
    if (text.empty()) {
      continue;
    }
    if (!out.empty()) {
      out += joiner;
    }
    out += text;
  }
  return out;
}

std::string optional_line(const std::optional<model::Text>& text, const TextRules& rules) {
  return text ? rules.line(text->value) : std::string();
}

} // namespace

std::optional<Letterhead> letterhead(const std::optional<model::Text>& mark,
                                     const model::OfficialParts& parts, const TextRules& rules) {
  Letterhead head;
  head.mark = optional_line(mark, rules);
  head.doc_number = optional_line(parts.doc_number, rules);
  head.signer = optional_line(parts.signer, rules);
  if (!head.signer.empty()) {
    head.signer_label = "签发人：";
  }
  if (head.mark.empty() && head.doc_number.empty() && head.signer.empty()) {
    return std::nullopt;
  }
  return head;
}

std::string recipients_line(const model::TextList& recipients, const TextRules& rules) {
  std::string line = joined(recipients, "、", rules);
  if (!line.empty()) {
    line += "：";
  }
  return line;
}

std::string note_line(const std::optional<model::Text>& note, const TextRules& rules) {
  std::string text = optional_line(note, rules);
  if (text.empty() || (starts_with(text, "（") && ends_with(text, "）"))) {
    return text;
  }
  return "（" + text + "）";
}

std::optional<Imprint> imprint(const model::OfficialParts& parts, const util::Date& document_date,
                               const TextRules& rules) {
  Imprint out;
  const std::string copies = joined(parts.copy_to, "，", rules);
  if (!copies.empty()) {
    out.copy_to = "抄送：" + copies + "。";
  }
  out.printed_by = optional_line(parts.printed_by, rules);
  if (!out.printed_by.empty()) {
    out.printed_date =
        word_date(parts.printed_date ? parts.printed_date->value : document_date) + "印发";
  }
  if (out.copy_to.empty() && out.printed_by.empty()) {
    return std::nullopt;
  }
  return out;
}

std::vector<std::string> title_lines(std::string_view raw, const TextRules& rules) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= raw.size()) {
    std::size_t end = raw.find('\n', start);
    if (end == std::string_view::npos) {
      end = raw.size();
    }
    std::string_view piece = raw.substr(start, end - start);
    if (!piece.empty() && piece.back() == '\r') {
      piece.remove_suffix(1);
    }
    std::string line = rules.line(piece);
    if (!line.empty()) {
      lines.push_back(std::move(line));
    }
    start = end + 1;
  }
  if (lines.size() < 2) {
    lines.clear();
  }
  return lines;
}

void apply_official_parts(Document& doc, const std::optional<model::Text>& mark,
                          const model::OfficialParts& parts, const util::Date& document_date,
                          const TextRules& rules) {
  doc.letterhead = letterhead(mark, parts, rules);
  doc.recipients = recipients_line(parts.recipients, rules);
  doc.note = note_line(parts.note, rules);
  doc.imprint = imprint(parts, document_date, rules);
  doc.signature.sealed = parts.seal && parts.seal->value;
}

} // namespace planctl::layout
