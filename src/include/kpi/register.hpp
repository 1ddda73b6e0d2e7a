// The KPI register: one header row, then one KPI per row (docs/register.md).
// The glue hands over a Calc range as a grid of cells; parse_register() recognises the columns
// by header text (English or Vietnamese, case- and diacritics-insensitive, any order) and the
// Level / Group / Direction values, parses numbers given as text and the deadlines.
#pragma once

#include "kpi/catalog.hpp" // kpi::text
#include "kpi/outcome.hpp"
#include "kpi/period.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kpi {

// One cell as Calc hands it over: empty, a number (dates are serials) or text (UTF-8).
struct grid_cell {
    std::variant<std::monostate, double, std::string> v;

    grid_cell() = default;
    grid_cell(double d) : v(d) {}
    grid_cell(int i) : v(static_cast<double>(i)) {}
    grid_cell(std::string s) : v(std::move(s)) {}
    grid_cell(const char* s) : v(std::string(s)) {}

    [[nodiscard]] bool is_empty() const noexcept; // monostate, or text that is only white space
    [[nodiscard]] const double* number() const noexcept { return std::get_if<double>(&v); }
    [[nodiscard]] const std::string* string() const noexcept { return std::get_if<std::string>(&v); }
};

// A rectangular block of cells, row-major. Row 0 is where the header is looked for.
class grid {
public:
    grid() = default;
    grid(std::size_t rows, std::size_t cols) : rows_(rows), cols_(cols), cells_(rows * cols) {}
    // Ragged rows are padded with empty cells.
    grid(std::initializer_list<std::initializer_list<grid_cell>> rows);
    static grid from_rows(const std::vector<std::vector<grid_cell>>& rows);

    [[nodiscard]] std::size_t rows() const noexcept { return rows_; }
    [[nodiscard]] std::size_t cols() const noexcept { return cols_; }
    [[nodiscard]] grid_cell& at(std::size_t r, std::size_t c) { return cells_[r * cols_ + c]; }
    [[nodiscard]] const grid_cell& at(std::size_t r, std::size_t c) const { return cells_[r * cols_ + c]; }

    // Whether a cell's value is computed by a formula (the glue knows it from the sheet; a range
    // argument of a cell function carries values only, so there every cell is a typed value).
    // The flags cost nothing until the first set_formula.
    void set_formula(std::size_t r, std::size_t c, bool formula = true) {
        if (formula_.empty()) {
            if (!formula) return;
            formula_.resize(cells_.size(), false);
        }
        formula_[r * cols_ + c] = formula;
    }
    [[nodiscard]] bool is_formula(std::size_t r, std::size_t c) const noexcept {
        return !formula_.empty() && formula_[r * cols_ + c];
    }

private:
    std::size_t rows_ = 0;
    std::size_t cols_ = 0;
    std::vector<grid_cell> cells_;
    std::vector<bool> formula_; // empty: no formula cell
};

// The register's columns. ID, Level and Parent are required; the others are optional.
enum class column : std::uint8_t {
    id, name, level, group, parent, owner, unit, direction, baseline, target, deadline, actual, source
};
inline constexpr std::size_t column_count = 13;
inline constexpr std::array<column, 3> required_columns{column::id, column::level, column::parent};

[[nodiscard]] std::string_view to_string(column c) noexcept; // "id", "name", ... (for JSON)
[[nodiscard]] text column_title(column c) noexcept;         // {"Parent", "KPI cha"}
// The column a header text names, if any ("  Tên KPI " -> name, "KPI_cha" -> parent,
// "Target / Mục tiêu" -> target).
[[nodiscard]] std::optional<column> recognise_header(std::string_view header);

enum class kpi_level : std::uint8_t { missing, unrecognised, strategic, tactical };
enum class kpi_group : std::uint8_t {
    missing, unrecognised, acquisition_cost, digital_seo, customer_value
};
enum class kpi_direction : std::uint8_t { missing, unrecognised, higher_is_better, lower_is_better };

// Value recognition, en and vi, case/diacritics/space/punctuation-insensitive.
// Empty text gives `missing`; text that is not one of the known words gives `unrecognised`.
[[nodiscard]] kpi_level parse_level(std::string_view text);
[[nodiscard]] kpi_group parse_group(std::string_view text);
[[nodiscard]] kpi_direction parse_direction(std::string_view text);
[[nodiscard]] text group_title(kpi_group g) noexcept;     // {"Acquisition & cost", "Thu hút & chi phí"}
[[nodiscard]] std::string_view to_string(kpi_level l) noexcept;     // "strategic", "tactical", ""
[[nodiscard]] std::string_view to_string(kpi_group g) noexcept;     // "acquisition_cost", ...
[[nodiscard]] std::string_view to_string(kpi_direction d) noexcept; // "higher_is_better", ...

// A number typed as text. Rules (docs/register.md):
//  - surrounding space ignored; an optional leading + or -; an optional trailing % divides by 100
//    ("15%" -> 0.15, as Calc stores percentages);
//  - both ',' and '.' present: the last one is the decimal separator, the other groups thousands
//    ("1,234.5" and "1.234,5" -> 1234.5);
//  - one kind, several times: thousands ("1,000,000" and "1.000.000" -> 1e6);
//  - a single separator (either one) is a thousands separator when 1-3 digits (not starting
//    with 0) precede it and exactly three digits follow: "1.000" and "250,000" -> 1000, 250000
//    (Vietnamese writes 100.000 for a hundred thousand); otherwise it is the decimal separator:
//    "1.5", "1,5", "0.125", "1234.567", "12.50";
//  - thousands groups must be well formed (1-3 digits, then groups of 3); spaces inside the
//    number (incl. U+00A0) group thousands too ("1 000 000");
//  - exponents ("1e6") are accepted without separators; inf/nan and anything else -> nullopt.
[[nodiscard]] std::optional<double> parse_number(std::string_view text);

// A numeric field of a row: absent (empty cell), a number, or present but not a number.
struct number_field {
    bool present = false;
    std::optional<double> value; // set when the cell is a finite number or parseable text
    bool formula = false;        // the cell is a formula (grid::is_formula), even one showing ""
};

// The deadline field: absent, a period, or present but not a period.
struct deadline_field {
    bool present = false;
    std::optional<period> value;
};

// One KPI: the parsed fields. Free-text fields (name, owner, unit, source) are read from the
// register's grid with kpi_register::text().
struct kpi_row {
    std::size_t grid_row = 0; // row index in the grid given to parse_register (header = header_row)
    std::string id;           // as shown: trimmed text, or the number (1 -> "1")
    std::string id_key;       // the key IDs are matched by: fold(id) (case/diacritics/space-insensitive)
    std::string parent;       // as shown; empty when the KPI has no parent
    std::string parent_key;
    kpi_level level = kpi_level::missing;
    kpi_group group = kpi_group::missing;
    kpi_direction direction = kpi_direction::missing;
    number_field baseline;
    number_field target;
    number_field actual;
    deadline_field deadline;
};

// A parsed register. Owns the grid it was parsed from (copies are safe: rows hold indices).
class kpi_register {
public:
    [[nodiscard]] const grid& source_grid() const noexcept { return grid_; }
    [[nodiscard]] std::size_t header_row() const noexcept { return header_row_; }
    // The grid column of a register column, when the header has it.
    [[nodiscard]] std::optional<std::size_t> column_index(column c) const noexcept;

    [[nodiscard]] std::span<const kpi_row> rows() const noexcept { return rows_; }
    [[nodiscard]] std::size_t size() const noexcept { return rows_.size(); }
    [[nodiscard]] const kpi_row& operator[](std::size_t i) const noexcept { return rows_[i]; }

    // Cell of KPI i in column c: the trimmed text ("" for numbers, empty cells, absent columns).
    [[nodiscard]] std::string_view text(std::size_t i, column c) const noexcept;
    // Whether that cell has a value (a number, or text that is not only white space).
    [[nodiscard]] bool has_value(std::size_t i, column c) const noexcept;
    // The cell as shown: text trimmed, a number formatted ("1", "0.15"), "" when empty.
    [[nodiscard]] std::string display(std::size_t i, column c) const;

    // Grid rows below the header that have content but no ID: not KPIs, listed for a warning.
    [[nodiscard]] std::span<const std::size_t> rows_without_id() const noexcept { return no_id_; }

private:
    friend class register_builder;
    grid grid_;
    std::size_t header_row_ = 0;
    std::array<std::int32_t, column_count> col_{}; // -1 = absent
    std::vector<kpi_row> rows_;
    std::vector<std::size_t> no_id_;
};

// Why a grid is not a register: typed, so the glue can say "no register found".
struct register_error {
    enum class kind : std::uint8_t {
        empty,           // no rows or no columns
        missing_columns, // no header row (of those scanned) names every required column
    };
    kind code = kind::empty;
    std::vector<column> missing; // required columns absent from the best candidate header row
    std::size_t header_row = 0;  // that best candidate (the one naming most required columns)
};
[[nodiscard]] std::string_view to_string(register_error::kind k) noexcept; // "empty", "missing_columns"
// "No KPI register found: the header has no column ID, Parent." / Vietnamese.
[[nodiscard]] std::string describe(const register_error& e, std::string_view language);

struct parse_options {
    // Rows from the top in which the header is looked for; the first row naming ID, Level and
    // Parent is the header. 1 for a function argument (first row = header); the menu command
    // may scan a few rows of the used area to skip a title.
    std::size_t header_scan_rows = 1;
};

using register_result = outcome<kpi_register, register_error>;

// Parses a grid (moved in: the register keeps it). Rows after the header whose cells are all
// empty are skipped; rows with content but no ID are listed in rows_without_id().
[[nodiscard]] register_result parse_register(grid g, const parse_options& options = {});

} // namespace kpi
