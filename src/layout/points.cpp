#include <planctl/layout/points.hpp>
#include <planctl/layout/punctuation.hpp>
#include <planctl/model/numbering.hpp>

namespace planctl::layout {

std::string point_lead(int n) {
  return model::chinese_numeral(n) + "是";
}

std::string word_points(const std::vector<std::string>& points) {
  std::string out;
  int n = 0;
  for (const std::string& point : points) {
    if (point.empty()) {
      continue;
    }
    out += point_lead(++n);
    out += close_sentence(point);
  }
  return out;
}

void append_points(std::vector<std::string>& paragraphs, const std::vector<std::string>& points) {
  std::string worded = word_points(points);
  if (worded.empty()) {
    return;
  }
  if (paragraphs.empty()) {
    paragraphs.push_back(std::move(worded));
  } else {
    paragraphs.back() += worded;
  }
}

} // namespace planctl::layout
