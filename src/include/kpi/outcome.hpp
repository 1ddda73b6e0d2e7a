// A value or the typed reason there is none (std::expected is C++23).
#pragma once

#include <utility>
#include <variant>

namespace kpi {

template <class T, class E>
class outcome {
public:
    outcome(T value) : v_(std::in_place_index<0>, std::move(value)) {}
    outcome(E error) : v_(std::in_place_index<1>, std::move(error)) {}

    [[nodiscard]] bool ok() const noexcept { return v_.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }

    // Precondition: ok().
    [[nodiscard]] T& value() & { return std::get<0>(v_); }
    [[nodiscard]] const T& value() const& { return std::get<0>(v_); }
    [[nodiscard]] T&& value() && { return std::get<0>(std::move(v_)); }
    // Precondition: !ok().
    [[nodiscard]] const E& error() const& { return std::get<1>(v_); }

private:
    std::variant<T, E> v_;
};

} // namespace kpi
