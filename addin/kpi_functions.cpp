// The Calc Add-In: the cell functions and their Function Wizard texts (XAddIn), all from the catalog.
#include "calc_date.hpp"
#include "calc_value.hpp"
#include "register_functions.hpp"
#include "ui_language.hpp"
#include "uno_strings.hpp"

#include <kpi/catalog.hpp>
#include <kpi/customer.hpp>
#include <kpi/metrics.hpp>
#include <kpi/statistics.hpp>
#include <kpi/targets.hpp>

#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <org/kpimarketing/XKpiFunctions.hpp>

#include <rtl/ref.hxx>

#include <array>
#include <atomic>
#include <initializer_list>
#include <mutex>
#include <vector>
#include <string>

using css::uno::Any;
using css::uno::Sequence;

namespace kpi::uno_glue {
namespace {

constexpr char service_name[] = "org.kpimarketing.KpiFunctions";
constexpr char implementation_name[] = "org.kpimarketing.KpiFunctions.impl";
constexpr char addin_service[] = "com.sun.star.sheet.AddIn";
// Calc only knows its built-in categories; anything else would fall back to this one anyway.
constexpr char calc_category[] = "Add-In";

enum class language_code { en, vi };

const kpi::function_info& entry(std::string_view name) {
    const auto* f = kpi::find_function(name);
    if (!f) throw css::uno::RuntimeException("KPI catalog has no function " + from_utf8(name));
    return *f;
}

// An argument as a method receives it: a double (declared `double`) or an Any (declared `any`).
struct arg {
    arg(double v) : number(v) {}
    arg(const Any* a) : any(a) {}
    double number = 0.0;
    const Any* any = nullptr;
};

constexpr std::size_t max_params = 8;

// Converts the arguments as the catalog entry's parameter kinds say and calls its evaluator.
kpi::result call(const kpi::function_info& f, std::initializer_list<arg> args) {
    std::array<double, max_params> numbers{};
    std::size_t count = 0;
    thread_local std::vector<kpi::cell> cells;
    cells.clear();
    const arg* a = args.begin();
    for (std::size_t i = 0; i < f.params.size() && i < args.size(); ++i, ++a) {
        const kpi::param_info& p = f.params[i];
        switch (p.kind) {
        case kpi::param_kind::number: numbers[count++] = a->number; break;
        case kpi::param_kind::optional_number:
        case kpi::param_kind::optional_flag:
        case kpi::param_kind::optional_date: {
            const bool today = p.kind == kpi::param_kind::optional_date && !a->any->hasValue();
            const auto v = today ? std::optional<double>(today_serial()) : optional_number(*a->any, p.default_value);
            if (!v) return kpi::errc::bad_value;
            numbers[count++] = *v;
            break;
        }
        case kpi::param_kind::range:
            if (!read_cells(*a->any, cells)) return kpi::errc::bad_value;
            break;
        case kpi::param_kind::name:
        case kpi::param_kind::optional_range:
        case kpi::param_kind::key:
        case kpi::param_kind::table: return kpi::errc::bad_value; // not numeric: own glue
        }
    }
    const std::span<const double> values(numbers.data(), count);
    if (f.scalar) return f.scalar(values);
    if (f.over_range) return f.over_range(cells, values);
    return kpi::errc::bad_value;
}

Sequence<Sequence<double>> single_cell(double value) {
    Sequence<Sequence<double>> out(1);
    out.getArray()[0] = Sequence<double>(&value, 1);
    return out;
}

// One KPI.EACH argument: a range (rows x cols of Anys), or one value for every row.
struct each_column {
    const Sequence<Any>* rows = nullptr; // the range's rows, when a range
    double value = 0.0;                  // the single value otherwise
    bool text = false;                   // a single text value: #VALUE! everywhere
};

// A cell of a range as a number for a scalar parameter: blank is 0 (as Calc hands an empty cell to a
// `double` parameter), text is unusable.
std::optional<double> each_number(const Any& element) noexcept {
    switch (element.getValueTypeClass()) {
    case css::uno::TypeClass_DOUBLE: return *static_cast<const double*>(element.getValue());
    case css::uno::TypeClass_VOID: return 0.0;
    case css::uno::TypeClass_STRING: // a blank cell of a range arrives as an empty string
        if (static_cast<const OUString*>(element.getValue())->isEmpty()) return 0.0;
        return std::nullopt;
    case css::uno::TypeClass_BOOLEAN: return *static_cast<const sal_Bool*>(element.getValue()) ? 1.0 : 0.0;
    default: return std::nullopt;
    }
}

Sequence<Sequence<double>> apply_each(const OUString& name, const Sequence<Any>& ranges) {
    const double bad_value = to_cell(kpi::errc::bad_value);
    const auto* f = kpi::find_each_function(to_utf8(name));
    if (!f || !f->scalar || f->output != kpi::output_kind::number ||
        static_cast<std::size_t>(ranges.getLength()) > f->params.size() ||
        f->params.size() > max_params)
        return single_cell(bad_value);

    // Shapes: every range must have the same rows and columns; single values are broadcast.
    std::vector<Sequence<Sequence<Any>>> held(static_cast<std::size_t>(ranges.getLength()));
    std::array<each_column, max_params> columns{};
    std::array<bool, max_params> given{};
    sal_Int32 rows = -1, cols = -1;
    for (sal_Int32 i = 0; i < ranges.getLength(); ++i) {
        const Any& a = ranges[i];
        const auto k = static_cast<std::size_t>(i);
        if (!a.hasValue()) continue; // an omitted argument: its default
        given[k] = true;
        if (a.getValueTypeClass() == css::uno::TypeClass_SEQUENCE) {
            if (!(a >>= held[k])) return single_cell(bad_value);
            const sal_Int32 r = held[k].getLength(), c = r > 0 ? held[k][0].getLength() : 0;
            if ((rows >= 0 && (r != rows || c != cols)) || r == 0) return single_cell(bad_value);
            rows = r;
            cols = c;
            columns[k].rows = held[k].getConstArray();
            continue;
        }
        const auto v = each_number(a);
        if (v) columns[k].value = *v;
        else columns[k].text = true;
    }
    if (rows < 0) rows = cols = 1;

    // Defaults of the parameters not given; a required one missing makes every cell #VALUE!.
    std::array<double, max_params> defaults{};
    const std::size_t n = f->params.size();
    for (std::size_t k = 0; k < n; ++k) {
        const auto& p = f->params[k];
        if (given[k]) continue;
        if (p.kind == kpi::param_kind::number) return single_cell(bad_value);
        defaults[k] = p.kind == kpi::param_kind::optional_date ? today_serial() : p.default_value;
    }

    Sequence<Sequence<double>> out(rows);
    Sequence<double>* out_rows = out.getArray();
    std::array<double, max_params> args{};
    for (sal_Int32 r = 0; r < rows; ++r) {
        out_rows[r].realloc(cols);
        double* out_cells = out_rows[r].getArray();
        for (sal_Int32 c = 0; c < cols; ++c) {
            bool usable = true;
            for (std::size_t k = 0; k < n; ++k) {
                const each_column& col = columns[k];
                if (!given[k]) args[k] = defaults[k];
                else if (col.rows) {
                    const auto v = each_number(col.rows[r][c]);
                    usable = usable && v.has_value();
                    args[k] = v.value_or(0.0);
                } else {
                    usable = usable && !col.text;
                    args[k] = col.value;
                }
            }
            out_cells[c] = usable ? to_cell(f->scalar(std::span<const double>(args.data(), n))) : bad_value;
        }
    }
    return out;
}

class kpi_functions
    : public cppu::WeakImplHelper4<org::kpimarketing::XKpiFunctions, css::sheet::XAddIn,
                                   css::lang::XServiceName, css::lang::XServiceInfo> {
public:
    // The UI language comes from the office's configuration; XAddIn::setLocale overrides it.
    explicit kpi_functions(const css::uno::Reference<css::uno::XComponentContext>& context) {
        if (context.is() && ui_language(context).substr(0, 2) == "vi") language_ = language_code::vi;
    }

    // ---- XKpiFunctions ----
    // Functions of required numbers only: Calc's fast path, straight to the core (no allocation, no lock).
    double SAL_CALL REVGROWTH(double current, double previous) override { return to_cell(kpi::revenue_growth(current, previous)); }
    double SAL_CALL MARKETSHARE(double own_sales, double market_sales) override { return to_cell(kpi::market_share(own_sales, market_sales)); }
    double SAL_CALL RELSHARE(double own_sales, double largest_competitor_sales) override { return to_cell(kpi::relative_market_share(own_sales, largest_competitor_sales)); }
    double SAL_CALL MKTREVSHARE(double marketing_revenue, double total_revenue) override { return to_cell(kpi::marketing_revenue_share(marketing_revenue, total_revenue)); }
    double SAL_CALL ROAS(double revenue, double ad_spend) override { return to_cell(kpi::return_on_ad_spend(revenue, ad_spend)); }
    double SAL_CALL PROFITMARGIN(double revenue, double cost) override { return to_cell(kpi::profit_margin(revenue, cost)); }
    double SAL_CALL CPL(double spend, double leads) override { return to_cell(kpi::cost_per_lead(spend, leads)); }
    double SAL_CALL CPA(double spend, double conversions) override { return to_cell(kpi::cost_per_acquisition(spend, conversions)); }
    double SAL_CALL CAC(double cost, double new_customers) override { return to_cell(kpi::customer_acquisition_cost(cost, new_customers)); }
    double SAL_CALL CPC(double spend, double clicks) override { return to_cell(kpi::cost_per_click(spend, clicks)); }
    double SAL_CALL CPM(double spend, double impressions) override { return to_cell(kpi::cost_per_mille(spend, impressions)); }
    double SAL_CALL CTR(double clicks, double impressions) override { return to_cell(kpi::click_through_rate(clicks, impressions)); }
    double SAL_CALL CONVRATE(double conversions, double visitors) override { return to_cell(kpi::conversion_rate(conversions, visitors)); }
    double SAL_CALL MQLRATE(double mqls, double leads) override { return to_cell(kpi::mql_rate(mqls, leads)); }
    double SAL_CALL SQLRATE(double sqls, double mqls) override { return to_cell(kpi::sql_rate(sqls, mqls)); }
    double SAL_CALL WINRATE(double customers, double sqls) override { return to_cell(kpi::win_rate(customers, sqls)); }
    double SAL_CALL LEADTOCUSTOMER(double customers, double leads) override { return to_cell(kpi::lead_to_customer_rate(customers, leads)); }
    double SAL_CALL COSTPERMQL(double spend, double mqls) override { return to_cell(kpi::cost_per_mql(spend, mqls)); }
    double SAL_CALL COSTPERSQL(double spend, double sqls) override { return to_cell(kpi::cost_per_sql(spend, sqls)); }
    double SAL_CALL ENGAGEMENTRATE(double engaged, double sessions) override { return to_cell(kpi::engagement_rate(engaged, sessions)); }
    double SAL_CALL BOUNCE_GA4(double engaged, double sessions) override { return to_cell(kpi::bounce_rate_ga4(engaged, sessions)); }
    double SAL_CALL BOUNCE_UA(double single_page, double sessions) override { return to_cell(kpi::bounce_rate_ua(single_page, sessions)); }
    double SAL_CALL AVGENGAGEMENT(double seconds, double active_users) override { return to_cell(kpi::average_engagement_time(seconds, active_users)); }
    double SAL_CALL AVGSESSION(double seconds, double sessions) override { return to_cell(kpi::average_session_duration(seconds, sessions)); }
    double SAL_CALL PAGESPERSESSION(double views, double sessions) override { return to_cell(kpi::pages_per_session(views, sessions)); }
    double SAL_CALL ORGANICSHARE(double organic, double sessions) override { return to_cell(kpi::organic_share(organic, sessions)); }
    double SAL_CALL RETENTION(double start, double end, double added) override { return to_cell(kpi::retention_rate(start, end, added)); }
    double SAL_CALL CHURN(double start, double lost) override { return to_cell(kpi::churn_rate(start, lost)); }
    double SAL_CALL REPEATRATE(double repeat, double customers) override { return to_cell(kpi::repeat_rate(repeat, customers)); }
    double SAL_CALL CLV_DISCOUNTED(double margin, double retention, double discount) override { return to_cell(kpi::discounted_lifetime_value(margin, retention, discount)); }
    double SAL_CALL LTVCAC(double ltv, double cac) override { return to_cell(kpi::ltv_to_cac(ltv, cac)); }
    double SAL_CALL VARIANCE(double actual, double target) override { return to_cell(kpi::variance_to_target(actual, target)); }
    double SAL_CALL ABTEST_P(double conversions_a, double visitors_a, double conversions_b, double visitors_b) override { return to_cell(kpi::ab_test_p_value(conversions_a, visitors_a, conversions_b, visitors_b)); }

    // Functions with optional or range arguments: converted as their catalog entry says.
    double SAL_CALL ROMI(double revenue, double spend, const Any& gross_margin) override {
        static const auto& f = entry("ROMI");
        return to_cell(call(f, {revenue, spend, &gross_margin}));
    }
    double SAL_CALL TOPN(const Any& positions, const Any& n) override {
        static const auto& f = entry("TOPN");
        return to_cell(call(f, {&positions, &n}));
    }
    double SAL_CALL CLV(double avg_order_value, double orders_per_year, double years, const Any& gross_margin) override {
        static const auto& f = entry("CLV");
        return to_cell(call(f, {avg_order_value, orders_per_year, years, &gross_margin}));
    }
    double SAL_CALL PAYBACK(double cac, double monthly_revenue, const Any& gross_margin) override {
        static const auto& f = entry("PAYBACK");
        return to_cell(call(f, {cac, monthly_revenue, &gross_margin}));
    }
    double SAL_CALL NPS(const Any& scores) override {
        static const auto& f = entry("NPS");
        return to_cell(call(f, {&scores}));
    }
    double SAL_CALL CSAT(const Any& scores, const Any& scale_max) override {
        static const auto& f = entry("CSAT");
        return to_cell(call(f, {&scores, &scale_max}));
    }
    double SAL_CALL ATTAINMENT(double actual, double target, const Any& baseline, const Any& lower_is_better) override {
        static const auto& f = entry("ATTAINMENT");
        return to_cell(call(f, {actual, target, &baseline, &lower_is_better}));
    }
    double SAL_CALL STATUS(double actual, double target, const Any& lower_is_better, const Any& amber) override {
        static const auto& f = entry("STATUS");
        return to_cell(call(f, {actual, target, &lower_is_better, &amber}));
    }
    Any SAL_CALL STATUSTEXT(double actual, double target, const Any& lower_is_better, const Any& amber) override {
        static const auto& f = entry("STATUSTEXT");
        const kpi::result r = call(f, {actual, target, &lower_is_better, &amber});
        if (!r) return Any(to_cell(r));
        return Any(from_utf8(kpi::status_word(r.value(), language_ == language_code::vi ? "vi" : "en")));
    }
    double SAL_CALL PACE(double actual, double target, double start_date, double end_date, const Any& as_of,
                         const Any& baseline) override {
        static const auto& f = entry("PACE");
        return to_cell(call(f, {actual, target, start_date, end_date, &as_of, &baseline}));
    }
    double SAL_CALL PROJECTION(const Any& values, double periods_ahead, const Any& cumulative) override {
        static const auto& f = entry("PROJECTION");
        return to_cell(call(f, {&values, periods_ahead, &cumulative}));
    }
    double SAL_CALL PACESTATUS(double projection, double target, const Any& lower_is_better, const Any& tolerance) override {
        static const auto& f = entry("PACESTATUS");
        return to_cell(call(f, {projection, target, &lower_is_better, &tolerance}));
    }
    double SAL_CALL CMGR(const Any& values) override {
        static const auto& f = entry("CMGR");
        return to_cell(call(f, {&values}));
    }

    // Register audit: glue in register_functions.cpp
    Any SAL_CALL LINKSTATUS(const Any& id, const Sequence<Sequence<Any>>& kpi_register) override {
        return link_status(id, kpi_register);
    }
    double SAL_CALL SMART(const Any& id, const Sequence<Sequence<Any>>& kpi_register) override {
        return smart_score(id, kpi_register);
    }
    Any SAL_CALL SMARTISSUES(const Any& id, const Sequence<Sequence<Any>>& kpi_register) override {
        return smart_issues(id, kpi_register, language_ == language_code::vi ? "vi" : "en");
    }
    Sequence<Sequence<Any>> SAL_CALL AUDIT(const Sequence<Sequence<Any>>& kpi_register) override {
        return audit_array(kpi_register, language_ == language_code::vi ? "vi" : "en");
    }

    // KPI.EACH: one scalar catalog function over whole columns (or any equal-shaped ranges); single
    // values apply to every row. One call from Calc for the whole array.
    Sequence<Sequence<double>> SAL_CALL EACH(const OUString& name, const Any& range1, const Any& range2,
                                             const Any& range3, const Any& range4, const Any& range5,
                                             const Any& range6) override {
        // The arguments given: up to the last one that is not omitted.
        const Any* given[] = {&range1, &range2, &range3, &range4, &range5, &range6};
        sal_Int32 count = 6;
        while (count > 0 && !given[count - 1]->hasValue()) --count;
        Sequence<Any> ranges(count);
        for (sal_Int32 i = 0; i < count; ++i) ranges.getArray()[i] = *given[i];
        return apply_each(name, ranges);
    }

    // ---- XAddIn: every answer comes from the catalog ----
    OUString SAL_CALL getProgrammaticFuntionName(const OUString& display_name) override {
        const auto* f = kpi::find_function(to_utf8(display_name));
        return f ? from_utf8(f->name) : OUString();
    }
    OUString SAL_CALL getDisplayFunctionName(const OUString& name) override {
        const auto* f = find(name);
        return f ? from_utf8(f->display) : OUString();
    }
    OUString SAL_CALL getFunctionDescription(const OUString& name) override {
        const auto* f = find(name);
        return f ? from_utf8(f->description.in(language())) : OUString();
    }
    OUString SAL_CALL getDisplayArgumentName(const OUString& name, sal_Int32 index) override {
        const auto* p = param(name, index);
        return p ? from_utf8(p->display.in(language())) : OUString();
    }
    OUString SAL_CALL getArgumentDescription(const OUString& name, sal_Int32 index) override {
        const auto* p = param(name, index);
        return p ? from_utf8(p->description.in(language())) : OUString();
    }
    OUString SAL_CALL getProgrammaticCategoryName(const OUString&) override { return calc_category; }
    OUString SAL_CALL getDisplayCategoryName(const OUString&) override { return calc_category; }

    // ---- XLocalizable ----
    void SAL_CALL setLocale(const css::lang::Locale& locale) override {
        std::lock_guard guard(mutex_);
        locale_ = locale;
        language_ = locale.Language == "vi" ? language_code::vi : language_code::en;
    }
    css::lang::Locale SAL_CALL getLocale() override {
        std::lock_guard guard(mutex_);
        return locale_;
    }

    // ---- XServiceName, XServiceInfo ----
    OUString SAL_CALL getServiceName() override { return service_name; }
    OUString SAL_CALL getImplementationName() override { return implementation_name; }
    sal_Bool SAL_CALL supportsService(const OUString& name) override { return cppu::supportsService(this, name); }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override {
        return make_sequence<OUString>({service_name, addin_service});
    }

private:
    static const kpi::function_info* find(const OUString& name) { return kpi::find_function(to_utf8(name)); }
    static const kpi::param_info* param(const OUString& name, sal_Int32 index) {
        const auto* f = find(name);
        if (!f || index < 0 || static_cast<std::size_t>(index) >= f->params.size()) return nullptr;
        return &f->params[static_cast<std::size_t>(index)];
    }
    std::string language() {
        std::lock_guard guard(mutex_);
        return to_utf8(locale_.Language);
    }

    std::mutex mutex_;
    css::lang::Locale locale_{"en", "US", ""};
    std::atomic<language_code> language_{language_code::en}; // read without the lock by STATUSTEXT
};

} // namespace
} // namespace kpi::uno_glue

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_kpimarketing_KpiFunctions_get_implementation(css::uno::XComponentContext* context, const Sequence<Any>&) {
    auto* instance = new kpi::uno_glue::kpi_functions(context);
    instance->acquire();
    return static_cast<cppu::OWeakObject*>(instance);
}
