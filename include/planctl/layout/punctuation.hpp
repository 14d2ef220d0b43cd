// Punctuation rules for text that reaches documents: full-width punctuation next to Chinese
// characters, terminal punctuation, and the closing full stop of headings (docs/layout.md).
#pragma once

#include <string>
#include <string_view>

namespace planctl::layout {

// `text` with every ASCII `,` `;` `:` `(` `)` `?` `!` that belongs to Chinese text made
// full-width (`，` `；` `：` `（` `）` `？` `！`): a run of these marks is Chinese when the
// character just before or just after the run is Chinese (`util::is_chinese_char`), and an ASCII
// bracket whose partner is converted is converted too; times (`8:30`), numbers (`1,000`) and Latin
// text
// (`A,B`, `f(x)`) are left alone. Bytes that are not UTF-8 are copied unchanged.
std::string normalize_punctuation(std::string_view text);

// Whether `text` ends in terminal punctuation: `。` `！` `？` `；` `…` or ASCII `!` `?` `;`,
// also when followed by closing quotes or brackets (`。”`); trailing spaces are ignored.
bool ends_in_terminal_punctuation(std::string_view text);

// The punctuation a run-in title `title` is followed by: `。`, or nothing when the title
// already ends in terminal punctuation or in a colon (`：` or `:`), which introduces the text.
std::string run_in_title_end(std::string_view title);

// `text` without the commas (`，` `,` `、`) and spaces at its end, which cannot stand before
// the full stop a sentence or run-in title is closed with.
std::string strip_closing_commas(std::string_view text);

// `text` closed as a sentence: unchanged when it ends in terminal punctuation, otherwise with
// closing commas dropped and `。` added (`加强领导，` → `加强领导。`); empty stays empty.
std::string close_sentence(std::string_view text);

// `title` without the closing full stops (`。`, repeated or not) and spaces an author typed at
// the end of a heading.
std::string strip_closing_full_stop(std::string_view title);

} // namespace planctl::layout
