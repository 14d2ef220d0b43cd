#include <planctl/typeset/grid.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace planctl;
using namespace planctl::typeset;

namespace {

const Measure k_half = [](std::string_view text, const Style&) {
  return static_cast<double>(text.size()) * Geometry::cell / 2;
};

// A bulletin of `items` items, each a one-line story and, when `photo`, a photo of `width` ×
// `height` twips with a caption.
layout::Bulletin bulletin(int items, bool photo, int width = 8844, int height = 4251) {
  layout::Bulletin b;
  b.name = "平安二中工作简报";
  b.number = "第5期";
  b.editor = "编印：平安二中";
  b.date = "2020年6月29日";
  b.pictures.push_back(layout::Picture{"a.photo-1.jpg", "jpeg", 640, 480, nullptr});
  layout::NewsSection& section = b.sections.emplace_back();
  for (int i = 0; i < items; ++i) {
    layout::NewsItem item;
    item.headline_lines = {"召开动员大会"};
    item.paragraphs = {"本报讯 6月3日，平安二中召开动员大会。"};
    if (photo) {
      item.figures.push_back(layout::Figure{0, width, height, "会议现场", "会议现场"});
    }
    section.items.push_back(item);
  }
  b.copy_lines = {{"报", "平安区教育局"}, {"发", "本校各处室"}};
  return b;
}

int count_role(const Page& page, LineRole role) {
  int n = 0;
  for (const Line& l : page.lines) {
    n += l.role == role ? 1 : 0;
  }
  return n;
}

} // namespace

TEST_CASE("set_pages(Bulletin)") {
  SUBCASE("the masthead: the name in red on top, the red rule under the 编印 line") {
    const auto pages = set_pages(bulletin(1, false), k_half);
    REQUIRE(!pages.empty());
    const Line& first = pages[0].lines.front();
    CHECK(first.role == LineRole::masthead);
    REQUIRE(!first.pieces.empty());
    CHECK(first.pieces.front().style.red);
    CHECK(first.pieces.front().style.face == Face::title);
    CHECK(first.pieces.front().style.size <= 42);
    bool red_rule = false;
    for (const Rule& r : pages[0].rules) {
      red_rule = red_rule || (r.red && r.x1 - r.x0 == doctest::Approx(Geometry::area_width));
    }
    CHECK(red_rule);
  }
  SUBCASE("a photo is a block of whole lines as tall as the picture, centred, caption under it") {
    const auto pages = set_pages(bulletin(1, true, 8844, 4251), k_half);
    REQUIRE(pages.size() == 1);
    REQUIRE(pages[0].images.size() == 1);
    const Image& image = pages[0].images[0];
    CHECK(image.width == doctest::Approx(8844 / 20.0));
    CHECK(image.height == doctest::Approx(4251 / 20.0));
    CHECK(image.x == doctest::Approx(Geometry::left + (Geometry::area_width - image.width) / 2));
    // 212.55 pt is 7.33 lines: the picture takes 8, centred in them.
    CHECK(count_role(pages[0], LineRole::figure) == 8);
    int first_figure = -1;
    int caption = -1;
    for (const Line& l : pages[0].lines) {
      if (l.role == LineRole::figure && first_figure < 0) {
        first_figure = l.index;
      }
      if (l.role == LineRole::caption) {
        caption = l.index;
        CHECK(l.pieces.front().style.face == Face::kai);
      }
    }
    CHECK(caption == first_figure + 8);
    const double top = Geometry::top + first_figure * Geometry::pitch;
    CHECK(image.y - top == doctest::Approx((8 * Geometry::pitch - image.height) / 2));
  }
  SUBCASE("a photo and its caption never split: the block moves to the next page whole") {
    for (int items = 1; items <= 6; ++items) {
      CAPTURE(items);
      const auto pages = set_pages(bulletin(items, true), k_half);
      std::size_t images = 0;
      for (const Page& page : pages) {
        images += page.images.size();
        CHECK(page.lines.size() <= 22);
        for (const Image& image : page.images) {
          CHECK(image.y >= Geometry::top - 1e-6);
          CHECK(image.y + image.height <= Geometry::top + Geometry::area_height + 1e-6);
        }
        if (count_role(page, LineRole::figure) > 0) {
          CHECK(count_role(page, LineRole::figure) % 8 == 0);
          CHECK(count_role(page, LineRole::caption) * 8 == count_role(page, LineRole::figure));
        }
      }
      CHECK(images == static_cast<std::size_t>(items));
    }
  }
  SUBCASE("the 报/送/发 lines at the foot of the last page, between rules; pages numbered") {
    for (int items = 1; items <= 8; ++items) {
      CAPTURE(items);
      const auto pages = set_pages(bulletin(items, items % 2 == 0), k_half);
      const Page& last = pages.back();
      REQUIRE(last.lines.size() >= 2);
      CHECK(last.lines.back().role == LineRole::imprint);
      CHECK(last.lines.back().index == 21);
      CHECK(last.lines[last.lines.size() - 2].index == 20);
      for (std::size_t i = 0; i < pages.size(); ++i) {
        CHECK(pages[i].number == static_cast<int>(i) + 1);
      }
    }
  }
  SUBCASE("two landscape photos side by side: one block, each centred in its half") {
    layout::Bulletin b = bulletin(1, true, 3788, 2841);
    layout::NewsItem& item = b.sections.front().items.front();
    item.figures.push_back(layout::Figure{0, 4262, 2841, "另一张", "另一张", true});
    const auto pages = set_pages(b, k_half);
    REQUIRE(pages.size() == 1);
    REQUIRE(pages[0].images.size() == 2);
    const Image& left = pages[0].images[0];
    const Image& right = pages[0].images[1];
    CHECK(left.y == doctest::Approx(right.y));
    const double half = layout::k_figure_half_width / 20.0;
    CHECK(left.x + left.width / 2 == doctest::Approx(Geometry::left + half / 2));
    CHECK(right.x + right.width / 2 ==
          doctest::Approx(Geometry::left + Geometry::area_width - half / 2));
    CHECK(left.x + left.width < right.x);
    // 142.05 pt is 4.9 lines: 5 figure lines, then one caption line holding both captions.
    CHECK(count_role(pages[0], LineRole::figure) == 5);
    CHECK(count_role(pages[0], LineRole::caption) == 1);
    for (const Line& l : pages[0].lines) {
      if (l.role == LineRole::caption) {
        REQUIRE(l.pieces.size() == 2);
        CHECK(l.pieces[0].text == "会议现场");
        CHECK(l.pieces[1].text == "另一张");
        CHECK(l.pieces[0].x + l.pieces[0].width / 2 == doctest::Approx(left.x + left.width / 2));
        CHECK(l.pieces[1].x + l.pieces[1].width / 2 == doctest::Approx(right.x + right.width / 2));
      }
    }
  }
  SUBCASE("a combined bulletin: each school's name before its items") {
    layout::Bulletin b = bulletin(1, false);
    b.sections.front().school = "海东市平安区第一中学";
    b.sections.push_back(b.sections.front());
    b.sections.back().school = "海东市平安区第二中学";
    const auto pages = set_pages(b, k_half);
    std::vector<std::string> schools;
    for (const Line& l : pages[0].lines) {
      if (!l.pieces.empty() && l.pieces.front().text.rfind("【", 0) == 0) {
        std::string text;
        for (const Piece& p : l.pieces) {
          text += p.text;
        }
        schools.push_back(text);
      }
    }
    CHECK(schools ==
          std::vector<std::string>{"【海东市平安区第一中学】", "【海东市平安区第二中学】"});
  }
}
