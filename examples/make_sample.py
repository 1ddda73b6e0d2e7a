#!/usr/bin/env python3
"""Writes examples/sample-sme-2026.fods: a Vietnamese SME's monthly marketing data with KPI formulas.

The shop and its numbers are invented but realistic for a small online tea shop in Hồ Chí Minh City
(spend in VND, Facebook/Google ads, ~40-60 new customers a month). Run it again to regenerate the file;
the output is deterministic.
"""
from pathlib import Path

PREFIX = "ORG.KPIMARKETING.KPIFUNCTIONS."
M = "$'Marketing 2026'"  # the data sheet, as ODF formulas name it
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


import sys
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import fods  # noqa: E402
from fods import Formula  # noqa: E402

STYLE = {0: "Text", 1: "Money", 8: "Money", 9: "Money", 10: "Money", 11: "Percent", 12: "Percent", 13: "Percent",
         14: "Percent"}

rows = [fods.header_row(headers)]
for i, (month, values) in enumerate(zip(months, data)):
    r = i + 2
    cells = [month, *values,
             Formula(f"{PREFIX}CPL([.B{r}];[.E{r}])"),
             Formula(f"{PREFIX}CAC([.B{r}];[.H{r}])"),
             Formula(f"{PREFIX}CTR([.D{r}];[.C{r}])"),
             Formula(f"{PREFIX}CONVRATE([.G{r}];[.F{r}])"),
             Formula(f"{PREFIX}ROMI([.I{r}];[.B{r}];[$Notes.$B$3])"),
             None if r == 2 else Formula(f"{PREFIX}REVGROWTH([.I{r}];[.I{r-1}])")]
    rows.append(fods.row(cells, STYLE))

# The KPI register (Vietnamese headers): strategic goals and the tactical KPIs that serve them.
# T7 is a typical vanity metric nobody linked to a goal: the audit flags it.
register = [fods.header_row(["ID", "Tên KPI", "Cấp độ", "Nhóm", "KPI cha", "Người phụ trách", "Đơn vị", "Chiều",
                             "Cơ sở", "Mục tiêu", "Thời hạn", "Thực tế", "Nguồn"])]
T, S = "Chiến thuật", "Chiến lược"
ACQ, DIG, CUS = "Thu hút & chi phí", "Kênh số & SEO", "Giá trị & quan hệ khách hàng"
UP, DOWN = "Cao hơn tốt hơn", "Thấp hơn tốt hơn"
for r in [
    ("S1", "Tăng trưởng doanh thu năm 2027", S, None, None, "Giám đốc", "%", UP, 0.15, 0.25, "2027-12",
     Formula(f"{PREFIX}REVGROWTH(SUM([{M}.I8:.I10]);SUM([{M}.I2:.I4]))"),
     "KPI.REVGROWTH trên trang Marketing 2026 (quý 3 so với quý 1)"),
    ("S2", "ROMI của toàn bộ ngân sách marketing", S, None, None, "Giám đốc", "lần", UP, 3.5, 4, "2027-Q4",
     Formula(f"{PREFIX}ROMI(SUM([{M}.I2:.I11]);SUM([{M}.B2:.B11]);[$Notes.$B$3])"),
     "KPI.ROMI trên trang Marketing 2026"),
    ("T1", "CPL quảng cáo Facebook", T, ACQ, "S1", "Phụ trách quảng cáo", "VND/lead", DOWN, 185000, 160000,
     "2027-06", Formula(f"{PREFIX}CPL(SUM([{M}.B2:.B11]);SUM([{M}.E2:.E11]))"), "KPI.CPL, số liệu Meta Ads Manager"),
    ("T2", "CTR quảng cáo Google tìm kiếm", T, DIG, "T1", "Phụ trách quảng cáo", "%", UP, 0.015, 0.02, "2027-06",
     Formula(f"{PREFIX}CTR(SUM([{M}.D2:.D11]);SUM([{M}.C2:.C11]))"), "KPI.CTR, số liệu Google Ads"),
    ("T3", "Tỷ lệ chuyển đổi website", T, DIG, "S1", "Phụ trách website", "%", UP, 0.027, 0.032, "2027-06",
     Formula(f"{PREFIX}CONVRATE(SUM([{M}.G2:.G11]);SUM([{M}.F2:.F11]))"), "KPI.CONVRATE, số liệu GA4"),
    ("T4", "CAC khách hàng mới", T, ACQ, "S2", "Trưởng marketing", "VND", DOWN, 920000, 800000, "2027-Q2",
     Formula(f"{PREFIX}CAC(SUM([{M}.B2:.B11]);SUM([{M}.H2:.H11]))"), "KPI.CAC trên trang Marketing 2026"),
    ("T5", "Tỷ lệ khách mua lại trong 90 ngày", T, CUS, "S1", "Chăm sóc khách hàng", "%", UP, 0.22, 0.3,
     "2027-Q3", 0.27, "KPI.REPEATRATE, số liệu Haravan"),
    ("T7", "Lượt theo dõi Zalo OA", T, DIG, None, "Phụ trách Zalo", "người", UP, 1800, 3000, "2027-06", 2150,
     "Zalo OA"),
]:
    register.append(fods.row(list(r), {8: "Number", 9: "Number", 11: "Number"}))

notes = [
    fods.row(["Công ty", "Mộc Trà Online (Hồ Chí Minh)"]),
    fods.row(["Ngành", "Thương mại điện tử: trà và quà tặng"]),
    fods.row(["Biên lợi nhuận gộp", MARGIN], {1: "Percent"}),
    fods.row(["Ghi chú", "Tháng 4: biểu mẫu lead bị lỗi, không ghi nhận lead nên CPL hiện #DIV/0!"]),
    fods.row(["Nguồn", "Số liệu mẫu, lập để minh họa tiện ích KPI Marketing"]),
]

fods.write(Path(__file__).with_name("sample-sme-2026.fods"),
           [fods.table("Marketing 2026", rows), fods.table("KPI Register", register), fods.table("Notes", notes)])
