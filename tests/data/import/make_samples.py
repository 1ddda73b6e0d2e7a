#!/usr/bin/env python3
"""Writes the sample platform exports the import tests read, and expected.csv: the sums the import must
produce, computed here from the raw figures (not by parsing the files). Deterministic; run again to
regenerate. The layouts follow each platform's documented export columns (docs/import.md).

Days 2026-01-27 .. 2026-02-05 cross a month boundary: a monthly workbook gets 2026-01 and 2026-02,
a quarterly one 2026-Q1.
"""
import codecs
import csv
import io
import random
import sys
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parents[2] / "scripts"))
import fods  # noqa: E402

DAYS = [date(2026, 1, 27) + timedelta(days=i) for i in range(10)]
EXPECTED = []  # (file, granularity, period, channel, measure, value)


def period(d, g):
    return f"{d.year:04d}-{d.month:02d}" if g == "month" else f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"


def expect(name, channel, rows):
    """rows: [(date, {measure: value})] -> sums per granularity, period."""
    for g in ("month", "quarter"):
        sums = defaultdict(lambda: defaultdict(float))
        for d, values in rows:
            for m, v in values.items():
                sums[period(d, g)][m] += v
        for p, values in sorted(sums.items()):
            for m, v in sorted(values.items()):
                EXPECTED.append((name, g, p, channel, m, round(v, 6)))


def dots(n):  # 1234567 -> "1.234.567"
    return f"{n:,}".replace(",", ".")


def vi_decimal(x, places=2):  # 12.5 -> "12,50"; 1234.5 -> "1.234,50"
    s = f"{x:,.{places}f}"
    return s.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def write_csv(name, rows, delimiter=",", encoding="utf-8", bom=False, prefix="", suffix_rows=()):
    out = io.StringIO()
    out.write(prefix)
    w = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for r in list(rows) + list(suffix_rows):
        w.writerow(r)
    text = out.getvalue()
    data = text.encode(encoding)
    if bom:
        data = (codecs.BOM_UTF16_LE if encoding == "utf-16-le" else codecs.BOM_UTF8) + data
    (HERE / name).write_bytes(data)


rng = random.Random(7)


def meta(lang):
    name = "meta-en.csv" if lang == "en" else "meta-vi-utf16.csv"
    head = (["Reporting starts", "Reporting ends", "Campaign name", "Amount spent (VND)", "Impressions",
             "Link clicks", "Results", "Result indicator", "Cost per result", "Reach"] if lang == "en" else
            ["Bắt đầu báo cáo", "Kết thúc báo cáo", "Tên chiến dịch", "Số tiền đã chi tiêu (VND)", "Lượt hiển thị",
             "Lượt click vào liên kết", "Kết quả", "Chỉ báo kết quả", "Chi phí trên mỗi kết quả", "Người tiếp cận"])
    rows, raw = [head], []
    for d in DAYS:
        for campaign in ("Lead form - Tet", "Traffic - Blog"):
            spend = rng.randrange(300_000, 2_500_000)
            impr = rng.randrange(8_000, 60_000)
            clicks = rng.randrange(100, 900)
            results = rng.randrange(0, 30) if campaign.startswith("Lead") else None
            values = {"spend": spend, "impressions": impr, "clicks": clicks}
            if results is not None:
                values["leads"] = results
            raw.append((d, values))
            if lang == "en":
                iso = d.isoformat()
                rows.append([iso, iso, campaign, str(spend), str(impr), str(clicks),
                             "" if results is None else str(results), "actions:leadgen_grouped" if results is not None else "",
                             "" if not results else f"{spend / results:.2f}", str(impr // 2)])
            else:  # Vietnamese Excel: day/month/year, thousands with dots
                dmy = d.strftime("%d/%m/%Y")
                rows.append([dmy, dmy, campaign, dots(spend), dots(impr), dots(clicks),
                             "" if results is None else str(results), "Khách hàng tiềm năng" if results is not None else "",
                             "" if not results else vi_decimal(spend / results), dots(impr // 2)])
    # A lifetime row over the whole window: one period in a quarterly workbook, two in a monthly one.
    spend, impr, clicks = 1_000_000, 20_000, 300
    window = ([DAYS[0].isoformat(), DAYS[-1].isoformat()] if lang == "en"
              else [DAYS[0].strftime("%d/%m/%Y"), DAYS[-1].strftime("%d/%m/%Y")])
    rows.append(window + ["Awareness - lifetime", str(spend) if lang == "en" else dots(spend), str(impr) if lang == "en" else dots(impr),
                          str(clicks), "", "", "", ""])
    for g in ("quarter",):
        pass
    expect(name, "facebook_ads", raw)
    # the lifetime row counts only in the quarterly workbook
    EXPECTED.append((name, "quarter", "2026-Q1", "facebook_ads", "lifetime_row", 1))
    quarter_extra = {"spend": spend, "impressions": impr, "clicks": clicks}
    for i, e in enumerate(EXPECTED):
        if e[0] == name and e[1] == "quarter" and e[4] in quarter_extra:
            EXPECTED[i] = (e[0], e[1], e[2], e[3], e[4], e[5] + quarter_extra[e[4]])
    EXPECTED.remove((name, "quarter", "2026-Q1", "facebook_ads", "lifetime_row", 1))
    if lang == "en":
        write_csv(name, rows)
    else:
        write_csv(name, rows, delimiter="\t", encoding="utf-16-le", bom=True)


def google_ads(lang, name=None, currencies=("VND",)):
    name = name or f"google-ads-{lang}.csv"
    head = (["Day", "Campaign", "Currency code", "Cost", "Impr.", "Clicks", "Conversions", "Conv. value", "CTR", "Avg. CPC"]
            if lang == "en" else
            ["Ngày", "Chiến dịch", "Mã đơn vị tiền tệ", "Chi phí", "Lượt hiển thị", "Lượt nhấp", "Lượt chuyển đổi",
             "Giá trị chuyển đổi", "CTR", "CPC trung bình"])
    rows, raw = [head], []
    tot = defaultdict(float)
    for i, d in enumerate(DAYS):
        cur = currencies[i % len(currencies)]
        cost = rng.randrange(200_000, 3_000_000) + 0.5 * rng.randrange(0, 2)
        impr = rng.randrange(1_000, 40_000)
        clicks = rng.randrange(50, 1_200)
        conv = rng.randrange(0, 40) + 0.5 * rng.randrange(0, 2)  # fractional: data-driven attribution
        value = conv * 450_000
        raw.append((d, {"spend": cost, "impressions": impr, "clicks": clicks, "conversions": conv, "revenue": value}))
        for k, v in (("cost", cost), ("impr", impr), ("clicks", clicks), ("conv", conv), ("value", value)):
            tot[k] += v
        ctr = clicks / impr * 100
        if lang == "en":
            rows.append([d.isoformat(), "Search - Brand", cur, f"{cost:,.2f}", f"{impr:,}", f"{clicks:,}", f"{conv:,.2f}",
                         f"{value:,.2f}", f"{ctr:.2f}%", f"{cost / clicks:,.2f}"])
        else:
            rows.append([d.strftime("%d/%m/%Y"), "Tìm kiếm - Thương hiệu", cur, vi_decimal(cost), dots(impr), dots(clicks),
                         vi_decimal(conv), vi_decimal(value), vi_decimal(ctr) + "%", vi_decimal(cost / clicks)])
    if lang == "en":
        prefix = "Campaign report\r\nJanuary 27, 2026 - February 5, 2026\r\n"
        totals = [["Total: Account", "", currencies[0], f"{tot['cost']:,.2f}", f"{int(tot['impr']):,}",
                   f"{int(tot['clicks']):,}", f"{tot['conv']:,.2f}", f"{tot['value']:,.2f}", "", ""],
                  ["Total: Search", "", currencies[0], f"{tot['cost']:,.2f}", f"{int(tot['impr']):,}",
                   f"{int(tot['clicks']):,}", f"{tot['conv']:,.2f}", f"{tot['value']:,.2f}", "", ""]]
        write_csv(name, rows, prefix=prefix, suffix_rows=totals, bom=False)
    else:
        prefix = "Báo cáo chiến dịch\r\n27 thg 1, 2026 - 5 thg 2, 2026\r\n"
        totals = [["Tổng: Tài khoản", "", currencies[0], vi_decimal(tot["cost"]), dots(int(tot["impr"])),
                   dots(int(tot["clicks"])), vi_decimal(tot["conv"]), vi_decimal(tot["value"]), "", ""]]
        write_csv(name, rows, delimiter=";", prefix=prefix, suffix_rows=totals, bom=True)
    if len(currencies) == 1:
        expect(name, "google_ads", raw)


def ga4(lang):
    name = f"ga4-{lang}.csv"
    head = (["Date", "Session default channel group", "Sessions", "Engaged sessions", "Engagement rate", "Active users"]
            if lang == "en" else
            ["Ngày", "Nhóm kênh mặc định của phiên", "Số phiên", "Số phiên tương tác", "Tỷ lệ tương tác",
             "Người dùng đang hoạt động"])
    comments = ("# ----------------------------------------\n"
                f"# {'Traffic acquisition: Session default channel group' if lang == 'en' else 'Thu nạp lưu lượng truy cập: Nhóm kênh mặc định của phiên'}\n"
                "# ----------------------------------------\n#\n"
                f"# {'Start date' if lang == 'en' else 'Ngày bắt đầu'}: 20260127\n"
                f"# {'End date' if lang == 'en' else 'Ngày kết thúc'}: 20260205\n")
    rows, raw = [head], []
    for d in DAYS:
        for group in ("Organic Search", "Direct", "Paid Social"):
            s = rng.randrange(40, 900)
            e = rng.randrange(10, s)
            u = rng.randrange(10, s)
            rows.append([d.strftime("%Y%m%d"), group, str(s), str(e), f"{e / s:.4f}", str(u)])
            values = {"sessions": s, "engaged_sessions": e, "active_users": u,
                      "organic_sessions": s if group == "Organic Search" else 0}
            raw.append((d, values))
    expect(name, "seo_website", raw)
    write_csv(name, rows, prefix=comments)


def search_console(lang):
    name = f"search-console-{lang}.csv"
    head = ["Date", "Clicks", "Impressions", "CTR", "Position"] if lang == "en" else \
        ["Ngày", "Số lần nhấp", "Số lần hiển thị", "CTR", "Vị trí"]
    rows, raw = [head], []
    for d in reversed(DAYS):  # Search Console lists the newest day first
        c = rng.randrange(5, 300)
        i = rng.randrange(1_000, 9_000)
        pos = round(rng.uniform(3, 25), 2)
        raw.append((d, {"clicks": c, "impressions": i, "position_weighted": pos * i}))
        if lang == "en":
            rows.append([d.isoformat(), str(c), str(i), f"{c / i * 100:.2f}%", f"{pos:.2f}"])
        else:
            rows.append([d.isoformat(), str(c), dots(i), vi_decimal(c / i * 100) + "%", vi_decimal(pos)])
    expect(name, "seo_website", raw)
    write_csv(name, rows)


def tiktok(lang):
    name = f"tiktok-{lang}.csv"
    head = (["By Day", "Campaign name", "Cost", "Impressions", "Clicks (destination)", "Conversions", "CTR (destination)",
             "Currency"] if lang == "en" else
            ["Theo ngày", "Tên chiến dịch", "Chi phí", "Lượt hiển thị", "Lượt nhấp (Đích)", "Lượt chuyển đổi", "CTR (Đích)",
             "Đơn vị tiền tệ"])
    rows, raw = [head], []
    for d in DAYS:
        cost = rng.randrange(100_000, 1_500_000)
        impr = rng.randrange(5_000, 80_000)
        clicks = rng.randrange(30, 800)
        conv = rng.randrange(0, 25)
        raw.append((d, {"spend": cost, "impressions": impr, "clicks": clicks, "conversions": conv}))
        if lang == "en":
            rows.append([d.isoformat(), "Spark ads - Tet", f"{cost:.2f}", str(impr), str(clicks), str(conv),
                         f"{clicks / impr * 100:.2f}%", "VND"])
        else:
            rows.append([d.isoformat(), "Spark ads - Tết", f"{dots(cost)} ₫", dots(impr), str(clicks), str(conv),
                         vi_decimal(clicks / impr * 100) + "%", "VND"])
    rows.append(["Total" if lang == "en" else "Tổng", "", "", "", "", "", "", ""])
    expect(name, "tiktok_ads", raw)
    write_csv(name, rows, bom=True)


def zalo(lang):
    name = f"zalo-oa-{lang}.csv"
    head = (["Ngày", "Người quan tâm mới", "Người bỏ quan tâm", "Lượt xem", "Tổng người quan tâm"] if lang == "vi" else
            ["Date", "New followers", "Unfollowers", "Views", "Total followers"])
    rows, raw = [head], []
    total = 5_000
    for d in DAYS:
        f = rng.randrange(0, 60)
        u = rng.randrange(0, 10)
        v = rng.randrange(100, 3_000)
        total += f - u
        raw.append((d, {"followers": f, "page_views": v}))
        day = d.strftime("%d/%m/%Y") if lang == "vi" else d.strftime("%m/%d/%Y")  # en-US: month first
        rows.append([day, str(f), str(u), dots(v) if lang == "vi" else f"{v:,}", str(total)])
    expect(name, "zalo_oa", raw)
    write_csv(name, rows)


def plain():
    name = "plain.csv"
    rows = [["Date", "Channel", "Spend", "Leads", "Clicks", "Budget note"]]
    raw = defaultdict(list)
    for d in DAYS[::3]:
        for ch, title in (("email", "Email"), ("offline_events", "Sự kiện offline")):
            s = rng.randrange(100_000, 900_000)
            l_ = rng.randrange(1, 30)
            c = rng.randrange(10, 300)
            rows.append([d.isoformat(), title, str(s), str(l_), str(c), "ok"])
            raw[ch].append((d, {"spend": s, "leads": l_, "clicks": c}))
    rows.append([DAYS[1].isoformat(), "Radio", "100000", "1", "1", ""])  # not one of our channels: skipped
    for ch, r in raw.items():
        expect(name, ch, r)
    write_csv(name, rows)


meta("en")
meta("vi")
google_ads("en")
google_ads("vi")
google_ads("en", name="mixed-currency.csv", currencies=("VND", "USD"))
ga4("en")
ga4("vi")
search_console("en")
search_console("vi")
tiktok("en")
tiktok("vi")
zalo("vi")
zalo("en")
plain()
(HERE / "empty.csv").write_bytes(b"\r\n\r\n")
write_csv("unknown.csv", [["Order ID", "Customer", "Total"], ["A-1001", "Nguyễn Văn A", "450000"]])
(HERE / "broken-utf8.csv").write_bytes(
    "Ngày,Chi phí,Lượt hiển thị,Lượt nhấp\r\n".encode("utf-8") + b"27/01/2026,1.000.000,100,10\r\n"
    + b"28/01/2026,Chi ph\xed 2.000.000,200,20\r\n")  # a Windows-1258 byte in a UTF-8 file

with open(HERE / "expected.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["file", "granularity", "period", "channel", "measure", "value"])
    for e in EXPECTED:
        w.writerow(e)

# A KPI workbook's Data sheet (data_sheet.hpp layout), until the template builder lands: Vietnamese,
# monthly, money in VND; a KPI formula column; a notes cell beside the table and another sheet.
VI_MEASURES = ["Chi phí", "Lượt hiển thị", "Lượt nhấp", "Lead", "Chuyển đổi", "Doanh thu", "Khách hàng mới", "Phiên",
               "Phiên tương tác", "Phiên tự nhiên", "Người dùng hoạt động", "Giây tương tác", "Lượt xem trang",
               "Người theo dõi mới", "Vị trí x lượt hiển thị"]
EN_MEASURES = ["Spend", "Impressions", "Clicks", "Leads", "Conversions", "Revenue", "New customers", "Sessions",
               "Engaged sessions", "Organic sessions", "Active users", "Engagement seconds", "Page views",
               "New followers", "Position x impressions"]
CPL = "ORG.KPIMARKETING.KPIFUNCTIONS.CPL([.C{r}];[.F{r}])"


def data_rows(header, rows):
    out = [fods.header_row(header)]
    for i, (p, ch, values) in enumerate(rows, start=2):
        cells = [p, ch] + [values.get(k) for k in range(len(VI_MEASURES))] + [fods.Formula(CPL.format(r=i))]
        styles = {2: "Money", 7: "Money"}
        out.append(fods.row(cells, styles))
    return out


vi_rows = [("2026-01", "Quảng cáo Facebook", {0: 999, 3: 1}),    # spend/leads to be replaced by the import
           ("2026-01", "Quảng cáo Google", {}),
           ("2026-01", "Email", {0: 2_000_000, 3: 40}),           # not in any export except plain.csv
           ("2026-01", "Tất cả kênh", {5: 250_000_000, 6: 120})]
tables = [fods.table("Dữ liệu", data_rows(["Kỳ", "Kênh"] + VI_MEASURES + ["CPL"], vi_rows), columns=20),
          fods.table("Ghi chú", [fods.row(["Nguồn: xuất từ các nền tảng"])])]
fods.write(HERE / "workbook-vi.fods", tables)
en_rows = [("2026-Q1", "SEO & website", {7: 10}), ("2026-Q1", "Google Ads", {0: 1500})]
fods.write(HERE / "workbook-en.fods",
           [fods.table("Data", data_rows(["Period", "Channel"] + EN_MEASURES + ["CPL"], en_rows), columns=20)])
# English, quarterly, money in US dollars: the same layout with a "$" money format.
en = (HERE / "workbook-en.fods").read_text(encoding="utf-8")
en = en.replace('<number:text> ₫</number:text></number:number-style>',
                '</number:number-style><number:currency-style style:name="N_usd"><number:currency-symbol '
                'number:language="en" number:country="US">$</number:currency-symbol><number:number '
                'number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" '
                'number:grouping="true"/></number:currency-style>')
en = en.replace('style:data-style-name="N_vnd"', 'style:data-style-name="N_usd"')
(HERE / "workbook-en.fods").write_text(en, encoding="utf-8")
