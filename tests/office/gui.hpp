// Driving LibreOffice's own windows (dialogs, message boxes) from an office test, in a real window
// under Xvfb: through the accessibility API of the office's top windows, from the test's thread while
// the office's main thread runs the modal window. Screenshots with xwd.
#pragma once

#include "office_test.hpp"

#include <com/sun/star/accessibility/AccessibleRole.hpp>
#include <com/sun/star/accessibility/AccessibleStateType.hpp>
#include <com/sun/star/accessibility/XAccessibleStateSet.hpp>
#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/accessibility/XAccessibleAction.hpp>
#include <com/sun/star/accessibility/XAccessibleContext.hpp>
#include <com/sun/star/accessibility/XAccessibleEditableText.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XExtendedToolkit.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <future>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

namespace kpi::office_test::gui {

using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;


using css::accessibility::XAccessibleContext;
namespace role = css::accessibility::AccessibleRole;

inline bool in_a_window() { return std::getenv("DISPLAY") != nullptr && std::getenv("KPI_TEST_GUI") != nullptr; }

// The first accessible under `c` (depth-first) that `match` accepts.
inline Reference<XAccessibleContext> find(const Reference<XAccessibleContext>& c,
                                   const std::function<bool(const Reference<XAccessibleContext>&)>& match, int depth = 0) {
    if (!c.is() || depth > 12) return nullptr;
    if (match(c)) return c;
    const auto n = c->getAccessibleChildCount();
    for (decltype(c->getAccessibleChildCount()) i = 0; i < n && i < 300; ++i) {
        auto child = c->getAccessibleChild(i);
        if (auto found = find(child.is() ? child->getAccessibleContext() : nullptr, match, depth + 1); found.is())
            return found;
    }
    return nullptr;
}

inline std::function<bool(const Reference<XAccessibleContext>&)> button(const std::string& name) {
    return [name](const Reference<XAccessibleContext>& c) {
        return c->getAccessibleRole() == role::PUSH_BUTTON && u8(c->getAccessibleName().replaceAll("~", "")) == name;
    };
}

inline std::function<bool(const Reference<XAccessibleContext>&)> checkbox(const std::string& name) {
    return [name](const Reference<XAccessibleContext>& c) {
        return c->getAccessibleRole() == role::CHECK_BOX && u8(c->getAccessibleName().replaceAll("~", "")) == name;
    };
}

// A dialog that runs modally (its execute() has started): pressing its buttons before that could end
// it before it runs, and then it would wait forever.
inline bool is_modal_dialog(const Reference<XAccessibleContext>& c) {
    if (c->getAccessibleRole() != role::DIALOG) return false;
    auto states = c->getAccessibleStateSet();
    return states.is() && states->contains(css::accessibility::AccessibleStateType::MODAL);
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
// Waits (up to 60 s) for a top window of the office holding an accessible that `match` accepts.
// `in`: the office whose windows are searched (the test's default one unless told).
inline Reference<XAccessibleContext> wait_for(const std::function<bool(const Reference<XAccessibleContext>&)>& match,
                                              const kpi::office::session& in = office()) {
    Reference<css::awt::XExtendedToolkit> toolkit(css::awt::Toolkit::create(in.context()), UNO_QUERY_THROW);
    for (int attempt = 0; attempt < 300; ++attempt) { // up to 60 s: a loaded machine paints slowly
        try {
            for (sal_Int32 i = 0; i < toolkit->getTopWindowCount(); ++i) {
                Reference<css::accessibility::XAccessible> window(toolkit->getTopWindow(i), css::uno::UNO_QUERY);
                auto context = window.is() ? window->getAccessibleContext() : nullptr;
                // Dialogs and message boxes only: walking a document window's cells takes ages.
                if (!context.is() || context->getAccessibleRole() == role::FRAME) continue;
                if (auto found = find(context, match); found.is()) return found;
            }
        } catch (const css::uno::Exception&) {
            // A window changed or closed while we walked it (DisposedException, IndexOutOfBoundsException
            // from a list that shrank): look again.
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return nullptr;
}
#pragma GCC diagnostic pop

// Every accessible's role and name under the office's top windows, for a failure message.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
inline std::string dump_windows(const kpi::office::session& in = office()) {
    std::string out;
    std::function<void(const Reference<XAccessibleContext>&, int)> walk = [&](const Reference<XAccessibleContext>& c, int depth) {
        if (!c.is() || depth > 12) return;
        out += std::string(static_cast<std::size_t>(depth) * 2, ' ') + std::to_string(c->getAccessibleRole()) + " '" +
               u8(c->getAccessibleName()) + "'\n";
        const auto n = c->getAccessibleChildCount();
        for (decltype(c->getAccessibleChildCount()) i = 0; i < n && i < 60; ++i) {
            auto child = c->getAccessibleChild(i);
            walk(child.is() ? child->getAccessibleContext() : nullptr, depth + 1);
        }
    };
    Reference<css::awt::XExtendedToolkit> toolkit(css::awt::Toolkit::create(in.context()), UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < toolkit->getTopWindowCount(); ++i) {
        Reference<css::accessibility::XAccessible> window(toolkit->getTopWindow(i), css::uno::UNO_QUERY);
        auto context = window.is() ? window->getAccessibleContext() : nullptr;
        if (context.is() && context->getAccessibleRole() != role::FRAME) walk(context, 0);
    }
    return out;
}
#pragma GCC diagnostic pop

inline bool press(const std::string& name, const kpi::office::session& in = office()) {
    auto b = wait_for(button(name), in);
    if (!b.is()) {
        std::cerr << "no button '" << name << "' in the office's windows:\n" << dump_windows(in);
        return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    try {
        return Reference<css::accessibility::XAccessibleAction>(b, UNO_QUERY_THROW)->doAccessibleAction(0);
    } catch (const css::uno::Exception&) {
        return false; // the window closed meanwhile
    }
}

// Toggles a checkbox (its accessible action is a click).
inline bool click_checkbox(const std::string& name) {
    auto box = wait_for(checkbox(name));
    if (!box.is()) {
        std::cerr << "no checkbox '" << name << "' in the office's windows:\n" << dump_windows();
        return false;
    }
    try {
        return Reference<css::accessibility::XAccessibleAction>(box, UNO_QUERY_THROW)->doAccessibleAction(0);
    } catch (const css::uno::Exception&) {
        return false;
    }
}

// Presses a button whose action opens a modal window of its own (the action returns only when that
// window closes): on a thread of its own, joined before the test ends.
struct press_later {
    std::thread t;
    explicit press_later(const std::string& name) {
        auto b = wait_for(button(name));
        if (!b.is()) {
            std::cerr << "no button '" << name << "' in the office's windows:\n" << dump_windows();
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        t = std::thread([b] {
            try {
                Reference<css::accessibility::XAccessibleAction>(b, UNO_QUERY_THROW)->doAccessibleAction(0);
            } catch (const css::uno::Exception&) {
            }
        });
    }
    [[nodiscard]] bool pressed() const { return t.joinable(); }
    ~press_later() {
        if (t.joinable()) t.detach(); // ends with the office if its window never closed
    }
};

// Runs a command as a click on its menu item does, on a thread of its own: the command's modal windows
// block that thread while the test presses their buttons. finished() waits a bounded time for the
// command to return, so a window that never closes fails the test instead of hanging it.
class dispatch_in_background {
  public:
    dispatch_in_background(const Reference<css::frame::XFrame>& frame, const std::string& command,
                           const css::uno::Sequence<css::beans::PropertyValue>& args = {},
                           const kpi::office::session& in = office())
        : in_(in) {
        auto done = std::make_shared<std::promise<void>>();
        returned_ = done->get_future();
        auto context = in.context();
        thread_ = std::thread([frame, context, url = ou(command), args, done] {
            try {
                css::frame::DispatchHelper::create(context)->executeDispatch(
                    Reference<css::frame::XDispatchProvider>(frame, UNO_QUERY_THROW), url, "", 0, args);
            } catch (const css::uno::Exception&) {
                // the office went away (test teardown after a failure)
            }
            done->set_value();
        });
    }
    dispatch_in_background(const dispatch_in_background&) = delete;
    dispatch_in_background& operator=(const dispatch_in_background&) = delete;

    // True when the command has returned, waiting up to `limit`; otherwise the windows still open are
    // printed and the thread is left to end with the office.
    bool finished(std::chrono::seconds limit = std::chrono::seconds(90)) {
        if (!thread_.joinable()) return true;
        if (returned_.wait_for(limit) == std::future_status::ready) {
            thread_.join();
            return true;
        }
        std::cerr << "the command has not returned after " << limit.count() << " s; the office's windows:\n"
                  << dump_windows(in_);
        thread_.detach();
        return false;
    }
    ~dispatch_in_background() {
        if (thread_.joinable()) thread_.detach(); // ends with the office
    }

  private:
    const kpi::office::session& in_;
    std::future<void> returned_;
    std::thread thread_;
};

// The save dialog's name field (the editable text next to "File name:").
inline Reference<XAccessibleContext> file_name_field(const kpi::office::session& in = office()) {
    return wait_for(
        [](const Reference<XAccessibleContext>& c) {
            return c->getAccessibleRole() == role::TEXT &&
                   Reference<css::accessibility::XAccessibleEditableText>(c, css::uno::UNO_QUERY).is() &&
                   u8(c->getAccessibleName()).find("name") != std::string::npos;
        },
        in);
}

// The name the save dialog proposes.
inline std::string proposed_file_name(const kpi::office::session& in = office()) {
    auto field = file_name_field(in);
    if (!field.is()) return {};
    try {
        return u8(Reference<css::accessibility::XAccessibleEditableText>(field, UNO_QUERY_THROW)->getText());
    } catch (const css::uno::Exception&) {
        return {};
    }
}

// Types a file name into the save dialog's name field.
inline bool type_file_name(const std::string& name) {
    auto field = file_name_field();
    if (!field.is()) return false;
    try {
        return Reference<css::accessibility::XAccessibleEditableText>(field, UNO_QUERY_THROW)->setText(ou(name));
    } catch (const css::uno::Exception&) {
        return false; // the dialog closed meanwhile
    }
}

inline void screenshot(const std::filesystem::path& png) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1200)); // the office paints
    const std::string command = "xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng > '" + png.string() + "'";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    EXPECT_GT(std::filesystem::file_size(png), 10000u);
}

// <build>/tests/screenshots, for a person to look at.
inline std::filesystem::path screenshot_dir() {
    const auto dir = std::filesystem::path(KPI_TEST_WORK_DIR).parent_path() / "screenshots";
    std::filesystem::create_directories(dir);
    return dir;
}

} // namespace kpi::office_test::gui
