"""数据下载: every ledger period, vote, inspection and evaluation as CSV and JSON.

Money is written as exact decimal text; CSV carries a UTF-8 BOM so that spreadsheet
programs common in China open it with the right encoding.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ..analysis.grades import grade_for, score_percent, total_score
from ..analysis.periods import period_label, sort_periods
from ..analysis.votes import compute_outcome
from ..formatting import percent

ACCOUNT_TITLE = {"maintenance-fund": "专项维修资金", "public-revenue": "公共收益"}


# Spreadsheet programs run a cell that starts with = + - @ as a formula (CSV injection):
# such text from the data gets a leading ' so it is shown, never evaluated.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def _csv(rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows({key: _cell(value) for key, value in row.items()} for row in rows)
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def _json(rows) -> bytes:
    return (json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n").encode("utf-8")


def datasets(ctx) -> list[tuple[str, str, list[dict]]]:
    """(file stem, label, rows) for every dataset of one community."""
    c = ctx.community
    out = []
    for account in ("maintenance-fund", "public-revenue"):
        for period in sort_periods(c.ledgers(account)):
            ledger = c.ledgers(account)[period].model
            rows = [{
                "id": e.id, "date": e.date.isoformat(), "type": e.type, "amount": str(e.amount),
                "summary": e.summary, "counterparty": e.counterparty or "", "voucher": e.voucher or "",
                "vote": e.vote or "", "source": getattr(e, "source", None) or "",
                "authorized_by": getattr(e, "authorized_by", None) or "",
                "emergency_reason": e.emergency.reason if getattr(e, "emergency", None) else "",
            } for e in ledger.entries]
            out.append((f"{account}-{period}", f"{ACCOUNT_TITLE[account]} {period_label(period)}明细", rows))
    profile = c.profile.model if c.profile else None
    votes = []
    for vid, v in sorted(c.votes.items()):
        m = v.model
        outcome = compute_outcome(m, profile)
        row = {"id": vid, "title": m.title, "matter": m.matter, "start": m.voting.start.isoformat(),
               "end": m.voting.end.isoformat(), "budget": str(m.budget) if m.budget is not None else ""}
        for key in ("turnout", "approve", "oppose", "abstain"):
            t = getattr(m, key)
            row[f"{key}_owners"] = t.owners if t else ""
            row[f"{key}_area_m2"] = str(t.area_m2) if t else ""
        row["computed_result"] = outcome.result if outcome else ""
        row["declared_result"] = m.declared_result or ""
        votes.append(row)
    out.append(("votes", "表决及计票", votes))
    items = []
    for iid, i in sorted(c.inspections.items()):
        for item in i.model.items:
            items.append({"inspection": iid, "date": i.model.date.isoformat(), "authority": i.model.authority,
                          "kind": i.model.kind, "check": item.check, "result": item.result,
                          "finding": item.finding or "",
                          "rectify_by": item.rectify_by.isoformat() if item.rectify_by else "",
                          "rectified_on": item.rectified_on.isoformat() if item.rectified_on else ""})
    out.append(("inspections", "监督检查项目", items))
    evaluations = []
    for period in sort_periods(c.evaluations):
        ev = c.evaluations[period].model
        total, maximum = total_score(ev)
        ratio = score_percent(ev)
        evaluations.append({"period": period, "evaluated": ev.evaluated, "date": ev.date.isoformat(),
                            "total": str(total), "max": str(maximum), "percent": percent(ratio / 100),
                            "grade": grade_for(ratio, ctx.portal.rules.grades),
                            "declared_grade": ev.declared_grade,
                            "surveyed": ev.satisfaction.surveyed if ev.satisfaction else "",
                            "satisfied": ev.satisfaction.satisfied if ev.satisfaction else ""})
    out.append(("evaluations", "履约考评", evaluations))
    return out


def write_downloads(ctx, docs_dir: Path) -> list[dict]:
    folder = docs_dir / "downloads"
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for stem, label, data in datasets(ctx):
        (folder / f"{stem}.csv").write_bytes(_csv(data))
        (folder / f"{stem}.json").write_bytes(_json(data))
        rows.append({"label": label, "csv": f"downloads/{stem}.csv", "json": f"downloads/{stem}.json",
                     "csv_name": f"{stem}.csv", "json_name": f"{stem}.json"})
    return rows
