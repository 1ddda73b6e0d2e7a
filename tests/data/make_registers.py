#!/usr/bin/env python3
"""Writes the KPI register workbooks the office tests audit (deterministic; run again to regenerate).

register-en.fods: English headers; every link code appears once or more (expected results in
tests/office/audit_test.cpp). register-vi.fods: the same register with Vietnamese headers and values,
some typed without diacritics. no-register.fods: a workbook without a register.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import fods  # noqa: E402

HERE = Path(__file__).parent
EN = ["ID", "Name", "Level", "Group", "Parent", "Owner", "Unit", "Direction", "Baseline", "Target",
      "Deadline", "Actual", "Source"]
VI = ["ID", "Tên KPI", "Cap do", "Nhóm", "KPI cha", "Người phụ trách", "Đơn vị", "Chiều", "Cơ sở",
      "Mục tiêu", "Thoi han", "Thực tế", "Nguồn"]

# id, name, level, group, parent, owner, unit, direction, baseline, target, deadline, actual, source
ROWS = [
    ("S1", "Revenue growth 2030", "S", None, None, "CEO", "%", "H", 0.1, 0.2, "2030-12", None, "=KPI.REVGROWTH(B2;B3)"),
    ("S2", "Marketing ROMI", "S", None, None, "CMO", "ratio", "H", 1.5, 2, "2030-Q4", None, "=KPI.ROMI(C2;C3;0.4)"),
    ("T1", "Facebook Ads cost per lead", "T", "A", "S1", "Ads lead", "VND", "L", 200000, 150000, "2030-06", None, "Meta Ads Manager"),
    ("T2", "Organic search sessions share", "T", "D", "T1", "SEO lead", "%", "H", 0.3, 0.4, "2030-09", None, "GA4"),
    ("T3", "Leads", "T", "A", None, "Sales", "leads", "H", 100, 150, "2030-06", None, "CRM"),
    ("T4", "Email repeat purchase rate", "T", "C", "X9", "CRM lead", "%", "H", 0.2, 0.25, "2030-06", None, "CRM"),
    ("T5", "Zalo OA follower growth", "T", "D", "T6", "Social lead", "%", "H", 0.05, 0.08, "2030-06", None, "Zalo OA"),
    ("T6", "Zalo OA message open rate", "T", "D", "T5", "Social lead", "%", "H", 0.4, 0.5, "2030-06", None, "Zalo OA"),
    ("S3", "Market share in HCMC", "S", None, "T1", "CEO", "%", "H", 0.02, 0.03, "2030-12", None, "Survey"),
]
WORDS = {
    "en": {"S": "Strategic", "T": "Tactical", "A": "Acquisition & cost", "D": "Digital & SEO",
           "C": "Customer value & relationship", "H": "Higher is better", "L": "Lower is better"},
    "vi": {"S": "Chiến lược", "T": "Chien thuat", "A": "Thu hút & chi phí", "D": "Kênh số & SEO",
           "C": "Giá trị & quan hệ khách hàng", "H": "Cao hơn tốt hơn", "L": "Thấp hơn tốt hơn"},
}


def register_rows(lang):
    words = WORDS[lang]
    out = [fods.header_row(EN if lang == "en" else VI)]
    for r in ROWS:
        values = list(r)
        for i in (2, 3, 7):
            values[i] = words.get(values[i], values[i]) if values[i] else None
        out.append(fods.row(values))
    return out


fods.write(HERE / "register-en.fods", [fods.table("KPI Register", register_rows("en"))])
fods.write(HERE / "register-vi.fods", [fods.table("Bảng KPI", register_rows("vi"))])
fods.write(HERE / "no-register.fods", [fods.table("Data", [fods.header_row(["Month", "Spend", "Leads"]),
                                                             fods.row(["2026-01", 1000, 10])])])
