// The monthly loop at the sizes the product promises: a KPI workbook of 36 monthly periods x 10 Data rows
// per period (the 7 marketing channels, "All channels" and two campaign rows a user appends) with 60 KPIs
// (5 strategic goals, every channel's proposals, campaign copies), every measure cell filled. In a private
// headless office with the extension it prints, best of 5 after a warm-up:
//   build (build_template + write_workbook + show_workbook), promise < 2 s;
//   hard recalculation (calculateAll), promise < 1 s;
//   one typed Data cell (setValue, XCalculatable::calculate, read one Dashboard cell), promise < 100 ms,
//   with the Dashboard's selector on the latest period, on a period and on "Plan to date";
//   the report to PDF (read_report + export_report; also as `kpi report` does it from the file), < 5 s;
// and baselines of the same run as ratios: the same document without its Trends and Dashboard sheets, a
// native =A/B column of as many cells as the workbook has formulas, and the Trends sheet's aggregation
// formulas alone next to alternative schemes (docs/performance.md, "The monthly loop").
// Not a test: it prints figures. Arguments: KPIs (60), periods (36), language (vi), the scheme whose whole
// loop is measured after the as-built one (5, an index into schemes()), and --proposal-only to measure
// only that scheme's loop.
#include "calc_date.hpp"
#include "document_files.hpp"
#include "office_session.hpp"
#include "report_writer.hpp"
#include "uno_strings.hpp"
#include "workbook_builder.hpp"

#include <kpi/workbook_template.hpp>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/FillDirection.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XCellRangeReferrer.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XCellSeries.hpp>
#include <com/sun/star/sheet/XNamedRanges.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XTableChart.hpp>
#include <com/sun/star/table/XTableCharts.hpp>
#include <com/sun/star/table/XTableChartsSupplier.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/util/XCloseable.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;
using kpi::uno_glue::from_utf8;
using kpi::uno_glue::to_utf8;
using clock_type = std::chrono::steady_clock;
using spreadsheet_ref = Reference<css::sheet::XSpreadsheetDocument>;

double seconds_since(clock_type::time_point t) {
    return std::chrono::duration<double>(clock_type::now() - t).count();
}

// CPU time of the office (every thread of the processes started with this run's profile, from
// /proc/PID/task/TID/schedstat, nanoseconds) plus this process's own. On a machine shared with other
// builds the wall time grows with the load; the CPU time is what the same work takes on an idle machine
// (Calc computes on one thread here), so the benchmark prints both.
std::string g_profile_marker; // the profile path, as it appears on the office's command line

double office_cpu_seconds() {
    double total = 0;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
        const std::string name = entry.path().filename().string();
        if (name.empty() || !std::isdigit(static_cast<unsigned char>(name[0]))) continue;
        try { // a process may end while it is read
            std::ifstream cmdline(entry.path() / "cmdline");
            std::string args((std::istreambuf_iterator<char>(cmdline)), std::istreambuf_iterator<char>());
            if (g_profile_marker.empty() || args.find(g_profile_marker) == std::string::npos) continue;
            for (const auto& task : std::filesystem::directory_iterator(entry.path() / "task", ec)) {
                std::ifstream stat(task.path() / "schedstat");
                double ns = 0;
                if (stat >> ns) total += ns / 1e9;
            }
        } catch (const std::exception&) {
        }
    }
    rusage self{};
    getrusage(RUSAGE_SELF, &self);
    return total + static_cast<double>(self.ru_utime.tv_sec + self.ru_stime.tv_sec) +
           static_cast<double>(self.ru_utime.tv_usec + self.ru_stime.tv_usec) / 1e6;
}

// Wall and CPU time since construction.
struct stopwatch {
    clock_type::time_point wall = clock_type::now();
    double cpu = office_cpu_seconds();
    [[nodiscard]] double wall_seconds() const { return seconds_since(wall); }
    [[nodiscard]] double cpu_seconds() const { return office_cpu_seconds() - cpu; }
};

// Best of the runs after the first (the warm-up), wall time and, where measured, CPU time.
struct best_of {
    double best = 1e9, best_cpu = -1;
    int runs = 0;
    void add(double s) {
        if (runs++ > 0)
            best = std::min(best, s);
    }
    void add(const stopwatch& w) {
        const double wall = w.wall_seconds(), cpu = w.cpu_seconds();
        if (runs > 0) best_cpu = best_cpu < 0 ? cpu : std::min(best_cpu, cpu);
        add(wall);
    }
};

// Runs `f` 1 + 5 times and gives the best of the last 5 (wall); its CPU time in `cpu` when given.
double best5(const std::function<void()>& f, double* cpu = nullptr) {
    best_of b;
    for (int i = 0; i < 6; ++i) {
        const stopwatch w;
        f();
        b.add(w);
    }
    if (cpu) *cpu = b.best_cpu;
    return b.best;
}

void close(const Reference<css::lang::XComponent>& doc) {
    Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
}

void calculate_all(const Reference<css::lang::XComponent>& doc) {
    Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll();
}
void calculate(const Reference<css::lang::XComponent>& doc) {
    Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculate();
}

Reference<css::sheet::XSpreadsheet> sheet_named(const spreadsheet_ref& doc, const std::string& name) {
    return Reference<css::sheet::XSpreadsheet>(doc->getSheets()->getByName(from_utf8(name)), UNO_QUERY_THROW);
}
Reference<css::sheet::XSpreadsheet> sheet_at(const spreadsheet_ref& doc, sal_Int32 i) {
    return Reference<css::sheet::XSpreadsheet>(
        Reference<css::container::XIndexAccess>(doc->getSheets(), UNO_QUERY_THROW)->getByIndex(i),
        UNO_QUERY_THROW);
}

// The cells a named range of the document refers to.
struct named_cells {
    Reference<css::table::XCellRange> range;
    css::table::CellRangeAddress address;
};
named_cells named(const spreadsheet_ref& doc, const char* name) {
    Reference<css::beans::XPropertySet> props(doc, UNO_QUERY_THROW);
    Reference<css::container::XNameAccess> names(props->getPropertyValue("NamedRanges"), UNO_QUERY_THROW);
    Reference<css::sheet::XCellRangeReferrer> referrer(names->getByName(from_utf8(name)), UNO_QUERY_THROW);
    named_cells out;
    out.range = referrer->getReferredCells();
    out.address = Reference<css::sheet::XCellRangeAddressable>(out.range, UNO_QUERY_THROW)->getRangeAddress();
    return out;
}

Sequence<Sequence<Any>> data_of(const Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 c0, sal_Int32 r0,
                                sal_Int32 c1, sal_Int32 r1) {
    return Reference<css::sheet::XCellRangeData>(sheet->getCellRangeByPosition(c0, r0, c1, r1),
                                                 UNO_QUERY_THROW)
        ->getDataArray();
}
void set_data(const Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 c0, sal_Int32 r0,
              const Sequence<Sequence<Any>>& rows) {
    const sal_Int32 c1 = c0 + (rows.getLength() > 0 ? rows[0].getLength() : 1) - 1;
    Reference<css::sheet::XCellRangeData>(
        sheet->getCellRangeByPosition(c0, r0, c1, r0 + rows.getLength() - 1), UNO_QUERY_THROW)
        ->setDataArray(rows);
}
Sequence<Sequence<rtl::OUString>> formulas_of(const Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 c0,
                                              sal_Int32 r0, sal_Int32 c1, sal_Int32 r1) {
    return Reference<css::sheet::XCellRangeFormula>(sheet->getCellRangeByPosition(c0, r0, c1, r1),
                                                    UNO_QUERY_THROW)
        ->getFormulaArray();
}
void set_formulas(const Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 c0, sal_Int32 r0,
                  const Sequence<Sequence<rtl::OUString>>& rows) {
    const sal_Int32 c1 = c0 + rows[0].getLength() - 1;
    Reference<css::sheet::XCellRangeFormula>(
        sheet->getCellRangeByPosition(c0, r0, c1, r0 + rows.getLength() - 1), UNO_QUERY_THROW)
        ->setFormulaArray(rows);
}

// The number of formula cells on a sheet.
std::size_t formula_cells(const Reference<css::sheet::XSpreadsheet>& sheet) {
    Reference<css::sheet::XCellRangesQuery> query(sheet, UNO_QUERY_THROW);
    auto ranges = query->queryContentCells(css::sheet::CellFlags::FORMULA);
    std::size_t n = 0;
    for (const auto& a : ranges->getRangeAddresses())
        n += static_cast<std::size_t>(a.EndColumn - a.StartColumn + 1) *
             static_cast<std::size_t>(a.EndRow - a.StartRow + 1);
    return n;
}

// A deterministic pseudo-random factor in [1-spread, 1+spread].
double jitter(std::size_t a, std::size_t b, double spread) {
    std::uint64_t x = a * 0x9E3779B97F4A7C15ULL ^ (b + 0x632BE59BD9B4E019ULL);
    x ^= x >> 31;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 27;
    const double u = static_cast<double>(x % 10000) / 10000.0; // [0, 1)
    return 1.0 - spread + 2.0 * spread * u;
}

// Plausible raw measures of one Data row (money in VND). `size` scales the channel, `p` the period.
std::array<double, kpi::measure_count> measures_of(std::size_t channel, std::size_t p, double size) {
    const double growth = 1.0 + 0.01 * static_cast<double>(p);
    const double season = 1.0 + 0.15 * std::sin(static_cast<double>(p) * 0.52);
    const double scale = size * growth * season * jitter(channel, p, 0.1);
    std::array<double, kpi::measure_count> m{};
    const double spend = std::round(20'000'000.0 * scale);
    const double impressions = std::round(spend / 45'000.0 * 1000.0 * jitter(channel, p + 100, 0.2));
    const double clicks = std::round(impressions * 0.012 * jitter(channel, p + 200, 0.2));
    const double leads = std::round(clicks * 0.06 * jitter(channel, p + 300, 0.2));
    const double conversions = std::round(leads * 0.25 * jitter(channel, p + 400, 0.2));
    const double revenue = std::round(conversions * 1'500'000.0 * jitter(channel, p + 500, 0.2));
    const double sessions = std::round(clicks * 0.9);
    m[static_cast<std::size_t>(kpi::measure::spend)] = spend;
    m[static_cast<std::size_t>(kpi::measure::impressions)] = impressions;
    m[static_cast<std::size_t>(kpi::measure::clicks)] = clicks;
    m[static_cast<std::size_t>(kpi::measure::leads)] = leads;
    m[static_cast<std::size_t>(kpi::measure::conversions)] = conversions;
    m[static_cast<std::size_t>(kpi::measure::revenue)] = revenue;
    m[static_cast<std::size_t>(kpi::measure::new_customers)] = std::round(conversions * 0.7);
    m[static_cast<std::size_t>(kpi::measure::sessions)] = sessions;
    m[static_cast<std::size_t>(kpi::measure::engaged_sessions)] = std::round(sessions * 0.55);
    m[static_cast<std::size_t>(kpi::measure::organic_sessions)] = std::round(sessions * 0.3);
    m[static_cast<std::size_t>(kpi::measure::active_users)] = std::round(sessions * 0.7);
    m[static_cast<std::size_t>(kpi::measure::engagement_seconds)] = std::round(sessions * 65.0);
    m[static_cast<std::size_t>(kpi::measure::page_views)] = std::round(sessions * 2.4);
    m[static_cast<std::size_t>(kpi::measure::followers)] = std::round(clicks * 0.02);
    m[static_cast<std::size_t>(kpi::measure::position_weighted)] = std::round(impressions * 7.5);
    return m;
}

struct setup {
    kpi::workbook_profile profile;
    kpi::template_options options;
    std::vector<std::string> campaigns; // the channel names of the rows a user adds per period
};

setup make_setup(std::size_t kpis, int periods, const std::string& language) {
    setup s;
    s.profile.business_name = "Benchmark";
    s.profile.language = language;
    s.profile.sector = kpi::industry::ecommerce;
    s.profile.start_year = 2026;
    s.profile.start_month = 1;
    for (std::size_t g = 0; g < kpi::strategic_goal_count; ++g) {
        const auto goal = static_cast<kpi::strategic_goal>(g);
        s.profile.goals.push_back({goal, kpi::default_target(goal)});
    }
    for (std::size_t c = 0; c + 1 < kpi::channel_count; ++c)
        s.profile.channels.push_back(static_cast<kpi::channel>(c));
    const auto base = kpi::proposed_kpis(s.profile);
    for (std::size_t i = 0; s.profile.goals.size() + base.size() + s.options.extra_kpis.size() < kpis; ++i) {
        auto k = base[i % base.size()];
        const auto copy = std::to_string(i / base.size() + 2);
        k.id += "-" + copy;
        k.name_en += " (campaign " + copy + ")";
        k.name_vi += " (chiến dịch " + copy + ")";
        s.options.extra_kpis.push_back(std::move(k));
    }
    s.options.period_count = periods;
    if (language == "vi")
        s.campaigns = {"Chiến dịch Tết", "Chiến dịch hè"};
    else
        s.campaigns = {"New Year campaign", "Summer campaign"};
    return s;
}

// ---- formula schemes for the Trends sheet's aggregations ------------------------------------------
//
// As built, a numerator or denominator of a KPI in a period is
//   =IF(COUNTIFS(col;"<>";crit)=0;"";SUMIFS(col;crit))      crit = period column;key;channel column;channel
// with whole Data columns. A scheme rewrites that text; `data` is how the formula names the Data sheet:
// "{data}." in the core model, "$'Dữ liệu'." when read back from Calc. The template itself is unchanged:
// the benchmark rewrites the model before writing it.
struct scheme {
    std::string label;
    std::function<std::string(const std::string& formula, const std::string& data)> rewrite;
    bool needs_row_count = false; // the scheme refers to $B$6 of the Trends sheet: =COUNTA(<Data>.$A:$A)
};
constexpr const char* row_count_cell = "$B$6"; // row 6 of the Trends sheet is empty in the template
constexpr sal_Int32 row_count_row = 5, row_count_col = 1;

struct aggregation {
    std::string col, crit;
};
std::optional<aggregation> parse_aggregation(const std::string& f) {
    const auto at = f.find("SUMIFS(");
    if (f.rfind("=IF(COUNTIFS(", 0) != 0 || at == std::string::npos || f.size() < at + 9)
        return std::nullopt;
    std::size_t end = at + 7;
    for (int depth = 1; end < f.size(); ++end) { // the SUMIFS's own closing parenthesis
        if (f[end] == '(') ++depth;
        if (f[end] == ')' && --depth == 0) break;
    }
    const std::string body = f.substr(at + 7, end - (at + 7));
    const auto semi = body.find(';');
    return aggregation{body.substr(0, semi), body.substr(semi + 1)};
}

// Every whole Data column "<data>$H:$H" in `s` through `make(column letters)`.
std::string map_columns(std::string s, const std::string& data,
                        const std::function<std::string(const std::string&)>& make) {
    const std::string prefix = data + "$";
    for (std::size_t at = s.find(prefix); at != std::string::npos; at = s.find(prefix, at + 1)) {
        const std::size_t col_start = at + prefix.size();
        std::size_t col_end = col_start;
        while (col_end < s.size() && std::isupper(static_cast<unsigned char>(s[col_end])))
            ++col_end;
        const std::string col = s.substr(col_start, col_end - col_start);
        const std::string whole = col + ":$" + col;
        if (col.empty() || s.compare(col_start, whole.size(), whole) != 0)
            continue;
        const std::size_t end = col_start + whole.size();
        if (end < s.size() && std::isdigit(static_cast<unsigned char>(s[end])))
            continue;
        const std::string replacement = make(col);
        s.replace(at, end - at, replacement);
        at += replacement.size() - 1;
    }
    return s;
}
std::string bounded(const std::string& s, const std::string& data, std::size_t last_row) {
    return map_columns(s, data, [&](const std::string& c) {
        return data + "$" + c + "$2:$" + c + "$" + std::to_string(last_row);
    });
}
std::string to_used_rows(const std::string& s, const std::string& data) {
    return map_columns(s, data, [&](const std::string& c) {
        return data + "$" + c + "$1:INDEX(" + data + "$" + c + ":$" + c + ";" + row_count_cell + ")";
    });
}

std::vector<scheme> schemes() {
    auto with = [](std::function<std::string(const aggregation&, const std::string&)> make) {
        return [make](const std::string& f, const std::string& data) {
            const auto a = parse_aggregation(f);
            return a ? make(*a, data) : f;
        };
    };
    auto guarded = [](const std::string& guard, const aggregation& a) {
        return "=IF(COUNTIFS(" + guard + ")=0;\"\";SUMIFS(" + a.col + ";" + a.crit + "))";
    };
    std::vector<scheme> out;
    out.push_back({"as built: IF(COUNTIFS(col;\"<>\";crit)=0;\"\";SUMIFS(col;crit)), whole columns",
                   [](const std::string& f, const std::string&) { return f; }});
    out.push_back({"guard on the rows only: COUNTIFS(crit)",
                   with([=](const aggregation& a, const std::string&) { return guarded(a.crit, a); })});
    out.push_back({"guard with \"<>\" as the last criterion: COUNTIFS(crit;col;\"<>\")",
                   with([=](const aggregation& a, const std::string&) {
                       return guarded(a.crit + ";" + a.col + ";\"<>\"", a);
                   })});
    out.push_back({"as built, every range bounded to row 1,361 (1,000 rows of room)",
                   [](const std::string& f, const std::string& d) { return bounded(f, d, 1361); }});
    out.push_back({"as built, every range bounded to row 100,000",
                   [](const std::string& f, const std::string& d) { return bounded(f, d, 100000); }});
    out.push_back({"guard over the used rows ($H$1:INDEX($H:$H;COUNTA($A:$A))), SUMIFS whole columns",
                   with([=](const aggregation& a, const std::string& d) {
                       return guarded(to_used_rows(a.col + ";\"<>\";" + a.crit, d), a);
                   }),
                   true});
    out.push_back({"SUMIFS alone, whole columns (no guard: blank and 0 no longer differ)",
                   with([](const aggregation& a, const std::string&) {
                       return "=SUMIFS(" + a.col + ";" + a.crit + ")";
                   })});
    return out;
}

// Rewrites the Trends sheet's aggregations of a model.
void apply(const scheme& sc, kpi::workbook_model& model) {
    for (auto& sheet : model.sheets) {
        if (sheet.role != kpi::sheet_role::trends)
            continue;
        for (auto& row : sheet.rows)
            for (auto& cell : row)
                if (cell.type == kpi::model_cell::kind::formula &&
                    cell.text.find("SUMIFS(") != std::string::npos)
                    cell.text = sc.rewrite(cell.text, "{data}.");
        if (sc.needs_row_count) {
            if (sheet.rows.size() <= static_cast<std::size_t>(row_count_row))
                sheet.rows.resize(row_count_row + 1);
            auto& row = sheet.rows[row_count_row];
            if (row.size() <= static_cast<std::size_t>(row_count_col))
                row.resize(row_count_col + 1);
            row[row_count_col] = kpi::model_cell::of_formula("=COUNTA({data}.$A:$A)");
        }
    }
}

// What the benchmark needs to know about a built workbook.
struct built {
    kpi::workbook_model model;
    kpi::uno_glue::sheet_names names;
    std::size_t data_rows = 0;            // rows below the header, the appended ones included
    sal_Int32 last_period_spend_row = -1; // the row of the last period's Facebook Ads row (0-based)
    std::vector<std::string> period_keys;
};

built build(kpi::office::session& office, const spreadsheet_ref& doc, const setup& s, const scheme& sc) {
    built b;
    b.model = kpi::build_template(s.profile, kpi::uno_glue::today_serial(), s.options);
    apply(sc, b.model);
    b.names = kpi::uno_glue::write_workbook(office.context(), doc, b.model);
    kpi::uno_glue::show_workbook(doc, b.model, b.names);
    return b;
}

const std::string& name_of(const built& b, kpi::sheet_role r) {
    return b.names[static_cast<std::size_t>(r)];
}

// Types the campaign rows after the template's rows and fills every measure cell (one setDataArray),
// and the business figures.
void fill(const spreadsheet_ref& doc, built& b, const setup& s) {
    auto data = sheet_named(doc, name_of(b, kpi::sheet_role::data));
    const auto& model_data = b.model.sheet(kpi::sheet_role::data);
    const auto template_rows = static_cast<sal_Int32>(model_data.rows.size() - 1);
    const auto keys_and_channels = data_of(data, 0, 1, 1, template_rows);
    std::vector<std::string> keys;
    for (const auto& row : keys_and_channels) {
        const auto key = to_utf8(row[0].get<rtl::OUString>());
        if (keys.empty() || keys.back() != key)
            keys.push_back(key);
    }
    b.period_keys = keys;
    // The rows a user appends: per period the two campaigns.
    Sequence<Sequence<Any>> added(static_cast<sal_Int32>(keys.size() * s.campaigns.size()));
    std::vector<std::pair<std::string, std::string>> rows; // (period, channel) of every data row
    for (const auto& row : keys_and_channels)
        rows.push_back({to_utf8(row[0].get<rtl::OUString>()), to_utf8(row[1].get<rtl::OUString>())});
    sal_Int32 a = 0;
    for (const auto& key : keys)
        for (const auto& c : s.campaigns) {
            Sequence<Any> row(2);
            row.getArray()[0] <<= from_utf8(key);
            row.getArray()[1] <<= from_utf8(c);
            added.getArray()[a++] = row;
            rows.push_back({key, c});
        }
    set_data(data, 0, template_rows + 1, added);
    b.data_rows = rows.size();

    std::map<std::string, std::size_t> channel_index;
    Sequence<Sequence<Any>> values(static_cast<sal_Int32>(rows.size()));
    const auto& fb_title = keys_and_channels[0][1]; // the first channel of a period: Facebook Ads
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto& [key, chan] = rows[r];
        const std::size_t p =
            static_cast<std::size_t>(std::find(keys.begin(), keys.end(), key) - keys.begin());
        const auto ci = channel_index.emplace(chan, channel_index.size()).first->second;
        // "All channels" (8th of the template's rows per period) is the business: about 4x a channel.
        const bool whole = r < static_cast<std::size_t>(template_rows) && (r % 8) == 7;
        const auto m = measures_of(ci, p, whole ? 4.0 : 0.5 + 0.15 * static_cast<double>(ci % 5));
        Sequence<Any> row(static_cast<sal_Int32>(kpi::measure_count));
        for (std::size_t i = 0; i < kpi::measure_count; ++i)
            row.getArray()[i] <<= m[i];
        values.getArray()[r] = row;
        if (key == keys.back() && from_utf8(chan) == fb_title.get<rtl::OUString>())
            b.last_period_spend_row = static_cast<sal_Int32>(r + 1);
    }
    set_data(data, 2, 1, values);

    // Business figures: per period revenue of the same period last year, total costs, market size.
    auto inputs = named(doc, "KPI_Inputs");
    const auto& ia = inputs.address;
    Sequence<Sequence<Any>> figures(ia.EndRow - ia.StartRow + 1);
    for (sal_Int32 r = 0; r < figures.getLength(); ++r) {
        Sequence<Any> row(ia.EndColumn - ia.StartColumn + 1);
        const double revenue = measures_of(0, static_cast<std::size_t>(r), 4.0)[5];
        const double per_col[3] = {std::round(revenue / 1.18), std::round(revenue * 0.82),
                                   std::round(revenue * 25.0)};
        for (sal_Int32 c = 0; c < row.getLength(); ++c)
            row.getArray()[c] <<= per_col[std::min<sal_Int32>(c, 2)];
        figures.getArray()[r] = row;
    }
    Reference<css::sheet::XCellRangeData>(inputs.range, UNO_QUERY_THROW)->setDataArray(figures);
    auto margin = named(doc, "KPI_GrossMargin");
    margin.range->getCellByPosition(0, 0)->setValue(0.42);
}

struct dashboard_cell {
    Reference<css::table::XCell> cell;
    std::string what;
};

// The Dashboard's period value of a KPI (by ID): the column titled "Period value" / "Giá trị kỳ" of
// KPI_Dashboard.
dashboard_cell actual_cell(const spreadsheet_ref& doc, const std::string& id) {
    auto table = named(doc, "KPI_Dashboard");
    const auto cells = Reference<css::sheet::XCellRangeData>(table.range, UNO_QUERY_THROW)->getDataArray();
    sal_Int32 col = -1, row = -1;
    for (sal_Int32 c = 0; c < cells[0].getLength(); ++c) {
        rtl::OUString t;
        if ((cells[0][c] >>= t) && (t == "Period value" || t == from_utf8("Giá trị kỳ")))
            col = c;
    }
    for (sal_Int32 r = 1; r < cells.getLength(); ++r) {
        rtl::OUString t;
        if ((cells[r][0] >>= t) && t == from_utf8(id))
            row = r;
    }
    if (col < 0 || row < 0)
        throw std::runtime_error("no Dashboard cell for " + id);
    return {table.range->getCellByPosition(col, row), id};
}

void set_selector(const spreadsheet_ref& doc, const std::string& text) {
    Reference<css::text::XText>(named(doc, "KPI_Period").range->getCellByPosition(0, 0), UNO_QUERY_THROW)
        ->setString(from_utf8(text));
}

// What the Dashboard shows: its cells (values, as a view paints them) and the data of its charts (as the
// charts read them). Reading them computes exactly the dirty cells they depend on, as a window does when
// it paints the sheet; XCalculatable::calculate computes every dirty cell of the document.
struct dashboard_view {
    std::vector<Reference<css::sheet::XCellRangeData>> ranges;
    void read() const {
        for (const auto& r : ranges) (void)r->getDataArray();
    }
};
dashboard_view view_of_dashboard(const spreadsheet_ref& doc, const std::string& dashboard_name) {
    dashboard_view v;
    auto dash = sheet_named(doc, dashboard_name);
    v.ranges.emplace_back(dash->getCellRangeByPosition(0, 0, 15, 200), UNO_QUERY_THROW);
    Reference<css::container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY_THROW);
    auto charts = Reference<css::table::XTableChartsSupplier>(dash, UNO_QUERY_THROW)->getCharts();
    for (const auto& name : charts->getElementNames()) {
        Reference<css::table::XTableChart> chart(charts->getByName(name), UNO_QUERY_THROW);
        for (const auto& a : chart->getRanges()) {
            Reference<css::sheet::XSpreadsheet> sheet(sheets->getByIndex(a.Sheet), UNO_QUERY_THROW);
            v.ranges.emplace_back(
                sheet->getCellRangeByPosition(a.StartColumn, a.StartRow, a.EndColumn, a.EndRow), UNO_QUERY_THROW);
        }
    }
    return v;
}

// One typed Data cell: setValue, calculate (dirty cells only), read the Dashboard cell. Best of 5 after a
// warm-up; each time another value. Gives the time and whether the Dashboard cell moved.
struct typed_result {
    double seconds = 0;
    double set_only = 0; // setValue alone
    double cpu = -1;     // CPU time of the whole (office and this process)
    double shown = 0, shown_cpu = -1; // setValue, then what the Dashboard shows read (no calculate)
    bool changed = false;
    double before = 0, after = 0;
};
typed_result type_one_cell(const Reference<css::lang::XComponent>& component,
                           const Reference<css::table::XCell>& input, const dashboard_cell& shown,
                           const dashboard_view& view) {
    typed_result out;
    const double original = input->getValue();
    out.before = shown.cell->getValue();
    {
        best_of seen;
        for (int i = 0; i < 6; ++i) {
            const stopwatch w;
            input->setValue(original * (1.2 + 0.05 * i));
            view.read();
            seen.add(w);
        }
        out.shown = seen.best;
        out.shown_cpu = seen.best_cpu;
        calculate(component);
    }
    best_of total, set_only;
    for (int i = 0; i < 6; ++i) {
        const stopwatch w;
        const auto t = clock_type::now();
        input->setValue(original * (1.1 + 0.05 * i));
        set_only.add(seconds_since(t));
        calculate(component);
        out.after = shown.cell->getValue();
        total.add(w);
    }
    out.cpu = total.best_cpu;
    out.changed = out.after != out.before;
    input->setValue(original);
    calculate(component);
    out.seconds = total.best;
    out.set_only = set_only.best;
    return out;
}

const char* verdict(bool ok) {
    return ok ? "met" : "NOT met";
}

// ---- the Trends sheet's aggregations alone ----------------------------------------------------------
//
// A new document with the Data sheet's values (same sheet names, the other sheets empty) and, on the
// Trends sheet, the period keys and the rows holding aggregations, rewritten by a scheme.
struct alone_result {
    double recalc = 0, typed = 0;
    std::size_t formulas = 0;
};

struct trends_copy {
    Sequence<Sequence<rtl::OUString>> formulas; // the as-built Trends sheet, from A1
    Sequence<Sequence<Any>> values;
    sal_Int32 first = 0, last = -1, key_row = -1; // rows holding aggregations; the criteria's key row
    std::size_t aggregations = 0;
};

trends_copy copy_trends(const spreadsheet_ref& doc, const built& b) {
    auto trends = sheet_named(doc, name_of(b, kpi::sheet_role::trends));
    Reference<css::sheet::XCellRangesQuery> q(trends, UNO_QUERY_THROW);
    sal_Int32 end_row = 0, end_col = 0;
    for (const auto& r : q->queryContentCells(css::sheet::CellFlags::FORMULA)->getRangeAddresses()) {
        end_row = std::max(end_row, r.EndRow);
        end_col = std::max(end_col, r.EndColumn);
    }
    trends_copy t;
    t.formulas = formulas_of(trends, 0, 0, end_col, end_row);
    t.values = data_of(trends, 0, 0, end_col, end_row);
    t.first = t.formulas.getLength();
    for (sal_Int32 r = 0; r < t.formulas.getLength(); ++r)
        for (sal_Int32 c = 0; c < t.formulas[r].getLength(); ++c)
            if (t.formulas[r][c].indexOf("SUMIFS(") >= 0) {
                t.first = std::min(t.first, r);
                t.last = std::max(t.last, r);
                ++t.aggregations;
            }
    for (sal_Int32 r = 0; r < t.values.getLength() && t.key_row < 0; ++r) {
        rtl::OUString text;
        if ((t.values[r][2] >>= text) && text == from_utf8(b.period_keys.front()))
            t.key_row = r;
    }
    return t;
}

alone_result time_alone(kpi::office::session& office, const built& b,
                        const Sequence<Sequence<Any>>& data_values, const trends_copy& t, const scheme& sc) {
    auto component = office.new_spreadsheet();
    spreadsheet_ref doc(component, UNO_QUERY_THROW);
    auto sheets = doc->getSheets();
    const auto first_name = Reference<css::container::XNamed>(sheet_at(doc, 0), UNO_QUERY_THROW)->getName();
    for (const auto role : {kpi::sheet_role::kpi_register, kpi::sheet_role::data, kpi::sheet_role::dashboard,
                            kpi::sheet_role::trends})
        sheets->insertNewByName(
            from_utf8(name_of(b, role)),
            static_cast<sal_Int16>(
                Reference<css::container::XIndexAccess>(sheets, UNO_QUERY_THROW)->getCount()));
    sheets->removeByName(first_name);
    auto data = sheet_named(doc, name_of(b, kpi::sheet_role::data));
    set_data(data, 0, 0, data_values);
    auto trends = sheet_named(doc, name_of(b, kpi::sheet_role::trends));
    const std::string data_ref = kpi::quote_sheet(name_of(b, kpi::sheet_role::data)) + ".";
    set_data(trends, 0, t.key_row, Sequence<Sequence<Any>>(&t.values[t.key_row], 1));
    if (sc.needs_row_count)
        trends->getCellByPosition(row_count_col, row_count_row)
            ->setFormula(from_utf8("=COUNTA(" + data_ref + "$A:$A)"));
    const sal_Int32 last_col = t.formulas[0].getLength() - 1;
    Sequence<Sequence<rtl::OUString>> out(t.last - t.first + 1);
    alone_result result;
    for (sal_Int32 r = t.first; r <= t.last; ++r) {
        Sequence<rtl::OUString> row(last_col - 1);
        for (sal_Int32 c = 2; c <= last_col; ++c) {
            const auto& f = t.formulas[r][c];
            const bool agg = f.indexOf("SUMIFS(") >= 0;
            result.formulas += agg ? 1 : 0;
            row.getArray()[c - 2] =
                agg ? from_utf8(sc.rewrite(to_utf8(f), data_ref)) : (f.startsWith("=") ? f : rtl::OUString());
        }
        out.getArray()[r - t.first] = row;
    }
    set_formulas(trends, 2, t.first, out);
    result.recalc = best5([&] { calculate_all(component); });
    auto input = data->getCellByPosition(2, b.last_period_spend_row);
    const double original = input->getValue();
    auto probe = trends->getCellByPosition(last_col, t.first);
    int k = 0;
    result.typed = best5([&] {
        input->setValue(original * (1.1 + 0.05 * k++));
        calculate(component);
        (void)probe->getValue();
    });
    close(component);
    return result;
}

// ---- the whole loop under one scheme ----------------------------------------------------------------
struct mode {
    std::string selector;
    typed_result result;
    double select_seconds = 0; // changing the selector itself (setString + calculate + read)
};
struct loop_result {
    double build = 0, fill = 0, recalc = 0;
    double build_cpu = -1, recalc_cpu = -1, report_cpu = -1, cli_cpu = -1; // CPU time, where measured
    double build_quiet = -1; // the build with automatic calculation off while writing, then calculateAll
    std::vector<mode> modes;
    double report_read = 0, report_export = 0, report_total = 0, cli_open = 0, cli_total = 0;
    std::size_t pdf_bytes = 0, model_cells = 0, formulas = 0;
    std::map<std::string, std::size_t> formulas_per_sheet;
    double recalc_stripped = 0, recalc_no_charts = 0;
    std::size_t charts = 0;
    std::filesystem::path file;
    Sequence<Sequence<Any>> trends_values, dashboard_values; // after the first hard recalculation
};

// Builds, fills and measures; keeps the document open in `out_doc` for the caller (closed by it).
loop_result measure_loop(kpi::office::session& office, const setup& s, const scheme& sc,
                         const std::string& language, const std::filesystem::path& dir,
                         const std::string& tag, built& b, Reference<css::lang::XComponent>& out_doc,
                         bool quiet_build) {
    loop_result L;
    if (quiet_build) {
        // What the glue could do: write with automatic calculation off, switch it on, recalculate once.
        best_of quiet;
        for (int run = 0; run < 6; ++run) {
            auto component = office.new_spreadsheet();
            spreadsheet_ref doc(component, UNO_QUERY_THROW);
            Reference<css::sheet::XCalculatable> calc(component, UNO_QUERY_THROW);
            const auto t0 = clock_type::now();
            calc->enableAutomaticCalculation(false);
            auto built_now = build(office, doc, s, sc);
            calc->enableAutomaticCalculation(true);
            calc->calculateAll();
            quiet.add(seconds_since(t0));
            close(component);
        }
        L.build_quiet = quiet.best;
    }
    best_of build_time, fill_time;
    for (int run = 0; run < 6; ++run) {
        auto component = office.new_spreadsheet();
        spreadsheet_ref doc(component, UNO_QUERY_THROW);
        const auto t0 = clock_type::now();
        const stopwatch w;
        auto built_now = build(office, doc, s, sc);
        build_time.add(w);
        const auto t1 = clock_type::now();
        fill(doc, built_now, s);
        fill_time.add(seconds_since(t1));
        L.model_cells = 0;
        for (const auto& sh : built_now.model.sheets)
            for (const auto& r : sh.rows)
                L.model_cells += r.size();
        close(component);
        std::fprintf(stderr, "[%s] build %d: %.3f s\n", tag.c_str(), run,
                     build_time.runs ? seconds_since(t0) : 0.0);
    }
    L.build = build_time.best;
    L.build_cpu = build_time.best_cpu;
    L.fill = fill_time.best;

    auto component = office.new_spreadsheet();
    spreadsheet_ref doc(component, UNO_QUERY_THROW);
    b = build(office, doc, s, sc);
    fill(doc, b, s);
    calculate_all(component);
    for (const auto role : {kpi::sheet_role::kpi_register, kpi::sheet_role::data, kpi::sheet_role::dashboard,
                            kpi::sheet_role::trends, kpi::sheet_role::guide}) {
        const auto n = formula_cells(sheet_named(doc, name_of(b, role)));
        L.formulas_per_sheet[name_of(b, role)] = n;
        L.formulas += n;
    }
    L.recalc = best5([&] { calculate_all(component); }, &L.recalc_cpu);
    std::fprintf(stderr, "[%s] recalc %.3f s\n", tag.c_str(), L.recalc);
    L.trends_values = data_of(sheet_named(doc, name_of(b, kpi::sheet_role::trends)), 0, 0, 60, 400);
    L.dashboard_values = data_of(sheet_named(doc, name_of(b, kpi::sheet_role::dashboard)), 0, 0, 20, 200);

    // One typed cell: the last period's Facebook Ads spend; shown: FB-CPL's Actual on the Dashboard.
    auto data = sheet_named(doc, name_of(b, kpi::sheet_role::data));
    auto input = data->getCellByPosition(2, b.last_period_spend_row);
    const auto shown = actual_cell(doc, "FB-CPL");
    const auto view = view_of_dashboard(doc, name_of(b, kpi::sheet_role::dashboard));
    const std::string latest = language == "vi" ? "Kỳ gần nhất" : "Latest period";
    const std::string to_date = language == "vi" ? "Từ đầu kế hoạch" : "Plan to date";
    const std::string middle = b.period_keys[b.period_keys.size() / 2];
    L.modes = {{latest, {}, 0}, {middle, {}, 0}, {to_date, {}, 0}};
    for (auto& m : L.modes) {
        const std::string other = m.selector == latest ? to_date : latest;
        int k = 0;
        m.select_seconds = best5([&] {
            set_selector(doc, (k++ % 2) ? m.selector : other);
            calculate(component);
            (void)shown.cell->getValue();
        });
        set_selector(doc, m.selector);
        calculate(component);
        m.result = type_one_cell(component, input, shown, view);
    }
    set_selector(doc, latest);
    calculate(component);
    std::fprintf(stderr, "[%s] typed cells done\n", tag.c_str());

    // The report: from the open workbook (the menu command), and as `kpi report FILE` does it.
    L.file = dir / ("monthly-" + tag + ".ods");
    kpi::uno_glue::store_to_url(component, kpi::office::file_url(L.file), "calc8");
    kpi::uno_glue::report_request request;
    request.source_name = L.file.filename().string();
    const auto pdf = dir / ("report-" + tag + ".pdf");
    best_of read_time, export_time, total_time;
    for (int run = 0; run < 6; ++run) {
        const stopwatch w;
        const auto t0 = clock_type::now();
        auto read = kpi::uno_glue::read_report(doc, request);
        read_time.add(seconds_since(t0));
        const auto t1 = clock_type::now();
        kpi::uno_glue::export_report(office.context(), std::get<kpi::report>(read),
                                     kpi::office::file_url(pdf), kpi::uno_glue::report_format::pdf);
        export_time.add(seconds_since(t1));
        total_time.add(w);
    }
    L.report_read = read_time.best;
    L.report_export = export_time.best;
    L.report_total = total_time.best;
    L.report_cpu = total_time.best_cpu;
    L.pdf_bytes = static_cast<std::size_t>(std::filesystem::file_size(pdf));
    best_of open_time, cli_time;
    for (int run = 0; run < 6; ++run) {
        const stopwatch w;
        const auto t0 = clock_type::now();
        auto opened = office.open(L.file, true);
        kpi::uno_glue::bring_values_up_to_date(opened); // as `kpi report` does
        open_time.add(seconds_since(t0));
        auto read = kpi::uno_glue::read_report(spreadsheet_ref(opened, UNO_QUERY_THROW), request);
        close(opened);
        kpi::uno_glue::export_report(office.context(), std::get<kpi::report>(read),
                                     kpi::office::file_url(pdf), kpi::uno_glue::report_format::pdf);
        cli_time.add(w);
    }
    L.cli_open = open_time.best;
    L.cli_total = cli_time.best;
    L.cli_cpu = cli_time.best_cpu;
    std::fprintf(stderr, "[%s] reports done\n", tag.c_str());

    // Baseline: the same document without Trends and Dashboard (their references turn into #REF!).
    auto stripped = office.open(L.file, false);
    {
        spreadsheet_ref sdoc(stripped, UNO_QUERY_THROW);
        sdoc->getSheets()->removeByName(from_utf8(name_of(b, kpi::sheet_role::trends)));
        sdoc->getSheets()->removeByName(from_utf8(name_of(b, kpi::sheet_role::dashboard)));
    }
    L.recalc_stripped = best5([&] { calculate_all(stripped); });
    close(stripped);
    // Baseline: the same document without its charts (every formula kept).
    auto chartless = office.open(L.file, false);
    {
        spreadsheet_ref cdoc(chartless, UNO_QUERY_THROW);
        Reference<css::container::XIndexAccess> sheets(cdoc->getSheets(), UNO_QUERY_THROW);
        L.charts = 0;
        for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
            Reference<css::table::XTableChartsSupplier> supplier(sheets->getByIndex(i), UNO_QUERY_THROW);
            auto charts = supplier->getCharts();
            for (const auto& name : charts->getElementNames()) {
                charts->removeByName(name);
                ++L.charts;
            }
        }
    }
    L.recalc_no_charts = best5([&] { calculate_all(chartless); });
    close(chartless);
    out_doc = component;
    return L;
}

void print_loop(const char* title, const loop_result& L) {
    std::printf("%s\n", title);
    std::printf("  model cells %zu; formula cells %zu:", L.model_cells, L.formulas);
    for (const auto& [name, n] : L.formulas_per_sheet)
        std::printf(" %s %zu;", name.c_str(), n);
    std::printf("\n");
    std::printf("  build (build_template + write_workbook + show_workbook)  %8.3f s (CPU %.3f s)   promise < 2 s: %s\n",
                L.build, L.build_cpu, verdict(L.build < 2.0));
    if (L.build_quiet >= 0)
        std::printf("  build with automatic calculation off while writing, then calculateAll  %8.3f s   "
                    "promise < 2 s: %s\n",
                    L.build_quiet, verdict(L.build_quiet < 2.0));
    std::printf(
        "  filling the Data sheet and the business figures (UNO)      %8.3f s   (not part of the build)\n",
        L.fill);
    std::printf("  hard recalculation (calculateAll)                          %8.3f s (CPU %.3f s)   promise < 1 s: %s\n",
                L.recalc, L.recalc_cpu, verdict(L.recalc < 1.0));
    for (const auto& m : L.modes)
        std::printf("  one typed Data cell, selector \"%s\", then what the Dashboard shows read (its cells and "
                    "its charts' data): %8.1f ms (CPU %.1f ms)   promise < 100 ms: %s\n",
                    m.selector.c_str(), m.result.shown * 1000, m.result.shown_cpu * 1000,
                    verdict(m.result.shown < 0.1));
    for (const auto& m : L.modes)
        std::printf("  one typed Data cell, selector \"%s\", then every dirty cell computed (calculate): %8.1f ms (CPU %.1f ms; setValue alone %.1f ms; Dashboard "
                    "cell %s: %.6g -> "
                    "%.6g)   (%s the 100 ms as well); changing the selector to it: %.1f ms\n",
                    m.selector.c_str(), m.result.seconds * 1000, m.result.cpu * 1000, m.result.set_only * 1000,
                    m.result.changed ? "moved" : "unchanged", m.result.before, m.result.after,
                    m.result.seconds < 0.1 ? "within" : "beyond", m.select_seconds * 1000);
    std::printf("  report to PDF from the open workbook: read %.3f s + write and export %.3f s = %.3f s (CPU %.3f s; "
                "%zu bytes)   promise < 5 s: %s\n",
                L.report_read, L.report_export, L.report_total, L.report_cpu, L.pdf_bytes,
                verdict(L.report_total < 5.0));
    std::printf("  report to PDF as `kpi report FILE` does it (office running): open + values up to date %.3f s, "
                "total %.3f s (CPU %.3f s), the office already running (time `kpi report FILE` for the whole)\n",
                L.cli_open, L.cli_total, L.cli_cpu);
    std::printf(
        "  baseline: hard recalculation without Trends and Dashboard  %8.3f s   full workbook = %.1fx\n",
        L.recalc_stripped, L.recalc / L.recalc_stripped);
    std::printf(
        "  baseline: hard recalculation without the %zu charts        %8.3f s   full workbook = %.1fx\n",
        L.charts, L.recalc_no_charts, L.recalc / L.recalc_no_charts);
}

bool all_met(const loop_result& L) {
    return L.build < 2.0 && L.recalc < 1.0 && L.report_total < 5.0 &&
           std::all_of(L.modes.begin(), L.modes.end(), [](const mode& m) { return m.result.shown < 0.1; });
}

} // namespace

int main(int argc, char** argv) {
    const std::size_t kpis = argc > 1 ? static_cast<std::size_t>(std::atoi(argv[1])) : 60;
    const int periods = argc > 2 ? std::atoi(argv[2]) : 36;
    const std::string language = argc > 3 ? argv[3] : "vi";
    const std::size_t proposal =
        argc > 4 ? static_cast<std::size_t>(std::atoi(argv[4])) : 5; // index into schemes()
    const bool proposal_only = argc > 5 && std::string(argv[5]) == "--proposal-only";
    const auto dir = std::filesystem::path(KPI_BENCH_WORK_DIR) / ("run-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    const setup s = make_setup(kpis, periods, language);
    const auto all_schemes = schemes();

    kpi::office::options opts;
    opts.profile_dir = dir / "profile";
    g_profile_marker = opts.profile_dir.string();
    kpi::office::session office(opts);
    office.start();
    office.install_extension(KPI_OXT_PATH);
    office.restart();

    const auto& proposed_scheme = all_schemes[std::min(proposal, all_schemes.size() - 1)];
    if (argc > 5 && std::string(argv[5]) == "--typed-loop") {
        // For a profiler: one workbook as built, then typed cells in a loop (argv[6] times, default 200),
        // each one timed; attach `perf record -p <soffice pid>` between the two markers on stderr.
        const int times = argc > 6 ? std::atoi(argv[6]) : 200;
        auto component = office.new_spreadsheet();
        spreadsheet_ref doc(component, UNO_QUERY_THROW);
        built b;
        if (std::getenv("KPI_BENCH_PAUSE")) { // time to attach a profiler to the office before the build
            std::fprintf(stderr, "[typed-loop] building in 5 s\n");
            sleep(5);
        }
        {
            const stopwatch w0;
            b.model = kpi::build_template(s.profile, kpi::uno_glue::today_serial(), s.options);
            apply(proposed_scheme, b.model); // argv[4]: 0 = as built
            const stopwatch w1;
            b.names = kpi::uno_glue::write_workbook(office.context(), doc, b.model);
            const stopwatch w2;
            kpi::uno_glue::show_workbook(doc, b.model, b.names);
            std::printf("build: template %.3f s, write_workbook %.3f s, show_workbook %.3f s, total %.3f s (CPU %.3f s)\n",
                        w0.wall_seconds() - w1.wall_seconds(), w1.wall_seconds() - w2.wall_seconds(),
                        w2.wall_seconds(), w0.wall_seconds(), w0.cpu_seconds());
        }
        fill(doc, b, s);
        calculate_all(component);
        auto data = sheet_named(doc, name_of(b, kpi::sheet_role::data));
        auto input = data->getCellByPosition(2, b.last_period_spend_row);
        const auto shown = actual_cell(doc, "FB-CPL");
        const double original = input->getValue();
        const auto view = view_of_dashboard(doc, name_of(b, kpi::sheet_role::dashboard));
        best_of seen;
        for (int i = 0; i < times; ++i) {
            const stopwatch w;
            input->setValue(original * (1.2 + 0.01 * (i % 50)));
            view.read();
            seen.add(w);
        }
        std::printf("typed cell, then what the Dashboard shows read: best %.1f ms, CPU %.1f ms\n", seen.best * 1000,
                    seen.best_cpu * 1000);
        calculate(component);
        std::fprintf(stderr, "[typed-loop] start\n");
        best_of set_only, total;
        for (int i = 0; i < times; ++i) {
            const stopwatch w;
            const auto t = clock_type::now();
            input->setValue(original * (1.1 + 0.01 * (i % 50)));
            set_only.add(seconds_since(t));
            calculate(component);
            (void)shown.cell->getValue();
            total.add(w);
        }
        std::fprintf(stderr, "[typed-loop] done\n");
        std::printf("typed cell: best %.1f ms, CPU %.1f ms (setValue alone best %.1f ms) over %d runs\n",
                    total.best * 1000, total.best_cpu * 1000, set_only.best * 1000, times);
        close(component);
        std::filesystem::remove_all(dir / "profile");
        return 0;
    }
    if (proposal_only) { // the whole loop with one scheme only (the slow as-built workbook left out)
        built pb;
        Reference<css::lang::XComponent> proposed_doc;
        const auto proposed =
            measure_loop(office, s, proposed_scheme, language, dir, "proposal", pb, proposed_doc, true);
        close(proposed_doc);
        const std::string title = "The workbook with scheme " + std::to_string(proposal) + " (" +
                                  proposed_scheme.label + "), rewritten in the model before writing it:";
        print_loop(title.c_str(), proposed);
        std::filesystem::remove_all(dir / "profile");
        return all_met(proposed) ? 0 : 1;
    }

    // The workbook as the template builds it.
    built b;
    Reference<css::lang::XComponent> component;
    const auto as_built =
        measure_loop(office, s, all_schemes[0], language, dir, "as-built", b, component, false);
    spreadsheet_ref doc(component, UNO_QUERY_THROW);
    auto data = sheet_named(doc, name_of(b, kpi::sheet_role::data));
    const auto data_values = data_of(data, 0, 0, static_cast<sal_Int32>(1 + kpi::measure_count),
                                     static_cast<sal_Int32>(b.data_rows));
    const auto trends = copy_trends(doc, b);
    close(component);

    // Baseline: a native =A/B column of as many cells as the workbook has formulas.
    double recalc_native = 0;
    {
        auto native = office.new_spreadsheet();
        spreadsheet_ref ndoc(native, UNO_QUERY_THROW);
        auto sheet = sheet_at(ndoc, 0);
        const auto n = static_cast<sal_Int32>(as_built.formulas);
        Sequence<Sequence<Any>> ab(n);
        for (sal_Int32 r = 0; r < n; ++r) {
            Sequence<Any> row(2);
            row.getArray()[0] <<= 1000.0 + r;
            row.getArray()[1] <<= 3.0 + r % 17;
            ab.getArray()[r] = row;
        }
        set_data(sheet, 0, 0, ab);
        sheet->getCellByPosition(2, 0)->setFormula("=A1/B1");
        Reference<css::sheet::XCellSeries>(sheet->getCellRangeByPosition(2, 0, 2, n - 1), UNO_QUERY_THROW)
            ->fillAuto(css::sheet::FillDirection_TO_BOTTOM, 1);
        recalc_native = best5([&] { calculate_all(native); });
        close(native);
    }

    // The Trends sheet's aggregations alone, as built and under the other schemes.
    std::vector<alone_result> alone;
    for (const auto& sc : all_schemes) {
        alone.push_back(time_alone(office, b, data_values, trends, sc));
        std::fprintf(stderr, "[alone] %s: %.3f s\n", sc.label.c_str(), alone.back().recalc);
    }

    // The whole loop with the proposed scheme.
    built pb;
    Reference<css::lang::XComponent> proposed_doc;
    const auto proposed =
        measure_loop(office, s, proposed_scheme, language, dir, "proposal", pb, proposed_doc, true);
    close(proposed_doc);

    std::printf("The monthly loop: %zu KPIs (%zu strategic), %d periods x %zu Data rows (%zu rows, %zu "
                "measure cells), "
                "language %s; best of 5 after a warm-up\n",
                b.model.strategic_count + b.model.tactical_count, b.model.strategic_count, periods,
                b.data_rows / static_cast<std::size_t>(periods), b.data_rows,
                b.data_rows * kpi::measure_count, language.c_str());
    print_loop("The workbook as the template builds it:", as_built);
    std::printf(
        "  baseline: native =A/B column, %zu cells                  %8.4f s   full workbook = %.0fx\n",
        as_built.formulas, recalc_native, as_built.recalc / recalc_native);
    std::printf("The Trends sheet's %zu aggregation cells alone (Data values copied into a new document):\n",
                trends.aggregations);
    std::printf("  (as read back: %s)\n", to_utf8(trends.formulas[trends.first][2]).c_str());
    for (std::size_t i = 0; i < all_schemes.size(); ++i)
        std::printf("  %zu. %-88s calculateAll %7.3f s  one typed cell %7.1f ms\n", i,
                    all_schemes[i].label.c_str(), alone[i].recalc, alone[i].typed * 1000);
    const std::string title = "The workbook with scheme " + std::to_string(proposal) + " (" +
                              proposed_scheme.label + "), rewritten in the model before writing it:";
    print_loop(title.c_str(), proposed);
    // The proposal must compute the same figures: compare the Trends and Dashboard sheets cell by cell
    // (the proposal's own row-count cell aside).
    std::size_t compared = 0, differing = 0;
    auto compare = [&](const Sequence<Sequence<Any>>& x, const Sequence<Sequence<Any>>& y,
                       bool trends_sheet) {
        for (sal_Int32 r = 0; r < x.getLength(); ++r)
            for (sal_Int32 c = 0; c < x[r].getLength(); ++c) {
                if (trends_sheet && r == row_count_row && c == row_count_col)
                    continue;
                ++compared;
                double dx = 0, dy = 0;
                if ((x[r][c] >>= dx) && (y[r][c] >>= dy)) {
                    if (std::abs(dx - dy) > 1e-9 * std::max(1.0, std::abs(dx)))
                        ++differing;
                } else if (x[r][c] != y[r][c]) {
                    ++differing;
                }
            }
    };
    compare(as_built.trends_values, proposed.trends_values, true);
    compare(as_built.dashboard_values, proposed.dashboard_values, false);
    std::printf("  same figures as built: %zu of %zu cells of Trends and Dashboard differ\n", differing,
                compared);
    std::filesystem::remove_all(dir / "profile");
    return all_met(as_built) ? 0 : 1;
}
