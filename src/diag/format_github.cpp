#include <planctl/diag/format.hpp>

#include <fmt/format.h>

namespace planctl::diag {

namespace {

// actions/toolkit command.ts `escapeData`.
void escape_data(std::string& out, char c) {
  switch (c) {
  case '%':
    out += "%25";
    break;
  case '\r':
    out += "%0D";
    break;
  case '\n':
    out += "%0A";
    break;
  default:
    out += c;
  }
}

} // namespace

std::string escape_github_message(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    escape_data(out, c);
  }
  return out;
}

std::string escape_github_property(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      escape_data(out, c);
    }
  }
  return out;
}

std::string format_github(std::span<const FileResult> results, Lang lang, std::size_t limit) {
  // GitHub shows at most 10 error and 10 warning annotations per step and drops the rest
  // silently (actions/toolkit#734); say so instead, and the full log still lists everything.
  std::string out;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t left_out = 0;
  for (const FileResult& r : results) {
    for (const Diagnostic& d : r.diagnostics.items()) {
      std::size_t& shown = d.severity == Severity::error ? errors : warnings;
      if (shown == limit) {
        ++left_out;
        continue;
      }
      ++shown;
      std::string props = "file=" + escape_github_property(printable(d.file));
      if (d.mark.known()) {
        props += fmt::format(",line={},col={}", d.mark.line, std::max(d.mark.column, 1));
      }
      props += ",title=" + escape_github_property(d.rule());
      // An annotation has one place: a note goes into the message, on a line of its own.
      // Control characters are escaped in each part as the text format does (printable).
      std::string message = printable(d.text(lang));
      for (const Note& n : d.notes) {
        message += "\n" + printable(fmt::format("{}:{}:{}: {}", d.file, n.mark.line,
                                                std::max(n.mark.column, 1), n.text(lang)));
      }
      out += fmt::format("::{} {}::{}\n", d.severity == Severity::error ? "error" : "warning",
                         props, escape_github_message(message));
    }
  }
  if (left_out > 0) {
    const std::string note =
        lang == Lang::zh
            ? fmt::format("另有 {} 条问题未标注（GitHub 每步最多显示 {} 个错误和 {} 个警告），"
                          "完整列表见日志",
                          left_out, limit, limit)
            : fmt::format("+{} more {} not annotated (GitHub shows at most {} errors and {} "
                          "warnings per step); see the full log",
                          left_out, left_out == 1 ? "finding" : "findings", limit, limit);
    out += "::notice::" + escape_github_message(note) + "\n";
  }
  return out;
}

} // namespace planctl::diag
