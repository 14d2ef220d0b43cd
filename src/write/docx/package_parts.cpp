// The package plumbing: content types, relationships, document properties and the order of
// the entries.
#include <planctl/util/base64.hpp>
#include <planctl/write/docx/parts.hpp>
#include <planctl/write/docx/xml_writer.hpp>

#include <cstdio>

namespace planctl::write::docx {

namespace {

constexpr std::string_view k_ns_content_types =
    "http://schemas.openxmlformats.org/package/2006/content-types";
constexpr std::string_view k_ns_relationships =
    "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr std::string_view k_rel_base =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr std::string_view k_wml_type =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.";

// The earliest time a zip entry can carry; used when nothing better is known.
constexpr util::Date k_zip_epoch{1980, 1, 1};

void relationship(XmlWriter& w, std::string_view id, std::string_view type,
                  std::string_view target) {
  w.leaf("Relationship", {{"Id", id}, {"Type", type}, {"Target", target}});
  w.newline();
}

} // namespace

Timestamp package_timestamp(const layout::Metadata& metadata,
                            std::optional<long long> source_date_epoch) {
  if (util::is_valid(metadata.date)) {
    return {metadata.date, 0};
  }
  if (source_date_epoch) {
    return {util::civil_from_days(static_cast<long>(*source_date_epoch / 86400)),
            static_cast<long>(*source_date_epoch % 86400)};
  }
  return {k_zip_epoch, 0};
}

std::string w3cdtf(const Timestamp& time) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02ld:%02ld:%02ldZ", time.date.year,
                time.date.month, time.date.day, time.seconds / 3600, time.seconds / 60 % 60,
                time.seconds % 60);
  return buf;
}

std::string content_types_xml(bool blank_footer, bool source, bool jpeg, bool png) {
  XmlWriter w;
  w.open("Types", {{"xmlns", k_ns_content_types}});
  w.newline();
  w.leaf("Default", {{"Extension", "rels"},
                     {"ContentType", "application/vnd.openxmlformats-package.relationships+xml"}});
  w.newline();
  w.leaf("Default", {{"Extension", "xml"}, {"ContentType", "application/xml"}});
  w.newline();
  if (jpeg) {
    w.leaf("Default", {{"Extension", "jpg"}, {"ContentType", "image/jpeg"}});
    w.newline();
  }
  if (png) {
    w.leaf("Default", {{"Extension", "png"}, {"ContentType", "image/png"}});
    w.newline();
  }
  const auto override_part = [&](std::string_view part, const std::string& type) {
    w.leaf("Override", {{"PartName", part}, {"ContentType", type}});
    w.newline();
  };
  const std::string wml(k_wml_type);
  override_part("/word/document.xml", wml + "document.main+xml");
  override_part("/word/styles.xml", wml + "styles+xml");
  override_part("/word/settings.xml", wml + "settings+xml");
  override_part("/word/fontTable.xml", wml + "fontTable+xml");
  override_part("/word/footer1.xml", wml + "footer+xml");
  override_part("/word/footer2.xml", wml + "footer+xml");
  if (blank_footer) {
    override_part("/word/footer3.xml", wml + "footer+xml");
  }
  override_part("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
  override_part("/docProps/app.xml",
                "application/vnd.openxmlformats-officedocument.extended-properties+xml");
  if (source) {
    override_part("/customXml/itemProps1.xml",
                  "application/vnd.openxmlformats-officedocument.customXmlProperties+xml");
  }
  w.close();
  return w.finish();
}

std::string package_rels_xml() {
  XmlWriter w;
  w.open("Relationships", {{"xmlns", k_ns_relationships}});
  w.newline();
  const std::string base(k_rel_base);
  relationship(w, "rId1", base + "officeDocument", "word/document.xml");
  relationship(w, "rId2",
               "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
               "core-properties",
               "docProps/core.xml");
  relationship(w, "rId3", base + "extended-properties", "docProps/app.xml");
  w.close();
  return w.finish();
}

std::string document_rels_xml(bool blank_footer, bool source,
                              const std::vector<std::pair<std::string, std::string>>& images) {
  XmlWriter w;
  w.open("Relationships", {{"xmlns", k_ns_relationships}});
  w.newline();
  const std::string base(k_rel_base);
  relationship(w, "rId1", base + "styles", "styles.xml");
  relationship(w, "rId2", base + "settings", "settings.xml");
  relationship(w, "rId3", base + "fontTable", "fontTable.xml");
  relationship(w, "rId4", base + "footer", "footer1.xml");
  relationship(w, "rId5", base + "footer", "footer2.xml");
  if (blank_footer) {
    relationship(w, "rId6", base + "footer", "footer3.xml");
  }
  if (source) {
    relationship(w, "rId7", base + "customXml", "../customXml/item1.xml");
  }
  for (const auto& [id, target] : images) {
    relationship(w, id, base + "image", target);
  }
  w.close();
  return w.finish();
}

std::string source_xml(std::string_view source) {
  XmlWriter w;
  w.open("source", {{"xmlns", k_source_namespace}, {"encoding", "base64"}});
  w.newline();
  w.text(util::base64_encode(source)); // base64 needs no escaping; text() checks anyway
  w.newline();
  w.close();
  return w.finish();
}

std::string source_props_xml() {
  XmlWriter w;
  // One fixed item id: the part is planctl's, and the same document must give the same bytes.
  w.open("ds:datastoreItem",
         {{"ds:itemID", "{6D1E3C2A-5B7F-4E0A-9C21-70A1A7C7E001}"},
          {"xmlns:ds", "http://schemas.openxmlformats.org/officeDocument/2006/customXml"}});
  w.open("ds:schemaRefs", {});
  w.leaf("ds:schemaRef", {{"ds:uri", k_source_namespace}});
  w.close();
  w.close();
  return w.finish();
}

std::string source_rels_xml() {
  XmlWriter w;
  w.open("Relationships", {{"xmlns", k_ns_relationships}});
  w.newline();
  relationship(w, "rId1", std::string(k_rel_base) + "customXmlProps", "itemProps1.xml");
  w.close();
  return w.finish();
}

std::string core_xml(const layout::Metadata& metadata, const Timestamp& time) {
  XmlWriter w;
  w.open("cp:coreProperties",
         {{"xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"},
          {"xmlns:dc", "http://purl.org/dc/elements/1.1/"},
          {"xmlns:dcterms", "http://purl.org/dc/terms/"},
          {"xmlns:dcmitype", "http://purl.org/dc/dcmitype/"},
          {"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"}});
  w.newline();
  w.text_element("dc:title", metadata.title);
  w.newline();
  w.text_element("dc:creator", metadata.author);
  w.newline();
  w.text_element("cp:lastModifiedBy", metadata.author);
  w.newline();
  w.text_element("dc:language", "zh-CN");
  w.newline();
  w.text_element("cp:revision", "1");
  w.newline();
  const std::string stamp = w3cdtf(time);
  w.text_element("dcterms:created", stamp, {{"xsi:type", "dcterms:W3CDTF"}});
  w.newline();
  w.text_element("dcterms:modified", stamp, {{"xsi:type", "dcterms:W3CDTF"}});
  w.newline();
  w.close();
  return w.finish();
}

std::string app_xml() {
  XmlWriter w;
  w.open("Properties",
         {{"xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"},
          {"xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"}});
  w.newline();
  // No version number: the package must not change when only planctl's version does.
  w.text_element("Application", "planctl");
  w.newline();
  w.text_element("DocSecurity", "0");
  w.newline();
  w.text_element("ScaleCrop", "false");
  w.newline();
  w.text_element("LinksUpToDate", "false");
  w.newline();
  w.text_element("SharedDoc", "false");
  w.newline();
  w.text_element("HyperlinksChanged", "false");
  w.newline();
  w.close();
  return w.finish();
}

std::vector<Part> package(const layout::Document& doc, const Timestamp& time,
                          std::string_view source) {
  // [Content_Types].xml must come first for some readers; the rest follows the order in
  // which Word itself writes a package.
  std::vector<Part> parts;
  const bool blank_footer = doc.imprint.has_value();
  const bool with_source = !source.empty();
  parts.push_back({"[Content_Types].xml", content_types_xml(blank_footer, with_source)});
  parts.push_back({"_rels/.rels", package_rels_xml()});
  parts.push_back({"docProps/app.xml", app_xml()});
  parts.push_back({"docProps/core.xml", core_xml(doc.metadata, time)});
  parts.push_back({"word/document.xml", document_xml(doc)});
  parts.push_back({"word/_rels/document.xml.rels", document_rels_xml(blank_footer, with_source)});
  parts.push_back({"word/styles.xml", styles_xml(is_official(doc))});
  parts.push_back({"word/settings.xml", settings_xml()});
  parts.push_back({"word/fontTable.xml", font_table_xml()});
  parts.push_back({"word/footer1.xml", footer_xml(FooterSide::odd)});
  parts.push_back({"word/footer2.xml", footer_xml(FooterSide::even)});
  if (blank_footer) {
    parts.push_back({"word/footer3.xml", blank_footer_xml()});
  }
  if (with_source) {
    // A school's two documents carry the same plan file: the thread keeps the last one's part.
    thread_local std::string last_source;
    thread_local std::string last_xml;
    if (last_xml.empty() || last_source != source) {
      last_xml = source_xml(source);
      last_source.assign(source);
    }
    parts.push_back({"customXml/item1.xml", last_xml});
    parts.push_back({"customXml/itemProps1.xml", source_props_xml()});
    parts.push_back({"customXml/_rels/item1.xml.rels", source_rels_xml()});
  }
  return parts;
}

} // namespace planctl::write::docx
