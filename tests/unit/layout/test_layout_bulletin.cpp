#include <planctl/layout/bulletin.hpp>
#include <planctl/layout/report_wording.hpp>

#include <doctest/doctest.h>

#include <map>

#include "plan_builder.hpp"

using namespace planctl;
using namespace planctl::layout;
using test_layout::activity;
using test_layout::text;

namespace {

using Lines = std::vector<std::string>;

ActivityWords words(std::string date, std::string title) {
  ActivityWords w;
  w.date = std::move(date);
  w.title = std::move(title);
  return w;
}

} // namespace

TEST_CASE("layout::news_story: the news register from the report's sentence parts") {
  ActivityWords w = words("3月13日", "召开创建民族团结进步动员大会");
  w.host = "工会主席张慧君主持，校长王子涛作动员讲话";
  w.place = "学校报告厅";
  w.participants = "全体教职工";
  w.count = 89;
  w.summary = {"会议对创建工作进行动员部署，宣读实施方案。"};
  SUBCASE("outputs.md's example") {
    PhraseBook book;
    CHECK(news_story(w, 0, "平安二中", book) ==
          Lines{"3月13日，平安二中在学校报告厅召开创建民族团结进步动员大会。工会主席张慧君主持，"
                "校长王子涛作动员讲话，全体教职工89人参加。会议对创建工作进行动员部署，宣读实施方案"
                "。"});
  }
  SUBCASE("absent keys leave out their words and no punctuation dangles") {
    PhraseBook book;
    CHECK(news_story(words("6月10日", "开展消防疏散演练"), 0, "平安二中", book) ==
          Lines{"6月10日，平安二中开展消防疏散演练。"});
    ActivityWords count_only = words("6月10日", "开展消防疏散演练");
    count_only.count = 1200;
    CHECK(news_story(count_only, 0, "平安二中", book) ==
          Lines{"6月10日，平安二中开展消防疏散演练。共1200人参加。"});
  }
  SUBCASE("an organiser is the subject; a place the title names is not repeated") {
    PhraseBook book;
    ActivityWords o = words("6月26日", "赴平安区文化活动中心参加诵读展演");
    o.host = "团委";
    o.place = "平安区文化活动中心";
    CHECK(news_story(o, 0, "平安二中", book) ==
          Lines{"6月26日，平安二中团委赴平安区文化活动中心参加诵读展演。"});
    o.host = "平安二中团委";
    CHECK(news_story(o, 0, "平安二中", book) ==
          Lines{"6月26日，平安二中团委赴平安区文化活动中心参加诵读展演。"});
  }
  SUBCASE("counts are worded as in the report") {
    PhraseBook book;
    ActivityWords big = words("9月1日", "观看开学第一课");
    big.participants = "全区师生";
    big.count = 300001;
    CHECK(news_story(big, 0, "平安区教育局", book).front().find("全区师生30万余人参加") !=
          std::string::npos);
  }
  SUBCASE("no generated clause more than twice in one bulletin") {
    PhraseBook book;
    std::map<std::string, int> uses;
    for (int i = 0; i < 12; ++i) {
      ActivityWords a = words("3月" + std::to_string(i + 1) + "日", "活动" + std::to_string(i));
      a.participants = "全体教职工";
      a.count = 89;
      const std::string story =
          news_story(a, static_cast<std::size_t>(i), "平安二中", book).front();
      // The second sentence is the generated participation clause.
      const std::size_t stop = story.find("。");
      REQUIRE(stop != std::string::npos);
      if (story.size() > stop + std::string_view("。").size()) {
        ++uses[story.substr(stop)];
      }
    }
    for (const auto& [clause, n] : uses) {
      CAPTURE(clause);
      CHECK(n <= 2);
    }
  }
}

TEST_CASE("layout::figure_size: the type area's width, a third of its height, aspect kept") {
  CHECK(figure_size(4000, 1000) == std::pair{k_figure_max_width, 2211});
  CHECK(figure_size(640, 480) == std::pair{5668, k_figure_max_height});
  CHECK(figure_size(480, 640) == std::pair{3188, k_figure_max_height});
  CHECK(figure_size(1, 1) == std::pair{k_figure_max_height, k_figure_max_height});
}

TEST_CASE("layout::pair_size: two landscape photos side by side at one height") {
  // Half the width is 4262 twips: 640 × 480 would be 3196 high there, 300 × 200 only 2841, so
  // both are 2841 high and the wider one takes the whole half.
  CHECK(pair_size(640, 480, 300, 200) == std::array<int, 3>{3788, 4262, 2841});
  CHECK(pair_size(300, 200, 640, 480) == std::array<int, 3>{4262, 3788, 2841});
  // Alike: each the whole half.
  CHECK(pair_size(640, 480, 640, 480) == std::array<int, 3>{4262, 4262, 3196});
  // Never taller than a third of the type area, never wider than half of it.
  const auto [w1, w2, h] = pair_size(1001, 1000, 4000, 1000);
  CHECK(h <= k_figure_max_height);
  CHECK(w1 <= k_figure_half_width);
  CHECK(w2 == k_figure_half_width);
  CHECK(2 * k_figure_half_width + k_figure_gap <= k_figure_max_width);
}

TEST_CASE("layout::layout_bulletin: masthead, numbers by month, items, foot") {
  model::PlanFile file = test_layout::plan_file();
  file.school.short_name = text("平安二中");
  std::vector<model::Activity> list{activity({2020, 4, 3}, "四月的活动"),
                                    activity({2020, 6, 24}, "召开控辍保学工作推进会"),
                                    activity({2020, 6, 1}, "参加诵读活动")};
  list[1].headline = text("控辍保学\n推进会召开");
  list[1].reporter = text("冶成林");
  model::Photo photo;
  photo.file = text("photos/a.jpg");
  photo.caption = text("推进会现场。");
  list[1].photos.push_back(photo);
  model::Photo unread;
  unread.file = text("photos/unread.jpg");
  list[1].photos.push_back(unread);
  test_layout::set_activities(file, list);
  file.bulletin.emplace();
  file.bulletin->number = model::Located<std::int64_t>{7, {}, {}};
  file.bulletin->copy_issue = text("本校各处室");

  BulletinPhotos photos;
  photos.pictures.push_back(Picture{"p.jpg", "jpeg", 640, 480, nullptr});
  photos.by_file.emplace("photos/a.jpg", 0);
  const Bulletin b = layout_bulletin(file, {{2020, 6}, {2020, 6}}, photos);
  CHECK(b.name == "平安二中工作简报");
  CHECK(b.number == "第8期"); // April is 第7期; May has no activities and no number
  CHECK(b.editor == "编印：海东市平安区第二中学");
  CHECK(b.date == "2020年6月24日");
  REQUIRE(b.sections.size() == 1);
  REQUIRE(b.sections[0].items.size() == 2);
  const NewsItem& first = b.sections[0].items[0];
  CHECK(first.headline_lines == Lines{"参加诵读活动"});
  CHECK(first.byline.empty());
  CHECK(first.paragraphs == Lines{"本报讯 6月1日，平安二中参加诵读活动。"});
  const NewsItem& second = b.sections[0].items[1];
  CHECK(second.headline_lines == Lines{"控辍保学", "推进会召开"});
  CHECK(second.byline == "■ 通讯员 冶成林");
  REQUIRE(second.figures.size() == 1); // the photo the app did not read is left out
  CHECK(second.figures[0].caption == "推进会现场");
  CHECK(second.figures[0].width == 5668);
  CHECK(b.copy_lines.size() == 1);
  CHECK(b.copy_lines[0].label == "发");
  CHECK(bulletin_number(file, {2020, 4}) == 7);
  CHECK(bulletin_number(file, {2020, 7}) == 9);
}
