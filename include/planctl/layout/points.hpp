// `points` as written in official documents: `一是……。二是……。`, appended to the text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace planctl::layout {

// The lead of point `n` (1-based): `一是` `二是` … `十是` `十一是` ….
std::string point_lead(int n);

// `points` as one run of sentences, `一是……。二是……。`: each point gets its lead and ends in
// `。` unless it already ends in terminal punctuation; empty points are skipped (and not
// counted). Points are expected already joined to one line and punctuation-normalised.
std::string word_points(const std::vector<std::string>& points);

// Adds the worded `points` to the end of the last of `paragraphs`, or as a paragraph of their
// own when there is none; nothing happens when there are no non-empty points.
void append_points(std::vector<std::string>& paragraphs, const std::vector<std::string>& points);

} // namespace planctl::layout
