"""数据下载: every ledger period, vote, inspection, evaluation, document and meeting as CSV
and JSON, and the register of property firms with their conduct records (firms.csv/.json:
on a district's overview, or on a lone community's 数据下载 page, wherever the firm pages are).

A download must let anyone re-check the published figures, so every field of the YAML
reaches it.

JSON (the complete record)
- Every field of the model, in the model's field order and under its YAML name (`from`,
  not `from_`); an optional field the YAML left out is `null`, an empty list `[]`.
- Money, areas and scores are exact decimal strings (Decimal text, e.g. "60000.00"),
  dates ISO `YYYY-MM-DD`, head counts JSON integers; never a float.
- Figures the generator computes carry a `computed_` prefix; everything else is the data
  as written. Ratios are exact fractions as text ("41/50") beside a rounded percentage.
- One file per ledger period: an object {account, period, opening_balance,
  closing_balance (declared), computed totals, entries}. votes.json, inspections.json and
  evaluations.json: a list of records, each with its id (`id`, or `period` for evaluations).
- Key order is fixed by the models and this module; output is UTF-8, indented, so two
  builds of the same data give the same bytes.

CSV (for spreadsheets; one row per entry / vote / inspection item / evaluation)
- Committees' scripts read these columns: existing names and order never change, new
  columns are only appended (the *_COLUMNS lists below are the contract).
- Nested fields are flattened (apportionment → apportionment_basis, apportionment_scope);
  lists inside one cell are joined with "、"; the JSON keeps them as lists.
- A ledger's opening and closing balances go into a per-account periods file
  (maintenance-fund-periods.csv) rather than repeated on every entry row: a period
  without entries still has balances, and a column repeated per row would be summed
  wrongly by a spreadsheet.
- Category scores of evaluations are one extra file, evaluation-scores.csv (one row per
  period and category), so evaluations.csv keeps one row per evaluation.
- documents.csv has one row per document without its text (a covenant's body would not
  fit a spreadsheet cell); documents.json has it. meetings.csv has one row per decision,
  the meeting's columns repeated on each, as inspections.csv does for items.
- firms.csv has one row per firm and community it serves (a firm serving none: one row with
  the community columns empty); firms.json lists each firm with its served communities.
- Every text cell passes the CSV-injection guard; files carry a UTF-8 BOM so spreadsheet
  programs common in China open them with the right encoding. The header is written even
  when a dataset has no rows.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from ..analysis.documents import document_state
from ..analysis.firms import FirmRecord, firm_records
from ..analysis.grades import grade_for, satisfaction_rate, score_percent, total_score
from ..analysis.meetings import decision_passed, publication
from ..analysis.ledgers import is_inflow, statement_of
from ..analysis.periods import period_label, sort_periods
from ..analysis.status import item_status
from ..analysis.votes import compute_outcome, electorate_of
from ..formatting import percent, percent_beside_grade, percent_beside_threshold
from ..model.labels import ACCOUNT_TITLE, ACCOUNTS, TALLY
from ..model.records import Record
from ..site_layout import DOWNLOADS_FOLDER
from .workbook import workbook_row

LIST_SEPARATOR = "、"

# The CSV contract: the first names of each list are the columns published before
# (scripts rely on them); new columns go at the end only.
LEDGER_COLUMNS = [
    "id", "date", "type", "amount", "summary", "counterparty", "voucher", "vote", "source",
    "authorized_by", "emergency_reason",
    "period", "from", "to", "apportionment_basis", "apportionment_scope",
    "emergency_approved_by", "emergency_reported_on", "computed_direction", "computed_balance_after",
    "reason", "approved_by",
]
PERIOD_COLUMNS = [
    "period", "opening_balance", "computed_inflow_total", "computed_outflow_total",
    "computed_closing_balance", "closing_balance", "entries",
]
VOTE_COLUMNS = [
    "id", "title", "matter", "start", "end", "budget",
    "turnout_owners", "turnout_area_m2", "approve_owners", "approve_area_m2",
    "oppose_owners", "oppose_area_m2", "abstain_owners", "abstain_area_m2",
    "computed_result", "declared_result",
    "notice", "reported_party_org", "reported_street",
    "electorate_owners", "electorate_area_m2", "electorate_source",
]
INSPECTION_COLUMNS = [
    "inspection", "date", "authority", "kind", "check", "result", "finding", "rectify_by", "rectified_on",
    "source", "conclusion",
]
EVALUATION_COLUMNS = [
    "period", "evaluated", "date", "total", "max", "percent", "grade", "declared_grade", "surveyed", "satisfied",
    "evaluators", "satisfaction_method",
]
SCORE_COLUMNS = ["period", "category", "max", "score"]
DOCUMENT_COLUMNS = ["id", "title", "kind", "adopted", "vote", "effective_from", "effective_to", "file", "computed_state"]
MEETING_COLUMNS = [
    "meeting", "date", "kind", "title", "present", "total", "invited", "published", "computed_published_late",
    "decision", "text", "approve", "vote", "computed_passed",
]

FIRM_COLUMNS = [
    "firm", "name", "credit_code", "complaint_phone", "computed_warned",
    "community", "community_name", "street", "evaluation_period", "evaluation_date",
    "computed_evaluation_percent", "computed_evaluation_grade",
    "computed_open_rectifications", "computed_overdue_rectifications", "project_party_organisation",
]
FIRMS_STEM = "firms"

# Which electorate a vote was counted against: its own `electorate`, or the community's.
ELECTORATE_FROM_VOTE, ELECTORATE_FROM_COMMUNITY = "vote", "community"


@dataclass(frozen=True)
class Dataset:
    stem: str                  # file name without extension
    label: str                 # shown on the 数据下载 page
    columns: list[str]
    rows: list[dict]           # CSV rows, keys from columns
    record: object = None      # JSON document; None: the CSV is a summary of other files


# ---------------------------------------------------------------- encoding

# Spreadsheet programs run a cell that starts with = + - @ as a formula (CSV injection),
# also in their full-width forms (＝＋－＠) and after leading spaces, tabs, zero-width
# characters or a byte-order mark (OWASP, CSV Injection): such text from the data gets a
# leading ' so it is shown, never evaluated. A cell starting with a tab or CR is escaped too.
_FORMULA_CHARS = frozenset("=+-@")


def _first_visible(value: str) -> str:
    for char in value:
        if not (char.isspace() or unicodedata.category(char) == "Cf"):
            return unicodedata.normalize("NFKC", char)[:1]
    return ""


def _cell(value):
    if isinstance(value, str) and value and (value[0] in "\t\r" or _first_visible(value) in _FORMULA_CHARS):
        return "'" + value
    return value


def _csv(columns: list[str], rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({key: _cell(value) for key, value in row.items()} for row in rows)
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def _decimal(value: Decimal) -> str:
    return format(value, "f")   # never exponent notation, digits as written


def _computed_money(value: Decimal) -> str:
    """A sum or balance the generator computed, in yuan and fen like the data ("0.00", not "0")."""
    return _decimal(value.quantize(Decimal("0.01")))


def plain(value):
    """A model value as JSON data: records in field order under their YAML names,
    Decimal as exact text, dates ISO. Anything else (a float) is refused."""
    if isinstance(value, Record):
        return {(info.alias or name): plain(getattr(value, name)) for name, info in type(value).model_fields.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, Decimal):
        return _decimal(value)
    if isinstance(value, Fraction):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, (str, bool, int)):
        return value
    raise TypeError(f"no exact JSON form for {type(value).__name__}")


def _json(data) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _text(value) -> str:
    """A CSV cell of an optional value: its JSON form as text, empty for none."""
    return "" if value is None else str(plain(value))


# ---------------------------------------------------------------- ledgers

def _ledger(account: str, period: str, ledger) -> tuple[Dataset, dict]:
    statement = statement_of(account, ledger)
    balance_after = {row.index: row.balance for row in statement.running}
    entries, rows = [], []
    for index, e in enumerate(ledger.entries):
        direction = "inflow" if is_inflow(account, e.type) else "outflow"
        entries.append({**plain(e), "computed_direction": direction,
                        "computed_balance_after": _computed_money(balance_after[index])})
        apportionment, emergency = e.apportionment, getattr(e, "emergency", None)
        rows.append({
            "id": e.id, "date": e.date.isoformat(), "type": e.type, "amount": _decimal(e.amount),
            "summary": e.summary, "counterparty": _text(e.counterparty), "voucher": _text(e.voucher),
            "vote": _text(e.vote), "source": _text(getattr(e, "source", None)),
            "authorized_by": _text(getattr(e, "authorized_by", None)),
            "emergency_reason": emergency.reason if emergency else "",
            "period": ledger.period, "from": _text(getattr(e, "from_", None)), "to": _text(getattr(e, "to", None)),
            "apportionment_basis": apportionment.basis if apportionment else "",
            "apportionment_scope": LIST_SEPARATOR.join(apportionment.scope) if apportionment else "",
            "emergency_approved_by": emergency.approved_by if emergency else "",
            "emergency_reported_on": emergency.reported_on.isoformat() if emergency else "",
            "computed_direction": direction, "computed_balance_after": _computed_money(balance_after[index]),
            "reason": _text(getattr(e, "reason", None)), "approved_by": _text(getattr(e, "approved_by", None)),
        })
    record = {
        "account": account,
        "period": ledger.period,
        "opening_balance": _decimal(ledger.opening_balance),
        "closing_balance": _decimal(ledger.closing_balance),
        "computed_inflow_total": _computed_money(statement.total_inflow),
        "computed_outflow_total": _computed_money(statement.total_outflow),
        "computed_closing_balance": _computed_money(statement.computed_closing),
        "computed_reconciles": statement.reconciles,
        "entries": entries,
    }
    summary = {
        "period": ledger.period, "opening_balance": record["opening_balance"],
        "computed_inflow_total": record["computed_inflow_total"],
        "computed_outflow_total": record["computed_outflow_total"],
        "computed_closing_balance": record["computed_closing_balance"],
        "closing_balance": record["closing_balance"], "entries": len(entries),
    }
    label = f"{ACCOUNT_TITLE[account]} {period_label(period)}明细"
    return Dataset(f"{account}-{period}", label, LEDGER_COLUMNS, rows, record), summary


def _ledgers(c, account: str) -> list[Dataset]:
    ledgers = c.ledgers(account)
    periods, summaries = [], []
    for period in sort_periods(ledgers):
        dataset, summary = _ledger(account, period, ledgers[period].model)
        periods.append(dataset)
        summaries.append(summary)
    overview = Dataset(f"{account}-periods", f"{ACCOUNT_TITLE[account]} 各期期初、期末余额", PERIOD_COLUMNS, summaries)
    return [overview, *periods]


# ---------------------------------------------------------------- votes

def _ratio(test, by_owners: bool) -> dict:
    # Head counts stay integers as in the YAML; areas are exact decimal text.
    figure = int if by_owners else _decimal
    return {"numerator": figure(test.numerator), "denominator": figure(test.denominator),
            # 0 of 0 (no one took part) has no ratio: null, not a "0" no script could recompute.
            "ratio": str(test.ratio) if test.denominator else None,
            "percent": percent_beside_threshold(test.ratio, test.met) if test.denominator else None,
            "threshold": str(test.threshold), "inclusive": test.inclusive, "met": test.met}


def _votes(c) -> Dataset:
    profile = c.profile.model if c.profile else None
    records, rows = [], []
    for vid, v in sorted(c.votes.items()):
        m = v.model
        electorate = electorate_of(m, profile)
        source = ELECTORATE_FROM_VOTE if m.electorate is not None else ELECTORATE_FROM_COMMUNITY
        outcome = compute_outcome(m, profile)
        records.append({
            "id": vid, **plain(m),
            "computed_electorate": None if electorate is None else {
                "owners": electorate.owners, "area_m2": _decimal(electorate.area_m2), "source": source},
            "computed_ratios": None if outcome is None else {
                "turnout_ratio_by_owners": _ratio(outcome.participation[0], by_owners=True),
                "turnout_ratio_by_area": _ratio(outcome.participation[1], by_owners=False),
                "approve_ratio_by_owners": _ratio(outcome.approval[0], by_owners=True),
                "approve_ratio_by_area": _ratio(outcome.approval[1], by_owners=False),
            },
            "computed_supermajority": None if outcome is None else outcome.supermajority,
            "computed_result": outcome.result if outcome else None,
            "computed_reason": outcome.reason if outcome else None,
        })
        row = {"id": vid, "title": m.title, "matter": m.matter, "start": m.voting.start.isoformat(),
               "end": m.voting.end.isoformat(), "budget": _text(m.budget)}
        for key in TALLY:
            t = getattr(m, key)
            row[f"{key}_owners"] = t.owners if t else ""
            row[f"{key}_area_m2"] = _decimal(t.area_m2) if t else ""
        row.update({
            "computed_result": outcome.result if outcome else "", "declared_result": _text(m.declared_result),
            "notice": _text(m.notice),
            "reported_party_org": _text(m.reported.party_org if m.reported else None),
            "reported_street": _text(m.reported.street if m.reported else None),
            "electorate_owners": electorate.owners if electorate else "",
            "electorate_area_m2": _decimal(electorate.area_m2) if electorate else "",
            "electorate_source": source if electorate else "",
        })
        rows.append(row)
    return Dataset("votes", "表决及计票", VOTE_COLUMNS, rows, records)


# ---------------------------------------------------------------- inspections

def _inspections(c, as_of: date) -> Dataset:
    records, rows = [], []
    for iid, i in sorted(c.inspections.items()):
        m = i.model
        record = {"id": iid, **plain(m)}
        # Status at the build date: rectified, in_progress or overdue; null for items that did not fail.
        record["items"] = [{**plain(item), "computed_status": item_status(item, as_of)} for item in m.items]
        records.append(record)
        for item in m.items:
            rows.append({"inspection": iid, "date": m.date.isoformat(), "authority": m.authority,
                         "kind": m.kind, "check": item.check, "result": item.result,
                         "finding": _text(item.finding), "rectify_by": _text(item.rectify_by),
                         "rectified_on": _text(item.rectified_on),
                         "source": m.source, "conclusion": _text(m.conclusion)})
    return Dataset("inspections", "监督检查项目", INSPECTION_COLUMNS, rows, records)


# ---------------------------------------------------------------- evaluations

def _evaluations(c, grades) -> list[Dataset]:
    records, rows, scores = [], [], []
    for period in sort_periods(c.evaluations):
        ev = c.evaluations[period].model
        total, maximum = total_score(ev)
        ratio = score_percent(ev)
        rate = satisfaction_rate(ev)
        records.append({
            "period": period, **plain(ev),
            "computed_total": _decimal(total), "computed_max": _decimal(maximum),
            "computed_percent": percent_beside_grade(ratio / 100), "computed_grade": grade_for(ratio, grades),
            "computed_satisfaction_rate": percent(rate) if rate is not None else None,
        })
        rows.append({"period": period, "evaluated": ev.evaluated, "date": ev.date.isoformat(),
                     "total": str(total), "max": str(maximum), "percent": percent_beside_grade(ratio / 100),
                     "grade": grade_for(ratio, grades), "declared_grade": ev.declared_grade,
                     "surveyed": ev.satisfaction.surveyed if ev.satisfaction else "",
                     "satisfied": ev.satisfaction.satisfied if ev.satisfaction else "",
                     "evaluators": LIST_SEPARATOR.join(ev.evaluators),
                     "satisfaction_method": _text(ev.satisfaction.method if ev.satisfaction else None)})
        scores.extend({"period": period, "category": cat.name, "max": _decimal(cat.max), "score": _decimal(cat.score)}
                      for cat in ev.categories)
    return [Dataset("evaluations", "履约考评", EVALUATION_COLUMNS, rows, records),
            Dataset("evaluation-scores", "履约考评分项得分", SCORE_COLUMNS, scores)]


# ---------------------------------------------------------------- documents and meetings

def _documents(c, as_of: date) -> Dataset:
    records, rows = [], []
    for did, d in sorted(c.documents.items()):
        m = d.model
        state = document_state(m, as_of)
        records.append({"id": did, **plain(m), "computed_state": state})
        rows.append({"id": did, "title": m.title, "kind": m.kind, "adopted": m.adopted.isoformat(),
                     "vote": _text(m.vote), "effective_from": m.effective.from_.isoformat(),
                     "effective_to": _text(m.effective.to), "file": _text(m.file), "computed_state": state})
    return Dataset("documents", "制度文件", DOCUMENT_COLUMNS, rows, records)


def _passed(value: bool | None) -> str:
    return "" if value is None else ("true" if value else "false")


def _meetings(c, as_of: date, publish_days: int) -> Dataset:
    records, rows = [], []
    for mid, loaded in sorted(c.meetings.items()):
        m = loaded.model
        late = publication(m, as_of, publish_days).late
        record = {"id": mid, **plain(m), "computed_published_late": late}
        record["decisions"] = [{**plain(d), "computed_passed": decision_passed(m, d)} for d in m.decisions]
        records.append(record)
        for index, d in enumerate(m.decisions, start=1):
            rows.append({"meeting": mid, "date": m.date.isoformat(), "kind": m.kind, "title": _text(m.title),
                         "present": m.members.present if m.members else "", "total": m.members.total if m.members else "",
                         "invited": LIST_SEPARATOR.join(m.invited), "published": _text(m.published),
                         "computed_published_late": "true" if late else "false",
                         "decision": index, "text": d.text, "approve": _text(d.approve), "vote": _text(d.vote),
                         "computed_passed": _passed(decision_passed(m, d))})
    return Dataset("meetings", "会议与决定", MEETING_COLUMNS, rows, records)


# ---------------------------------------------------------------- firms

def _served(s) -> dict:
    e = s.evaluation
    return {
        "community": s.slug, "name": s.name, "street": s.street,
        "computed_latest_evaluation": None if e is None else {
            "period": e.period, "date": e.evaluated_on.isoformat(),
            "percent": percent_beside_grade(e.score_percent / 100), "grade": e.grade},
        "computed_open_rectifications": s.rectifications.open,
        "computed_overdue_rectifications": s.rectifications.overdue,
        "computed_overdue_items": [{"inspection": iid, "check": item.check, "rectify_by": item.rectify_by.isoformat()}
                                   for iid, item in s.rectifications.overdue_items],
        "project_party_organisation": s.project_party_organisation,
    }


def firms_dataset(portal, records: list[FirmRecord]) -> Dataset:
    """The register of firms (data/firms/) with what the district knows of each
    (analysis/firms.firm_records, which the firm pages and the 警示名单 read too): the
    communities it serves, its latest evaluation and open rectifications in each, and
    whether it is on the 警示名单."""
    register, rows = [], []
    for record in records:
        firm = portal.firms[record.id].model
        served = [_served(s) for s in record.served]
        register.append({
            "id": record.id, **plain(firm),
            "computed_served": served,
            "computed_open_rectifications": record.open,
            "computed_overdue_rectifications": record.overdue,
            "computed_failing_in": [s.slug for s in record.failing],
            "computed_warned": record.warned,
        })
        common = {"firm": record.id, "name": firm.name, "credit_code": firm.credit_code,
                  "complaint_phone": _text(firm.complaint_phone), "computed_warned": "true" if record.warned else "false"}
        if not served:   # still listed: the register is public whether or not a community names the firm
            rows.append({**dict.fromkeys(FIRM_COLUMNS, ""), **common})
        for s in served:
            e = s["computed_latest_evaluation"] or {}
            rows.append({**common, "community": s["community"], "community_name": s["name"], "street": s["street"],
                         "evaluation_period": e.get("period", ""), "evaluation_date": e.get("date", ""),
                         "computed_evaluation_percent": e.get("percent", ""),
                         "computed_evaluation_grade": e.get("grade", ""),
                         "computed_open_rectifications": s["computed_open_rectifications"],
                         "computed_overdue_rectifications": s["computed_overdue_rectifications"],
                         "project_party_organisation": _text(s["project_party_organisation"])})
    return Dataset(FIRMS_STEM, "物业服务企业名录及行为记录", FIRM_COLUMNS, rows, register)


# ---------------------------------------------------------------- files

def datasets(ctx) -> list[Dataset]:
    """Every dataset of one community, in the order of the 数据下载 page."""
    c = ctx.community
    return [
        *(dataset for account in ACCOUNTS for dataset in _ledgers(c, account)),
        _votes(c),
        _inspections(c, ctx.as_of),
        *_evaluations(c, ctx.portal.rules.grades),
        _documents(c, ctx.as_of),
        _meetings(c, ctx.as_of, ctx.portal.rules.meeting_publish_days),
        # A lone community's site is the portal and holds the firm pages; a district's overview does.
        *([firms_dataset(ctx.portal, firm_records(ctx.portal, ctx.as_of))]
          if ctx.portal.firms and not ctx.in_district else []),
    ]


def write_downloads(ctx, docs_dir: Path) -> list[dict]:
    """Write the files into docs_dir/downloads; return the rows of the 数据下载 page."""
    folder = docs_dir / DOWNLOADS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    sets = datasets(ctx)
    # The same rows as one .xlsx workbook, a sheet per CSV file (workbook.py).
    rows = [workbook_row(sets, folder, ctx.community.slug, ctx.profile.name if ctx.profile else ctx.community.slug,
                         ctx.as_of)]
    return rows + write_datasets(sets, folder)


def write_datasets(sets: list[Dataset], folder: Path) -> list[dict]:
    """Write each dataset's CSV (and JSON) into `folder`; their rows of a download table
    (paths relative to the folder's parent, the site root)."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for d in sets:
        (folder / f"{d.stem}.csv").write_bytes(_csv(d.columns, d.rows))
        row = {"label": d.label, "csv": f"{DOWNLOADS_FOLDER}/{d.stem}.csv", "csv_name": f"{d.stem}.csv",
               "json": None, "json_name": None}
        if d.record is not None:
            (folder / f"{d.stem}.json").write_bytes(_json(d.record))
            row.update(json=f"{DOWNLOADS_FOLDER}/{d.stem}.json", json_name=f"{d.stem}.json")
        rows.append(row)
    return rows
