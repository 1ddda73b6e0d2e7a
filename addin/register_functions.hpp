// KPI.LINKSTATUS, KPI.SMART, KPI.SMARTISSUES, KPI.AUDIT: the register range as the core's grid,
// one audit, the answer for one KPI (or all). Errors (docs/register.md): a range without the
// register's required columns -> #VALUE!; an ID not in the register -> #N/A; an error value in the
// ID -> that error.
#pragma once

#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Sequence.hxx>

#include <string_view>

namespace kpi::uno_glue {

using register_range = css::uno::Sequence<css::uno::Sequence<css::uno::Any>>;

css::uno::Any link_status(const css::uno::Any& id, const register_range& reg);
double smart_score(const css::uno::Any& id, const register_range& reg);
css::uno::Any smart_issues(const css::uno::Any& id, const register_range& reg, std::string_view language);
register_range audit_array(const register_range& reg, std::string_view language);

} // namespace kpi::uno_glue
