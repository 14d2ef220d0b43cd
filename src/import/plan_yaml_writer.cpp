#include <planctl/import/plan_yaml_writer.hpp>
#include <planctl/model/numbering.hpp>
#include <planctl/util/utf8.hpp>

#include <fmt/core.h>

#include <array>

namespace planctl::import {

namespace {

// Paragraphs wider than this many characters, or more than one, are written as `|` blocks.
constexpr std::size_t k_inline_max = 40;

bool is_plain_safe(std::string_view text) {
  if (text.empty() || text.front() == ' ' || text.back() == ' ' || text.back() == ':') {
    return false;
  }
  static constexpr std::string_view k_indicators = "-?:,[]{}#&*!|>'\"%@`";
  if (k_indicators.find(text.front()) != std::string_view::npos) {
    return false;
  }
  if (text.find(": ") != std::string_view::npos || text.find(" #") != std::string_view::npos ||
      text.find('\t') != std::string_view::npos || text.find('\\') != std::string_view::npos) {
    return false;
  }
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      return false;
    }
  }
  // Words YAML reads as null or as a boolean in some parsers: a text field would lose them.
  static constexpr std::array<std::string_view, 14> k_special = {
      "~",     "null",  "Null",  "NULL", "true", "True", "TRUE",
      "false", "False", "FALSE", "yes",  "no",   "on",   "off"};
  for (std::string_view word : k_special) {
    if (text == word) {
      return false;
    }
  }
  // A leading byte-order mark or other invisible character would not survive a reader.
  std::size_t pos = 0;
  const char32_t first = util::next_code_point(text, pos);
  return first != 0xFEFF && first != 0xA0 && first != 0x3000;
}

std::string double_quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\n':
      out += "\\n";
      break;
    default:
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
        out += fmt::format("\\x{:02X}", static_cast<unsigned char>(c));
      } else {
        out += c;
      }
    }
  }
  return out + "\"";
}

std::string indent(std::size_t n) {
  return std::string(n, ' ');
}

// A comment line's text: one line, whatever the source held.
std::string comment_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    out += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return out;
}

void write_notes(std::string& out, const std::vector<Note>& notes, std::size_t at) {
  for (const Note& n : notes) {
    out += fmt::format("{}# 未导入（原文第{}行，{}）：{}\n", indent(at), n.line, n.why_zh,
                       comment_text(n.text));
  }
}

// `key: value` for prose: inline when short, else a `|` block with a blank line between
// paragraphs (which the loader reads back as the same paragraphs).
void write_prose(std::string& out, std::size_t at, std::string_view key,
                 const std::vector<std::string>& paragraphs) {
  if (paragraphs.empty()) {
    return;
  }
  if (paragraphs.size() == 1 && util::count_code_points(paragraphs.front()) <= k_inline_max) {
    out += fmt::format("{}{}: {}\n", indent(at), key, yaml_inline_scalar(paragraphs.front()));
    return;
  }
  // A first line that starts with a space would set the block's indentation deeper than the
  // lines after it (which YAML then reads as structure): the indentation is given instead.
  out +=
      fmt::format("{}{}: |{}\n", indent(at), key, paragraphs.front().starts_with(' ') ? "2" : "");
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    if (i > 0) {
      out += '\n';
    }
    out += indent(at + 2);
    out += paragraphs[i];
    out += '\n';
  }
}

void write_items(std::string& out, const std::vector<ImportedItem>& items, std::size_t at) {
  for (const ImportedItem& item : items) {
    out += fmt::format("{}- title: {}\n", indent(at), yaml_inline_scalar(item.title));
    for (const std::string& field : item.fields) {
      out += fmt::format("{}{}\n", indent(at + 2), field);
    }
    write_prose(out, at + 2, "text", item.paragraphs);
    write_notes(out, item.notes, at + 2);
    if (!item.items.empty()) {
      out += fmt::format("{}items:\n", indent(at + 2));
      write_items(out, item.items, at + 4);
    }
  }
}

} // namespace

std::string yaml_inline_scalar(std::string_view text) {
  return is_plain_safe(text) ? std::string(text) : double_quoted(text);
}

std::string write_plan_yaml(const ImportedPlan& plan, std::string_view source_name) {
  std::string out;
  out += "# yaml-language-server: $schema=plan.schema.json\n";
  out += fmt::format("# 由 planctl import 从 {} 生成。请核对后运行：planctl validate 本文件\n",
                     comment_text(source_name));
  out += "version: 1\n\n";
  out += "school:\n";
  if (plan.issuer.empty()) {
    out += "  name: 待填写学校名称  # 待填写：学校全称\n";
  } else {
    out +=
        fmt::format("  name: {}  # 由落款推断，请改为学校全称\n", yaml_inline_scalar(plan.issuer));
  }
  out += "\nplan:\n";
  if (plan.title_missing) {
    out += "  title: 待填写标题  # 待填写：文档中没有找到标题\n";
  } else if (plan.title.find('\n') != std::string::npos) {
    // A title set on several lines, as the document breaks it.
    out += "  title: |\n";
    std::size_t start = 0;
    while (start <= plan.title.size()) {
      std::size_t nl = plan.title.find('\n', start);
      nl = nl == std::string::npos ? plan.title.size() : nl;
      out += "    " + plan.title.substr(start, nl - start) + "\n";
      start = nl + 1;
    }
  } else {
    out += fmt::format("  title: {}\n", yaml_inline_scalar(plan.title));
  }
  out += fmt::format("  year: {}\n", plan.year);
  if (plan.period_start && plan.period_end) {
    out += fmt::format("  period: {{start: {}, end: {}}}  # 由标题中的“学年”推断，请核对\n",
                       util::to_iso(*plan.period_start), util::to_iso(*plan.period_end));
  }
  if (plan.issuer.empty()) {
    out += "  issuer: 待填写落款单位  # 待填写：文档中没有找到落款\n";
  } else {
    out += fmt::format("  issuer: {}\n", yaml_inline_scalar(plan.issuer));
  }
  if (plan.date) {
    out += fmt::format("  date: {}\n", util::to_iso(*plan.date));
  } else {
    out += fmt::format("  date: {}  # 待填写：文档中没有找到成文日期，暂填导入当天\n",
                       util::to_iso(util::today()));
  }
  if (!plan.numbering.empty()) {
    std::string styles;
    for (model::NumberStyle style : plan.numbering) {
      styles += (styles.empty() ? "" : ", ") + model::style_name(style);
    }
    out += fmt::format("  numbering: [{}]\n", styles);
  }
  const auto text_key = [&](std::string_view key, const std::string& value) {
    if (!value.empty()) {
      out += fmt::format("  {}: {}\n", key, yaml_inline_scalar(value));
    }
  };
  const auto list_key = [&](std::string_view key, const std::vector<std::string>& values) {
    if (values.size() == 1) {
      text_key(key, values.front());
    } else if (!values.empty()) {
      out += fmt::format("  {}:\n", key);
      for (const std::string& value : values) {
        out += fmt::format("    - {}\n", yaml_inline_scalar(value));
      }
    }
  };
  text_key("letterhead", plan.letterhead);
  text_key("doc_number", plan.doc_number);
  text_key("signer", plan.signer);
  list_key("recipients", plan.recipients);
  text_key("note", plan.note);
  list_key("copy_to", plan.copy_to);
  text_key("printed_by", plan.printed_by);
  if (plan.printed_date) {
    out += fmt::format("  printed_date: {}\n", util::to_iso(*plan.printed_date));
  }
  if (plan.seal) {
    out += "  seal: true  # 由落款的排法推断（加盖印章），请核对\n";
  }
  write_prose(out, 2, "basis", plan.basis);
  write_notes(out, plan.head_notes, 2);
  if (plan.sections.empty()) {
    out += "  sections:\n    - title: 待填写  # 待填写：文档中没有找到编号的标题\n";
  } else {
    out += "  sections:\n";
    write_items(out, plan.sections, 4);
  }
  if (!plan.attachments.empty()) {
    out += "  attachments:\n";
    for (std::size_t i = 0; i < plan.attachments.size(); ++i) {
      const std::string& title = plan.attachments[i];
      if (i < plan.attachment_tasks.size() && plan.attachment_tasks[i]) {
        out += fmt::format("    - title: {}\n      content: tasks\n", yaml_inline_scalar(title));
        continue;
      }
      out += fmt::format("    - {}\n", yaml_inline_scalar(title));
    }
  }
  write_notes(out, plan.tail_notes, 2);
  return out;
}

} // namespace planctl::import
