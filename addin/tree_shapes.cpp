#include "tree_shapes.hpp"

#include "uno_strings.hpp"

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/Point.hpp>
#include <com/sun/star/awt/Size.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/drawing/ConnectorType.hpp>
#include <com/sun/star/drawing/LineStyle.hpp>
#include <com/sun/star/drawing/TextHorizontalAdjust.hpp>
#include <com/sun/star/drawing/TextVerticalAdjust.hpp>
#include <com/sun/star/drawing/XShape.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextCursor.hpp>

#include <algorithm>
#include <vector>

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace kpi::uno_glue {
namespace {

// The font the layout measures text for (kpi::text_width_mm): DejaVu Sans, generously.
constexpr char font[] = "DejaVu Sans";

sal_Int32 hmm(double mm) {
    return static_cast<sal_Int32>(mm * 100 + 0.5);
}

class painter {
  public:
    painter(const Reference<css::sheet::XSpreadsheetDocument>& doc, Reference<css::drawing::XDrawPage> page)
        : factory_(doc, UNO_QUERY_THROW), page_(std::move(page)) {}

    Reference<css::drawing::XShape> shape(const char* service, const std::string& name, double x, double y,
                                          double w, double h) {
        Reference<css::drawing::XShape> s(factory_->createInstance(OUString::createFromAscii(service)),
                                          UNO_QUERY_THROW);
        page_->add(s);
        s->setPosition(css::awt::Point(hmm(x), hmm(y)));
        s->setSize(css::awt::Size(hmm(w), hmm(h)));
        Reference<css::container::XNamed>(s, UNO_QUERY_THROW)->setName(from_utf8(name));
        return s;
    }

  private:
    Reference<css::lang::XMultiServiceFactory> factory_;
    Reference<css::drawing::XDrawPage> page_;
};

void set(const Reference<css::beans::XPropertySet>& p, const char* name, Any value) {
    p->setPropertyValue(OUString::createFromAscii(name), value);
}

} // namespace

void draw_tree_page(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                    const Reference<css::drawing::XDrawPage>& draw_page, const kpi::tree_layout& layout,
                    std::size_t page, double dy, tree_shape_numbers& numbers,
                    const std::function<std::string(const kpi::tree_box&)>& link) {
    painter paint(doc, draw_page);
    const auto& o = layout.options;
    const std::string lang = o.language;
    const bool vi = lang.substr(0, 2) == "vi";
    std::size_t& label_no = numbers.label;
    std::size_t& box_no = numbers.box;
    std::size_t& edge_no = numbers.edge;
    {
        const auto& pg = layout.pages.at(page);
        for (const auto& l : pg.labels) {
            auto s = paint.shape("com.sun.star.drawing.TextShape",
                                 tree_shape_prefix + std::string("label:") + std::to_string(label_no++), l.x,
                                 dy + l.y - l.pt * 25.4 / 72.0, 100, l.pt * 0.5);
            Reference<css::beans::XPropertySet> props(s, UNO_QUERY_THROW);
            // Anchored at its left: the text grows to the right from the layout's position.
            set(props, "TextHorizontalAdjust", Any(css::drawing::TextHorizontalAdjust_LEFT));
            set(props, "TextVerticalAdjust", Any(css::drawing::TextVerticalAdjust_TOP));
            set(props, "TextLeftDistance", Any(sal_Int32(0)));
            set(props, "TextAutoGrowWidth", Any(true));
            set(props, "TextAutoGrowHeight", Any(true));
            Reference<css::text::XText>(s, UNO_QUERY_THROW)->setString(from_utf8(l.text));
            set(props, "CharHeight", Any(static_cast<float>(l.pt)));
            set(props, "CharFontName", Any(OUString(font)));
            const bool bold = l.kind == kpi::tree_label_kind::title ||
                              l.kind == kpi::tree_label_kind::lane_title ||
                              l.kind == kpi::tree_label_kind::lane_section;
            if (bold)
                set(props, "CharWeight", Any(css::awt::FontWeight::BOLD));
            const bool lane =
                l.kind == kpi::tree_label_kind::lane_title || l.kind == kpi::tree_label_kind::lane_section;
            set(props, "CharColor",
                Any(sal_Int32(lane                                      ? 0xC00000
                              : l.kind == kpi::tree_label_kind::message ? 0x9C5700
                                                                        : 0x333333)));
        }
        std::vector<Reference<css::drawing::XShape>> boxes;
        boxes.reserve(pg.boxes.size());
        for (const auto& b : pg.boxes) {
            auto s = paint.shape("com.sun.star.drawing.RectangleShape",
                                 tree_shape_prefix + std::string("box:") + std::to_string(box_no++), b.x,
                                 dy + b.y, b.w, b.h);
            boxes.push_back(s);
            const auto colours = kpi::colours_of(b.status);
            const bool lane = b.kind == kpi::tree_box_kind::lane_kpi;
            const bool goal =
                b.kind == kpi::tree_box_kind::goal || b.kind == kpi::tree_box_kind::continuation;
            Reference<css::beans::XPropertySet> props(s, UNO_QUERY_THROW);
            set(props, "FillColor", Any(sal_Int32(colours.fill)));
            set(props, "LineColor", Any(sal_Int32(lane ? 0xC00000 : b.no_tactical ? 0xE46C0A : 0x555555)));
            set(props, "LineWidth", Any(sal_Int32(goal ? 70 : 35)));
            if (lane || b.no_tactical)
                set(props, "LineStyle", Any(css::drawing::LineStyle_DASH));
            set(props, "CornerRadius", Any(sal_Int32(150)));
            set(props, "TextVerticalAdjust", Any(css::drawing::TextVerticalAdjust_TOP));
            set(props, "TextHorizontalAdjust", Any(css::drawing::TextHorizontalAdjust_LEFT));
            set(props, "TextLeftDistance", Any(sal_Int32(200)));
            set(props, "TextRightDistance", Any(sal_Int32(100)));
            set(props, "TextUpperDistance", Any(sal_Int32(120)));
            set(props, "TextLowerDistance", Any(sal_Int32(50)));
            set(props, "TextAutoGrowHeight", Any(false));
            set(props, "TextWordWrap", Any(false));
            std::string id_line = b.id;
            if (b.kind == kpi::tree_box_kind::continuation)
                id_line += vi ? " (tiếp)" : " (continued)";
            std::string text = id_line;
            for (const auto& l : b.label)
                text += "\n" + l;
            text += "\n" + b.detail;
            Reference<css::text::XText> xtext(s, UNO_QUERY_THROW);
            xtext->setString(from_utf8(text));
            set(props, "CharHeight", Any(static_cast<float>(o.font_pt)));
            set(props, "CharFontName", Any(OUString(font)));
            set(props, "CharColor", Any(sal_Int32(0x222222)));
            auto cursor = xtext->createTextCursor();
            cursor->gotoStart(false);
            cursor->goRight(
                static_cast<sal_Int16>(std::min<sal_Int32>(from_utf8(id_line).getLength(), 0x7FFF)), true);
            Reference<css::beans::XPropertySet> first(cursor, UNO_QUERY_THROW);
            set(first, "CharWeight", Any(css::awt::FontWeight::BOLD));
            set(first, "CharHeight", Any(static_cast<float>(o.font_pt + 1)));
            set(first, "CharColor", Any(sal_Int32(colours.text)));
            const std::string tooltip =
                b.id + (b.full_name.empty() ? "" : " — " + b.full_name) + " (" +
                std::string(kpi::status_title(b.status).in(lang)) +
                (b.link != kpi::link_code::ok ? ", " + std::string(kpi::to_string(b.link)) : "") + ")";
            set(props, "Title", Any(from_utf8(b.id)));
            set(props, "Description", Any(from_utf8(tooltip)));
            if (link)
                if (const auto target = link(b); !target.empty())
                    set(props, "Hyperlink", Any(from_utf8(target)));
        }
        for (const auto& e : pg.edges) {
            auto s =
                paint.shape("com.sun.star.drawing.ConnectorShape",
                            tree_shape_prefix + std::string("edge:") + std::to_string(edge_no++), 0, 0, 1, 1);
            Reference<css::beans::XPropertySet> props(s, UNO_QUERY_THROW);
            set(props, "EdgeKind", Any(css::drawing::ConnectorType_STANDARD));
            set(props, "StartShape", Any(boxes[e.from]));
            // Left side to left side: Calc routes the connector out to the left, down and into the
            // child, the bracket of an indented tree (the child sits one indent to the right).
            set(props, "StartGluePointIndex", Any(sal_Int32(3))); // left
            set(props, "EndShape", Any(boxes[e.to]));
            set(props, "EndGluePointIndex", Any(sal_Int32(3))); // left
            set(props, "LineColor", Any(sal_Int32(0x666666)));
            set(props, "LineWidth", Any(sal_Int32(35)));
        }
    }
}

} // namespace kpi::uno_glue
