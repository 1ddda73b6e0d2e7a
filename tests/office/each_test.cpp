// KPI.EACH: one catalog function over whole columns in one call, entered as an array formula. Each
// result cell must equal the function's own cell formula on that row (value or error).
#include "office_test.hpp"

#include <kpi/catalog.hpp>
#include <kpi/example.hpp>

#include <com/sun/star/sheet/XArrayFormulaRange.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>

#include <gtest/gtest.h>

using namespace kpi::office_test;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace {

constexpr int value_error = 519;

std::string column_name(int col) {
    std::string name;
    for (++col; col > 0; col = (col - 1) / 26) name.insert(name.begin(), static_cast<char>('A' + (col - 1) % 26));
    return name;
}
std::string address(int col, int row) { return column_name(col) + std::to_string(row + 1); }
std::string range(int col, int first_row, int last_row) {
    return address(col, first_row) + ":" + address(col, last_row);
}

void set_array_formula(int col, int first_row, int last_row, const std::string& formula) {
    Reference<css::sheet::XArrayFormulaRange> target(
        scratch_sheet()->getCellRangeByName(ou(range(col, first_row, last_row))), UNO_QUERY_THROW);
    target->setArrayFormula(ou(formula));
}

cell_result read(int col, int row) {
    // a formula elsewhere makes evaluate() recalculate the whole document
    evaluate("=1", 200, 0);
    auto cell = scratch_sheet()->getCellByPosition(col, row);
    cell_result r;
    r.value = cell->getValue();
    r.error = cell->getError();
    return r;
}

void expect_same(const cell_result& each, const cell_result& single, const std::string& what) {
    EXPECT_EQ(each.error, single.error) << what;
    if (each.error == 0 && single.error == 0) {
        EXPECT_DOUBLE_EQ(each.value, single.value) << what;
    }
}

} // namespace

TEST(Each, CplOverColumnsEqualsCplPerRowIncludingErrors) {
    // rows 1..6 of D:E: 100/4, 200/0, blank/5, -1/4, text/4, 50/2
    const int first = 0, last = 5;
    set_value(3, 0, 100), set_value(4, 0, 4);
    set_value(3, 1, 200), set_value(4, 1, 0);
    clear_cell(3, 2), set_value(4, 2, 5);
    set_value(3, 3, -1), set_value(4, 3, 4);
    set_text(3, 4, "lots"), set_value(4, 4, 4);
    set_value(3, 5, 50), set_value(4, 5, 2);
    set_array_formula(5, first, last, "=KPI.EACH(\"CPL\";" + range(3, first, last) + ";" + range(4, first, last) + ")");
    for (int row = first; row <= last; ++row) scratch_sheet()->getCellByPosition(6, row)->setFormula(ou("=KPI.CPL(D" + std::to_string(row + 1) + ";E" + std::to_string(row + 1) + ")"));
    const int expected_errors[] = {0, 532, 0, 503, 519, 0};
    for (int row = first; row <= last; ++row) {
        const auto each = read(5, row), single = read(6, row);
        expect_same(each, single, "row " + std::to_string(row + 1));
        EXPECT_EQ(each.error, expected_errors[row]) << "row " + std::to_string(row + 1);
    }
    EXPECT_DOUBLE_EQ(read(5, 0).value, 25.0);
    EXPECT_DOUBLE_EQ(read(5, 5).value, 25.0);
}

TEST(Each, SingleValuesApplyToEveryRowAndOmittedOptionalsTakeDefaults) {
    for (int row = 10; row < 13; ++row) set_value(3, row, 100.0 * (row - 9)), set_value(4, row, 50);
    set_array_formula(5, 10, 12, "=KPI.EACH(\"ROMI\";D11:D13;E11:E13;0.5)");
    set_array_formula(6, 10, 12, "=KPI.EACH(\"kpi.romi\";D11:D13;E11:E13)");
    set_array_formula(7, 10, 12, "=KPI.EACH(\"romi\";D11:D13;50)");
    for (int row = 10; row < 13; ++row) {
        const double revenue = 100.0 * (row - 9);
        EXPECT_DOUBLE_EQ(read(5, row).value, (revenue * 0.5 - 50) / 50);
        EXPECT_DOUBLE_EQ(read(6, row).value, (revenue - 50) / 50);
        EXPECT_DOUBLE_EQ(read(7, row).value, (revenue - 50) / 50);
    }
}

TEST(Each, UnusableCallsGiveValueErrors) {
    set_value(3, 20, 1), set_value(4, 20, 2), set_value(3, 21, 1);
    EXPECT_EQ(evaluate("=KPI.EACH(\"NOPE\";D21;E21)", 5, 20).error, value_error);     // unknown name
    EXPECT_EQ(evaluate("=KPI.EACH(\"NPS\";D21:D22)", 5, 21).error, value_error);      // not a function of numbers
    EXPECT_EQ(evaluate("=KPI.EACH(\"STATUSTEXT\";D21;E21)", 5, 22).error, value_error); // text output
    EXPECT_EQ(evaluate("=KPI.EACH(\"CPL\";D21)", 5, 23).error, value_error);          // a required argument missing
    EXPECT_EQ(evaluate("=KPI.EACH(\"CPL\";D21;E21;1)", 5, 24).error, value_error);    // one too many
    EXPECT_EQ(evaluate("=KPI.EACH(\"CPL\";D21:D22;E21:E23)", 5, 25).error, value_error); // shapes differ
    EXPECT_DOUBLE_EQ(evaluate("=KPI.EACH(\"CPL\";D21;E21)", 5, 26).value, 0.5);         // single cells work
}

// Generated from the catalog: for every function KPI.EACH can apply, three rows (the documented
// example, the first argument doubled, the first argument 0) give what the cell function gives.
TEST(Each, EveryScalarCatalogFunctionMatchesItsCellFormula) {
    int row = 40, functions = 0;
    for (const auto& f : kpi::catalog()) {
        if (!f.scalar || f.output != kpi::output_kind::number) continue;
        SCOPED_TRACE(std::string(f.display));
        const auto call = kpi::parse_example(f.example);
        ASSERT_TRUE(call.has_value());
        const int first = row, last = row + 2;
        std::string each = "=KPI.EACH(\"" + std::string(f.display.substr(4)) + "\"";
        for (std::size_t i = 0; i < call->args.size(); ++i) {
            const int col = 10 + static_cast<int>(i);
            for (int r = first; r <= last; ++r) {
                std::string value = call->args[i];
                if (i == 0 && r == first + 1) value = "2*" + value;
                if (i == 0 && r == last) value = "0";
                scratch_sheet()->getCellByPosition(col, r)->setFormula(ou("=" + value));
            }
            each += ";" + range(col, first, last);
        }
        set_array_formula(20, first, last, each + ")");
        for (int r = first; r <= last; ++r) {
            std::string single = "=" + std::string(f.display) + "(";
            for (std::size_t i = 0; i < call->args.size(); ++i)
                single += (i ? ";" : "") + address(10 + static_cast<int>(i), r);
            scratch_sheet()->getCellByPosition(21, r)->setFormula(ou(single + ")"));
        }
        for (int r = first; r <= last; ++r) expect_same(read(20, r), read(21, r), "row " + std::to_string(r + 1));
        row += 4;
        ++functions;
    }
    EXPECT_GE(functions, 35);
}
