#include <planctl/import/pdf_reader.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace planctl;

namespace {

// A PDF's tail as write/pdf's embed_source writes it, carrying `plan` with the length `length`.
std::string pdf_with(const std::string& plan, const std::string& length) {
  return "%PDF-1.5\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
         "7 0 obj\n<< /Type /EmbeddedFile /Subtype /text#2Fyaml /Length " +
         length + " >>\nstream\n" + plan + "\nendstream\nendobj\n%%EOF\n";
}

} // namespace

TEST_CASE("import::carried_plan_file") {
  const std::string plan = "version: 1\nschool: {name: 一中}\n";
  SUBCASE("the plan file as embedded, byte for byte") {
    CHECK(import::carried_plan_file(pdf_with(plan, std::to_string(plan.size()))) == plan);
  }
  SUBCASE("the last embedded file when a tool appended an update") {
    const std::string pdf = pdf_with("old", "3") + pdf_with(plan, std::to_string(plan.size()));
    CHECK(import::carried_plan_file(pdf) == plan);
  }
  SUBCASE("an empty plan file") {
    CHECK(import::carried_plan_file(pdf_with("", "0")) == "");
  }
  SUBCASE("a length that does not end at endstream") {
    CHECK_FALSE(import::carried_plan_file(pdf_with(plan, std::to_string(plan.size() - 1))));
    CHECK_FALSE(import::carried_plan_file(pdf_with(plan, std::to_string(plan.size() + 1))));
  }
  SUBCASE("lengths past the end of the file or of size_t") {
    CHECK_FALSE(import::carried_plan_file(pdf_with(plan, "18446744073709551615")));
    CHECK_FALSE(import::carried_plan_file(pdf_with(plan, "99999999999999999999999")));
    CHECK_FALSE(import::carried_plan_file(pdf_with(plan, "")));
    CHECK_FALSE(import::carried_plan_file(pdf_with(plan, "-1")));
  }
  SUBCASE("cut inside the stream") {
    const std::string pdf = pdf_with(plan, std::to_string(plan.size()));
    CHECK_FALSE(import::carried_plan_file(pdf.substr(0, pdf.find("school"))));
  }
  SUBCASE("not a PDF, or a PDF with no plan file") {
    CHECK_FALSE(import::carried_plan_file("version: 1\n"));
    CHECK_FALSE(import::carried_plan_file(""));
    CHECK_FALSE(import::carried_plan_file("%PDF-1.4\n%%EOF\n"));
  }
}

TEST_CASE("import::read_pdf") {
  CHECK(import::read_pdf(pdf_with("a: 1\n", "5")).embedded_source == "a: 1\n");
  CHECK(import::read_pdf(pdf_with("a: 1\n", "5")).lines.empty());
  CHECK_THROWS_WITH_AS(import::read_pdf("%PDF-1.4\n"),
                       doctest::Contains("this PDF carries no plan file"), import::ImportError);
  CHECK_THROWS_WITH_AS(import::read_pdf("hello"),
                       "the file is not a PDF (it does not start with %PDF-)", import::ImportError);
}
