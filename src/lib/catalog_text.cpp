#include "kpi/catalog_text.hpp"

#include <algorithm>
#include <sstream>

namespace kpi {

std::string_view param_kind_text(const param_info& p, std::string_view language) noexcept {
    const auto pick = [&](text t) { return t.in(language); };
    switch (p.kind) {
    case param_kind::number:
        return pick({"number", "số"});
    case param_kind::optional_number:
        return pick({"optional number", "số, tùy chọn"});
    case param_kind::optional_flag:
        return pick({"optional TRUE/FALSE", "TRUE/FALSE, tùy chọn"});
    case param_kind::optional_date:
        return pick({"optional date", "ngày, tùy chọn"});
    case param_kind::range:
        return pick({"range or value", "vùng ô hoặc giá trị"});
    case param_kind::name:
        return pick({"text", "văn bản"});
    case param_kind::optional_range:
        return pick({"optional range or value", "vùng ô hoặc giá trị, tùy chọn"});
    case param_kind::key:
        return pick({"text or number", "văn bản hoặc số"});
    case param_kind::table:
        return pick({"range with a header row", "vùng ô có dòng tiêu đề"});
    }
    return "";
}

std::string param_default_text(const param_info& p, std::string_view language) {
    if (p.kind == param_kind::optional_date)
        return std::string(text{"today", "hôm nay"}.in(language));
    if (p.kind == param_kind::optional_flag)
        return p.default_value != 0 ? "TRUE" : "FALSE";
    if (p.kind == param_kind::optional_range)
        return std::string(text{"none", "không có"}.in(language));
    if (p.kind != param_kind::optional_number)
        return "";
    if (p.default_value != p.default_value)
        return std::string(text{"none", "không có"}.in(language));
    std::ostringstream s;
    s << p.default_value;
    std::string out = s.str();
    if (language.substr(0, 2) == "vi")
        std::replace(out.begin(), out.end(), '.', ',');
    return out;
}

text domain_text(domain d) noexcept {
    switch (d) {
    case domain::real:
        return {"any number", "bất kỳ số nào"};
    case domain::nonzero:
        return {"any number; 0 gives #DIV/0!", "bất kỳ số nào; 0 cho #DIV/0!"};
    case domain::amount:
        return {">= 0; negative gives #NUM!", ">= 0; số âm cho #NUM!"};
    case domain::divisor:
        return {"> 0; 0 gives #DIV/0!, negative #NUM!", "> 0; 0 cho #DIV/0!, số âm cho #NUM!"};
    case domain::fraction:
        return {"0..1; outside gives #NUM!", "0..1; ngoài khoảng này cho #NUM!"};
    case domain::positive:
        return {"> 0 (at least 1 for n and positions); 0 or negative gives #NUM!",
                "> 0 (ít nhất 1 với n và vị trí); 0 hoặc số âm cho #NUM!"};
    case domain::score:
        return {"whole scores on the scale; negative gives #NUM!",
                "điểm nguyên trong thang điểm; số âm cho #NUM!"};
    case domain::flag:
        return {"TRUE/FALSE (a non-zero number is TRUE)", "TRUE/FALSE (một số khác 0 là TRUE)"};
    case domain::date:
        return {"a date", "một ngày"};
    case domain::periods:
        return {"a whole number >= 0; negative or not whole gives #VALUE!",
                "số nguyên >= 0; số âm hoặc không nguyên cho #VALUE!"};
    case domain::other:
        return {"see the description", "xem phần mô tả"};
    }
    return {"", ""};
}

std::string error_cases(const function_info& f, std::string_view language) {
    const auto t = [&](text x) { return std::string(x.in(language)); };
    if (std::any_of(f.params.begin(), f.params.end(),
                    [](const auto& p) { return p.kind == param_kind::table; }))
        return t({"#VALUE! when the range has no register header (columns ID, Level and Parent, in English "
                  "or "
                  "Vietnamese).",
                  "#VALUE! khi vùng ô không có dòng tiêu đề của bảng KPI (các cột ID, Cấp độ và KPI cha, "
                  "tiếng Anh "
                  "hoặc tiếng Việt)."}) +
               (f.params.size() > 1
                    ? t({" #N/A when the ID is empty or not in the register. An error value as the ID "
                         "passes through.",
                         " #N/A khi mã trống hoặc không có trong bảng. Một giá trị lỗi làm mã được "
                         "trả lại nguyên như vậy."})
                    : "");
    const auto add = [](std::string& list, const std::string& item) {
        list += (list.empty() ? "" : ", ") + item;
    };
    std::string div0, num, value;
    for (const auto& p : f.params) {
        const std::string name(p.display.in(language));
        switch (p.accepts) {
        case domain::divisor:
            add(div0, name + " = 0");
            [[fallthrough]];
        case domain::amount:
            add(num, name + " < 0");
            break;
        case domain::score:
            add(num, name + t({" off the scale or not whole", " ngoài thang điểm hoặc không nguyên"}));
            break;
        case domain::nonzero:
            add(div0, name + " = 0");
            break;
        case domain::fraction:
            add(num, name + t({" outside 0..1", " ngoài 0..1"}));
            break;
        case domain::positive:
            add(num, name + " <= 0");
            break;
        case domain::periods:
            add(value, name + t({" < 0 or not whole", " < 0 hoặc không nguyên"}));
            break;
        default:
            break;
        }
    }
    std::string out;
    if (!div0.empty())
        out += t({"#DIV/0! when ", "#DIV/0! khi "}) + div0 + ". ";
    if (!num.empty())
        out += t({"#NUM! when ", "#NUM! khi "}) + num +
               t({" or the result overflows. ", " hoặc kết quả bị tràn. "});
    for (const auto& p : f.params)
        if (p.kind == param_kind::range) {
            out += t({"#N/A when ", "#N/A khi "}) + std::string(p.display.in(language)) +
                   t({" has no number. ", " không có số nào. "});
            break;
        }
    out += "#VALUE! " +
           (value.empty() ? std::string() : t({"when ", "khi "}) + value + t({", and ", ", và "})) +
           t({"for text; an error in an argument passes through.",
              "với văn bản; lỗi trong một đối số được trả lại nguyên như vậy."});
    return out;
}

} // namespace kpi
