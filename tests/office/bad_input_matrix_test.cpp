// The bad-input matrix, generated from the catalog and run in a real Calc: every function x every
// parameter x {text, empty cell, error value, negative, zero, 1e308, non-finite} gives the result the
// rules of docs/functions.md ("Bad input") say, and the office survives all of it.
//
// Rules (the same table is in docs/functions.md):
//   text          -> #VALUE!  (Calc refuses text for a number; the add-in refuses it in an `any`)
//   empty cell    -> as 0     (Calc hands an empty cell over as 0, as to its own functions)
//   error value   -> that error (#N/A here), passed through
//   non-finite    -> #NUM!    (Calc has no infinities: 1E308*10 is already #NUM!, passed through)
//   negative, 0, 1E+308 -> the function's result on that value: #NUM! where the parameter's domain
//                    excludes it, #DIV/0! for a zero divisor, else the value (computed by the core,
//                    whose agreement with each parameter's domain is a unit test)
#include "office_test.hpp"

#include <kpi/catalog.hpp>
#include <kpi/example.hpp>
#include <kpi/targets.hpp>

#include <com/sun/star/text/XText.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <vector>

using namespace kpi::office_test;
using css::uno::Reference;

namespace {

constexpr int value_error = 519, num_error = 503, div0 = 532, not_available = 32767;

int code_of(kpi::errc e) {
    switch (e) {
    case kpi::errc::div_zero: return div0;
    case kpi::errc::out_of_domain: return num_error;
    case kpi::errc::bad_value: return value_error;
    case kpi::errc::not_available: return not_available;
    }
    return -1;
}

struct input_class {
    const char* name;
    const char* formula_text;     // what goes into the argument
    std::optional<double> number; // the value the core sees, when it sees one
    int passes_error = 0;         // the error Calc produces before the add-in is called
};

// Helper cells at column AD (29): AD1 text, AD2 empty, AD3 =NA(), AD4 =1E308*10.
const input_class classes[] = {
    {"text", "$AD$1", std::nullopt, value_error},
    {"empty cell", "$AD$2", 0.0, 0},
    {"error value", "$AD$3", std::nullopt, not_available},
    {"negative", "-1", -1.0, 0},
    {"zero", "0", 0.0, 0},
    {"1e308", "1E+308", 1e308, 0},
    {"non-finite", "$AD$4", std::nullopt, num_error},
};

struct matrix_case {
    const kpi::function_info* f;
    std::size_t param;
    const input_class* input;
    std::string formula;
    int expected_error = 0;
    double expected_value = 0;
};

} // namespace

TEST(BadInputMatrix, EveryFunctionParameterAndInputGivesItsDocumentedResult) {
    auto sheet = scratch_sheet();
    set_text(29, 0, "abc");
    clear_cell(29, 1);
    sheet->getCellByPosition(29, 2)->setFormula(ou("=NA()"));
    sheet->getCellByPosition(29, 3)->setFormula(ou("=1E308*10"));
    ASSERT_EQ(evaluate("=AD4", 28, 0).error, num_error); // Calc really has no infinities

    std::vector<matrix_case> cases;
    for (const auto& f : kpi::catalog()) {
        if (!f.scalar && !f.over_range) continue; // KPI.EACH: tested in each_test.cpp
        const auto call = kpi::parse_example(f.example);
        ASSERT_TRUE(call.has_value()) << f.example;
        std::vector<std::vector<kpi::cell>> example_args;
        for (const auto& a : call->args) example_args.push_back(*kpi::argument_cells(a));
        for (std::size_t i = 0; i < f.params.size(); ++i) {
            for (const auto& input : classes) {
                matrix_case c{&f, i, &input, {}};
                auto texts = call->args;
                texts.resize(std::max(texts.size(), i + 1));
                texts[i] = input.formula_text;
                c.formula = "=" + std::string(f.display) + "(";
                for (std::size_t k = 0; k < texts.size(); ++k) c.formula += (k ? ";" : "") + texts[k];
                c.formula += ")";
                if (input.passes_error) {
                    c.expected_error = input.passes_error;
                } else {
                    auto args = example_args;
                    args.resize(std::max(args.size(), i + 1));
                    args[i] = {*input.number};
                    const auto r = kpi::evaluate_call(f, args, 0.0);
                    if (!r) c.expected_error = code_of(r.error());
                    else c.expected_value = r.value();
                }
                cases.push_back(std::move(c));
            }
        }
    }
    ASSERT_GT(cases.size(), 600u);

    // All formulas at once (column AF on), one recalculation, then read every cell.
    constexpr int first_col = 31, rows_per_col = 1000;
    for (std::size_t n = 0; n < cases.size(); ++n)
        sheet->getCellByPosition(first_col + static_cast<int>(n / rows_per_col), static_cast<int>(n % rows_per_col))
            ->setFormula(ou(cases[n].formula));
    evaluate("=1", 28, 1); // recalculates the document

    std::map<std::string, int> per_class;
    for (std::size_t n = 0; n < cases.size(); ++n) {
        const auto& c = cases[n];
        auto cell = sheet->getCellByPosition(first_col + static_cast<int>(n / rows_per_col), static_cast<int>(n % rows_per_col));
        SCOPED_TRACE(c.formula + "  [" + std::string(c.f->params[c.param].name) + " = " + c.input->name + "]");
        const int error = cell->getError();
        EXPECT_EQ(error, c.expected_error);
        if (error == 0 && c.expected_error == 0) {
            if (c.f->output == kpi::output_kind::status_text) {
                EXPECT_EQ(u8(Reference<css::text::XText>(cell, css::uno::UNO_QUERY_THROW)->getString()),
                          kpi::status_word(c.expected_value, "en"));
            } else {
                EXPECT_NEAR(cell->getValue(), c.expected_value, 1e-9 * std::max(1.0, std::fabs(c.expected_value)));
            }
        }
        ++per_class[c.input->name];
    }
    for (const auto& input : classes) EXPECT_GT(per_class[input.name], 40) << input.name;

    // 0 crashes: the office still answers, and the add-in still computes.
    EXPECT_DOUBLE_EQ(evaluate("=KPI.CPL(100;4)", 28, 2).value, 25.0);
    for (std::size_t n = 0; n < cases.size(); ++n)
        clear_cell(first_col + static_cast<int>(n / rows_per_col), static_cast<int>(n % rows_per_col));
}
