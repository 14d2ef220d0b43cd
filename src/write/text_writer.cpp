// The DOCX-ready text writer: one paragraph per line, indented with ideographic spaces, and
// the signature placed as GB/T 9704 §7.3.5.2 places an unsealed one (docs/layout.md).
#include <planctl/util/utf8.hpp>
#include <planctl/write/writers.hpp>

#include <algorithm>
#include <string_view>

namespace planctl::write {

namespace {

constexpr std::string_view k_indent = "\u3000\u3000"; // two characters, GB/T 9704 §7.3.3
constexpr long k_line_halves = 56;                    // 28 characters per line (§5.2.3)
constexpr long k_margin_halves = 4;                   // 右空二字 / 右移二字

// Width of `text` in half characters: ASCII (a half-width digit, letter or space) is one
// half, everything else a whole character.
long width_in_halves(std::string_view text) {
  long halves = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = util::next_code_point(text, pos);
    halves += ((cp >= 0x20 && cp < 0x7F) || (cp >= 0xFF61 && cp <= 0xFF9F)) ? 1 : 2;
  }
  return halves;
}

// `text` on one line: a stray line break in a document string must not start a paragraph.
std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' || text[i] == '\n') {
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
      out += ' ';
    } else {
      out += text[i];
    }
  }
  return out;
}

// `halves` of padding as whole ideographic spaces, rounded down so that nothing ever comes
// closer to the right edge than GB/T 9704 allows.
std::string padding(long halves) {
  std::string out;
  for (long i = 0; i < std::max(0L, halves) / 2; ++i) {
    out += "\u3000";
  }
  return out;
}

void append_line(std::string& out, std::string_view indent, std::string_view text) {
  out += indent;
  out += one_line(text);
  out += '\n';
}

std::string signature(const layout::Signature& sig) {
  const std::string issuer = one_line(sig.issuer);
  const std::string date = one_line(sig.date);
  const long issuer_width = width_in_halves(issuer);
  const long date_width = width_in_halves(date);
  const long right = k_line_halves - k_margin_halves;
  long issuer_start = right - issuer_width;
  long date_start = issuer.empty() ? right - date_width : issuer_start + k_margin_halves;
  if (date_start + date_width > right) {
    // The date is the longer: it keeps the right margin and the name moves left.
    date_start = right - date_width;
    issuer_start = date_start - k_margin_halves;
  }
  if (issuer_start < 0) {
    // A name wider than the line wraps in Word anyway; the date keeps its own place.
    issuer_start = 0;
    date_start = right - date_width;
  }
  std::string out;
  if (!issuer.empty()) {
    append_line(out, padding(issuer_start), issuer);
  }
  if (!date.empty()) {
    append_line(out, padding(date_start), date);
  }
  return out;
}

} // namespace

std::string to_text(const layout::Document& doc) {
  std::string out;
  append_line(out, {}, doc.title);
  out += '\n';
  for (const layout::Block& block : doc.blocks) {
    switch (block.kind) {
    case layout::BlockKind::heading:
      append_line(out, k_indent, block.number + block.title);
      break;
    case layout::BlockKind::paragraph:
      append_line(out, k_indent, block.text);
      break;
    case layout::BlockKind::run_in:
      append_line(out, k_indent, block.number + block.title + block.title_end + block.text);
      break;
    case layout::BlockKind::attachments: {
      // GB/T 9704 §7.3.4: the note sits one line below the body; further entries align
      // with the first one.
      out += '\n';
      std::string indent(k_indent);
      indent += padding(width_in_halves(one_line(block.label)) + 1);
      for (std::size_t i = 0; i < block.entries.size(); ++i) {
        if (i == 0) {
          append_line(out, k_indent, block.label + block.entries[i]);
        } else {
          append_line(out, indent, block.entries[i]);
        }
      }
      if (block.entries.empty()) {
        append_line(out, k_indent, block.label);
      }
      break;
    }
    }
  }
  const std::string sig = signature(doc.signature);
  if (!sig.empty()) {
    out += '\n';
    out += sig;
  }
  return out;
}

} // namespace planctl::write
