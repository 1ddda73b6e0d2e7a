#!/usr/bin/env python3
"""Writes examples/sample-sme-2026.fods: a Vietnamese SME's monthly marketing data with KPI formulas.

The shop and its numbers are invented but realistic for a small online tea shop in Hồ Chí Minh City
(spend in VND, Facebook/Google ads, ~40-60 new customers a month). Run it again to regenerate the file;
the output is deterministic.
"""
from pathlib import Path
from xml.sax.saxutils import escape

PREFIX = "ORG.KPIMARKETING.KPIFUNCTIONS."
MARGIN = 0.45  # gross margin of the shop

months = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06",
          "2026-07", "2026-08", "2026-09", "2026-10"]
# spend, impressions, clicks, leads, visitors(sessions), conversions(orders), new customers, revenue
data = [
    (38_000_000, 412_000, 6_180, 214, 9_850, 268, 41, 412_000_000),
    (42_500_000, 455_300, 7_010, 236, 10_900, 301, 47, 468_500_000),
    (36_000_000, 398_700, 5_620, 187, 9_120, 244, 38, 395_000_000),
    (40_000_000, 430_000, 6_450, 0, 9_600, 259, 44, 421_300_000),     # April: lead form broken
    (45_000_000, 489_900, 7_840, 262, 11_700, 322, 52, 502_800_000),
    (47_500_000, 501_200, 8_020, 281, 12_050, 339, 55, 531_000_000),
    (44_000_000, 470_400, 7_150, 248, 11_100, 310, 49, 498_700_000),
    (52_000_000, 560_800, 9_100, 305, 13_600, 377, 61, 590_400_000),  # August: Mid-autumn campaign
    (50_500_000, 548_000, 8_770, 296, 13_150, 361, 58, 574_900_000),
    (49_000_000, 522_600, 8_310, 284, 12_700, 349, 56, 560_200_000),
]

headers = ["Tháng", "Chi phí quảng cáo (VND)", "Lượt hiển thị", "Lượt nhấp", "Lead",
           "Lượt truy cập", "Đơn hàng", "Khách hàng mới", "Doanh thu (VND)",
           "CPL (VND/lead)", "CAC (VND)", "CTR", "Tỷ lệ chuyển đổi", "ROMI", "Tăng trưởng doanh thu"]


def cell_text(text, style="Header"):
    return (f'<table:table-cell table:style-name="{style}" office:value-type="string">'
            f'<text:p>{escape(text)}</text:p></table:table-cell>')


def cell_number(value, style="Number"):
    return (f'<table:table-cell table:style-name="{style}" office:value-type="float" '
            f'office:value="{value}"/>')


def cell_formula(formula, style):
    return (f'<table:table-cell table:style-name="{style}" table:formula="of:={escape(formula)}" '
            f'office:value-type="float" office:value="0"/>')


rows = ["<table:table-row>" + "".join(cell_text(h) for h in headers) + "</table:table-row>"]
for i, (month, values) in enumerate(zip(months, data)):
    r = i + 2
    spend, impressions, clicks, leads, visitors, orders, new_customers, revenue = values
    cells = [cell_text(month, "Text")]
    cells += [cell_number(spend, "Money"), cell_number(impressions), cell_number(clicks), cell_number(leads),
              cell_number(visitors), cell_number(orders), cell_number(new_customers), cell_number(revenue, "Money")]
    cells.append(cell_formula(f"{PREFIX}CPL([.B{r}];[.E{r}])", "Money"))
    cells.append(cell_formula(f"{PREFIX}CAC([.B{r}];[.H{r}])", "Money"))
    cells.append(cell_formula(f"{PREFIX}CTR([.D{r}];[.C{r}])", "Percent"))
    cells.append(cell_formula(f"{PREFIX}CONVRATE([.G{r}];[.F{r}])", "Percent"))
    cells.append(cell_formula(f"{PREFIX}ROMI([.I{r}];[.B{r}];[Notes.$B$3])", "Percent"))
    if r == 2:
        cells.append(cell_text("", "Text"))
    else:
        cells.append(cell_formula(f"{PREFIX}REVGROWTH([.I{r}];[.I{r-1}])", "Percent"))
    rows.append("<table:table-row>" + "".join(cells) + "</table:table-row>")

notes = [
    ("Công ty", "Mộc Trà Online (Hồ Chí Minh)"),
    ("Ngành", "Thương mại điện tử: trà và quà tặng"),
    ("Biên lợi nhuận gộp", None),
    ("Ghi chú", "Tháng 4: biểu mẫu lead bị lỗi, không ghi nhận lead nên CPL hiện #DIV/0!"),
    ("Nguồn", "Số liệu mẫu, lập để minh họa tiện ích KPI Marketing"),
]
note_rows = []
for label, value in notes:
    if value is None:
        note_rows.append("<table:table-row>" + cell_text(label) + cell_number(MARGIN, "Percent") + "</table:table-row>")
    else:
        note_rows.append("<table:table-row>" + cell_text(label) + cell_text(value, "Text") + "</table:table-row>")

doc = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:styles>
  <number:number-style style:name="N_int"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
  <number:number-style style:name="N_vnd"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1" number:grouping="true"/><number:text> ₫</number:text></number:number-style>
  <number:percentage-style style:name="N_pct"><number:number number:decimal-places="1" number:min-decimal-places="1" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
 </office:styles>
 <office:automatic-styles>
  <style:style style:name="co1" style:family="table-column"><style:table-column-properties style:column-width="3.2cm"/></style:style>
  <style:style style:name="co2" style:family="table-column"><style:table-column-properties style:column-width="6cm"/></style:style>
  <style:style style:name="Header" style:family="table-cell"><style:table-cell-properties fo:background-color="#dff0ee" fo:wrap-option="wrap"/><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="Text" style:family="table-cell"/>
  <style:style style:name="Number" style:family="table-cell" style:data-style-name="N_int"/>
  <style:style style:name="Money" style:family="table-cell" style:data-style-name="N_vnd"/>
  <style:style style:name="Percent" style:family="table-cell" style:data-style-name="N_pct"/>
 </office:automatic-styles>
 <office:body>
  <office:spreadsheet>
   <table:table table:name="Marketing 2026">
    <table:table-column table:style-name="co1" table:number-columns-repeated="{len(headers)}"/>
    {chr(10).join(rows)}
   </table:table>
   <table:table table:name="Notes">
    <table:table-column table:style-name="co1"/>
    <table:table-column table:style-name="co2"/>
    {chr(10).join(note_rows)}
   </table:table>
  </office:spreadsheet>
 </office:body>
</office:document>
"""
Path(__file__).with_name("sample-sme-2026.fods").write_text(doc, encoding="utf-8")
