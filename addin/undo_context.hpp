// One undo step for everything a command does to a document (RAII around XUndoManager).
#pragma once

#include "uno_strings.hpp"

#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XModel.hpp>

#include <string>

namespace kpi::uno_glue {

class undo_context {
public:
    undo_context(const css::uno::Reference<css::frame::XModel>& model, const std::string& title) {
        css::uno::Reference<css::document::XUndoManagerSupplier> supplier(model, css::uno::UNO_QUERY);
        if (supplier.is()) manager_ = supplier->getUndoManager();
        if (manager_.is()) manager_->enterUndoContext(from_utf8(title));
    }
    ~undo_context() {
        try {
            if (manager_.is()) manager_->leaveUndoContext();
        } catch (...) {
        }
    }
    undo_context(const undo_context&) = delete;
    undo_context& operator=(const undo_context&) = delete;

private:
    css::uno::Reference<css::document::XUndoManager> manager_;
};

} // namespace kpi::uno_glue
