// Writes docs/functions.md from the function catalog (src/lib/catalog.cpp), or with --check compares
// the committed file with what the catalog says (a ctest entry, so the docs never drift).
//   gen_functions_md OUTPUT.md        write
//   gen_functions_md --check FILE.md  exit 1 and say so when FILE.md differs
#include <kpi/catalog.hpp>
#include <kpi/catalog_text.hpp>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace {

std::string escape_pipes(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '|') out += "\\|";
        else out += c;
    }
    return out;
}

std::string generate() {
    std::ostringstream out;
    out << "<!-- Generated from src/lib/catalog.cpp by docs/gen_functions_md.cpp. Do not edit: change the catalog\n"
           "     and run `cmake --build <build> --target docs_functions`. A test fails when this file is stale. -->\n"
           "# Function reference\n\n"
           "Every cell function of Marketing KPI for LibreOffice Calc: its formula, the source of the definition,\n"
           "an example and its error cases. Rates and shares are fractions (0.05 means 5 %; format the cell as a\n"
           "percentage). Formulas are written with `;` between arguments, as Calc stores them; `[x]` is optional.\n"
           "Every example here is computed by the core in a unit test and typed into a real Calc in an office test.\n\n"
           "## Errors\n\n"
           "| Situation | Result |\n|---|---|\n"
           "| A denominator is 0 (e.g. KPI.CPL with 0 leads) | `#DIV/0!` |\n"
           "| Input out of its domain: a negative count or amount, a margin outside 0..1, a part larger than its whole, a score off the scale, an overflowing result | `#NUM!` |\n"
           "| Text where a number is expected (also text inside a range of scores) | `#VALUE!` |\n"
           "| An error in an argument | that error, passed through |\n"
           "| A range with no number at all (blank cells are ignored) | `#N/A` |\n"
           "| A required argument left empty (`=KPI.CPL(;4)`) | `Err:502` (Calc) |\n\n"
           "## Bad input rules\n\n"
           "The bad-input matrix test (tests/office/bad_input_matrix_test.cpp) builds, from this catalog, one\n"
           "formula per function, parameter and input below (the other arguments as in the example) and checks\n"
           "in a real Calc that each gives the result of this table, and that the office survives all of them.\n\n"
           "| Input in one argument | Result |\n|---|---|\n"
           "| text (a cell with `abc`) | `#VALUE!` |\n"
           "| an empty cell | as 0: Calc hands an empty cell over as 0, as to its own functions (in a range of several cells, blanks are ignored) |\n"
           "| an error value (a cell with `=NA()`) | that error (`#N/A`) |\n"
           "| a negative number (-1) | `#NUM!` where the parameter's domain excludes it, else the formula's value |\n"
           "| zero | `#DIV/0!` for a divisor or a non-zero parameter, `#NUM!` where 0 is outside the domain, else the formula's value |\n"
           "| 1E+308 | the formula's value, or `#NUM!` when it overflows or leaves the domain (e.g. a part larger than its whole) |\n"
           "| non-finite (a cell with `=1E308*10`) | `#NUM!`: Calc has no infinities or NaN; the overflow is already `#NUM!` and passes through |\n\n"
           "Parameter domains:\n\n| Domain | Rule |\n|---|---|\n";
    const std::pair<const char*, kpi::domain> domains[] = {
        {"real", kpi::domain::real},         {"non-zero", kpi::domain::nonzero}, {"amount", kpi::domain::amount},
        {"divisor", kpi::domain::divisor},   {"fraction", kpi::domain::fraction}, {"positive", kpi::domain::positive},
        {"score", kpi::domain::score},       {"flag", kpi::domain::flag},         {"date", kpi::domain::date},
        {"periods", kpi::domain::periods}};
    for (const auto& [name, d] : domains) out << "| " << name << " | " << escape_pipes(kpi::domain_rule(d)) << " |\n";
    out << "\n";

    const kpi::function_group groups[] = {kpi::function_group::strategic, kpi::function_group::acquisition,
                                          kpi::function_group::digital,   kpi::function_group::customer,
                                          kpi::function_group::targets,   kpi::function_group::audit,
                                          kpi::function_group::tools};
    out << "## Contents\n\n";
    for (auto g : groups) {
        out << "- " << kpi::group_title(g).en << ":";
        for (const auto& f : kpi::catalog())
            if (f.group == g) out << " [" << f.display << "](#" << f.name << ")";
        out << "\n";
    }
    for (auto g : groups) {
        out << "\n## " << kpi::group_title(g).en << " (" << kpi::group_title(g).vi << ")\n";
        for (const auto& f : kpi::catalog()) {
            if (f.group != g) continue;
            out << "\n### <a id=\"" << f.name << "\"></a>" << f.display << "(";
            bool first = true;
            for (const auto& p : f.params) {
                const bool optional = !kpi::param_default_text(p, "en").empty();
                out << (first ? "" : "; ") << (optional ? "[" : "") << p.display.en
                    << (optional ? "]" : "");
                first = false;
            }
            out << ")\n\n"
                << f.description.en << "  \n*" << f.description.vi << "*\n\n"
                << "- Formula: `" << f.formula << "`\n"
                << "- Source: " << f.source << "\n"
                << "- Example: `" << f.example.substr(0, f.example.find(" ->")) << "` gives `"
                << f.example.substr(f.example.find("->") + 3) << "`\n"
                << "- Errors: " << kpi::error_cases(f, "en") << "\n\n"
                << "| Argument | Tiếng Việt | Kind | Default | Domain | Description |\n|---|---|---|---|---|---|\n";
            for (const auto& p : f.params)
                out << "| " << p.display.en << " | " << p.display.vi << " | " << kpi::param_kind_text(p, "en") << " | "
                    << kpi::param_default_text(p, "en") << " | " << escape_pipes(kpi::domain_rule(p.accepts)) << " | "
                    << escape_pipes(p.description.en) << " |\n";
        }
    }
    return out.str();
}

} // namespace

int main(int argc, char** argv) {
    const std::string text = generate();
    if (argc == 3 && std::string(argv[1]) == "--check") {
        std::ifstream in(argv[2], std::ios::binary);
        std::stringstream committed;
        committed << in.rdbuf();
        if (committed.str() == text) return 0;
        std::cerr << argv[2] << " is out of date with the catalog: rebuild the target docs_functions and commit it\n";
        return 1;
    }
    if (argc != 2) {
        std::cerr << "usage: gen_functions_md OUTPUT.md | --check FILE.md\n";
        return 2;
    }
    std::ofstream(argv[1], std::ios::binary) << text;
    return 0;
}
