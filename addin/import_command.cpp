#include "import_command.hpp"

#include "sheet_grid.hpp"
#include "uno_strings.hpp"

#include <kpi/text_fold.hpp>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeMovement.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/table/CellContentType.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableRows.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/util/XNumberFormats.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>
#include <osl/file.hxx>

#include <cmath>
#include <fstream>
#include <map>

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace kpi::uno_glue {
namespace {

bool is_period_header(const std::string& key) { return key == "period" || key == "ky"; }
bool is_channel_header(const std::string& key) { return key == "channel" || key == "kenh"; }

// The key a period cell is matched by: period_key() text; a month typed as a date becomes its month.
std::string period_cell_key(const kpi::grid_cell& cell, kpi::period_granularity g) {
    if (const auto* d = cell.number()) {
        if (!std::isfinite(*d) || *d < 2) return {};
        const auto c = kpi::to_civil(static_cast<kpi::day_serial>(std::floor(*d)));
        return kpi::period_key(c.year, c.month, g);
    }
    if (const auto* s = cell.string()) {
        const auto t = kpi::trim(*s);
        if (const auto p = kpi::parse_period(t); p && (p->kind == kpi::period_kind::month || p->kind == kpi::period_kind::quarter)) {
            const auto c = kpi::to_civil(p->first);
            const auto kind = p->kind == kpi::period_kind::quarter ? kpi::period_granularity::quarter : kpi::period_granularity::month;
            return kpi::period_key(c.year, c.month, kind);
        }
        return std::string(t);
    }
    return {};
}

std::string row_key(const std::string& period, kpi::channel ch) {
    return period + "|" + std::string(kpi::to_string(ch));
}

std::string format_currency(const Reference<css::sheet::XSpreadsheetDocument>& doc, const Reference<css::table::XCell>& cell) {
    try {
        sal_Int32 key = 0;
        Reference<css::beans::XPropertySet>(cell, UNO_QUERY_THROW)->getPropertyValue("NumberFormat") >>= key;
        auto formats = Reference<css::util::XNumberFormatsSupplier>(doc, UNO_QUERY_THROW)->getNumberFormats();
        OUString format;
        formats->getByKey(key)->getPropertyValue("FormatString") >>= format;
        // "#,##0 [$₫-42A]", "[$$-409]#,##0.00", "#,##0\" ₫\"", "[$USD] #,##0": kpi::currency_of_number_format.
        return kpi::currency_of_number_format(to_utf8(format));
    } catch (const css::uno::Exception&) {
        return {};
    }
}

std::string file_url(const std::filesystem::path& p) {
    OUString url;
    osl::FileBase::getFileURLFromSystemPath(from_utf8(std::filesystem::absolute(p).string()), url);
    return to_utf8(url);
}

} // namespace

std::optional<data_sheet_layout> find_data_sheet(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    Reference<css::container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY_THROW);
    for (sal_Int32 s = 0; s < sheets->getCount(); ++s) {
        Reference<css::sheet::XSpreadsheet> sheet(sheets->getByIndex(s), UNO_QUERY_THROW);
        const auto block = read_used_area(sheet);
        const auto& g = block.cells;
        for (std::size_t r = 0; r < std::min<std::size_t>(20, g.rows()); ++r) {
            std::optional<std::size_t> period, channel;
            bool vi = false;
            for (std::size_t c = 0; c < g.cols(); ++c) {
                const auto* text = g.at(r, c).string();
                if (!text) continue;
                const auto key = kpi::fold_key(*text);
                if (is_period_header(key) && !period) {
                    period = c;
                    vi = key == "ky";
                } else if (is_channel_header(key) && !channel) {
                    channel = c;
                }
            }
            if (!period || !channel) continue;
            data_sheet_layout l;
            l.sheet = sheet;
            l.name = to_utf8(Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName());
            l.language = vi ? "vi" : "en";
            const sal_Int32 col0 = block.address.StartColumn, row0 = block.address.StartRow;
            l.header_row = row0 + static_cast<sal_Int32>(r);
            l.period_col = col0 + static_cast<sal_Int32>(*period);
            l.channel_col = col0 + static_cast<sal_Int32>(*channel);
            l.measure_col.fill(-1);
            l.first_col = -1;
            for (std::size_t c = 0; c < g.cols(); ++c) {
                if (g.at(r, c).is_empty()) continue;
                const auto col = col0 + static_cast<sal_Int32>(c);
                if (l.first_col < 0) l.first_col = col;
                l.last_col = col;
                if (const auto* text = g.at(r, c).string())
                    if (const auto m = kpi::recognise_measure(*text); m && l.measure_col[static_cast<std::size_t>(*m)] < 0)
                        l.measure_col[static_cast<std::size_t>(*m)] = col;
            }
            l.last_data_row = l.header_row;
            for (std::size_t rr = r + 1; rr < g.rows(); ++rr) {
                const auto& p = g.at(rr, *period);
                if (!p.is_empty() || !g.at(rr, *channel).is_empty()) l.last_data_row = row0 + static_cast<sal_Int32>(rr);
                if (const auto* t = p.string(); t && t->find("-Q") != std::string::npos) l.periods = kpi::period_granularity::quarter;
            }
            // The workbook's currency: the money format of the first Spend / Revenue cell that has one.
            for (const auto m : {kpi::measure::spend, kpi::measure::revenue}) {
                const auto col = l.measure_col[static_cast<std::size_t>(m)];
                for (sal_Int32 row = l.header_row + 1; col >= 0 && l.currency.empty() &&
                                                       row <= std::max(l.last_data_row, l.header_row + 1) &&
                                                       row <= l.header_row + 200;
                     ++row)
                    l.currency = format_currency(doc, sheet->getCellByPosition(col, row));
            }
            return l;
        }
    }
    return std::nullopt;
}

write_report write_data_rows(data_sheet_layout& l, const std::vector<kpi::period_values>& rows) {
    write_report report;
    const auto block = read_used_area(l.sheet);
    const auto& g = block.cells;
    const sal_Int32 col0 = block.address.StartColumn, row0 = block.address.StartRow;
    auto cell_at = [&](sal_Int32 row, sal_Int32 col) -> const kpi::grid_cell* {
        const auto r = row - row0, c = col - col0;
        if (r < 0 || c < 0 || static_cast<std::size_t>(r) >= g.rows() || static_cast<std::size_t>(c) >= g.cols()) return nullptr;
        return &g.at(static_cast<std::size_t>(r), static_cast<std::size_t>(c));
    };
    std::map<std::string, sal_Int32> existing;
    for (sal_Int32 row = l.header_row + 1; row <= l.last_data_row; ++row) {
        const auto* p = cell_at(row, l.period_col);
        const auto* c = cell_at(row, l.channel_col);
        if (!p || !c) continue;
        const auto* title = c->string();
        const auto ch = title ? kpi::recognise_channel(*title) : std::nullopt;
        const auto key = period_cell_key(*p, l.periods);
        if (ch && !key.empty()) existing.emplace(row_key(key, *ch), row); // the first row wins
    }
    std::vector<bool> missing(kpi::measure_count, false);
    const sal_Int16 sheet_index = Reference<css::sheet::XCellRangeAddressable>(l.sheet, UNO_QUERY_THROW)->getRangeAddress().Sheet;

    // Updates first (row indices as read), then appends (which may insert rows below the table).
    std::vector<const kpi::period_values*> to_append;
    for (const auto& row : rows) {
        const auto found = existing.find(row_key(row.period, row.ch));
        if (found == existing.end()) {
            to_append.push_back(&row);
        } else {
            bool changed = false;
            for (std::size_t m = 0; m < kpi::measure_count; ++m) {
                if (!row.has[m]) continue;
                const auto col = l.measure_col[m];
                if (col < 0) {
                    missing[m] = true;
                    continue;
                }
                const auto* current = cell_at(found->second, col);
                const double* number = current ? current->number() : nullptr;
                const double v = row.values[m];
                if (number && std::abs(*number - v) <= 1e-9 * std::max(1.0, std::abs(v))) continue;
                l.sheet->getCellByPosition(col, found->second)->setValue(v);
                ++report.cells_changed;
                changed = true;
            }
            report.rows_updated += changed;
        }
    }
    bool inserting = false;
    for (const auto* appended : to_append) {
        const auto& row = *appended;
        // A new row after the last data row: formats and formulas from the row above.
        const sal_Int32 target = l.last_data_row + 1;
        bool occupied = false;
        for (sal_Int32 col = l.first_col; col <= l.last_col && !occupied; ++col)
            if (const auto* c = cell_at(target, col); c && !c->is_empty()) occupied = true;
        inserting = inserting || occupied; // once content below the table moved down, keep inserting
        if (inserting) Reference<css::table::XColumnRowRange>(l.sheet, UNO_QUERY_THROW)->getRows()->insertByIndex(target, 1);
        if (l.last_data_row > l.header_row) {
            Reference<css::sheet::XCellRangeMovement>(l.sheet, UNO_QUERY_THROW)
                ->copyRange(css::table::CellAddress(sheet_index, l.first_col, target),
                            css::table::CellRangeAddress(sheet_index, l.first_col, target - 1, l.last_col, target - 1));
            Reference<css::sheet::XSheetOperation>(l.sheet->getCellRangeByPosition(l.first_col, target, l.last_col, target),
                                                   UNO_QUERY_THROW)
                ->clearContents(css::sheet::CellFlags::VALUE | css::sheet::CellFlags::STRING |
                                css::sheet::CellFlags::DATETIME | css::sheet::CellFlags::ANNOTATION);
        }
        Reference<css::text::XText>(l.sheet->getCellByPosition(l.period_col, target), UNO_QUERY_THROW)
            ->setString(from_utf8(row.period));
        Reference<css::text::XText>(l.sheet->getCellByPosition(l.channel_col, target), UNO_QUERY_THROW)
            ->setString(from_utf8(kpi::channel_title(row.ch).in(l.language)));
        report.cells_changed += 2;
        for (std::size_t m = 0; m < kpi::measure_count; ++m) {
            if (!row.has[m]) continue;
            if (l.measure_col[m] < 0) {
                missing[m] = true;
                continue;
            }
            l.sheet->getCellByPosition(l.measure_col[m], target)->setValue(row.values[m]);
            ++report.cells_changed;
        }
        l.last_data_row = target;
        ++report.rows_appended;
    }
    for (std::size_t m = 0; m < kpi::measure_count; ++m)
        if (missing[m]) report.missing_columns.push_back(static_cast<kpi::measure>(m));
    return report;
}

kpi::import_result read_export(const Reference<css::uno::XComponentContext>& context, const std::filesystem::path& file,
                               const kpi::import_options& options) {
    // The first bytes say whether it is a spreadsheet (zip: .xlsx/.ods; OLE: .xls); anything else is CSV
    // text, read once and aggregated record by record (kpi::import_file).
    std::string magic(4, '\0');
    {
        std::ifstream in(file, std::ios::binary);
        if (!in) throw std::runtime_error("cannot read " + file.string());
        in.read(magic.data(), 4);
        magic.resize(static_cast<std::size_t>(in.gcount()));
    }
    const bool zip = magic == "PK\x03\x04";
    const bool ole = magic == "\xD0\xCF\x11\xE0";
    if (!zip && !ole) return kpi::import_file(file, options);

    // A spreadsheet export (.xlsx, .xls, .ods): its first sheet, read by the office.
    auto desktop = css::frame::Desktop::create(context);
    std::vector<css::beans::PropertyValue> props(2);
    props[0].Name = "Hidden";
    props[0].Value <<= true;
    props[1].Name = "ReadOnly";
    props[1].Value <<= true;
    Reference<css::lang::XComponent> doc;
    try {
        doc = desktop->loadComponentFromURL(from_utf8(file_url(file)), "_blank", 0,
                                            css::uno::Sequence<css::beans::PropertyValue>(props.data(), 2));
    } catch (const css::uno::Exception&) {
    }
    Reference<css::sheet::XSpreadsheetDocument> sheets_doc(doc, UNO_QUERY);
    kpi::grid cells;
    if (sheets_doc.is()) {
        Reference<css::container::XIndexAccess> sheets(sheets_doc->getSheets(), UNO_QUERY_THROW);
        if (sheets->getCount() > 0)
            cells = read_used_area(Reference<css::sheet::XSpreadsheet>(sheets->getByIndex(0), UNO_QUERY_THROW)).cells;
    }
    if (Reference<css::util::XCloseable> closeable(doc, UNO_QUERY); closeable.is()) closeable->close(true);
    else if (doc.is()) doc->dispose();
    if (!sheets_doc.is())
        return kpi::import_error{kpi::import_error::kind::unrecognised, options.source,
                                 zip ? "a zip archive that is not a spreadsheet (unzip it and import the CSV inside)"
                                     : "a file the office cannot open as a spreadsheet",
                                 {}, "", "", {}, 0};
    return kpi::import_grid(cells, options, {}, zip ? "XLSX/ODS" : "XLS");
}

import_run import_files(const Reference<css::uno::XComponentContext>& context,
                        const Reference<css::sheet::XSpreadsheetDocument>& doc, const std::vector<std::filesystem::path>& files,
                        const std::string& language, const std::string& workbook_currency,
                        const std::map<std::string, double>& rates) {
    const bool vi = language.substr(0, 2) == "vi";
    import_run run;
    auto layout = find_data_sheet(doc);
    if (!layout) {
        run.message = vi ? "Không tìm thấy trang Dữ liệu: sổ tính cần một trang có các cột Kỳ và Kênh (như trang \"Dữ liệu\" "
                           "của sổ KPI)."
                         : "No Data sheet found: the workbook needs a sheet whose header has the columns Period and Channel "
                           "(as the KPI workbook's \"Data\" sheet).";
        return run;
    }
    kpi::import_options options;
    options.periods = layout->periods;
    options.workbook_currency = workbook_currency.empty() ? layout->currency : workbook_currency;
    options.rates = rates;
    std::vector<kpi::file_import> imported;
    std::vector<std::string> repeats;
    const auto repeated = kpi::find_repeated_exports(files);
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto& file = files[i];
        options.source = file.filename().string();
        if (repeated[i]) { // the same file (or the same bytes) again: counted once
            const auto& earlier = files[*repeated[i]];
            std::error_code ec;
            const bool same_path = std::filesystem::equivalent(earlier, file, ec);
            repeats.push_back(kpi::describe_repeat(file.string(), earlier.string(), same_path, language));
            continue;
        }
        auto r = read_export(context, file, options);
        if (!r) {
            run.message = kpi::describe(r.error(), language);
            return run;
        }
        imported.push_back(std::move(r.value()));
    }
    auto merged = kpi::merge_imports(imported, options.workbook_currency);
    if (!merged) {
        run.message = kpi::describe(merged.error(), language);
        return run;
    }
    run.written = write_data_rows(*layout, merged.value());
    run.ok = true;
    run.warnings = repeats;
    for (const auto& w : repeats) run.message += w + "\n";
    for (auto& f : imported) {
        run.message += kpi::describe(f.summary, language) + "\n";
        run.files.push_back(std::move(f.summary));
    }
    const auto& w = run.written;
    run.message += vi ? "Trang \"" + layout->name + "\": đã thay đổi " + std::to_string(w.cells_changed) + " ô, cập nhật " +
                            std::to_string(w.rows_updated) + " dòng, thêm " + std::to_string(w.rows_appended) + " dòng."
                      : "Sheet \"" + layout->name + "\": " + std::to_string(w.cells_changed) + " cells changed, " +
                            std::to_string(w.rows_updated) + " rows updated, " + std::to_string(w.rows_appended) +
                            " rows added.";
    if (!w.missing_columns.empty()) {
        std::string names;
        for (const auto m : w.missing_columns) names += (names.empty() ? "" : ", ") + std::string(kpi::measure_title(m).in(language));
        run.message += vi ? "\nKhông ghi (trang không có cột này): " + names + "."
                          : "\nNot written (the sheet has no such column): " + names + ".";
    }
    return run;
}

} // namespace kpi::uno_glue
