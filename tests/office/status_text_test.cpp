// KPI.STATUSTEXT speaks the UI language that Calc hands the add-in through XAddIn::setLocale.
// (Calc calls setLocale with its UI language tag when it loads the add-in. In this headless test
// office Calc's UI tag stays "en" even with a Vietnamese profile, so the contract is driven directly.)
#include "office_test.hpp"

#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/lang/XSingleServiceFactory.hpp>
#include <com/sun/star/script/XInvocation.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>

#include <gtest/gtest.h>

#include <cmath>

using namespace kpi::office_test;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

TEST(StatusText, WordsFollowTheLocaleCalcSets) {
  try {
    auto ctx = office().context();
    auto instance = ctx->getServiceManager()->createInstanceWithContext("org.kpimarketing.KpiFunctions", ctx);
    Reference<css::sheet::XAddIn> addin(instance, UNO_QUERY_THROW);
    // Called through the office's Invocation service: this process does not know our IDL types.
    css::uno::Sequence<Any> target(1);
    target.getArray()[0] <<= instance;
    Reference<css::lang::XSingleServiceFactory> invocation_factory(
        ctx->getServiceManager()->createInstanceWithContext("com.sun.star.script.Invocation", ctx), UNO_QUERY_THROW);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations" // the Invocation service's only entry
    Reference<css::script::XInvocation> functions(invocation_factory->createInstanceWithArguments(target),
                                                  UNO_QUERY_THROW);
#pragma GCC diagnostic pop
    auto status_text = [&](double actual, double target_value, const Any& lower) {
        css::uno::Sequence<Any> args(4);
        args.getArray()[0] <<= actual;
        args.getArray()[1] <<= target_value;
        args.getArray()[2] = lower;
        css::uno::Sequence<sal_Int16> out_index;
        css::uno::Sequence<Any> out;
        return functions->invoke("STATUSTEXT", args, out_index, out);
    };
    auto words = [&](double actual, double target_value, const Any& lower = Any()) {
        OUString s;
        status_text(actual, target_value, lower) >>= s;
        return u8(s);
    };
    addin->setLocale(css::lang::Locale("vi", "VN", ""));
    EXPECT_EQ(words(100, 100), "Đạt");
    EXPECT_EQ(words(95, 100), "Có rủi ro");
    EXPECT_EQ(words(50, 100), "Không đạt");
    EXPECT_EQ(words(105, 100, Any(true)), "Có rủi ro");
    addin->setLocale(css::lang::Locale("en", "US", ""));
    EXPECT_EQ(words(100, 100), "On track");
    EXPECT_EQ(words(50, 100), "Off track");
    // an error stays an error value, whatever the language
    double error = 0;
    EXPECT_TRUE(status_text(50, 0, Any()) >>= error);
    EXPECT_TRUE(std::isnan(error));
  } catch (const css::uno::Exception& e) {
    FAIL() << u8(e.Message);
  }
}

TEST(StatusText, CalcShowsTheWordsInCells) {
    EXPECT_EQ(evaluate("=KPI.STATUSTEXT(95;100)").text, "At risk");
    EXPECT_EQ(evaluate("=KPI.STATUSTEXT(120;100;TRUE())").text, "Off track"); // lower is better: 100/120
}
