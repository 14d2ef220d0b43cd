#if PLANCTL_HAVE_PDF
#include <planctl/write/pdf/compact.hpp>

#include <doctest/doctest.h>

#include <zlib.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

using planctl::write::pdf::compact;

namespace {

// A file in cairo's shape: objects, a stream whose /Length is an object written after it, one
// cross-reference table and a trailer with /Root and /Info.
std::string cairo_like() {
  std::vector<std::string> objects = {
      "<< /Type /Pages /Kids [ 2 0 R ] /Count 1 >>",
      "<< /Type /Page /Parent 1 0 R /MediaBox [ 0 0 595 842 ] /Contents 3 0 R >>",
      "<< /Length 4 0 R >>\nstream\nBT ET endstream-like bytes\nendstream",
      "26",
      "<< /Title (x) /Creator (planctl) >>",
      "<< /Type /Catalog\n   /Pages 1 0 R\n>>",
  };
  std::string pdf = "%PDF-1.5\n%\xb5\xed\xae\xfb\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (const std::size_t at : offsets) {
    char row[32];
    std::snprintf(row, sizeof row, "%010zu 00000 n \n", at);
    pdf += row;
  }
  pdf += "trailer\n<< /Size 7\n   /Root 6 0 R\n   /Info 5 0 R\n>>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

std::string inflate(std::string_view data) {
  std::string out(1 << 20, '\0');
  uLongf size = out.size();
  REQUIRE(uncompress(reinterpret_cast<Bytef*>(out.data()), &size,
                     reinterpret_cast<const Bytef*>(data.data()), data.size()) == Z_OK);
  out.resize(size);
  return out;
}

// The bytes of the stream of the object at `at`.
std::string_view stream_at(std::string_view pdf, std::size_t at) {
  const std::size_t length = pdf.find("/Length ", at);
  const std::size_t n = std::stoul(std::string(pdf.substr(length + 8, 12)));
  const std::size_t start = pdf.find(">>\nstream\n", at) + 10;
  return pdf.substr(start, n);
}

struct Row {
  int type;
  std::size_t a, b;
};

// The cross-reference stream's rows (W [1 4 2]).
std::vector<Row> xref_rows(std::string_view pdf) {
  const std::size_t startxref = pdf.rfind("startxref\n");
  const std::size_t at = std::stoul(std::string(pdf.substr(startxref + 10)));
  CHECK(pdf.substr(at).find("/Type /XRef") < 100);
  const std::string rows = inflate(stream_at(pdf, at));
  REQUIRE(rows.size() % 7 == 0);
  std::vector<Row> out;
  for (std::size_t i = 0; i < rows.size(); i += 7) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(rows[i + k]); };
    out.push_back(Row{byte(0),
                      (std::size_t{byte(1)} << 24) | (byte(2) << 16) | (byte(3) << 8) | byte(4),
                      std::size_t((byte(5) << 8) | byte(6))});
  }
  return out;
}

// Object `n`'s text, found through the cross-reference stream as a reader would.
std::string object(std::string_view pdf, const std::vector<Row>& rows, std::size_t n) {
  const Row& r = rows.at(n);
  if (r.type == 1) {
    const std::string head = std::to_string(n) + " 0 obj\n";
    REQUIRE(pdf.substr(r.a, head.size()) == head);
    const std::size_t end = pdf.find("endobj", r.a);
    return std::string(pdf.substr(r.a + head.size(), end - r.a - head.size()));
  }
  REQUIRE(r.type == 2);
  const Row& holder = rows.at(r.a);
  REQUIRE(holder.type == 1);
  const std::string body = inflate(stream_at(pdf, holder.a));
  const std::size_t first_at = pdf.find("/First ", holder.a);
  const std::size_t first = std::stoul(std::string(pdf.substr(first_at + 7, 12)));
  // The header: pairs of object number and offset from /First.
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  std::size_t pos = 0;
  while (pos < first) {
    std::size_t used = 0;
    const std::size_t num = std::stoul(body.substr(pos), &used);
    pos += used;
    const std::size_t off = std::stoul(body.substr(pos), &used);
    pos += used + 1;
    pairs.emplace_back(num, off);
  }
  REQUIRE(r.b < pairs.size());
  CHECK(pairs[r.b].first == n);
  const std::size_t from = first + pairs[r.b].second;
  const std::size_t to = r.b + 1 < pairs.size() ? first + pairs[r.b + 1].second : body.size();
  return body.substr(from, to - from);
}

} // namespace

TEST_CASE("write::pdf::compact") {
  const std::string in = cairo_like();
  SUBCASE("every object is found where the cross-reference stream says") {
    const std::optional<std::string> out = compact(in, "");
    REQUIRE(out);
    CHECK(out->starts_with("%PDF-1.5\n%\xb5\xed\xae\xfb\n"));
    CHECK(out->ends_with("%%EOF\n"));
    const std::vector<Row> rows = xref_rows(*out);
    REQUIRE(rows.size() >= 8); // 0, six objects, an object stream, the xref stream
    CHECK(rows[0].type == 0);
    CHECK(object(*out, rows, 1).find("/Type /Pages") != std::string::npos);
    CHECK(object(*out, rows, 2).find("/Contents 3 0 R") != std::string::npos);
    CHECK(rows[1].type == 2); // dictionaries in an object stream
    CHECK(rows[3].type == 1); // streams stay in the file, their length now direct
    const std::string stream = object(*out, rows, 3);
    CHECK(stream.find("<< /Length 26 >>\nstream\nBT ET endstream-like bytes\nendstream") == 0);
    CHECK(object(*out, rows, 6).find("/Type /Catalog") != std::string::npos);
    CHECK(out->find("/Root 6 0 R /Info 5 0 R") != std::string::npos);
    CHECK(out->find("\nxref\n") == std::string::npos); // no table any more
  }
  SUBCASE("the plan file is attached, named in the catalog, as import/pdf_reader.cpp reads it") {
    const std::string source = "version: 1\nschool:\n  name: 一中\n";
    const std::optional<std::string> out = compact(in, source);
    REQUIRE(out);
    const std::vector<Row> rows = xref_rows(*out);
    const std::string catalog = object(*out, rows, 6);
    CHECK(catalog.find("/Names << /EmbeddedFiles << /Names [(plan.yaml) 8 0 R] >> >>") !=
          std::string::npos);
    CHECK(object(*out, rows, 8).find("/EF << /F 7 0 R >>") != std::string::npos);
    CHECK(object(*out, rows, 7).find("/Type /EmbeddedFile") != std::string::npos);
    CHECK(out->find("<< /Type /EmbeddedFile /Subtype /text#2Fyaml /Length " +
                    std::to_string(source.size()) + " >>\nstream\n" + source + "\nendstream") !=
          std::string::npos);
  }
  SUBCASE("the same bytes twice") {
    CHECK(compact(in, "a: 1\n") == compact(in, "a: 1\n"));
  }
  SUBCASE("a file of another shape is refused") {
    CHECK_FALSE(compact("%PDF-1.5\nnot a pdf", ""));
    std::string broken = in;
    broken.replace(broken.find("/Length 4 0 R"), 13, "/Length 9 0 R");
    CHECK_FALSE(compact(broken, ""));
    std::string moved = in;
    moved.insert(moved.find("2 0 obj"), " ");
    CHECK_FALSE(compact(moved, ""));
  }
}
#endif
