#include "office_test.hpp"

#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XText.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <unistd.h>

using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace kpi::office_test {
namespace {

std::unique_ptr<office::session> english_office;
Reference<css::lang::XComponent> scratch_doc;

class office_environment : public ::testing::Environment {
public:
    void SetUp() override { english_office = start_office_with_extension("en", "en-US"); }
    void TearDown() override {
        scratch_doc.clear();
        english_office.reset(); // ends the office's process group
    }
};

Reference<css::table::XCell> cell(int col, int row) {
    return scratch_sheet()->getCellByPosition(col, row);
}

} // namespace

std::string u8(const OUString& s) {
    const OString o = OUStringToOString(s, RTL_TEXTENCODING_UTF8);
    return std::string(o.getStr(), static_cast<std::size_t>(o.getLength()));
}
OUString ou(const std::string& s) { return OUString(s.data(), static_cast<sal_Int32>(s.size()), RTL_TEXTENCODING_UTF8); }

void store_as_ods(const css::uno::Reference<css::lang::XComponent>& document, const std::filesystem::path& file) {
    css::beans::PropertyValue filter;
    filter.Name = "FilterName";
    filter.Value <<= OUString("calc8");
    css::uno::Reference<css::frame::XStorable>(document, css::uno::UNO_QUERY_THROW)
        ->storeToURL(ou(office::file_url(std::filesystem::absolute(file))),
                     css::uno::Sequence<css::beans::PropertyValue>(&filter, 1));
}

std::unique_ptr<office::session> start_office_with_extension(const std::string& name, const std::string& ui_language) {
    office::options opts;
    opts.profile_dir = std::filesystem::path(KPI_TEST_WORK_DIR) / ("profile-" + name + "-" + std::to_string(getpid()));
    std::filesystem::remove_all(opts.profile_dir);
    opts.ui_language = ui_language;
    // KPI_TEST_GUI=1 (set by ctest for the suites run under xvfb-run): a real window, visible documents.
    if (const char* gui = std::getenv("KPI_TEST_GUI"); gui && std::string(gui) == "1") {
        opts.headless = false;
        opts.hidden_documents = false;
    }
    auto s = std::make_unique<office::session>(opts);
    s->start();
    s->install_extension(KPI_OXT_PATH);
    s->restart();
    return s;
}

office::session& office() { return *english_office; }

Reference<css::sheet::XSpreadsheet> scratch_sheet() {
    if (!scratch_doc.is()) scratch_doc = office().new_spreadsheet();
    Reference<css::sheet::XSpreadsheetDocument> doc(scratch_doc, UNO_QUERY_THROW);
    Reference<css::container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY_THROW);
    return Reference<css::sheet::XSpreadsheet>(sheets->getByIndex(0), UNO_QUERY_THROW);
}

cell_result evaluate(const std::string& formula, int col, int row) {
    auto c = cell(col, row);
    c->setFormula(ou(formula));
    Reference<css::sheet::XCalculatable>(scratch_doc, UNO_QUERY_THROW)->calculateAll();
    cell_result r;
    r.value = c->getValue();
    r.error = c->getError();
    r.text = u8(Reference<css::text::XText>(c, UNO_QUERY_THROW)->getString());
    r.formula = u8(c->getFormula());
    return r;
}

void set_value(int col, int row, double value) { cell(col, row)->setValue(value); }
void set_text(int col, int row, const std::string& text) { cell(col, row)->setFormula(ou(text)); }
void clear_cell(int col, int row) { cell(col, row)->setFormula(OUString()); }

} // namespace kpi::office_test

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    ::testing::AddGlobalTestEnvironment(new kpi::office_test::office_environment);
    return RUN_ALL_TESTS();
}
