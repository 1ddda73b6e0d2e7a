// Driving LibreOffice's own windows (dialogs, message boxes) from an office test, in a real window
// under Xvfb: through the accessibility API of the office's top windows, from the test's thread while
// the office's main thread runs the modal window. Screenshots with xwd.
#pragma once

#include "office_test.hpp"

#include <com/sun/star/accessibility/AccessibleRole.hpp>
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
#include <com/sun/star/container/XHierarchicalNameAccess.hpp>
#include <com/sun/star/reflection/XConstantTypeDescription.hpp>
#include <com/sun/star/reflection/XIdlMethod.hpp>
#include <com/sun/star/reflection/theCoreReflection.hpp>
#include <com/sun/star/util/theMacroExpander.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
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

// Calls that changed between LibreOffice 7.4 and 7.5 (getAccessibleStateSet returns a sal_Int64 flag set
// instead of an XAccessibleStateSet; child counts and indexes became sal_Int64) go through core
// reflection: the call is described by the type library of the office this process runs against (the
// URE it bootstrapped), not by the headers it was compiled with, so one test binary works on both.
inline css::uno::Any call(const css::uno::Any& object, const char* interface_name, const char* method,
                          css::uno::Sequence<css::uno::Any> args = {}) {
    static const auto reflection = css::reflection::theCoreReflection::get(kpi::office::local_context());
    auto type = reflection->forName(OUString::createFromAscii(interface_name));
    if (!type.is()) throw css::uno::RuntimeException("no type " + OUString::createFromAscii(interface_name));
    auto m = type->getMethod(OUString::createFromAscii(method));
    if (!m.is()) throw css::uno::RuntimeException("no method " + OUString::createFromAscii(method));
    return m->invoke(object, args);
}
inline css::uno::Any call(const css::uno::Any& object, const char* interface_name, const char* method,
                          const css::uno::Any& argument) {
    return call(object, interface_name, method, css::uno::Sequence<css::uno::Any>(&argument, 1));
}

// A constant of the local type library, e.g. AccessibleStateType.MODAL (16 in 7.4, 1 << 15 since 7.5).
inline sal_Int64 constant(const char* name) {
    css::uno::Reference<css::container::XHierarchicalNameAccess> types(
        kpi::office::local_context()->getValueByName("/singletons/com.sun.star.reflection.theTypeDescriptionManager"),
        UNO_QUERY_THROW);
    css::uno::Reference<css::reflection::XConstantTypeDescription> c(
        types->getByHierarchicalName(OUString::createFromAscii(name)), UNO_QUERY_THROW);
    sal_Int64 value = 0;
    c->getConstantValue() >>= value;
    return value;
}

// Whether an accessible has a state (a name of css::accessibility::AccessibleStateType, e.g. "MODAL").
inline bool has_state(const Reference<XAccessibleContext>& c, const std::string& state) {
    const auto value = constant(("com.sun.star.accessibility.AccessibleStateType." + state).c_str());
    const auto set = call(css::uno::Any(c), "com.sun.star.accessibility.XAccessibleContext", "getAccessibleStateSet");
    sal_Int64 flags = 0;
    if (set >>= flags) return (flags & value) != 0; // 7.5 and later: one bit per state
    // 7.4: an XAccessibleStateSet, asked through the same reflection (the interface is gone since 7.5)
    css::uno::Reference<css::uno::XInterface> states(set, css::uno::UNO_QUERY);
    if (!states.is()) return false;
    const auto contains = call(css::uno::Any(states), "com.sun.star.accessibility.XAccessibleStateSet", "contains",
                               css::uno::Any(static_cast<sal_Int16>(value)));
    bool yes = false;
    contains >>= yes;
    return yes;
}

inline sal_Int64 child_count(const Reference<XAccessibleContext>& c) {
    sal_Int64 n = 0;
    call(css::uno::Any(c), "com.sun.star.accessibility.XAccessibleContext", "getAccessibleChildCount") >>= n;
    return n;
}

inline Reference<XAccessibleContext> child(const Reference<XAccessibleContext>& c, sal_Int64 i) {
    Reference<css::accessibility::XAccessible> a(call(css::uno::Any(c), "com.sun.star.accessibility.XAccessibleContext",
                                                      "getAccessibleChild", css::uno::Any(static_cast<sal_Int32>(i))),
                                                 css::uno::UNO_QUERY);
    return a.is() ? a->getAccessibleContext() : nullptr;
}

// The label a LibreOffice dialog shows on a stock button ("_Cancel", "_OK", "_Help", ...) in the UI
// language of `in`, as the accessibility API reports it (mnemonic marks removed): the translation in
// the office's own resources (program/resource/<lang>/LC_MESSAGES/<module>.mo, context "stock"), or
// the English label where that office has none (7.4's Vietnamese file dialog says "Cancel", 25.2's
// "Huỷ (C)"). `module`: the resource of the dialog, e.g. "fps" (file dialogs), "for" (Function Wizard).
inline std::string stock_label(const std::string& label, const std::string& module, const kpi::office::session& in) {
    auto strip = [](std::string s) {
        std::erase_if(s, [](char ch) { return ch == '_' || ch == '~'; });
        return s;
    };
    const std::string language = in.settings().ui_language;
    if (language.empty() || language.rfind("en", 0) == 0) return strip(label);
    // Where this office is installed, as the office itself says.
    const auto program = u8(css::util::theMacroExpander::get(in.context())->expandMacros("$BRAND_BASE_DIR/program"));
    const std::string base = program.rfind("file://", 0) == 0 ? program.substr(7) : program;
    std::ifstream file(base + "/resource/" + language + "/LC_MESSAGES/" + module + ".mo", std::ios::binary);
    const std::string mo((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    // A GNU .mo file: magic, revision, count, offset of the originals' table, offset of the translations'.
    auto word = [&](std::size_t at) -> std::uint32_t {
        if (at + 4 > mo.size()) return 0;
        std::uint32_t w;
        std::memcpy(&w, mo.data() + at, 4);
        return w;
    };
    if (word(0) != 0x950412deu) return strip(label); // no such file (or not a little-endian .mo)
    const std::string key = std::string("stock") + '\x04' + label;
    const std::uint32_t count = word(8), originals = word(12), translations = word(16);
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::uint32_t length = word(originals + 8 * i), offset = word(originals + 8 * i + 4);
        if (length != key.size() || offset + length > mo.size() || mo.compare(offset, length, key) != 0) continue;
        const std::uint32_t t_length = word(translations + 8 * i), t_offset = word(translations + 8 * i + 4);
        if (t_length == 0 || t_offset + t_length > mo.size()) break;
        return strip(mo.substr(t_offset, t_length));
    }
    return strip(label);
}

inline bool in_a_window() { return std::getenv("DISPLAY") != nullptr && std::getenv("KPI_TEST_GUI") != nullptr; }

// The first accessible under `c` (depth-first) that `match` accepts.
inline Reference<XAccessibleContext> find(const Reference<XAccessibleContext>& c,
                                   const std::function<bool(const Reference<XAccessibleContext>&)>& match, int depth = 0) {
    if (!c.is() || depth > 12) return nullptr;
    if (match(c)) return c;
    const auto n = child_count(c);
    for (sal_Int64 i = 0; i < n && i < 300; ++i) {
        if (auto found = find(child(c, i), match, depth + 1); found.is()) return found;
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
    return c->getAccessibleRole() == role::DIALOG && has_state(c, "MODAL");
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
        const auto n = child_count(c);
        for (sal_Int64 i = 0; i < n && i < 60; ++i) walk(child(c, i), depth + 1);
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
