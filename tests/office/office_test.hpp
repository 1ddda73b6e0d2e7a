// Shared by the office tests: one private headless office per test binary, with the built .oxt.
#pragma once

#include "office_session.hpp"

#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>

#include <filesystem>
#include <string>

namespace kpi::office_test {

using rtl::OString;
using rtl::OUString;

// Starts an office on a fresh profile under the build tree, installs the extension, restarts.
std::unique_ptr<office::session> start_office_with_extension(const std::string& name, const std::string& ui_language);

// The suite's English office (started by the test environment in office_test_main.cpp).
office::session& office();

struct cell_result {
    double value = 0;
    int error = 0;     // Calc's error code (0: none; 532 #DIV/0!, 519 #VALUE!, 503 #NUM!, 32767 #N/A)
    std::string text;  // as displayed
    std::string formula;
};

// A scratch spreadsheet, reused by the tests of one binary.
css::uno::Reference<css::sheet::XSpreadsheet> scratch_sheet();
// Puts `formula` into the scratch sheet's cell at (col,row), recalculates and reads it back.
cell_result evaluate(const std::string& formula, int col = 0, int row = 0);
void set_value(int col, int row, double value);
void set_text(int col, int row, const std::string& text);
void clear_cell(int col, int row);

std::string u8(const OUString& s);
OUString ou(const std::string& s);

// Stores a document as an ODF spreadsheet at `file` (storeToURL: the document keeps its own location).
void store_as_ods(const css::uno::Reference<css::lang::XComponent>& document, const std::filesystem::path& file);

} // namespace kpi::office_test
