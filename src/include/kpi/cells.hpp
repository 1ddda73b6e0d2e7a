// A list of spreadsheet cells as the range functions see it: a number, or blank (std::nullopt).
#pragma once

#include <optional>
#include <span>

namespace kpi {

using cell = std::optional<double>;
using cell_list = std::span<const cell>;

} // namespace kpi
