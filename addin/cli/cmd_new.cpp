// kpi new --industry ecommerce --lang vi --channels facebook,google -o FILE.ods: the KPI workbook
// template without the wizard (docs/workbook.md).
#include "calc_date.hpp"
#include "cli.hpp"
#include "document_files.hpp"
#include "workbook_builder.hpp"

#include <kpi/register.hpp> // parse_number
#include <kpi/workbook_template.hpp>

#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include <optional>
#include <sstream>

namespace kpi::cli {

namespace fs = std::filesystem;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace {

constexpr char usage_text[] =
    "usage: kpi new -o FILE.ods|.xlsx|.fods [--industry ecommerce|retail|b2b|education|other]\n"
    "               [--lang vi|en] [--name NAME] [--currency vnd|usd|eur] [--periods month|quarter]\n"
    "               [--start YYYY-MM] [--channels facebook,google,tiktok,zalo,seo,email,events]\n"
    "               [--goals revenue_growth=0.2,profit_margin=0.15,market_share=0.1,\n"
    "                        marketing_revenue_share=0.4,romi=3] [--exclude ID,ID] [--force]\n";

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::stringstream in(s);
    for (std::string item; std::getline(in, item, sep);)
        if (!item.empty()) out.push_back(item);
    return out;
}

int bad(const std::string& message) {
    std::cerr << "kpi new: " << message << "\n" << usage_text;
    return exit_bad_input;
}

std::string filter_for(const fs::path& file) {
    std::string ext = file.extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".ods") return "calc8";
    if (ext == ".xlsx") return "Calc MS Excel 2007 XML";
    if (ext == ".fods") return "OpenDocument Spreadsheet Flat XML";
    return "";
}

} // namespace

int run_new(const environment& env, const std::vector<std::string>& args) {
    kpi::workbook_profile profile;
    profile.language = "en";
    std::optional<fs::path> output;
    bool force = false;
    std::vector<kpi::channel> channels;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--force") {
            force = true;
            continue;
        }
        if (a == "--help" || a == "-h") {
            std::cout << usage_text;
            return exit_ok;
        }
        if (a.rfind("-", 0) != 0) return bad("unexpected argument " + a);
        if (i + 1 >= args.size()) return bad(a + " needs a value");
        const std::string v = args[++i];
        if (a == "-o" || a == "--output") output = v;
        else if (a == "--industry") {
            const auto sector = kpi::parse_industry(v);
            if (!sector) return bad("unknown industry '" + v + "'");
            profile.sector = *sector;
        } else if (a == "--lang") {
            if (v != "vi" && v != "en") return bad("--lang takes vi or en");
            profile.language = v;
        } else if (a == "--name") profile.business_name = v;
        else if (a == "--currency") {
            if (v == "vnd" || v == "VND") profile.money = kpi::currency::vnd;
            else if (v == "usd" || v == "USD") profile.money = kpi::currency::usd;
            else if (v == "eur" || v == "EUR") profile.money = kpi::currency::eur;
            else return bad("--currency takes vnd, usd or eur");
        } else if (a == "--periods") {
            if (v == "month" || v == "monthly") profile.periods = kpi::period_granularity::month;
            else if (v == "quarter" || v == "quarterly") profile.periods = kpi::period_granularity::quarter;
            else return bad("--periods takes month or quarter");
        } else if (a == "--start") {
            int year = 0, month = 0;
            char dash = 0, extra = 0;
            if (std::sscanf(v.c_str(), "%4d%c%2d%c", &year, &dash, &month, &extra) != 3 || dash != '-' ||
                month < 1 || month > 12 || year < 1900 || year > 9000)
                return bad("--start takes a month as YYYY-MM, e.g. 2026-01");
            profile.start_year = year;
            profile.start_month = month;
        } else if (a == "--channels") {
            for (const auto& key : split(v, ',')) {
                const auto c = kpi::parse_channel_key(key);
                if (!c) return bad("unknown channel '" + key + "'");
                channels.push_back(*c);
            }
        } else if (a == "--goals") {
            for (const auto& item : split(v, ',')) {
                const auto eq = item.find('=');
                const auto goal = kpi::parse_goal(item.substr(0, eq));
                if (!goal) return bad("unknown goal '" + item.substr(0, eq) + "'");
                const auto target = eq == std::string::npos ? std::nullopt : kpi::parse_number(item.substr(eq + 1));
                if (!target) return bad("goal '" + item + "' needs a numeric target, e.g. romi=3");
                profile.goals.push_back({*goal, *target});
            }
        } else if (a == "--exclude") profile.excluded_kpis = split(v, ',');
        else return bad("unknown option " + a);
    }
    profile.channels = channels;
    if (!output) return bad("-o FILE is required");
    const std::string filter = filter_for(*output);
    if (filter.empty()) return bad("the output must end in .ods, .xlsx or .fods: " + output->string());
    if (fs::exists(*output) && !force) {
        std::cerr << "kpi new: " << output->string() << " already exists; use --force to overwrite it\n";
        return exit_bad_input;
    }
    uno_glue::check_not_an_input(*output, {});
    uno_glue::check_writable(*output); // a missing folder, a read-only file or folder: refused first

    kpi::workbook_model model;
    try {
        model = kpi::build_template(profile, uno_glue::today_serial());
    } catch (const std::invalid_argument& e) {
        return bad(e.what());
    }

    check_output(env, *output, {});
    // With a view (never shown in the headless office): the frozen header rows are view settings.
    auto doc = env.office.new_spreadsheet_with_view();
    Reference<css::sheet::XSpreadsheetDocument> spreadsheet(doc, UNO_QUERY_THROW);
    Reference<css::container::XIndexAccess> sheets(spreadsheet->getSheets(), UNO_QUERY_THROW);
    std::vector<OUString> blank; // the new document's own empty sheet(s), removed once ours exist
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i)
        blank.push_back(Reference<css::container::XNamed>(sheets->getByIndex(i), UNO_QUERY_THROW)->getName());
    const auto names = uno_glue::write_workbook(env.office.context(), spreadsheet, model);
    for (const auto& name : blank) spreadsheet->getSheets()->removeByName(name);
    uno_glue::show_workbook(spreadsheet, model, names); // frozen rows, stored in the file

    try {
        // A temporary beside the target, renamed over it once whole (atomic_file.hpp).
        uno_glue::store_to_url(doc, office::file_url(fs::absolute(*output)), filter);
    } catch (...) {
        try {
            close_document(doc);
        } catch (const css::uno::Exception&) {
            // The office went away with the document.
        }
        throw_if_office_died(env, *output);
        throw;
    }
    close_document(doc);
    std::cout << "Wrote " << output->string() << ": " << model.strategic_count << " strategic and "
              << model.tactical_count << " tactical KPIs; sheets";
    for (const auto& sheet : model.sheets) std::cout << " \"" << names[static_cast<std::size_t>(sheet.role)] << "\"";
    std::cout << "\n";
    return exit_ok;
}

} // namespace kpi::cli
