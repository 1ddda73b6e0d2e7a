#include "kpi/link_audit.hpp"

#include <functional>
#include <stdexcept>

namespace kpi {
namespace {

// Open-addressing hash index from ID key to the first row using it: one allocation, no nodes.
class id_index {
public:
    explicit id_index(const kpi_register& reg) : reg_(reg) {
        std::size_t cap = 16;
        while (cap < reg.size() * 2) cap <<= 1;
        slots_.assign(cap, no_row);
        mask_ = cap - 1;
    }

    // Inserts row i; returns the first row with the same key (i itself when it is new).
    std::uint32_t insert(std::uint32_t i) {
        const std::string_view key = reg_[i].id_key;
        for (std::size_t s = std::hash<std::string_view>{}(key) & mask_;; s = (s + 1) & mask_) {
            if (slots_[s] == no_row) {
                slots_[s] = i;
                return i;
            }
            if (reg_[slots_[s]].id_key == key) return slots_[s];
        }
    }

    [[nodiscard]] std::uint32_t find(std::string_view key) const {
        for (std::size_t s = std::hash<std::string_view>{}(key) & mask_;; s = (s + 1) & mask_) {
            if (slots_[s] == no_row) return no_row;
            if (reg_[slots_[s]].id_key == key) return slots_[s];
        }
    }

private:
    const kpi_register& reg_;
    std::vector<std::uint32_t> slots_;
    std::size_t mask_ = 0;
};

enum class parent_link : std::uint8_t { none, found, missing, ambiguous };

} // namespace

text link_status_words(link_code c) noexcept {
    switch (c) {
    case link_code::ok: return {"Linked", "Đã liên kết"};
    case link_code::duplicate: return {"Duplicate ID", "Mã bị trùng"};
    case link_code::nolevel: return {"Level missing", "Thiếu cấp độ"};
    case link_code::broken: return {"Parent not found", "Không tìm thấy KPI cha"};
    case link_code::cycle: return {"Loop of parents", "Vòng lặp KPI cha"};
    case link_code::inverted: return {"Strategic under tactical", "Chiến lược nằm dưới chiến thuật"};
    case link_code::unlinked: return {"No parent", "Chưa có KPI cha"};
    case link_code::noroot: return {"Does not reach a goal", "Không tới mục tiêu chiến lược"};
    }
    return {"", ""};
}

std::string_view to_string(link_code c) noexcept {
    switch (c) {
    case link_code::ok: return "OK";
    case link_code::duplicate: return "DUPLICATE";
    case link_code::nolevel: return "NOLEVEL";
    case link_code::broken: return "BROKEN";
    case link_code::cycle: return "CYCLE";
    case link_code::inverted: return "INVERTED";
    case link_code::unlinked: return "UNLINKED";
    case link_code::noroot: return "NOROOT";
    }
    return "";
}

std::optional<link_code> link_code_from_string(std::string_view s) noexcept {
    for (const link_code c : {link_code::ok, link_code::duplicate, link_code::nolevel,
                              link_code::broken, link_code::cycle, link_code::inverted,
                              link_code::unlinked, link_code::noroot})
        if (to_string(c) == s) return c;
    return std::nullopt;
}

std::vector<link_result> audit_links(const kpi_register& reg) {
    const std::size_t n = reg.size();
    if (n >= no_row) throw std::length_error("kpi::audit_links: too many rows");
    std::vector<link_result> out(n);

    // 1. IDs: duplicates, and each row's parent link.
    id_index index(reg);
    std::vector<std::uint8_t> duplicate(n, 0);
    for (std::uint32_t i = 0; i < n; ++i) {
        const std::uint32_t first = index.insert(i);
        if (first != i) duplicate[first] = duplicate[i] = 1;
    }
    std::vector<parent_link> link(n, parent_link::none);
    std::vector<std::uint32_t> succ(n, no_row); // the parent row, when the link is `found`
    for (std::uint32_t i = 0; i < n; ++i) {
        const kpi_row& r = reg[i];
        if (r.parent_key.empty()) continue;
        const std::uint32_t p = index.find(r.parent_key);
        if (p == no_row) {
            link[i] = parent_link::missing;
        } else if (duplicate[p]) {
            link[i] = parent_link::ambiguous;
            out[i].ambiguous_parent = true;
        } else {
            link[i] = parent_link::found;
            succ[i] = p;
            out[i].parent = p;
        }
    }

    // 2. Loops: walk parent pointers from every unvisited row, colouring the path; reaching a row
    // of the current path closes a loop. Each row is pushed once: O(n).
    std::vector<std::uint8_t> colour(n, 0); // 0 unvisited, 1 on the current path, 2 done
    std::vector<std::uint8_t> on_cycle(n, 0);
    std::vector<std::uint32_t> path;
    for (std::uint32_t start = 0; start < n; ++start) {
        if (colour[start] != 0) continue;
        path.clear();
        std::uint32_t j = start;
        while (j != no_row && colour[j] == 0) {
            colour[j] = 1;
            path.push_back(j);
            j = succ[j];
        }
        if (j != no_row && colour[j] == 1) { // the loop is the path from j to its end
            for (auto it = path.rbegin(); it != path.rend(); ++it) {
                on_cycle[*it] = 1;
                if (*it == j) break;
            }
        }
        for (const std::uint32_t k : path) colour[k] = 2;
    }

    // 3. Roots: does a tactical row's chain reach a strategic row? Memoised walk, O(n).
    // reach[i]: no_row - 1 = unknown, no_row = reaches a strategic KPI, else the blocking row.
    constexpr std::uint32_t unknown = no_row - 1;
    constexpr std::uint32_t root = no_row;
    std::vector<std::uint32_t> reach(n, unknown);
    std::fill(colour.begin(), colour.end(), std::uint8_t{0});
    for (std::uint32_t start = 0; start < n; ++start) {
        if (reach[start] != unknown) continue;
        path.clear();
        std::uint32_t j = start;
        std::uint32_t result = unknown;
        while (true) {
            if (reach[j] != unknown) {
                result = reach[j];
                break;
            }
            const kpi_level lv = reg[j].level;
            if (lv == kpi_level::strategic && j != start) {
                result = root;
                break;
            }
            if (lv != kpi_level::strategic && lv != kpi_level::tactical) {
                result = j; // no level: the chain cannot be judged beyond here
                break;
            }
            if (colour[j] == 1) { // back on the current path: a loop, entered at j
                result = j;
                break;
            }
            colour[j] = 1;
            path.push_back(j);
            if (lv == kpi_level::strategic) { // start itself is strategic: it is a root
                result = root;
                break;
            }
            if (succ[j] == no_row) {
                result = j; // no parent, a broken or an ambiguous parent
                break;
            }
            j = succ[j];
        }
        for (const std::uint32_t k : path) {
            reach[k] = result;
            colour[k] = 2;
        }
        if (reach[start] == unknown) reach[start] = result; // start was the level-less row
    }

    // 4. Codes, by precedence.
    for (std::uint32_t i = 0; i < n; ++i) {
        const kpi_row& r = reg[i];
        link_result& res = out[i];
        const bool strategic = r.level == kpi_level::strategic;
        const bool tactical = r.level == kpi_level::tactical;
        if (duplicate[i])
            res.code = link_code::duplicate;
        else if (!strategic && !tactical)
            res.code = link_code::nolevel;
        else if (link[i] == parent_link::missing)
            res.code = link_code::broken;
        else if (on_cycle[i])
            res.code = link_code::cycle;
        else if (strategic)
            res.code = link[i] == parent_link::found && reg[succ[i]].level == kpi_level::tactical
                           ? link_code::inverted
                           : link_code::ok;
        else if (link[i] == parent_link::none)
            res.code = link_code::unlinked;
        else if (reach[i] == root)
            res.code = link_code::ok;
        else {
            res.code = link_code::noroot;
            res.blocker = reach[i];
        }
    }
    return out;
}

} // namespace kpi
