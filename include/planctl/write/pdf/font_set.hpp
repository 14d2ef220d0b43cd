// The faces of a PDF: found through fontconfig by the names GB/T 9704 documents use, with
// Debian-packaged stand-ins that cover GB 2312 (docs/pdf.md), loaded once per thread.
#pragma once

#include <planctl/typeset/grid.hpp>

#include <cairo.h>
#include <hb.h>

#include <string>
#include <string_view>
#include <vector>

namespace planctl::write::pdf {

// One loaded face: its HarfBuzz font (unscaled: advances in font units) and its cairo face.
struct LoadedFace {
  std::string family;
  std::string file;
  hb_font_t* hb = nullptr;
  cairo_font_face_t* cairo = nullptr;
  cairo_font_face_t* cairo_bold = nullptr; // emboldened by FreeType: no 仿宋 has a bold face
  unsigned upem = 1000;
  bool substitute = false; // a stand-in for the GB/T 9704 face
  // The face cut down by hb-subset to the glyphs of the documents this thread has written so
  // far (grown when a document needs more), kept across documents so that a batch subsets
  // each face a few times, not once a document, and cairo keeps its glyph metrics and
  // outlines. Desubroutinised: a glyph's outline does not depend on which other glyphs the cut
  // holds, so a document's bytes do not depend on the documents written before it.
  hb_set_t* cut_glyphs = nullptr;
  // The characters whose nominal glyphs (cmap) are all of cut_glyphs, when they are; null when
  // the cut holds a glyph no character maps to (then it is cut by glyph ids, slower).
  hb_set_t* cut_unicodes = nullptr;
  cairo_font_face_t* cut_regular = nullptr;
  cairo_font_face_t* cut_bold = nullptr;
  void drop_cut();
};

// A glyph run ready for cairo: glyph ids and advances in points, in the face that has them.
struct ShapedRun {
  LoadedFace* face = nullptr;
  std::vector<unsigned> glyphs;
  std::vector<double> advances;
  std::vector<unsigned> clusters; // byte offset of each glyph's cluster in the text
  double width = 0;
};

// The faces one document embeds: each face cut down by hb-subset to glyphs including the ones
// the document uses (glyph ids kept), so that cairo reads and subsets a few hundred kilobytes
// instead of the whole CJK face (tens of megabytes: time and memory, docs/pdf.md). The cut is
// the thread's (LoadedFace::cut_glyphs), grown when the document needs glyphs it lacks.
class DocumentFaces {
public:
  DocumentFaces() = default;
  ~DocumentFaces();
  DocumentFaces(const DocumentFaces&) = delete;
  DocumentFaces& operator=(const DocumentFaces&) = delete;

  // Notes the glyphs of `run`, shaped from `text`, as used.
  void use(const ShapedRun& run, std::string_view text);
  // The cairo face to draw `face` with (emboldened when `bold`); the whole face when it could
  // not be cut down.
  cairo_font_face_t* cairo_face(LoadedFace& face, bool bold);

private:
  struct Entry {
    LoadedFace* face = nullptr;
    hb_set_t* glyphs = nullptr;
    hb_set_t* unicodes = nullptr; // the characters of the glyphs, while each is a nominal glyph
    bool made = false;
    bool whole = false; // drawn with the whole face (no cut could be made)
  };
  Entry& entry(LoadedFace& face);
  std::vector<Entry> entries_;
};

class FontSet {
public:
  // The font set of the calling thread (faces are not shared between threads).
  static FontSet& for_thread();

  // `text` shaped in the face of `style`, or in the fallback face when that face lacks a glyph.
  ShapedRun shape(std::string_view text, const typeset::Style& style);

  // One sentence per face that stands in for a GB/T 9704 face, or that was refused (embedding
  // not permitted); empty when every face is the real one.
  const std::vector<std::string>& notes() const { return notes_; }

  FontSet();
  ~FontSet();
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

private:
  LoadedFace& face(typeset::Face role) const;
  std::vector<LoadedFace*> faces_; // indexed by typeset::Face
  std::vector<LoadedFace*> fallbacks_;
  std::vector<LoadedFace*> owned_;
  std::vector<std::string> notes_;
};

} // namespace planctl::write::pdf
