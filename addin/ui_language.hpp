// The office's UI language ("vi", "en-US", ...), for texts our commands write or show.
#pragma once

#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>

namespace kpi::uno_glue {

std::string ui_language(const css::uno::Reference<css::uno::XComponentContext>& context);

} // namespace kpi::uno_glue
