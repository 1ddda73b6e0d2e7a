// The protocol handler behind the "KPI Marketing" menu: org.kpimarketing.command:<Name>.
#include "commands.hpp"
#include "uno_strings.hpp"

#include <com/sun/star/frame/XDispatch.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/URL.hpp>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>

#include <mutex>

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;

namespace kpi::uno_glue {
namespace {

constexpr char protocol[] = "org.kpimarketing.command:";

class command_handler
    : public cppu::WeakImplHelper4<css::frame::XDispatchProvider, css::frame::XDispatch,
                                   css::lang::XInitialization, css::lang::XServiceInfo> {
public:
    explicit command_handler(Reference<css::uno::XComponentContext> context) : context_(std::move(context)) {}

    // XInitialization: the frame the commands act on
    void SAL_CALL initialize(const Sequence<Any>& arguments) override {
        std::lock_guard guard(mutex_);
        if (arguments.getLength() > 0) arguments[0] >>= frame_;
    }

    // XDispatchProvider
    Reference<css::frame::XDispatch> SAL_CALL queryDispatch(const css::util::URL& url, const OUString&,
                                                            sal_Int32) override {
        if (url.Protocol == protocol && find_command(to_utf8(url.Path))) return this;
        return {};
    }
    Sequence<Reference<css::frame::XDispatch>> SAL_CALL
    queryDispatches(const Sequence<css::frame::DispatchDescriptor>& requests) override {
        Sequence<Reference<css::frame::XDispatch>> out(requests.getLength());
        for (sal_Int32 i = 0; i < requests.getLength(); ++i)
            out.getArray()[i] = queryDispatch(requests[i].FeatureURL, requests[i].FrameName, requests[i].SearchFlags);
        return out;
    }

    // XDispatch
    void SAL_CALL dispatch(const css::util::URL& url, const Sequence<css::beans::PropertyValue>& arguments) override {
        if (url.Protocol != protocol) return;
        const command* cmd = find_command(to_utf8(url.Path));
        if (!cmd) return;
        Reference<css::frame::XFrame> frame;
        {
            std::lock_guard guard(mutex_);
            frame = frame_;
        }
        run_command(*cmd, command_context{context_, frame, arguments});
    }
    void SAL_CALL addStatusListener(const Reference<css::frame::XStatusListener>&, const css::util::URL&) override {}
    void SAL_CALL removeStatusListener(const Reference<css::frame::XStatusListener>&,
                                       const css::util::URL&) override {}

    // XServiceInfo
    OUString SAL_CALL getImplementationName() override { return "org.kpimarketing.CommandHandler.impl"; }
    sal_Bool SAL_CALL supportsService(const OUString& name) override { return cppu::supportsService(this, name); }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override {
        return make_sequence<OUString>({"com.sun.star.frame.ProtocolHandler"});
    }

private:
    Reference<css::uno::XComponentContext> context_;
    std::mutex mutex_;
    Reference<css::frame::XFrame> frame_;
};

} // namespace
} // namespace kpi::uno_glue

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_kpimarketing_CommandHandler_get_implementation(css::uno::XComponentContext* context, const Sequence<Any>&) {
    auto* instance = new kpi::uno_glue::command_handler(context);
    instance->acquire();
    return static_cast<cppu::OWeakObject*>(instance);
}
