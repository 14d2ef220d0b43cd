#include <planctl/util/output_sink.hpp>
#include <planctl/util/platform.hpp>
#include <planctl/util/utf8.hpp>
#include <planctl/workbook/cell_text.hpp>
#include <planctl/workbook/xlsx_book.hpp>
#include <planctl/workbook/xlsx_io.hpp>

#include <cerrno>
#include <cstring>
#include <mutex>
#include <stdexcept>

namespace planctl::workbook {

std::string column_name(lxw_col_t col) {
  std::string name;
  unsigned long n = static_cast<unsigned long>(col) + 1;
  while (n > 0) {
    const unsigned long rem = (n - 1) % 26;
    name.insert(name.begin(), static_cast<char>('A' + rem));
    n = (n - 1) / 26;
  }
  return name;
}

std::string cell_name(lxw_row_t row, lxw_col_t col) {
  return column_name(col) + std::to_string(static_cast<unsigned long>(row) + 1);
}

bool fits_inline_list(const std::vector<std::string>& values) {
  std::size_t length = values.empty() ? 0 : values.size() - 1; // the commas
  for (const std::string& value : values) {
    if (value.find_first_of(",\"") != std::string::npos) {
      return false;
    }
    length += util::count_code_points(value);
  }
  return length <= k_inline_list_limit;
}

void check_lxw(lxw_error error, const std::string& what) {
  if (error != LXW_NO_ERROR) {
    throw std::runtime_error("cannot write the workbook (" + what + "): " + lxw_strerror(error));
  }
}

void check_lxw_cell(lxw_error error, lxw_row_t row, lxw_col_t col) {
  if (error != LXW_NO_ERROR) {
    check_lxw(error, "cell " + cell_name(row, col));
  }
}

XlsxBook::XlsxBook(const std::filesystem::path& path) {
  const std::filesystem::path folder = path.parent_path();
  m_tmpdir = folder.empty() ? std::string(".") : util::library_path(folder);
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  options.tmpdir = m_tmpdir.data();
  options.use_zip64 = LXW_FALSE;
  m_book = workbook_new_opt(util::library_path(path).c_str(), &options);
  if (!m_book) {
    throw std::runtime_error("cannot start the workbook \"" + util::path_utf8(path) + "\"");
  }
}

XlsxBook::~XlsxBook() {
  if (m_book) {
    lxw_workbook_free(m_book);
  }
}

lxw_worksheet* XlsxBook::add_sheet(const std::string& name) {
  check_lxw(workbook_validate_sheet_name(m_book, name.c_str()), "sheet name \"" + name + "\"");
  lxw_worksheet* sheet = workbook_add_worksheet(m_book, name.c_str());
  if (!sheet) {
    throw std::runtime_error("cannot add the sheet \"" + name + "\"");
  }
  return sheet;
}

lxw_format* XlsxBook::add_format() {
  lxw_format* format = workbook_add_format(m_book);
  if (!format) {
    throw std::runtime_error("cannot add a cell format to the workbook");
  }
  return format;
}

lxw_format* XlsxBook::default_format() const {
  // workbook_new() adds the default (Normal) format first; libxlsxwriter has no accessor.
  return STAILQ_FIRST(m_book->formats);
}

void XlsxBook::set_properties(const std::string& title, const std::string& author,
                              const std::string& company, std::time_t created) {
  // The properties are XML too (docProps/core.xml, app.xml): the same characters as in cells.
  m_title = fit_cell_text(title).text;
  m_author = fit_cell_text(author).text;
  m_company = fit_cell_text(company).text;
  lxw_doc_properties properties{};
  properties.title = m_title.data();
  properties.author = m_author.data();
  properties.company = m_company.data();
  properties.created = created;
  check_lxw(workbook_set_properties(m_book, &properties), "document properties");
}

void XlsxBook::add_list_validation(lxw_worksheet* sheet, lxw_row_t first_row, lxw_row_t last_row,
                                   lxw_col_t col, const std::vector<std::string>& values,
                                   const std::string& error_message) {
  if (values.empty() || first_row > last_row) {
    return;
  }
  lxw_data_validation validation{};
  validation.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  std::vector<char*> list;
  if (fits_inline_list(values)) {
    for (const std::string& value : values) {
      list.push_back(const_cast<char*>(value.c_str()));
    }
    list.push_back(nullptr);
    validation.validate = LXW_VALIDATION_TYPE_LIST;
    validation.value_list = list.data();
  } else {
    // Excel cannot hold a longer list inline (libxlsxwriter refuses it), and a value with a
    // comma cannot be written inline at all: the list goes down a column of a hidden sheet.
    const auto column = static_cast<lxw_col_t>(m_lists.size());
    m_lists.push_back(values);
    m_formulas.push_back("'" + std::string(k_list_sheet) + "'!$" + column_name(column) + "$1:$" +
                         column_name(column) + "$" + std::to_string(values.size()));
    validation.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
    validation.value_formula = m_formulas.back().data();
  }
  std::string message = error_message;
  if (util::count_code_points(message) > 255) {
    message.clear();
  }
  if (!message.empty()) {
    validation.error_message = message.data();
  }
  check_lxw(worksheet_data_validation_range(sheet, first_row, col, last_row, col, &validation),
            "drop-down list");
}

void XlsxBook::close() {
  if (!m_lists.empty()) {
    lxw_worksheet* lists = add_sheet(k_list_sheet);
    for (std::size_t c = 0; c < m_lists.size(); ++c) {
      for (std::size_t r = 0; r < m_lists[c].size(); ++r) {
        check_lxw(worksheet_write_string(lists, static_cast<lxw_row_t>(r),
                                         static_cast<lxw_col_t>(c), m_lists[c][r].c_str(), nullptr),
                  "drop-down list values");
      }
    }
    worksheet_hide(lists);
  }
  const std::string path = m_book->filename != nullptr ? m_book->filename : "";
  static std::mutex close_mutex;
  lxw_error error = LXW_NO_ERROR;
  int close_errno = 0;
  {
    // With planctl's replacements of libxlsxwriter's temporary files and gmtime() (xlsx_io),
    // workbooks share nothing and close, the costliest step of a workbook, runs on every
    // thread at once; without them, closes take turns.
    std::unique_lock<std::mutex> lock(close_mutex, std::defer_lock);
    if (!xlsx_io_replaced()) {
      lock.lock();
    }
    errno = 0;
    error = workbook_close(m_book);
    close_errno = errno;
  }
  // workbook_close() frees the workbook whatever happened.
  m_book = nullptr;
  if (error != LXW_NO_ERROR) {
    // Everything was built in memory; what fails here is the file system (a full disk, a
    // file-size limit): an output error with the system's reason, not an internal one.
    throw util::OutputError("cannot write \"" + path + "\": " +
                            (close_errno != 0 ? std::strerror(close_errno) : lxw_strerror(error)));
  }
}

} // namespace planctl::workbook
