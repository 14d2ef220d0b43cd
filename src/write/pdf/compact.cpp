// cairo's PDF rewritten with its dictionaries in compressed object streams (compact.hpp).
#include <planctl/write/pdf/compact.hpp>

#include <zlib.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <map>
#include <vector>

namespace planctl::write::pdf {

namespace {

// Objects a stream of objects holds: enough that the repeated page dictionaries compress well,
// few enough that a reader does not inflate megabytes for one page.
constexpr std::size_t k_per_stream = 200;

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) {
    s.remove_prefix(1);
  }
  while (!s.empty() && is_space(s.back())) {
    s.remove_suffix(1);
  }
  return s;
}

// The non-negative number at `pos` in `s` (spaces skipped first); advances `pos`.
std::optional<std::size_t> number(std::string_view s, std::size_t& pos) {
  while (pos < s.size() && is_space(s[pos])) {
    ++pos;
  }
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(s.data() + pos, s.data() + s.size(), value);
  if (ec != std::errc{} || end == s.data() + pos) {
    return std::nullopt;
  }
  pos = static_cast<std::size_t>(end - s.data());
  return value;
}

// The object number after `key` (`/Root 12 0 R` → 12) in `dict`.
std::optional<std::size_t> reference(std::string_view dict, std::string_view key) {
  std::size_t pos = dict.find(key);
  if (pos == std::string_view::npos) {
    return std::nullopt;
  }
  pos += key.size();
  const std::optional<std::size_t> n = number(dict, pos);
  const std::optional<std::size_t> gen = n ? number(dict, pos) : std::nullopt;
  while (pos < dict.size() && is_space(dict[pos])) {
    ++pos;
  }
  if (!gen || *gen != 0 || pos >= dict.size() || dict[pos] != 'R') {
    return std::nullopt;
  }
  return n;
}

std::optional<std::string> deflate(std::string_view data) {
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                reinterpret_cast<const Bytef*>(data.data()), static_cast<uLong>(data.size()),
                Z_DEFAULT_COMPRESSION) != Z_OK) {
    return std::nullopt;
  }
  out.resize(size);
  return out;
}

struct Object {
  std::string_view body; // between `N 0 obj` and `endobj`, trimmed
  std::string_view dict; // a stream's dictionary
  std::string_view data; // a stream's bytes
  bool stream = false;
};

// The objects of cairo's file by number, from its cross-reference table; false when the file
// has another shape.
bool read_objects(std::string_view pdf, std::map<std::size_t, Object>& objects,
                  std::string_view& trailer, std::size_t& first_offset) {
  const std::size_t startxref = pdf.rfind("startxref");
  if (startxref == std::string_view::npos) {
    return false;
  }
  std::size_t pos = startxref + 9;
  const std::optional<std::size_t> xref = number(pdf, pos);
  if (!xref || *xref >= pdf.size() || pdf.substr(*xref, 4) != "xref") {
    return false;
  }
  pos = *xref + 4;
  const std::optional<std::size_t> first = number(pdf, pos);
  const std::optional<std::size_t> count = first ? number(pdf, pos) : std::nullopt;
  if (!count || *first != 0 || *count < 2) {
    return false;
  }
  while (pos < pdf.size() && is_space(pdf[pos])) {
    ++pos;
  }
  const std::size_t table = pos;
  if (table + *count * 20 > pdf.size()) {
    return false;
  }
  const std::size_t trailer_at = pdf.find("trailer", table + *count * 20);
  if (trailer_at == std::string_view::npos || trailer_at > startxref) {
    return false;
  }
  trailer = pdf.substr(trailer_at, startxref - trailer_at);
  std::vector<std::pair<std::size_t, std::size_t>> at; // offset, number
  for (std::size_t i = 1; i < *count; ++i) {
    const std::string_view entry = pdf.substr(table + i * 20, 20);
    if (entry[17] != 'n') {
      return false; // cairo writes no free objects but object 0
    }
    std::size_t p = 0;
    const std::optional<std::size_t> offset = number(entry, p);
    if (!offset || *offset >= *xref) {
      return false;
    }
    at.emplace_back(*offset, i);
  }
  std::sort(at.begin(), at.end());
  first_offset = at.front().first;
  for (std::size_t k = 0; k < at.size(); ++k) {
    const std::size_t end = k + 1 < at.size() ? at[k + 1].first : *xref;
    std::string_view text = trim(pdf.substr(at[k].first, end - at[k].first));
    const std::string head = std::to_string(at[k].second) + " 0 obj";
    if (!text.starts_with(head) || !text.ends_with("endobj")) {
      return false;
    }
    Object o;
    o.body = trim(text.substr(head.size(), text.size() - head.size() - 6));
    const std::size_t s = o.body.find("\nstream\n");
    if (s != std::string_view::npos && o.body.ends_with("endstream")) {
      o.stream = true;
      o.dict = trim(o.body.substr(0, s));
      o.data = o.body.substr(s + 8); // resolved to /Length below
    }
    objects.emplace(at[k].second, o);
  }
  // Stream lengths: direct, or an object of their own written after the stream.
  for (auto& [n, o] : objects) {
    if (!o.stream) {
      continue;
    }
    std::size_t p = o.dict.find("/Length ");
    if (p == std::string_view::npos) {
      return false;
    }
    p += 8;
    std::optional<std::size_t> length;
    if (const std::optional<std::size_t> ref = reference(o.dict, "/Length ")) {
      const auto it = objects.find(*ref);
      std::size_t q = 0;
      length = it == objects.end() ? std::nullopt : number(it->second.body, q);
    } else {
      length = number(o.dict, p);
    }
    if (!length || *length > o.data.size()) {
      return false;
    }
    o.data = o.data.substr(0, *length);
  }
  return true;
}

std::string stream_object(std::size_t n, std::string_view dict, std::string_view data) {
  std::string out = std::to_string(n) + " 0 obj\n" + std::string(dict) + "\nstream\n";
  out += data;
  out += "\nendstream\nendobj\n";
  return out;
}

void put_bytes(std::string& out, std::uint64_t value, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) {
    out += static_cast<char>((value >> (8 * i)) & 0xFF);
  }
}

} // namespace

std::optional<std::string> compact(std::string_view pdf, std::string_view source) {
  std::map<std::size_t, Object> objects;
  std::string_view trailer;
  std::size_t first_offset = 0;
  if (!read_objects(pdf, objects, trailer, first_offset)) {
    return std::nullopt;
  }
  const std::optional<std::size_t> root = reference(trailer, "/Root ");
  const std::optional<std::size_t> info = reference(trailer, "/Info ");
  if (!root || !objects.contains(*root) || objects.at(*root).stream) {
    return std::nullopt;
  }
  const std::size_t size = objects.rbegin()->first + 1;
  std::size_t next = size;

  struct Entry {
    int type = 0; // 0 free, 1 at an offset, 2 in an object stream
    std::size_t a = 0, b = 0;
  };
  std::vector<Entry> xref(size);
  std::string out(pdf.substr(0, first_offset)); // cairo's header and its binary comment line
  std::vector<std::pair<std::size_t, std::string>> packed; // objects for the object streams

  // The catalog names the attachment (PDF 1.7 §7.11.4, /AFRelationship from PDF 2.0).
  std::string catalog(objects.at(*root).body);
  if (!source.empty()) {
    const std::size_t file_obj = next++;
    const std::size_t spec_obj = next++;
    const std::size_t close = catalog.rfind(">>");
    if (close == std::string::npos || catalog.find("/Names") != std::string::npos) {
      return std::nullopt;
    }
    catalog.insert(close, "/Names << /EmbeddedFiles << /Names [(plan.yaml) " +
                              std::to_string(spec_obj) + " 0 R] >> >>\n");
    xref.resize(next);
    xref[file_obj] = {1, out.size(), 0};
    out += stream_object(file_obj,
                         "<< /Type /EmbeddedFile /Subtype /text#2Fyaml /Length " +
                             std::to_string(source.size()) + " >>",
                         source);
    packed.emplace_back(spec_obj, "<< /Type /Filespec /F (plan.yaml) /UF (plan.yaml) "
                                  "/AFRelationship /Source /Desc (the plan file this document "
                                  "was made from) /EF << /F " +
                                      std::to_string(file_obj) + " 0 R >> >>");
  }
  for (const auto& [n, o] : objects) {
    if (o.stream) {
      // The length written in the dictionary; the object that held it stays, unused.
      std::string dict(o.dict);
      const std::size_t at = dict.find("/Length ");
      std::size_t p = at + 8;
      if (reference(dict, "/Length ")) {
        number(dict, p);
        number(dict, p);
        while (p < dict.size() && is_space(dict[p])) {
          ++p;
        }
        dict.replace(at, p + 1 - at, "/Length " + std::to_string(o.data.size()));
      }
      xref[n] = {1, out.size(), 0};
      out += stream_object(n, dict, o.data);
    } else {
      packed.emplace_back(n, n == *root ? catalog : std::string(o.body));
    }
  }
  std::sort(packed.begin(), packed.end());
  for (std::size_t from = 0; from < packed.size(); from += k_per_stream) {
    const std::size_t to = std::min(packed.size(), from + k_per_stream);
    const std::size_t stream_obj = next++;
    xref.resize(next);
    std::string offsets;
    std::string bodies;
    for (std::size_t k = from; k < to; ++k) {
      offsets += std::to_string(packed[k].first) + " " + std::to_string(bodies.size()) + " ";
      bodies += packed[k].second;
      bodies += '\n';
      xref[packed[k].first] = {2, stream_obj, k - from};
    }
    const std::optional<std::string> data = deflate(offsets + bodies);
    if (!data) {
      return std::nullopt;
    }
    xref[stream_obj] = {1, out.size(), 0};
    out += stream_object(stream_obj,
                         "<< /Type /ObjStm /N " + std::to_string(to - from) + " /First " +
                             std::to_string(offsets.size()) + " /Filter /FlateDecode /Length " +
                             std::to_string(data->size()) + " >>",
                         *data);
  }
  // The cross-reference stream: type, offset or object stream (4 bytes), generation or index.
  const std::size_t xref_obj = next++;
  xref.resize(next);
  xref[0] = {0, 0, 65535};
  xref[xref_obj] = {1, out.size(), 0};
  std::string rows;
  for (const Entry& e : xref) {
    rows += static_cast<char>(e.type);
    put_bytes(rows, e.a, 4);
    put_bytes(rows, e.b, 2);
  }
  const std::optional<std::string> data = deflate(rows);
  if (!data || out.size() > 0xFFFFFFFFu) {
    return std::nullopt;
  }
  const std::size_t xref_at = out.size();
  out += stream_object(xref_obj,
                       "<< /Type /XRef /Size " + std::to_string(next) + " /W [1 4 2] /Root " +
                           std::to_string(*root) + " 0 R" +
                           (info ? " /Info " + std::to_string(*info) + " 0 R" : std::string()) +
                           " /Filter /FlateDecode /Length " + std::to_string(data->size()) + " >>",
                       *data);
  out += "startxref\n" + std::to_string(xref_at) + "\n%%EOF\n";
  return out;
}

} // namespace planctl::write::pdf
