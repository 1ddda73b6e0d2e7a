// Small helpers between UNO strings/sequences and standard types.
#pragma once

#include <com/sun/star/uno/Sequence.hxx>
#include <rtl/ustring.hxx>

#include <initializer_list>
#include <string>
#include <string_view>

namespace kpi::uno_glue {

using rtl::OString;
using rtl::OUString;

inline OUString from_utf8(std::string_view s) {
    return OUString(s.data(), static_cast<sal_Int32>(s.size()), RTL_TEXTENCODING_UTF8);
}

inline std::string to_utf8(const OUString& s) {
    const OString utf8 = OUStringToOString(s, RTL_TEXTENCODING_UTF8);
    return std::string(utf8.getStr(), static_cast<std::size_t>(utf8.getLength()));
}

// The 7.4 SDK hides Sequence(std::initializer_list) behind LIBO_INTERNAL_ONLY.
template <typename T> css::uno::Sequence<T> make_sequence(std::initializer_list<T> items) {
    css::uno::Sequence<T> seq(static_cast<sal_Int32>(items.size()));
    T* out = seq.getArray();
    for (const T& item : items) *out++ = item;
    return seq;
}

} // namespace kpi::uno_glue
