#include <planctl/layout/report_wording.hpp>

#include <doctest/doctest.h>

#include "plan_builder.hpp"

using namespace planctl;
using namespace planctl::layout;
using namespace test_layout;
using util::Date;
using Lines = std::vector<std::string>;

namespace {

ActivityWords words(std::string date, std::string title) {
  ActivityWords w;
  w.date = std::move(date);
  w.title = std::move(title);
  return w;
}

} // namespace

TEST_CASE("layout::word_count") {
  SUBCASE("below ten thousand, exact") {
    CHECK(word_count(0, "人") == "0人");
    CHECK(word_count(89, "人") == "89人");
    CHECK(word_count(2466, "人") == "2466人");
  }
  SUBCASE("in 万 with one decimal below 十万, 余 when not exact") {
    CHECK(word_count(10000, "人") == "1万人");
    CHECK(word_count(12000, "人次") == "1.2万人次");
    CHECK(word_count(12345, "人次") == "1.2万余人次");
    CHECK(word_count(16517, "人次") == "1.6万余人次");
  }
  SUBCASE("whole 万 from 十万") {
    CHECK(word_count(300000, "人") == "30万人");
    CHECK(word_count(300560, "人") == "30万余人");
    CHECK(word_count(1234567, "人") == "123万余人");
  }
  SUBCASE("亿") {
    CHECK(word_count(120000000, "人") == "1.2亿人");
    CHECK(word_count(2000000001, "人") == "20亿余人");
  }
  SUBCASE("about: two significant figures and 余 below ten thousand") {
    CHECK(word_count(89, "人次", CountStyle::about) == "89人次");
    CHECK(word_count(158, "人次", CountStyle::about) == "150余人次");
    CHECK(word_count(3023, "人次", CountStyle::about) == "3000余人次");
    CHECK(word_count(3000, "人次", CountStyle::about) == "3000人次");
    CHECK(word_count(14509, "人次", CountStyle::about) == "1.4万余人次");
  }
  SUBCASE("negative is 0") {
    CHECK(word_count(-5, "人") == "0人");
  }
}

TEST_CASE("layout::host_is_clause") {
  CHECK(host_is_clause("工会主席张慧君主持，校长王子涛作动员讲话"));
  CHECK(host_is_clause("副校长高蕾带队"));
  CHECK(host_is_clause("校长王子涛致开幕词"));
  CHECK_FALSE(host_is_clause("德育处"));
  CHECK_FALSE(host_is_clause("关工委办公室"));
}

TEST_CASE("layout::phrase_clauses") {
  SUBCASE("split at ，。；： with dates and short clauses left out") {
    CHECK(phrase_clauses("4月13日，召开动员大会，全体教职工176人参加。会议由校长主持；好。") ==
          Lines{"召开动员大会", "全体教职工176人参加", "会议由校长主持"});
  }
  SUBCASE("a span is a date too") {
    CHECK(phrase_clauses("5月28日至6月2日，开运动会。").size() == 1);
  }
}

TEST_CASE("layout::PhraseBook") {
  PhraseBook book;
  SUBCASE("records clauses and counts their uses") {
    book.record("4月1日，全校师生2466人参加。");
    book.record("5月1日，全校师生2466人参加。");
    CHECK(book.most_used("6月1日，全校师生2466人参加。") == 2);
    CHECK(book.most_used("6月1日，全校学生参加。") == 0);
  }
  SUBCASE("choose takes the first candidate not yet used twice") {
    CHECK(book.choose({"甲乙丙丁。", "戊己庚辛。"}) == "甲乙丙丁。");
    CHECK(book.choose({"甲乙丙丁。", "戊己庚辛。"}) == "甲乙丙丁。");
    CHECK(book.choose({"甲乙丙丁。", "戊己庚辛。"}) == "戊己庚辛。");
    CHECK(book.choose({}).empty());
  }
  SUBCASE("when every candidate is worn, the least used") {
    for (int i = 0; i < 3; ++i) {
      book.record("甲乙丙丁。");
    }
    book.record("戊己庚辛。");
    book.record("戊己庚辛。");
    CHECK(book.choose({"甲乙丙丁。", "戊己庚辛。"}) == "戊己庚辛。");
  }
}

TEST_CASE("layout::activity_words") {
  const TextRules rules(LayoutOptions{});
  model::Activity a = activity(Date{2020, 5, 28}, "召开田径运动会。");
  a.end = model::Located<Date>{Date{2020, 5, 29}};
  a.host = text("校长王子涛致开幕词");
  a.place = text("学校田径场");
  a.participants = text("运动员");
  a.count = model::Located<std::int64_t>{860};
  a.summary = text("设项目32项。\n\n第二段。");
  const ActivityWords w = activity_words(a, 2020, rules);
  CHECK(w.date == "5月28日至29日");
  CHECK(w.title == "召开田径运动会");
  CHECK(w.host == "校长王子涛致开幕词");
  CHECK(w.place == "学校田径场");
  CHECK(w.participants == "运动员");
  CHECK(w.count == 860);
  CHECK(w.summary == Lines{"设项目32项。", "第二段。"});
}

TEST_CASE("layout::activity_sentence") {
  ActivityWords w = words("4月13日", "召开创建民族团结进步动员大会");
  w.host = "工会主席张慧君主持，校长王子涛作动员讲话";
  w.place = "学校报告厅";
  w.participants = "全体教职工";
  w.count = 176;
  w.summary = {"对创建工作进行动员部署。"};
  SUBCASE("every field, in the seed's order: who was organised, where, what, who led") {
    PhraseBook book;
    CHECK(activity_sentence(w, 0, "学校", book) ==
          Lines{"4月13日，学校组织全体教职工176人在学校报告厅召开创建民族团结进步动员大会，"
                "工会主席张慧君主持，校长王子涛作动员讲话。对创建工作进行动员部署。"});
  }
  SUBCASE("the next position opens differently") {
    PhraseBook book;
    CHECK(activity_sentence(w, 1, "我校", book) ==
          Lines{"4月13日，在学校报告厅召开创建民族团结进步动员大会，工会主席张慧君主持，"
                "校长王子涛作动员讲话，参加的有全体教职工176人。对创建工作进行动员部署。"});
  }
  SUBCASE("an organiser is the subject") {
    ActivityWords o = words("6月29日至7月1日", "开展庆“七·一”系列活动");
    o.host = "党支部";
    o.place = "平安区爱国主义教育基地";
    o.participants = "全体党员";
    o.count = 58;
    PhraseBook book;
    CHECK(activity_sentence(o, 0, "学校", book) ==
          Lines{"6月29日至7月1日，党支部在平安区爱国主义教育基地开展庆“七·一”系列活动，"
                "全体党员58人参加。"});
  }
  SUBCASE("a participation clause used twice is worded another way the third time") {
    PhraseBook book;
    ActivityWords a = words("9月1日", "开展宣传月活动");
    a.participants = "全校师生";
    a.count = 2466;
    for (std::size_t i = 0; i < 6; ++i) {
      a.date = std::to_string(i + 1) + "月1日";
      a.title = "开展第" + std::to_string(i) + "项活动";
      activity_sentence(a, 0, "学校", book);
    }
    CHECK(book.most_used("全校师生2466人参加。") <= 2);
    CHECK(book.most_used("参加的有全校师生2466人。") <= 2);
  }
  SUBCASE("only a title") {
    PhraseBook book;
    CHECK(activity_sentence(words("11月10日", "完成校史馆提升改造"), 0, "学校", book) ==
          Lines{"11月10日，完成校史馆提升改造。"});
  }
}

TEST_CASE("layout::merged_sentence") {
  SUBCASE("one day: the activities joined with ；") {
    ActivityWords a = words("3月13日", "召开动员大会");
    a.participants = "全体教职工";
    a.count = 89;
    a.summary = {"部署工作。"};
    ActivityWords b = words("3月13日", "出黑板报");
    b.summary = {"评出一等奖5个。"};
    PhraseBook book;
    CHECK(merged_sentence({a, b}, true, 0, "学校", book) ==
          Lines{"3月13日，学校先后召开动员大会，全体教职工89人参加；出黑板报。"
                "部署工作。评出一等奖5个。"});
  }
  SUBCASE("one title: the dates, how often, the total") {
    ActivityWords a = words("3月5日", "开展主题班会");
    a.participants = "全校学生";
    a.count = 1200;
    ActivityWords b = words("4月2日", "开展主题班会");
    b.count = 1300;
    PhraseBook book;
    CHECK(merged_sentence({a, b}, false, 0, "学校", book) ==
          Lines{"3月5日、4月2日，先后2次开展主题班会，全校学生等累计2500人次参加。"});
  }
}

TEST_CASE("layout::group_lead") {
  PhraseBook book;
  SUBCASE("one activity needs no lead") {
    CHECK(group_lead("明确主体责任", 1, 89, 0, "学校", book).empty());
  }
  SUBCASE("how much was done, the total about") {
    CHECK(group_lead("明确主体责任", 5, 3023, 0, "学校", book) ==
          "围绕“明确主体责任”，共开展活动5次，参加3000余人次。");
    CHECK(group_lead("落实重点工作", 3, std::nullopt, 1, "我校", book) ==
          "为落实重点工作，我校先后开展3项活动。");
  }
}

TEST_CASE("layout::activity_sentence: the place") {
  PhraseBook book;
  SUBCASE("a title that names the place does not get it again") {
    ActivityWords w = words("5月22日", "赴沙沟乡中心学校送教帮扶");
    w.place = "沙沟乡中心学校";
    w.host = "副校长高蕾带队";
    w.participants = "骨干教师";
    w.count = 8;
    CHECK(activity_sentence(w, 0, "学校", book) ==
          Lines{"5月22日，学校组织骨干教师8人赴沙沟乡中心学校送教帮扶，副校长高蕾带队。"});
  }
  SUBCASE("after 活动在……举行 a leading host takes 由, not a second 活动") {
    ActivityWords w = words("4月16日", "成立创建工作领导小组");
    w.place = "学校会议室";
    w.host = "党支部书记李永红主持";
    w.participants = "校委会成员";
    w.count = 15;
    CHECK(activity_sentence(w, 1, "学校", book) ==
          Lines{"4月16日，成立创建工作领导小组。活动在学校会议室举行，由党支部书记李永红主持，"
                "参加的有校委会成员15人。"});
  }
}

TEST_CASE("layout::merged_sentence: one day chooses its wording like one activity") {
  // The third same-day sentence with 全校师生2466人参加 words it another way (the phrase
  // memory used to record a merged sentence without choosing).
  PhraseBook book;
  std::vector<std::string> told;
  for (int day = 1; day <= 3; ++day) {
    ActivityWords a =
        words("5月" + std::to_string(day) + "日", "开展第" + std::to_string(day) + "项活动");
    a.participants = "全校师生";
    a.count = 2466;
    ActivityWords b = words(a.date, "出第" + std::to_string(day) + "期黑板报");
    told.push_back(merged_sentence({a, b}, true, 0, "学校", book).front());
  }
  CHECK(told == Lines{"5月1日，学校先后开展第1项活动，全校师生2466人参加；出第1期黑板报。",
                      "5月2日，学校先后开展第2项活动，全校师生2466人参加；出第2期黑板报。",
                      "5月3日，开展第3项活动，参加的有全校师生2466人；出第3期黑板报。"});
  CHECK(book.most_used("全校师生2466人参加。") == 2);
}

TEST_CASE("layout::PhraseBook: the author's text is not a phrase") {
  PhraseBook book;
  book.add_own_text("工会主席张慧君主持");
  for (int i = 0; i < 3; ++i) {
    book.record("4月1日，工会主席张慧君主持，全体教职工参加。");
  }
  CHECK(book.most_used("工会主席张慧君主持。") == 0);
  CHECK(book.most_used("全体教职工参加。") == 3);
}
