#include "kpi/consistency.hpp"

#include "kpi/text_fold.hpp"

namespace kpi {
namespace {

using sv = std::string_view;

constexpr sv bounce_words[] = {"bounce", "bounce rate", "ty le thoat", "ti le thoat"};
constexpr sv bounce_ga4[] = {"ga4", "google analytics 4", "engaged sessions", "phien tuong tac"};
constexpr sv bounce_ua[] = {"ua", "universal analytics", "single page sessions",
                            "phien mot trang"};
constexpr metric_variant bounce_variants[] = {
    {"ga4", {"GA4 (1 - engaged sessions / sessions)", "GA4 (1 - phiên tương tác / phiên)"}, bounce_ga4},
    {"ua", {"Universal Analytics (single-page sessions)", "Universal Analytics (phiên một trang)"},
     bounce_ua},
};

constexpr sv churn_words[] = {"churn", "churn rate", "ty le roi bo", "ti le roi bo", "roi bo",
                              "kpi churn"};
constexpr sv churn_lost[] = {"kpi churn", "lost customers", "khach hang roi bo",
                             "khach hang mat"};
constexpr sv churn_retention[] = {"retention", "kpi retention", "giu chan", "ty le giu chan",
                                  "ti le giu chan"};
constexpr metric_variant churn_variants[] = {
    {"lost_customers",
     {"customers lost / customers at start (KPI.CHURN)",
      "khách hàng rời bỏ / khách hàng đầu kỳ (KPI.CHURN)"},
     churn_lost},
    {"one_minus_retention", {"1 - retention rate", "1 - tỷ lệ giữ chân"}, churn_retention},
};

constexpr sv conversion_words[] = {"conversion rate", "conv rate", "convrate", "kpi convrate",
                                   "ty le chuyen doi", "ti le chuyen doi", "cvr"};
constexpr sv conversion_sessions[] = {"session", "sessions", "phien", "visits", "luot truy cap"};
constexpr sv conversion_users[] = {"user", "users", "nguoi dung", "visitors", "khach truy cap"};
constexpr metric_variant conversion_variants[] = {
    {"per_session", {"per session", "theo phiên"}, conversion_sessions},
    {"per_user", {"per user", "theo người dùng"}, conversion_users},
};

constexpr metric_family families[] = {
    {"bounce_rate", {"Bounce rate", "Tỷ lệ thoát"}, bounce_words, bounce_variants},
    {"churn_rate", {"Churn rate", "Tỷ lệ rời bỏ"}, churn_words, churn_variants},
    {"conversion_rate", {"Conversion rate", "Tỷ lệ chuyển đổi"}, conversion_words,
     conversion_variants},
};

// Whole-word phrase search in a " "-padded fold_key string.
bool mentions(sv padded, std::span<const sv> words) {
    for (const sv w : words) {
        for (std::size_t p = padded.find(w); p != sv::npos; p = padded.find(w, p + 1))
            if (padded[p - 1] == ' ' && p + w.size() < padded.size() && padded[p + w.size()] == ' ')
                return true;
    }
    return false;
}

} // namespace

std::span<const metric_family> metric_families() noexcept { return families; }

std::vector<consistency_warning> check_consistency(const kpi_register& reg) {
    // uses[f][v] = rows
    std::vector<std::vector<std::vector<std::uint32_t>>> uses(std::size(families));
    for (std::size_t f = 0; f < std::size(families); ++f) uses[f].resize(families[f].variants.size());
    std::string joined;
    std::string padded;
    for (std::uint32_t i = 0; i < reg.size(); ++i) {
        const sv name = reg.text(i, column::name);
        const sv source = reg.text(i, column::source);
        if (name.empty() && source.empty()) continue;
        joined.assign(name);
        joined += ' ';
        joined.append(source);
        fold_into(joined, padded, true);
        padded.insert(padded.begin(), ' ');
        padded += ' ';
        for (std::size_t f = 0; f < std::size(families); ++f) {
            if (!mentions(padded, families[f].words)) continue;
            for (std::size_t v = 0; v < families[f].variants.size(); ++v)
                if (mentions(padded, families[f].variants[v].words)) uses[f][v].push_back(i);
        }
    }
    std::vector<consistency_warning> out;
    for (std::size_t f = 0; f < std::size(families); ++f) {
        consistency_warning w{&families[f], {}};
        for (std::size_t v = 0; v < uses[f].size(); ++v)
            if (!uses[f][v].empty())
                w.variants.push_back({&families[f].variants[v], std::move(uses[f][v])});
        if (w.variants.size() >= 2) out.push_back(std::move(w));
    }
    return out;
}

std::string describe(const consistency_warning& w, const kpi_register& reg, sv language) {
    const bool vi = language.substr(0, 2) == "vi";
    std::string out(w.family->title.in(language));
    out += vi ? " được định nghĩa theo " : " is defined in ";
    out += std::to_string(w.variants.size());
    out += vi ? " cách: " : " ways: ";
    for (std::size_t v = 0; v < w.variants.size(); ++v) {
        if (v > 0) out += "; ";
        out += w.variants[v].variant->title.in(language);
        out += " [";
        const auto& rows = w.variants[v].rows;
        for (std::size_t k = 0; k < rows.size() && k < 5; ++k) {
            if (k > 0) out += ", ";
            out += reg[rows[k]].id;
        }
        if (rows.size() > 5) out += ", …";
        out += ']';
    }
    out += '.';
    return out;
}

} // namespace kpi
