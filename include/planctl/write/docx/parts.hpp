// The XML parts of a GB/T 9704 WordprocessingML package and the package as an ordered list
// of entries; write_docx() zips what package() returns.
#pragma once

#include <planctl/layout/document.hpp>
#include <planctl/util/date.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace planctl::write::docx {

// One entry of the package: its name inside the zip and its bytes.
struct Part {
  std::string name;
  std::string data;
};

// When the package says it was made: a calendar day and the seconds into it (UTC).
struct Timestamp {
  util::Date date;
  long seconds = 0;
};

// The package time: the document's date at 00:00 when it is valid, else `source_date_epoch`
// (seconds since 1970, from util::source_date_epoch()) when given, else 1980-01-01; never the
// clock.
Timestamp package_timestamp(const layout::Metadata& metadata,
                            std::optional<long long> source_date_epoch);

// `time` as W3CDTF (`2020-04-09T00:00:00Z`) for the core properties.
std::string w3cdtf(const Timestamp& time);

// [Content_Types].xml; `blank_footer` adds word/footer3.xml, `source` the source part's
// properties (customXml/itemProps1.xml).
// `jpeg` and `png` add the image types of word/media.
std::string content_types_xml(bool blank_footer = false, bool source = false, bool jpeg = false,
                              bool png = false);

// _rels/.rels: the main document and the two property parts.
std::string package_rels_xml();

// word/_rels/document.xml.rels: styles, settings, font table and the two footers, and with
// `blank_footer` the footer without a page number (rId6) of the 版记's page, with `source` the
// custom XML part that holds the source file (rId7).
// `images` adds one relationship per picture: its id and its target (`media/….jpg`).
std::string document_rels_xml(bool blank_footer = false, bool source = false,
                              const std::vector<std::pair<std::string, std::string>>& images = {});

// The namespace of the custom XML part that carries the file a document was made from.
inline constexpr std::string_view k_source_namespace = "urn:planctl:source:1";

// customXml/item1.xml: the file the document was made from (its bytes, in base64), which Word
// and LibreOffice keep when they save the document again, so that `planctl import` can give it
// back (docs/import.md, "A document planctl wrote").
std::string source_xml(std::string_view source);

// customXml/itemProps1.xml and customXml/_rels/item1.xml.rels: the part's properties, which
// name its namespace, and the relationship to them.
std::string source_props_xml();
std::string source_rels_xml();

// word/footer3.xml: an empty footer, for the 版记's page, which has no page number (§7.5).
std::string blank_footer_xml();

// Whether `doc` has official-document parts or attachment pages (which need more styles).
bool is_official(const layout::Document& doc);

// word/document.xml for `doc`: title, blocks, attachments note, signature, section setup.
std::string document_xml(const layout::Document& doc);

// word/styles.xml: defaults and the paragraph and character styles document_xml() uses;
// `official` adds those of the official-document parts and attachment pages.
std::string styles_xml(bool official = false);

// word/settings.xml: odd and even footers, no punctuation compression, Word 2013 layout.
std::string settings_xml();

// word/fontTable.xml: the faces used, with their Windows fallbacks and the GB2312 charset.
std::string font_table_xml();

// Which page a footer serves.
enum class FooterSide { odd, even };

// word/footer1.xml (odd pages, `side` odd) or word/footer2.xml (even): `— N —` with a PAGE
// field, right-aligned one character in on odd pages, left-aligned on even pages.
std::string footer_xml(FooterSide side);

// docProps/core.xml: title, the issuer as creator, created and modified at `time`.
std::string core_xml(const layout::Metadata& metadata, const Timestamp& time);

// docProps/app.xml: the producing application.
std::string app_xml();

// Every entry of the package for `doc`, in the fixed order they are zipped in, with
// [Content_Types].xml first; a non-empty `source` is carried in customXml/item1.xml.
std::vector<Part> package(const layout::Document& doc, const Timestamp& time,
                          std::string_view source = {});

// word/document.xml of a 工作简报: masthead, items with inline pictures, the foot.
std::string bulletin_document_xml(const layout::Bulletin& bulletin);

// Every entry of the package of a 工作简报, each picture once in word/media.
std::vector<Part> bulletin_package(const layout::Bulletin& bulletin, const Timestamp& time);

} // namespace planctl::write::docx
