// What the recogniser found in a document: the parts of a plan file, and the lines it could not
// place, each kept with its source line for a comment and a warning.
#pragma once

#include <planctl/model/plan.hpp>
#include <planctl/util/date.hpp>

#include <optional>
#include <string>
#include <vector>

namespace planctl::import {

// A source line that became a comment in the plan file.
struct Note {
  int line = 0;
  std::string text;   // the line as written
  std::string why_zh; // a short phrase for the comment: what the line seems to be
  std::string why_en; // the same for the warning on standard error
};

// A warning for standard error: the source line and a plain English sentence.
struct Warning {
  int line = 0;
  std::string message;
};

// One numbered heading or item.
struct ImportedItem {
  std::string title;
  std::vector<std::string> paragraphs; // its text, one entry per paragraph
  std::vector<ImportedItem> items;
  std::vector<Note> notes; // lines kept as comments beside this item
  // `key: value` lines written after the title: the task fields an edited .docx's plan file
  // gave the item of the same title (docs/import.md, "A document planctl wrote").
  std::vector<std::string> fields;
  model::NumberStyle style = model::NumberStyle::chinese;
  int line = 0;
};

// The plan found in a document.
struct ImportedPlan {
  std::string title;
  bool title_missing = false;
  std::vector<std::string> basis;
  std::vector<ImportedItem> sections;
  std::vector<model::NumberStyle> numbering; // empty when the GB/T 9704 default fits
  std::vector<std::string> attachments;
  // Per attachment: whether its page is the task table (`content: tasks`), read back from the
  // table a text planctl wrote prints on it.
  std::vector<bool> attachment_tasks;
  std::string issuer; // empty when the document has none
  std::optional<util::Date> date;
  int year = 0;
  std::optional<util::Date> period_start; // set for a school year (学年)
  std::optional<util::Date> period_end;
  // The official-document elements found (plan-format.md "Official-document elements"); each
  // empty when the document has none.
  std::string letterhead;
  std::string doc_number;
  std::string signer;
  std::vector<std::string> recipients;
  std::string note;
  std::vector<std::string> copy_to;
  std::string printed_by;
  std::optional<util::Date> printed_date; // set when it differs from `date`
  bool seal = false;            // the signature is set as a sealed one (a text planctl wrote)
  std::vector<Note> head_notes; // before the first item (official parts, web-page debris)
  std::vector<Note> tail_notes; // after the body (after the signature, or not placeable)
  std::vector<Warning> warnings;
};

} // namespace planctl::import
