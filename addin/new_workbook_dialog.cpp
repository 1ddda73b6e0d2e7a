// "New KPI workbook...": the four-step wizard (packaging/dialogs/NewWorkbook.xdl) that collects a
// kpi::workbook_profile and builds it with run_new_workbook (one undo step).
//
// Layout comes from the .xdl, loaded by URL from the installed extension; every label is set here
// in the office's UI language (kpi::text tables), so the .xdl carries only English defaults.
//
// Dispatch arguments (for scripts; a menu click passes none). Without Silent the wizard opens
// pre-filled from them; with Silent=true it builds from them with no dialog and no message box
// (defaults: the industry's goals and channels). Read as `kpi new` reads its options:
//     Industry  "ecommerce" | "retail" | "b2b" | "education" | "other"
//     Language  "vi" | "en"        Currency "VND" | "USD" | "EUR"    Periods "month" | "quarter"
//     BusinessName, StartYear (int), StartMonth (int)
//     Channels  "facebook,google,..." (parse_channel_key; "none": no channel)
//     Goals "revenue_growth=20%,romi=3" (targets as kpi::parse_number reads them)
//     Exclude   "FB-CPL,SEO-ORG" (proposed KPI IDs left out)
// An unknown value is refused (the command's error message), never silently replaced.
#include "commands.hpp"
#include "calc_date.hpp"
#include "new_workbook_command.hpp"
#include "ui_language.hpp"
#include "uno_strings.hpp"

#include <kpi/catalog.hpp>
#include <kpi/register.hpp>
#include <kpi/review_step.hpp>
#include <kpi/workbook_template.hpp>

#include <com/sun/star/awt/ActionEvent.hpp>
#include <com/sun/star/awt/DialogProvider2.hpp>
#include <com/sun/star/awt/ItemEvent.hpp>
#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XItemListener.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <cppuhelper/implbase1.hxx>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace kpi::uno_glue {
namespace {

constexpr char dialog_url[] = "vnd.sun.star.extension://org.kpimarketing.calc/dialogs/NewWorkbook.xdl";

// ---- choices, in the order of the dialog's lists and checkboxes ---------------------------------

constexpr kpi::industry industries[] = {kpi::industry::ecommerce, kpi::industry::retail_fnb,
                                        kpi::industry::b2b_services, kpi::industry::education,
                                        kpi::industry::other};
constexpr kpi::currency currencies[] = {kpi::currency::vnd, kpi::currency::usd, kpi::currency::eur};
constexpr kpi::strategic_goal goals[] = {kpi::strategic_goal::revenue_growth, kpi::strategic_goal::profit_margin,
                                         kpi::strategic_goal::market_share,
                                         kpi::strategic_goal::marketing_revenue_share, kpi::strategic_goal::romi};
constexpr kpi::channel channels[] = {kpi::channel::facebook_ads, kpi::channel::google_ads, kpi::channel::tiktok_ads,
                                     kpi::channel::zalo_oa,      kpi::channel::seo_website, kpi::channel::email,
                                     kpi::channel::offline_events};
constexpr std::size_t goal_count = std::size(goals);
constexpr std::size_t channel_choices = std::size(channels);
// ROMI is a ratio (3 = 3x); the other goals are fractions shown as percent.
constexpr bool goal_in_percent(std::size_t i) noexcept { return goals[i] != kpi::strategic_goal::romi; }

template <typename T, std::size_t N> std::size_t index_of(const T (&items)[N], T value) {
    for (std::size_t i = 0; i < N; ++i)
        if (items[i] == value) return i;
    return 0;
}

// ---- texts ----------------------------------------------------------------------------------------

using kpi::text;
const text t_title{"New KPI workbook", "Sổ KPI mới"};
const text t_heads[] = {{"Step 1 of 4: business profile", "Bước 1/4: hồ sơ doanh nghiệp"},
                        {"Step 2 of 4: strategic goals", "Bước 2/4: mục tiêu chiến lược"},
                        {"Step 3 of 4: marketing channels", "Bước 3/4: kênh marketing"},
                        {"Step 4 of 4: review the tactical KPIs", "Bước 4/4: xem lại các KPI chiến thuật"}};
const std::pair<const char*, text> t_labels[] = {
    {"lblName", {"Business name", "Tên doanh nghiệp"}},
    {"lblIndustry", {"Industry", "Ngành"}},
    {"lblCurrency", {"Currency", "Tiền tệ"}},
    {"lblLanguage", {"Workbook language", "Ngôn ngữ của sổ"}},
    {"lblPeriods", {"Periods", "Kỳ báo cáo"}},
    {"lblMonth", {"Start month", "Tháng bắt đầu"}},
    {"lblYear", {"Year", "Năm"}},
    {"lblGoalIntro", {"Tick the goals of the business and set a target for each.",
                      "Chọn các mục tiêu của doanh nghiệp và đặt chỉ tiêu cho từng mục tiêu."}},
    {"lblTargetHead", {"Target", "Chỉ tiêu"}},
    {"lblChannelIntro", {"Tick the channels the business markets through.",
                         "Chọn các kênh doanh nghiệp dùng để làm marketing."}},
    {"lblReviewIntro", {"Each proposed KPI is listed under the strategic goal it serves. Ticked KPIs go into the "
                        "register; untick the ones you do not want.",
                        "Mỗi KPI đề xuất nằm dưới mục tiêu chiến lược mà nó phục vụ. KPI được đánh dấu sẽ vào bảng "
                        "KPI; bỏ dấu những KPI bạn không cần."}},
    {"btnBack", {"< Back", "< Quay lại"}},
    {"btnNext", {"Next >", "Tiếp >"}},
    {"btnFinish", {"Finish", "Hoàn tất"}},
    {"btnCancel", {"Cancel", "Hủy"}},
    {"btnHelp", {"Help", "Trợ giúp"}},
};
const text t_industries[] = {{"E-commerce", "Thương mại điện tử"},
                             {"Retail & F&B", "Bán lẻ & F&B"},
                             {"B2B services", "Dịch vụ B2B"},
                             {"Education", "Giáo dục"},
                             {"Other", "Khác"}};
const text t_languages[] = {{"Vietnamese", "Tiếng Việt"}, {"English", "Tiếng Anh"}};
const text t_periods[] = {{"Monthly", "Theo tháng"}, {"Quarterly", "Theo quý"}};
const text t_channels[] = {{"Facebook / Meta Ads", "Quảng cáo Facebook / Meta"},
                           {"Google Ads", "Quảng cáo Google"},
                           {"TikTok Ads", "Quảng cáo TikTok"},
                           {"Zalo OA", "Zalo OA"},
                           {"SEO & website", "SEO & website"},
                           {"Email", "Email"},
                           {"Offline events", "Sự kiện offline"}};
const text t_no_goal{"Tick at least one strategic goal.", "Hãy chọn ít nhất một mục tiêu chiến lược."};
const text t_no_channel{"Tick at least one channel.", "Hãy chọn ít nhất một kênh."};
const text t_no_kpi{"Tick at least one KPI.", "Hãy đánh dấu ít nhất một KPI."};

// ---- dispatch arguments -> profile --------------------------------------------------------------

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string item;
    std::istringstream in(s);
    while (std::getline(in, item, sep)) {
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        if (!item.empty()) out.push_back(item);
    }
    return out;
}

std::optional<Any> argument(const command_context& ctx, const char* name) {
    for (const auto& a : ctx.arguments)
        if (a.Name.equalsAscii(name)) return a.Value;
    return std::nullopt;
}

std::string string_argument(const command_context& ctx, const char* name) {
    OUString value;
    if (auto a = argument(ctx, name)) *a >>= value;
    return to_utf8(value);
}

// The profile the dispatch arguments describe (unknown values: std::invalid_argument).
kpi::workbook_profile profile_from_arguments(const command_context& ctx, const std::string& ui_lang) {
    kpi::workbook_profile p;
    p.language = ui_lang.substr(0, 2) == "vi" ? "vi" : "en";
    if (auto s = string_argument(ctx, "Industry"); !s.empty()) {
        auto i = kpi::parse_industry(s);
        if (!i) throw std::invalid_argument("unknown industry '" + s + "'");
        p.sector = *i;
    }
    if (auto s = string_argument(ctx, "Language"); !s.empty()) p.language = s;
    if (auto s = string_argument(ctx, "Currency"); !s.empty()) {
        if (s == "VND" || s == "vnd") p.money = kpi::currency::vnd;
        else if (s == "USD" || s == "usd") p.money = kpi::currency::usd;
        else if (s == "EUR" || s == "eur") p.money = kpi::currency::eur;
        else throw std::invalid_argument("unknown currency '" + s + "'");
    }
    if (auto s = string_argument(ctx, "Periods"); !s.empty()) { // as `kpi new --periods`
        if (s == "month" || s == "monthly") p.periods = kpi::period_granularity::month;
        else if (s == "quarter" || s == "quarterly") p.periods = kpi::period_granularity::quarter;
        else throw std::invalid_argument("unknown periods '" + s + "' (month or quarter)");
    }
    p.business_name = string_argument(ctx, "BusinessName");
    sal_Int32 n = 0;
    if (auto a = argument(ctx, "StartYear"); a && (*a >>= n)) p.start_year = n;
    if (auto a = argument(ctx, "StartMonth"); a && (*a >>= n)) p.start_month = n;
    p.goals = kpi::default_goals(p.sector);
    p.channels = kpi::default_channels(p.sector);
    if (auto s = string_argument(ctx, "Goals"); !s.empty()) {
        p.goals.clear();
        for (const auto& item : split(s, ',')) {
            const auto eq = item.find('=');
            auto g = kpi::parse_goal(item.substr(0, eq));
            // The target as `kpi new --goals` reads it: "20%" is 0.2, "0,2" and "0.2" too.
            const auto target = eq == std::string::npos ? std::nullopt : kpi::parse_number(item.substr(eq + 1));
            if (!g || !target) throw std::invalid_argument("bad goal '" + item + "' (goal=target, e.g. romi=3)");
            p.goals.push_back({*g, *target});
        }
    }
    if (auto s = string_argument(ctx, "Channels"); !s.empty()) {
        p.channels.clear(); // "none": no channel (the wizard then shows its validation message)
        for (const auto& item : split(s == "none" ? std::string() : s, ',')) {
            auto c = kpi::parse_channel_key(item);
            if (!c) throw std::invalid_argument("unknown channel '" + item + "'");
            p.channels.push_back(*c);
        }
    }
    p.excluded_kpis = split(string_argument(ctx, "Exclude"), ',');
    return p;
}

// What is wrong with a profile the dialog collected ("" when nothing).
std::string validation_error(const kpi::workbook_profile& p, std::size_t selected_kpis, bool kpis_shown,
                             const std::string& lang) {
    if (p.goals.empty()) return std::string(t_no_goal.in(lang));
    if (p.channels.empty()) return std::string(t_no_channel.in(lang));
    if (kpis_shown && selected_kpis == 0) return std::string(t_no_kpi.in(lang));
    return {};
}

// ---- the dialog -------------------------------------------------------------------------------------

class action_listener : public cppu::WeakImplHelper1<css::awt::XActionListener> {
public:
    explicit action_listener(std::function<void()> f) : f_(std::move(f)) {}
    void SAL_CALL actionPerformed(const css::awt::ActionEvent&) override { run(); }
    void SAL_CALL disposing(const css::lang::EventObject&) override {}

private:
    void run() {
        try {
            f_();
        } catch (const std::exception&) {
        } catch (const css::uno::Exception&) {
        }
    }
    std::function<void()> f_;
};

class item_listener : public cppu::WeakImplHelper1<css::awt::XItemListener> {
public:
    explicit item_listener(std::function<void()> f) : f_(std::move(f)) {}
    void SAL_CALL itemStateChanged(const css::awt::ItemEvent&) override {
        try {
            f_();
        } catch (const std::exception&) {
        } catch (const css::uno::Exception&) {
        }
    }
    void SAL_CALL disposing(const css::lang::EventObject&) override {}

private:
    std::function<void()> f_;
};

class wizard {
public:
    wizard(const command_context& ctx, std::string lang) : ctx_(ctx), lang_(std::move(lang)) {
        auto provider = css::awt::DialogProvider2::create(ctx.uno);
        dialog_ = provider->createDialog(dialog_url);
        if (!dialog_.is()) throw std::runtime_error("cannot load the dialog " + std::string(dialog_url));
        controls_.set(dialog_, UNO_QUERY_THROW);
        dialog_model_.set(Reference<css::awt::XControl>(dialog_, UNO_QUERY_THROW)->getModel(), UNO_QUERY_THROW);
        set_texts();
        add_action("btnBack", [this] { go(step() - 1); });
        add_action("btnNext", [this] { go(step() + 1); });
        add_action("btnFinish", [this] { finish(); });
        add_action("btnHelp", [this] { open_help(ctx_.uno, "wizard"); });
        Reference<css::awt::XListBox>(control("lstIndustry"), UNO_QUERY_THROW)
            ->addItemListener(new item_listener([this] { fill_defaults(selected("lstIndustry")); }));
    }
    ~wizard() {
        try {
            Reference<css::lang::XComponent>(dialog_, UNO_QUERY_THROW)->dispose();
        } catch (...) {
        }
    }
    wizard(const wizard&) = delete;
    wizard& operator=(const wizard&) = delete;

    // Pre-fills every step from a profile.
    void fill(const kpi::workbook_profile& p) {
        set("txtName", "Text", Any(from_utf8(p.business_name)));
        select("lstIndustry", index_of(industries, p.sector));
        select("lstCurrency", index_of(currencies, p.money));
        select("lstLanguage", p.language == "vi" ? 0 : 1);
        select("lstPeriods", p.periods == kpi::period_granularity::quarter ? 1 : 0);
        const kpi::plan_month start = kpi::plan_start_month(p, today_serial()); // default: the next period
        select("lstMonth", static_cast<std::size_t>(std::clamp(start.month, 1, 12) - 1));
        set("numYear", "Value", Any(static_cast<double>(start.year)));
        fill_goals(p.goals);
        fill_channels(p.channels);
        excluded_ = p.excluded_kpis;
        go(1);
    }

    // Modal: true when the user pressed Finish on a valid profile (then profile() is it).
    bool execute() {
        dialog_->execute(); // endExecute() makes it return 0 too: finished_ tells Finish from Cancel
        return finished_;
    }
    const kpi::workbook_profile& profile() const { return result_; }

private:
    Reference<css::awt::XControl> control(const char* name) const {
        auto c = controls_->getControl(OUString::createFromAscii(name));
        if (!c.is()) throw std::runtime_error(std::string("the dialog has no control ") + name);
        return c;
    }
    Reference<css::beans::XPropertySet> model(const char* name) const {
        return Reference<css::beans::XPropertySet>(control(name)->getModel(), UNO_QUERY_THROW);
    }
    void set(const char* name, const char* property, const Any& value) const {
        model(name)->setPropertyValue(OUString::createFromAscii(property), value);
    }
    Any get(const char* name, const char* property) const {
        return model(name)->getPropertyValue(OUString::createFromAscii(property));
    }
    void set_label(const char* name, std::string_view s) const { set(name, "Label", Any(from_utf8(s))); }
    template <std::size_t N> void set_items(const char* name, const text (&items)[N]) const {
        Sequence<OUString> list(static_cast<sal_Int32>(N));
        for (std::size_t i = 0; i < N; ++i) list.getArray()[i] = from_utf8(items[i].in(lang_));
        set(name, "StringItemList", Any(list));
    }
    void select(const char* name, std::size_t index) const {
        set(name, "SelectedItems", Any(make_sequence<sal_Int16>({static_cast<sal_Int16>(index)})));
    }
    std::size_t selected(const char* name) const {
        Sequence<sal_Int16> items;
        get(name, "SelectedItems") >>= items;
        return items.getLength() > 0 ? static_cast<std::size_t>(items[0]) : 0;
    }
    bool checked(const std::string& name) const {
        sal_Int16 state = 0;
        get(name.c_str(), "State") >>= state;
        return state == 1;
    }
    void add_action(const char* name, std::function<void()> f) {
        Reference<css::awt::XButton>(control(name), UNO_QUERY_THROW)->addActionListener(new action_listener(std::move(f)));
    }
    int step() const {
        sal_Int32 s = 1;
        dialog_model_->getPropertyValue("Step") >>= s;
        return s;
    }

    void set_texts() {
        dialog_model_->setPropertyValue("Title", Any(from_utf8(t_title.in(lang_))));
        for (int p = 0; p < 4; ++p) {
            const auto head = "lblHead" + std::to_string(p + 1);
            set_label(head.c_str(), t_heads[p].in(lang_));
            set(head.c_str(), "FontWeight", Any(150.0f)); // css::awt::FontWeight::BOLD
        }
        for (const auto& [name, t] : t_labels) set_label(name, t.in(lang_));
        set_items("lstIndustry", t_industries);
        set_items("lstLanguage", t_languages);
        set_items("lstPeriods", t_periods);
        for (std::size_t i = 0; i < goal_count; ++i) {
            set_label(("chkGoal" + std::to_string(i)).c_str(), kpi::goal_name(goals[i], lang_));
            set_label(("lblGoalUnit" + std::to_string(i)).c_str(), goal_in_percent(i) ? "%" : "×");
        }
        for (std::size_t i = 0; i < channel_choices; ++i)
            set_label(("chkChannel" + std::to_string(i)).c_str(), t_channels[i].in(lang_));
        set("lblError", "TextColor", Any(sal_Int32(0xC00000)));
    }

    void fill_goals(const std::vector<kpi::goal_target>& targets) {
        for (std::size_t i = 0; i < goal_count; ++i) {
            auto it = std::find_if(targets.begin(), targets.end(), [&](const auto& t) { return t.goal == goals[i]; });
            double value = it != targets.end() ? it->target : kpi::default_target(goals[i]);
            set(("chkGoal" + std::to_string(i)).c_str(), "State", Any(sal_Int16(it != targets.end() ? 1 : 0)));
            set(("numGoal" + std::to_string(i)).c_str(), "Value", Any(goal_in_percent(i) ? value * 100 : value));
        }
    }
    void fill_channels(const std::vector<kpi::channel>& chosen) {
        for (std::size_t i = 0; i < channel_choices; ++i)
            set(("chkChannel" + std::to_string(i)).c_str(), "State",
                Any(sal_Int16(std::find(chosen.begin(), chosen.end(), channels[i]) != chosen.end() ? 1 : 0)));
    }
    void fill_defaults(std::size_t industry_index) {
        const auto sector = industries[std::min(industry_index, std::size(industries) - 1)];
        fill_goals(kpi::default_goals(sector));
        fill_channels(kpi::default_channels(sector));
    }

    // The profile the controls describe (excluded KPIs from the review list once it was shown).
    kpi::workbook_profile read_profile() const {
        kpi::workbook_profile p;
        OUString name;
        get("txtName", "Text") >>= name;
        p.business_name = to_utf8(name.trim());
        p.sector = industries[std::min(selected("lstIndustry"), std::size(industries) - 1)];
        p.money = currencies[std::min(selected("lstCurrency"), std::size(currencies) - 1)];
        p.language = selected("lstLanguage") == 0 ? "vi" : "en";
        p.periods = selected("lstPeriods") == 1 ? kpi::period_granularity::quarter : kpi::period_granularity::month;
        p.start_month = static_cast<int>(selected("lstMonth")) + 1;
        double year = 2026;
        get("numYear", "Value") >>= year;
        p.start_year = static_cast<int>(year);
        for (std::size_t i = 0; i < goal_count; ++i) {
            if (!checked("chkGoal" + std::to_string(i))) continue;
            double value = 0;
            get(("numGoal" + std::to_string(i)).c_str(), "Value") >>= value;
            p.goals.push_back({goals[i], goal_in_percent(i) ? value / 100 : value});
        }
        for (std::size_t i = 0; i < channel_choices; ++i)
            if (checked("chkChannel" + std::to_string(i))) p.channels.push_back(channels[i]);
        p.excluded_kpis = excluded_;
        return p;
    }

    // The review step's ticks -> excluded_ (only while its checkboxes are up to date).
    void read_review() {
        if (!review_filled_) return;
        Reference<css::container::XNameAccess> container(dialog_model_, UNO_QUERY_THROW);
        excluded_.clear();
        selected_kpis_ = 0;
        for (std::size_t i = 0; i < shown_.size(); ++i) {
            sal_Int16 state = 0;
            Reference<css::beans::XPropertySet>(container->getByName(from_utf8(kpi_box(i))), UNO_QUERY_THROW)
                ->getPropertyValue("State") >>= state;
            if (state == 1) ++selected_kpis_;
            else excluded_.push_back(shown_[i]);
        }
    }
    static std::string kpi_box(std::size_t i) { return "chkKpi" + std::to_string(i); }

    // Step 4 (kpi::review_layout): a heading per strategic goal and a checkbox per proposed KPI serving
    // it, in two columns. The controls are made here, as the proposal depends on steps 2 and 3.
    void fill_review(const kpi::workbook_profile& p) {
        Reference<css::container::XNameContainer> container(dialog_model_, UNO_QUERY_THROW);
        Reference<css::lang::XMultiServiceFactory> factory(dialog_model_, UNO_QUERY_THROW);
        for (const auto& name : review_controls_)
            if (container->hasByName(name)) container->removeByName(name);
        review_controls_.clear();
        shown_.clear();

        constexpr sal_Int32 top = 42, row_height = 10, column_width = 178;
        constexpr sal_Int32 column_x[kpi::review_columns] = {8, 194};
        sal_Int16 tab = 60; // after the step's intro, before the buttons (.xdl tab indices)
        int headings = 0, notes = 0;
        for (const auto& entry : kpi::review_layout(p, lang_)) {
            const bool heading = entry.what == kpi::review_entry::kind::goal_heading;
            const bool note = entry.what == kpi::review_entry::kind::note;
            Reference<css::beans::XPropertySet> m(
                factory->createInstance(heading || note ? OUString("com.sun.star.awt.UnoControlFixedTextModel")
                                                        : OUString("com.sun.star.awt.UnoControlCheckBoxModel")),
                UNO_QUERY_THROW);
            m->setPropertyValue("PositionX", Any(column_x[std::min(entry.column, kpi::review_columns - 1)]));
            m->setPropertyValue("PositionY", Any(top + static_cast<sal_Int32>(entry.row) * row_height));
            m->setPropertyValue("Width", Any(column_width));
            m->setPropertyValue("Height", Any(static_cast<sal_Int32>(entry.height) * row_height));
            m->setPropertyValue("Step", Any(sal_Int32(4)));
            m->setPropertyValue("Label", Any(from_utf8(entry.label)));
            m->setPropertyValue("TabIndex", Any(tab++));
            OUString name;
            if (heading) {
                m->setPropertyValue("FontWeight", Any(150.0f)); // css::awt::FontWeight::BOLD
                name = from_utf8("lblKpiGoal" + std::to_string(headings++));
            } else if (note) {
                // "No KPI serves this goal yet: ...", wrapped over its rows, indented like a checkbox label.
                m->setPropertyValue("MultiLine", Any(true));
                m->setPropertyValue("PositionX", Any(column_x[std::min(entry.column, kpi::review_columns - 1)] + 10));
                m->setPropertyValue("Width", Any(column_width - 10));
                name = from_utf8("lblKpiNote" + std::to_string(notes++));
            } else {
                const bool ticked = std::find(excluded_.begin(), excluded_.end(), entry.kpi_id) == excluded_.end();
                m->setPropertyValue("State", Any(sal_Int16(ticked ? 1 : 0)));
                m->setPropertyValue("HelpText", Any(from_utf8(entry.tooltip)));
                name = from_utf8(kpi_box(shown_.size()));
                shown_.push_back(entry.kpi_id);
            }
            container->insertByName(name, Any(m));
            review_controls_.push_back(name);
        }
        review_filled_ = true;
    }

    void show_error(const std::string& message) const { set("lblError", "Label", Any(from_utf8(message))); }

    void go(int target) {
        if (step() == 4) read_review();
        target = std::clamp(target, 1, 4);
        if (target > step() || target == 4) {
            // Leaving a step forward: check what it asked.
            const auto p = read_profile();
            if (target >= 3 && p.goals.empty()) return fail(t_no_goal, 2);
            if (target >= 4 && p.channels.empty()) return fail(t_no_channel, 3);
            if (target == 4) fill_review(p);
        }
        show_error("");
        dialog_model_->setPropertyValue("Step", Any(sal_Int32(target)));
        set("btnBack", "Enabled", Any(target > 1));
        set("btnNext", "Enabled", Any(target < 4));
    }
    void fail(const text& message, int at_step) {
        dialog_model_->setPropertyValue("Step", Any(sal_Int32(at_step)));
        set("btnBack", "Enabled", Any(at_step > 1));
        set("btnNext", "Enabled", Any(true));
        show_error(std::string(message.in(lang_)));
    }

    void finish() {
        if (step() == 4) read_review();
        auto p = read_profile();
        const auto error = validation_error(p, selected_kpis_, review_filled_, lang_);
        if (!error.empty()) {
            const int at = p.goals.empty() ? 2 : p.channels.empty() ? 3 : 4;
            dialog_model_->setPropertyValue("Step", Any(sal_Int32(at)));
            set("btnBack", "Enabled", Any(at > 1));
            set("btnNext", "Enabled", Any(at < 4));
            show_error(error);
            return;
        }
        result_ = std::move(p);
        finished_ = true;
        dialog_->endExecute();
    }

    command_context ctx_;
    std::string lang_;
    Reference<css::awt::XDialog> dialog_;
    Reference<css::awt::XControlContainer> controls_;
    Reference<css::beans::XPropertySet> dialog_model_;
    std::vector<std::string> excluded_; // proposed KPI IDs the user unselected
    std::vector<std::string> shown_;    // the IDs of the review step's checkboxes chkKpi0, chkKpi1, ...
    std::vector<OUString> review_controls_; // the controls fill_review() added
    std::size_t selected_kpis_ = 0;
    bool review_filled_ = false;
    bool finished_ = false;
    kpi::workbook_profile result_;
};

bool flag(const command_context& ctx, const char* name) {
    bool value = false;
    if (auto a = argument(ctx, name)) *a >>= value;
    return value;
}

} // namespace

void run_new_workbook_dialog(const command_context& ctx) {
    const std::string lang = ui_language(ctx.uno);
    if (flag(ctx, "Silent")) {
        run_new_workbook(ctx, profile_from_arguments(ctx, lang));
        return;
    }
    // The wizard starts from the dispatch arguments when there are any (a macro or a toolbar of one's own
    // may open it pre-filled), else from the defaults.
    wizard w(ctx, lang);
    w.fill(profile_from_arguments(ctx, lang));
    if (!w.execute()) return; // Cancel or closed: nothing changes
    run_new_workbook(ctx, w.profile());
}

} // namespace kpi::uno_glue
