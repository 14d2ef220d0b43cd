#include <planctl/import/ooxml_package.hpp>

#include <minizip/unzip.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <new>

namespace planctl::import::ooxml {

namespace {

// minizip reads through these callbacks; the "file" is the bytes given to ZipPackage.
using MemoryFile = ZipPackage::MemoryFile;

voidpf mem_open(voidpf opaque, const void* /*name*/, int /*mode*/) {
  return opaque;
}

uLong mem_read(voidpf /*opaque*/, voidpf stream, void* buf, uLong size) {
  auto* f = static_cast<MemoryFile*>(stream);
  const std::uint64_t left = f->bytes.size() - f->pos;
  const uLong n = static_cast<uLong>(std::min<std::uint64_t>(size, left));
  std::memcpy(buf, f->bytes.data() + f->pos, n);
  f->pos += n;
  return n;
}

uLong mem_write(voidpf, voidpf, const void*, uLong) {
  return 0;
}

ZPOS64_T mem_tell(voidpf /*opaque*/, voidpf stream) {
  return static_cast<MemoryFile*>(stream)->pos;
}

long mem_seek(voidpf /*opaque*/, voidpf stream, ZPOS64_T offset, int origin) {
  auto* f = static_cast<MemoryFile*>(stream);
  std::uint64_t base = 0;
  switch (origin) {
  case ZLIB_FILEFUNC_SEEK_SET:
    base = 0;
    break;
  case ZLIB_FILEFUNC_SEEK_CUR:
    base = f->pos;
    break;
  case ZLIB_FILEFUNC_SEEK_END:
    base = f->bytes.size();
    break;
  default:
    return -1;
  }
  if (offset > f->bytes.size() || base > f->bytes.size() - offset) {
    return -1;
  }
  f->pos = base + offset;
  return 0;
}

int mem_close(voidpf, voidpf) {
  return 0;
}

int mem_error(voidpf, voidpf) {
  return 0;
}

std::string text(std::string_view s) {
  return std::string(s);
}

struct ParseState {
  XML_Parser parser = nullptr;
  XmlHandler* handler = nullptr;
  bool doctype = false;
};

void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** atts) {
  auto* s = static_cast<ParseState*>(data);
  s->handler->start(split_name(name), atts);
}

void XMLCALL on_end(void* data, const XML_Char* name) {
  auto* s = static_cast<ParseState*>(data);
  s->handler->end(split_name(name));
}

void XMLCALL on_text(void* data, const XML_Char* chars, int len) {
  auto* s = static_cast<ParseState*>(data);
  s->handler->text(std::string_view(chars, static_cast<std::size_t>(len)));
}

// A DOCTYPE is where entities are declared: Office never writes one, so any is refused before
// anything in it can expand (billion laughs) or be fetched (external entities).
void XMLCALL on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  auto* s = static_cast<ParseState*>(data);
  s->doctype = true;
  XML_StopParser(s->parser, XML_FALSE);
}

} // namespace

ZipPackage::ZipPackage(std::string_view bytes, const PackageKind& kind, std::uint64_t max_part)
    : m_file{bytes, 0}, m_kind(kind), m_max_part(max_part) {
  zlib_filefunc64_def funcs{};
  funcs.zopen64_file = mem_open;
  funcs.zread_file = mem_read;
  funcs.zwrite_file = mem_write;
  funcs.ztell64_file = mem_tell;
  funcs.zseek64_file = mem_seek;
  funcs.zclose_file = mem_close;
  funcs.zerror_file = mem_error;
  funcs.opaque = &m_file;
  m_zip = unzOpen2_64("package.zip", &funcs);
  if (m_zip == nullptr) {
    throw ImportError(text(kind.not_zip));
  }
}

ZipPackage::~ZipPackage() {
  unzClose(static_cast<unzFile>(m_zip));
}

std::vector<std::string> ZipPackage::names(std::size_t max) {
  auto* zip = static_cast<unzFile>(m_zip);
  std::vector<std::string> out;
  for (int rc = unzGoToFirstFile(zip); rc == UNZ_OK && out.size() < max;
       rc = unzGoToNextFile(zip)) {
    std::array<char, 512> name{};
    unz_file_info64 info{};
    if (unzGetCurrentFileInfo64(zip, &info, name.data(), name.size() - 1, nullptr, 0, nullptr, 0) ==
        UNZ_OK) {
      out.emplace_back(name.data());
    }
  }
  return out;
}

std::optional<std::string> ZipPackage::read(const std::string& name) {
  auto* zip = static_cast<unzFile>(m_zip);
  const std::string ext = text(m_kind.ext);
  const std::string app = text(m_kind.app);
  const std::string noun = m_kind.ext == ".xlsx" ? "workbook" : "document";
  if (unzLocateFile(zip, name.c_str(), 1) != UNZ_OK) {
    return std::nullopt;
  }
  if (unzOpenCurrentFile(zip) != UNZ_OK) {
    throw ImportError("the " + ext + " is damaged: its part " + name +
                      " cannot be opened; open the " + noun + " in " + app + " and save it again");
  }
  std::string out;
  std::array<char, 64 * 1024> buf{};
  for (;;) {
    const int n = unzReadCurrentFile(zip, buf.data(), static_cast<unsigned>(buf.size()));
    if (n < 0) {
      unzCloseCurrentFile(zip);
      throw ImportError("the " + ext + " is damaged: its part " + name +
                        " cannot be inflated; open the " + noun + " in " + app +
                        " and save it again");
    }
    if (n == 0) {
      break;
    }
    // The size the zip states can lie; the bytes actually inflated are what count.
    if (out.size() + static_cast<std::size_t>(n) > m_max_part) {
      unzCloseCurrentFile(zip);
      throw ImportError("the " + ext + " part " + name + " inflates to more than " +
                        std::to_string(m_max_part >> 20) + " MiB; " + text(m_kind.too_large));
    }
    out.append(buf.data(), static_cast<std::size_t>(n));
  }
  if (unzCloseCurrentFile(zip) == UNZ_CRCERROR) {
    throw ImportError("the " + ext + " is damaged: its part " + name +
                      " fails its checksum; open the " + noun + " in " + app +
                      " and save it again");
  }
  return out;
}

Name split_name(const XML_Char* name) {
  const std::string_view s(name);
  const std::size_t bar = s.find('|');
  if (bar == std::string_view::npos) {
    return {{}, s};
  }
  return {s.substr(0, bar), s.substr(bar + 1)};
}

std::string_view attr(const XML_Char** atts, std::string_view ns, std::string_view local) {
  for (std::size_t i = 0; atts[i] != nullptr; i += 2) {
    const Name n = split_name(atts[i]);
    if (n.ns == ns && n.local == local) {
      return atts[i + 1];
    }
  }
  return {};
}

std::optional<int> to_int(std::string_view s) {
  if (s.empty() || s.size() > 6) {
    return std::nullopt;
  }
  int v = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    v = v * 10 + (c - '0');
  }
  return v;
}

void parse_xml(const std::string& xml, const std::string& part, XmlHandler& handler,
               const PackageKind& kind) {
  ParseState state;
  state.handler = &handler;
  state.parser = XML_ParserCreateNS(nullptr, '|');
  if (state.parser == nullptr) {
    throw std::bad_alloc();
  }
  XML_SetUserData(state.parser, &state);
  XML_SetElementHandler(state.parser, on_start, on_end);
  XML_SetCharacterDataHandler(state.parser, on_text);
  XML_SetStartDoctypeDeclHandler(state.parser, on_doctype);
  XML_SetParamEntityParsing(state.parser, XML_PARAM_ENTITY_PARSING_NEVER);
  const XML_Status status =
      XML_Parse(state.parser, xml.data(), static_cast<int>(xml.size()), XML_TRUE);
  const unsigned long line = XML_GetCurrentLineNumber(state.parser);
  const XML_LChar* message = XML_ErrorString(XML_GetErrorCode(state.parser));
  const std::string error = message != nullptr ? message : "";
  XML_ParserFree(state.parser);
  const std::string ext = text(kind.ext);
  if (state.doctype) {
    throw ImportError("the " + ext + " part " + part + " declares a DOCTYPE, which " +
                      text(kind.app) + " never writes; planctl does not read it");
  }
  if (status != XML_STATUS_OK) {
    throw ImportError("the " + ext + " part " + part + " is not well-formed XML (line " +
                      std::to_string(line) + ": " + error + "); open the " +
                      (kind.ext == ".xlsx" ? "workbook" : "document") + " in " + text(kind.app) +
                      " and save it again");
  }
}

} // namespace planctl::import::ooxml
