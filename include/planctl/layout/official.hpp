// The official-document parts of a document (GB/T 9704 §7.2–7.4, plan-format.md
// "Official-document elements"), worded for every writer: the 版头, the 主送 line, the 附注,
// the 版记 and the sealed sign-off. Writers only place what these functions decide.
#pragma once

#include <planctl/layout/document.hpp>
#include <planctl/layout/text_rules.hpp>
#include <planctl/model/plan.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planctl::layout {

// The 版头 for `mark` (may be absent when only a number is given), `doc_number` and `signer`;
// std::nullopt when all three are absent.
std::optional<Letterhead> letterhead(const std::optional<model::Text>& mark,
                                     const model::OfficialParts& parts, const TextRules& rules);

// The 主送 line: the entries joined with `、`, ending in one `：` (an entry's own closing
// colon or comma is dropped); empty when there are none.
std::string recipients_line(const model::TextList& recipients, const TextRules& rules);

// The 附注 (§7.3.6) in full-width parentheses, unless the author already wrote them; empty
// when absent.
std::string note_line(const std::optional<model::Text>& note, const TextRules& rules);

// The 版记 (§7.4): `抄送：A，B。` and the printing office with `…印发` on the date
// `printed_date`, or else `document_date`; std::nullopt without `copy_to` and `printed_by`.
std::optional<Imprint> imprint(const model::OfficialParts& parts, const util::Date& document_date,
                               const TextRules& rules);

// A title's lines where the author broke it (§7.3.1), each as a line; empty when the title
// has one line, so that a title without a break is laid out exactly as before.
std::vector<std::string> title_lines(std::string_view raw, const TextRules& rules);

// Sets the official parts of `doc` from `parts`; `mark` is the letterhead to use (the
// report's own, or else the plan's).
void apply_official_parts(Document& doc, const std::optional<model::Text>& mark,
                          const model::OfficialParts& parts, const util::Date& document_date,
                          const TextRules& rules);

} // namespace planctl::layout
