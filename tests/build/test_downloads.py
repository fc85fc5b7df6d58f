"""数据下载: the CSV and JSON files of the sample hold every YAML value and let anyone
re-check the published figures from the download alone.

Expected values come from the YAML (helpers.read_yaml keeps money as Decimal) and from
civil code art. 278 written out here, never from the generator's own code.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from tests.build.helpers import COMMUNITY, INFLOW_TYPES, copy_sample, read_page, read_yaml, replace_in
from tests.corpus.runner import build as gongshi_build

ACCOUNTS = ("maintenance-fund", "public-revenue")
LEDGERS = [(account, path.stem) for account in ACCOUNTS for path in sorted((COMMUNITY / account).glob("*.yml"))]

# The columns published before the downloads were completed, written out so that a
# rename or reorder fails here: committees' scripts read them by position and name.
OLD_LEDGER_HEADER = ["id", "date", "type", "amount", "summary", "counterparty", "voucher", "vote", "source",
                     "authorized_by", "emergency_reason"]
OLD_VOTE_HEADER = ["id", "title", "matter", "start", "end", "budget", "turnout_owners", "turnout_area_m2",
                   "approve_owners", "approve_area_m2", "oppose_owners", "oppose_area_m2", "abstain_owners",
                   "abstain_area_m2", "computed_result", "declared_result"]
OLD_INSPECTION_HEADER = ["inspection", "date", "authority", "kind", "check", "result", "finding", "rectify_by",
                         "rectified_on"]
OLD_EVALUATION_HEADER = ["period", "evaluated", "date", "total", "max", "percent", "grade", "declared_grade",
                         "surveyed", "satisfied"]


def _no_float(text):
    raise AssertionError(f"a JSON download holds the float {text}: money and areas must be exact text")


def read_json(site, stem: str):
    raw = (site / "downloads" / f"{stem}.json").read_bytes()
    return json.loads(raw.decode("utf-8"), parse_float=_no_float)


def read_csv_file(site, stem: str) -> tuple[list[str], list[dict]]:
    raw = (site / "downloads" / f"{stem}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV needs the UTF-8 BOM for spreadsheet programs"
    reader = csv.DictReader(io.StringIO(raw[3:].decode("utf-8")))
    return list(reader.fieldnames or []), list(reader)


def read_csv(site, stem: str) -> list[dict]:
    return read_csv_file(site, stem)[1]


def by_key(records: list[dict], key: str) -> dict[str, dict]:
    keyed = {record[key]: record for record in records}
    assert len(keyed) == len(records), f"duplicate {key} in a download"
    return keyed


# ------------------------------------------------------------------ the page and its files

def test_downloads_page_links_every_file_and_the_files_exist(built_sample_site):
    page = read_page(built_sample_site, "downloads/")
    files = [href for href, _ in page.links if href.endswith((".csv", ".json"))]
    expected = ({f"{account}-{period}" for account, period in LEDGERS} | {f"{a}-periods" for a in ACCOUNTS}
                | {"votes", "inspections", "evaluations", "evaluation-scores", "documents", "meetings", "firms"})
    assert {f.rsplit(".", 1)[0] for f in files} == expected
    for href in files:
        assert (built_sample_site / "downloads" / href).is_file(), href
    # every CSV is listed; the summaries (periods, scores) have no JSON of their own
    assert {f for f in files if f.endswith(".csv")} == {f"{stem}.csv" for stem in expected}
    assert "evaluation-scores.json" not in files and "maintenance-fund-periods.json" not in files
    assert "履约考评分项得分" in page.text and "computed_" in page.text


# ------------------------------------------------------------------ every YAML value reaches the JSON

def _as_text(value) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def assert_contains(yaml_value, json_value, where: str) -> None:
    """Walk the YAML: every mapping key exists in the JSON, lists have the same length,
    and every scalar leaf is equal as text (Decimal "60000.00" stays "60000.00")."""
    if isinstance(yaml_value, dict):
        assert isinstance(json_value, dict), f"{where}: expected an object, got {json_value!r}"
        for key, value in yaml_value.items():
            assert key in json_value, f"{where}.{key} is missing from the download"
            assert_contains(value, json_value[key], f"{where}.{key}")
    elif isinstance(yaml_value, list):
        assert isinstance(json_value, list) and len(json_value) == len(yaml_value), where
        for index, (item, json_item) in enumerate(zip(yaml_value, json_value)):
            assert_contains(item, json_item, f"{where}[{index}]")
    elif yaml_value is None:
        assert json_value is None, where
    else:
        assert not isinstance(json_value, (dict, list)), where
        if isinstance(yaml_value, Decimal):
            assert isinstance(json_value, str), f"{where}: money and areas are exact text, got {json_value!r}"
        assert _as_text(json_value) == _as_text(yaml_value), f"{where}: {json_value!r} != YAML {yaml_value!r}"


def _yaml_files():
    files = [path for account in ACCOUNTS for path in sorted((COMMUNITY / account).glob("*.yml"))]
    for folder in ("votes", "inspections", "evaluations", "documents", "meetings"):
        files += sorted((COMMUNITY / folder).glob("*.yml"))
    return [path.relative_to(COMMUNITY).as_posix() for path in files]


@pytest.mark.parametrize("rel", _yaml_files())
def test_json_download_holds_every_value_of_the_yaml(built_sample_site, rel):
    folder, stem = rel.split("/")[0], rel.split("/")[1].removesuffix(".yml")
    data = read_yaml(COMMUNITY / rel)
    if folder in ACCOUNTS:
        record = read_json(built_sample_site, f"{folder}-{stem}")
    elif folder == "evaluations":
        record = by_key(read_json(built_sample_site, "evaluations"), "period")[stem]
    else:
        record = by_key(read_json(built_sample_site, folder), "id")[stem]
    assert_contains(data, record, rel)


def test_the_sample_exercises_the_nested_and_rare_fields():
    # The completeness test only proves what the sample holds: make sure it holds these.
    text = "".join(path.read_text(encoding="utf-8") for rel in _yaml_files() for path in [COMMUNITY / rel])
    for key in ("apportionment:", "emergency:", "approved_by:", "reported_on:", "from:", "to:", "authorized_by:",
                "electorate:", "reported:", "notice:", "conclusion:", "evaluators:", "method:", "source:"):
        assert key in text, key


# ------------------------------------------------------------------ ledgers

@pytest.mark.parametrize("account, period", LEDGERS)
def test_period_json_rebuilds_the_statement_on_its_own(built_sample_site, account, period):
    record = read_json(built_sample_site, f"{account}-{period}")
    assert record["period"] == period and record["account"] == account
    inflow = sum((Decimal(e["amount"]) for e in record["entries"] if e["type"] in INFLOW_TYPES[account]), Decimal(0))
    outflow = sum((Decimal(e["amount"]) for e in record["entries"] if e["type"] not in INFLOW_TYPES[account]),
                  Decimal(0))
    assert Decimal(record["opening_balance"]) + inflow - outflow == Decimal(record["closing_balance"])
    assert Decimal(record["computed_inflow_total"]) == inflow
    assert Decimal(record["computed_outflow_total"]) == outflow
    assert Decimal(record["computed_closing_balance"]) == Decimal(record["closing_balance"])
    assert record["computed_reconciles"] is True
    # the declared figures are the YAML's, as written
    ledger = read_yaml(COMMUNITY / account / f"{period}.yml")
    assert record["opening_balance"] == str(ledger["opening_balance"])
    assert record["closing_balance"] == str(ledger["closing_balance"])
    # the last running balance (entries in date order) is the closing balance
    last = max(range(len(record["entries"])), key=lambda i: (record["entries"][i]["date"], i))
    assert record["entries"][last]["computed_balance_after"] == record["computed_closing_balance"]


@pytest.mark.parametrize("account, period", LEDGERS)
def test_csv_and_json_reconcile_with_the_ledger(built_sample_site, account, period):
    ledger = read_yaml(COMMUNITY / account / f"{period}.yml")
    rows = read_csv(built_sample_site, f"{account}-{period}")
    record = read_json(built_sample_site, f"{account}-{period}")
    assert [r["id"] for r in rows] == [e["id"] for e in ledger["entries"]] == [e["id"] for e in record["entries"]]
    for row, entry in zip(rows, record["entries"]):
        assert row["amount"] == entry["amount"] and row["type"] == entry["type"] and row["period"] == period
    inflow = sum((Decimal(r["amount"]) for r in rows if r["type"] in INFLOW_TYPES[account]), Decimal(0))
    outflow = sum((Decimal(r["amount"]) for r in rows if r["type"] not in INFLOW_TYPES[account]), Decimal(0))
    assert ledger["opening_balance"] + inflow - outflow == ledger["closing_balance"]
    # the ledger page states the same totals
    text = read_page(built_sample_site, f"{account}/{period}/").text
    assert f"本期收入合计 {inflow:,.2f}" in text and f"本期支出合计 {outflow:,.2f}" in text


@pytest.mark.parametrize("account", ACCOUNTS)
def test_periods_csv_chains_opening_and_closing_balances(built_sample_site, account):
    header, rows = read_csv_file(built_sample_site, f"{account}-periods")
    assert header == ["period", "opening_balance", "computed_inflow_total", "computed_outflow_total",
                      "computed_closing_balance", "closing_balance", "entries"]
    periods = [period for a, period in LEDGERS if a == account]
    assert [r["period"] for r in rows] == periods
    for row in rows:
        ledger = read_yaml(COMMUNITY / account / f"{row['period']}.yml")
        assert row["opening_balance"] == str(ledger["opening_balance"])
        assert row["closing_balance"] == str(ledger["closing_balance"])
        assert int(row["entries"]) == len(ledger["entries"])
        assert (Decimal(row["opening_balance"]) + Decimal(row["computed_inflow_total"])
                - Decimal(row["computed_outflow_total"])) == Decimal(row["computed_closing_balance"])
    for before, after in zip(rows, rows[1:]):
        assert after["opening_balance"] == before["closing_balance"]


def test_ledger_csv_flattens_apportionment_emergency_and_transfers(built_sample_site):
    rows = by_key(read_csv(built_sample_site, "maintenance-fund-2026-H1"), "id")
    emergency = rows["mf-2026-003"]
    assert emergency["apportionment_basis"] == "area"
    assert emergency["apportionment_scope"] == "1号楼、2号楼、3号楼、4号楼、5号楼、6号楼"
    assert emergency["emergency_reason"] == "消防水泵电机烧毁，消防供水系统失效"
    assert emergency["emergency_approved_by"] == "示例家园小区业主委员会"
    assert emergency["emergency_reported_on"] == "2026-05-12"
    assert emergency["computed_direction"] == "outflow"
    assert rows["mf-2026-001"]["from"] == "public-revenue" and rows["mf-2026-001"]["to"] == ""
    revenue = by_key(read_csv(built_sample_site, "public-revenue-2026-H1"), "id")
    assert revenue["pr-2026-004"]["to"] == "maintenance-fund"
    assert revenue["pr-2026-007"]["authorized_by"] == "管理规约第二十条"
    assert revenue["pr-2026-001"]["source"] == "lease"


# ------------------------------------------------------------------ CSV headers

@pytest.mark.parametrize("stem, old", [
    *[(f"{account}-{period}", OLD_LEDGER_HEADER) for account, period in LEDGERS],
    ("votes", OLD_VOTE_HEADER), ("inspections", OLD_INSPECTION_HEADER), ("evaluations", OLD_EVALUATION_HEADER),
])
def test_csv_keeps_the_old_columns_first_and_only_appends(built_sample_site, stem, old):
    header, _ = read_csv_file(built_sample_site, stem)
    assert header[:len(old)] == old
    assert len(header) > len(old)


def test_new_csv_columns_are_appended_in_this_order(built_sample_site):
    assert read_csv_file(built_sample_site, "maintenance-fund-2026-H1")[0][len(OLD_LEDGER_HEADER):] == [
        "period", "from", "to", "apportionment_basis", "apportionment_scope", "emergency_approved_by",
        "emergency_reported_on", "computed_direction", "computed_balance_after", "reason", "approved_by"]
    assert read_csv_file(built_sample_site, "votes")[0][len(OLD_VOTE_HEADER):] == [
        "notice", "reported_party_org", "reported_street", "electorate_owners", "electorate_area_m2",
        "electorate_source"]
    assert read_csv_file(built_sample_site, "inspections")[0][len(OLD_INSPECTION_HEADER):] == ["source", "conclusion"]
    assert read_csv_file(built_sample_site, "evaluations")[0][len(OLD_EVALUATION_HEADER):] == [
        "evaluators", "satisfaction_method"]


def test_a_refunds_reason_and_approval_are_in_the_csv(built_sample_site):
    refund = next(row for row in read_csv(built_sample_site, "maintenance-fund-2025-H1") if row["type"] == "refund")
    assert (refund["reason"], refund["approved_by"]) == ("业主重复交存首期维修资金", "某市住房专项维修资金管理中心")


def test_empty_dataset_still_writes_its_header():
    from generator.render.downloads import VOTE_COLUMNS, _csv

    assert _csv(VOTE_COLUMNS, []) == b"\xef\xbb\xbf" + (",".join(VOTE_COLUMNS) + "\r\n").encode()


FORMULA = '=HYPERLINK("https://evil.example","点我")'
FORMULA_LEDGER = "maintenance-fund/2025-H1"
FORMULA_ENTRY = "mf-2025-002"


@pytest.fixture(scope="module")
def formula_site(tmp_path_factory):
    """The sample with one summary that starts like a spreadsheet formula, built (no PDFs)
    by `gongshi build` in a subprocess, as a committee's CI does."""
    project = tmp_path_factory.mktemp("formula")
    data = copy_sample(project)
    replace_in(data / "communities/shili-jiayuan" / f"{FORMULA_LEDGER}.yml",
               "summary: 6号楼底商3套新售房屋首期交存", f"summary: '{FORMULA}'")
    result = gongshi_build(project, "--no-pdf")
    assert result.exit == 0, result.output[-3000:]
    return project / "site", read_yaml(data / "communities/shili-jiayuan" / f"{FORMULA_LEDGER}.yml")


def test_text_starting_like_a_formula_is_quoted_in_csv_but_exact_in_json(formula_site):
    site, ledger = formula_site
    stem = FORMULA_LEDGER.replace("/", "-")
    # CSV: a spreadsheet shows the text and never runs it.
    assert by_key(read_csv(site, stem), "id")[FORMULA_ENTRY]["summary"] == "'" + FORMULA
    # JSON: the text exactly as written, and every amount as the exact decimal text of the
    # YAML ("45600.00", never 45600 or 4.56E+4); read_json refuses any float.
    entries = by_key(read_json(site, stem)["entries"], "id")
    assert entries[FORMULA_ENTRY]["summary"] == FORMULA
    assert entries[FORMULA_ENTRY]["amount"] == "45600.00"
    for entry in ledger["entries"]:
        assert entries[entry["id"]]["amount"] == str(entry["amount"]), entry["id"]
    assert by_key(read_csv(site, stem), "id")[FORMULA_ENTRY]["amount"] == "45600.00"


@pytest.mark.parametrize("text", [
    "=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1",
    "＝HYPERLINK(\"x\")", "＋1", "－1", "＠SUM(A1)", "﹦1",                # full-width and small forms
    " =1", "  +1", "\u3000=1", "\u00a0=1", "\t =1",                   # spaces and tabs before
    "\u200b=1", "\u200d@x", "\ufeff=1", "\u2060-1", "\u00ad=1",       # zero-width characters, a BOM
])
def test_every_form_of_a_formula_start_is_escaped(text):
    # OWASP CSV injection: spreadsheet programs skip these before deciding a cell is a formula.
    import csv
    import io

    from generator.render.downloads import _csv

    rows = list(csv.reader(io.StringIO(_csv(["summary"], [{"summary": text}]).decode("utf-8-sig"))))
    assert rows[1] == ["'" + text]


@pytest.mark.parametrize("text", ["正常摘要", "3号楼 = 屋面", "A-1", "email@example.org", "", "（＝）", "\u200b正文"])
def test_text_that_does_not_start_like_a_formula_is_left_alone(text):
    import csv
    import io

    from generator.render.downloads import _csv

    rows = list(csv.reader(io.StringIO(_csv(["summary"], [{"summary": text}]).decode("utf-8-sig"))))
    assert rows[1] == [text]


# ------------------------------------------------------------------ votes

# 民法典第278条 and 第1259条: participation ≥ 2/3 by headcount and area; these matters then
# need ≥ 3/4 of the participants, every other matter more than half.
SUPERMAJORITY_MATTERS = {"raise_fund", "rebuild", "change_use"}


def test_votes_csv_carries_tallies_and_computed_results(built_sample_site):
    rows = by_key(read_csv(built_sample_site, "votes"), "id")
    assert rows["2025-elevator"]["computed_result"] == "passed"
    assert rows["2026-advertising"]["computed_result"] == "failed"
    vote = read_yaml(COMMUNITY / "votes" / "2025-elevator.yml")
    assert Decimal(rows["2025-elevator"]["turnout_area_m2"]) == vote["turnout"]["area_m2"]
    assert rows["2025-elevator"]["notice"] == vote["notice"]
    assert rows["2025-elevator"]["reported_street"] == vote["reported"]["street"].isoformat()


def test_votes_name_the_electorate_they_were_counted_against(built_sample_site):
    community = read_yaml(COMMUNITY / "community.yml")
    records = by_key(read_json(built_sample_site, "votes"), "id")
    rows = by_key(read_csv(built_sample_site, "votes"), "id")
    sources = set()
    for vid, record in records.items():
        vote = read_yaml(COMMUNITY / "votes" / f"{vid}.yml")
        own = vote.get("electorate")
        expected = ((own["owners"], str(own["area_m2"]), "vote") if own
                    else (community["owners"], str(community["exclusive_area_m2"]), "community"))
        used = record["computed_electorate"]
        assert (used["owners"], used["area_m2"], used["source"]) == expected, vid
        assert (int(rows[vid]["electorate_owners"]), rows[vid]["electorate_area_m2"],
                rows[vid]["electorate_source"]) == expected, vid
        sources.add(expected[2])
    assert sources == {"vote", "community"}   # the sample has both kinds


def test_vote_ratios_and_result_recompute_from_the_json_alone(built_sample_site):
    for record in read_json(built_sample_site, "votes"):
        electorate, turnout, approve = record["computed_electorate"], record["turnout"], record["approve"]
        ratios = {
            "turnout_ratio_by_owners": Fraction(turnout["owners"], electorate["owners"]),
            "turnout_ratio_by_area": Fraction(Decimal(turnout["area_m2"])) / Fraction(Decimal(electorate["area_m2"])),
            "approve_ratio_by_owners": Fraction(approve["owners"], turnout["owners"]),
            "approve_ratio_by_area": Fraction(Decimal(approve["area_m2"])) / Fraction(Decimal(turnout["area_m2"])),
        }
        supermajority = record["matter"] in SUPERMAJORITY_MATTERS
        approval = Fraction(3, 4) if supermajority else Fraction(1, 2)
        met = {
            "turnout_ratio_by_owners": ratios["turnout_ratio_by_owners"] >= Fraction(2, 3),
            "turnout_ratio_by_area": ratios["turnout_ratio_by_area"] >= Fraction(2, 3),
            "approve_ratio_by_owners": (ratios["approve_ratio_by_owners"] >= approval if supermajority
                                        else ratios["approve_ratio_by_owners"] > approval),
            "approve_ratio_by_area": (ratios["approve_ratio_by_area"] >= approval if supermajority
                                      else ratios["approve_ratio_by_area"] > approval),
        }
        for name, ratio in ratios.items():
            stated = record["computed_ratios"][name]
            assert Fraction(stated["ratio"]) == ratio, (record["id"], name)
            assert Fraction(Decimal(str(stated["numerator"]))) / Fraction(Decimal(str(stated["denominator"]))) == ratio
            assert stated["met"] is met[name], (record["id"], name)
        assert record["computed_result"] == ("passed" if all(met.values()) else "failed")
        assert record["computed_result"] == record["declared_result"]


# ------------------------------------------------------------------ inspections and evaluations

def test_inspections_csv_carries_source_and_conclusion(built_sample_site):
    rows = read_csv(built_sample_site, "inspections")
    for iid in {r["inspection"] for r in rows}:
        inspection = read_yaml(COMMUNITY / "inspections" / f"{iid}.yml")
        mine = [r for r in rows if r["inspection"] == iid]
        assert len(mine) == len(inspection["items"])
        assert {r["source"] for r in mine} == {inspection["source"]}
        assert {r["conclusion"] for r in mine} == {inspection.get("conclusion") or ""}


def test_inspection_json_marks_the_overdue_item(built_sample_site):
    record = by_key(read_json(built_sample_site, "inspections"), "id")["2026-street-facilities"]
    statuses = {item["check"]: item["computed_status"] for item in record["items"]}
    assert statuses["小区道路、井盖是否完好"] == "overdue"


def test_evaluation_scores_csv_has_one_row_per_period_and_category(built_sample_site):
    header, rows = read_csv_file(built_sample_site, "evaluation-scores")
    assert header == ["period", "category", "max", "score"]
    expected = []
    for path in sorted((COMMUNITY / "evaluations").glob("*.yml")):
        expected += [{"period": path.stem, "category": c["name"], "max": str(c["max"]), "score": str(c["score"])}
                     for c in read_yaml(path)["categories"]]
    assert rows == expected


def test_evaluations_json_totals_and_csv_extras(built_sample_site):
    records = by_key(read_json(built_sample_site, "evaluations"), "period")
    rows = by_key(read_csv(built_sample_site, "evaluations"), "period")
    for period, record in records.items():
        evaluation = read_yaml(COMMUNITY / "evaluations" / f"{period}.yml")
        total = sum((Decimal(c["score"]) for c in record["categories"]), Decimal(0))
        maximum = sum((Decimal(c["max"]) for c in record["categories"]), Decimal(0))
        assert (Decimal(record["computed_total"]), Decimal(record["computed_max"])) == (total, maximum)
        assert record["computed_grade"] == record["declared_grade"] == evaluation["declared_grade"]
        assert rows[period]["evaluators"] == "、".join(evaluation["evaluators"])
        assert rows[period]["satisfaction_method"] == evaluation["satisfaction"]["method"]


def test_documents_csv_and_json(built_sample_site):
    rows = {row["id"]: row for row in read_csv(built_sample_site, "documents")}
    assert rows["2023-covenant"] == {
        "id": "2023-covenant", "title": "示例家园管理规约（2023年修订）", "kind": "covenant", "adopted": "2023-05-20",
        "vote": "2023-covenant", "effective_from": "2023-06-01", "effective_to": "", "file": "",
        "computed_state": "current"}
    record = by_key(read_json(built_sample_site, "documents"), "id")["2023-covenant"]
    assert record["body"].startswith("## 第一章 总则") and record["effective"] == {"from": "2023-06-01", "to": None}


def test_meetings_csv_has_one_row_per_decision(built_sample_site):
    rows = [row for row in read_csv(built_sample_site, "meetings") if row["meeting"] == "2026-02-committee"]
    assert [(r["decision"], r["approve"], r["vote"], r["computed_passed"]) for r in rows] == [
        ("1", "6", "2026-monitoring", "true"), ("2", "5", "", "true")]
    assert {(r["present"], r["total"], r["published"], r["computed_published_late"]) for r in rows} == {
        ("6", "7", "2026-02-14", "false")}
    joint = [row for row in read_csv(built_sample_site, "meetings") if row["meeting"] == "2026-11-joint"]
    assert {(r["present"], r["approve"], r["computed_passed"]) for r in joint} == {("", "", "")}
    record = by_key(read_json(built_sample_site, "meetings"), "id")["2026-11-committee"]
    assert [d["computed_passed"] for d in record["decisions"]] == [True, True]
    assert record["computed_published_late"] is False


# ------------------------------------------------------------------ the register of firms
# A lone community's site is the portal: the firm pages and the register's files are its own.

FIRM_FILE = COMMUNITY.parent.parent / "firms" / "moumou-wuye.yml"


def test_firms_json_holds_every_value_of_the_register(built_sample_site):
    record = by_key(read_json(built_sample_site, "firms"), "id")["moumou-wuye"]
    assert_contains(read_yaml(FIRM_FILE), record, "firms/moumou-wuye.yml")


def test_firms_csv_row_per_served_community_agrees_with_the_other_downloads(built_sample_site):
    firm, profile = read_yaml(FIRM_FILE), read_yaml(COMMUNITY / "community.yml")
    header, rows = read_csv_file(built_sample_site, "firms")
    assert header == ["firm", "name", "credit_code", "complaint_phone", "computed_warned", "community",
                      "community_name", "street", "evaluation_period", "evaluation_date",
                      "computed_evaluation_percent", "computed_evaluation_grade", "computed_open_rectifications",
                      "computed_overdue_rectifications", "project_party_organisation"]
    [row] = rows
    latest = max(path.stem for path in (COMMUNITY / "evaluations").glob("*.yml"))
    evaluation = by_key(read_csv(built_sample_site, "evaluations"), "period")[latest]
    # The one overdue item of the sample (2026-street-facilities, due 2026-11-20) and nothing else open.
    inspections = read_csv(built_sample_site, "inspections")
    failed = [r for r in inspections if r["result"] == "fail" and not r["rectified_on"]]
    assert row == {
        "firm": "moumou-wuye", "name": firm["name"], "credit_code": firm["credit_code"],
        "complaint_phone": firm["complaint_phone"], "computed_warned": "false",
        "community": COMMUNITY.name, "community_name": profile["name"], "street": profile["street"],
        "evaluation_period": latest, "evaluation_date": evaluation["date"],
        "computed_evaluation_percent": evaluation["percent"], "computed_evaluation_grade": evaluation["grade"],
        "computed_open_rectifications": str(len(failed)), "computed_overdue_rectifications": "1",
        "project_party_organisation": profile["property_manager"]["party_organisation"]["name"],
    }
    record = by_key(read_json(built_sample_site, "firms"), "id")["moumou-wuye"]
    assert record["computed_served"][0]["computed_overdue_items"] == [
        {"inspection": "2026-street-facilities", "check": "小区道路、井盖是否完好", "rectify_by": "2026-11-20"}]
    assert (record["computed_warned"], record["computed_failing_in"]) == (False, [])


def test_the_firm_page_and_the_downloads_page_link_the_register(built_sample_site):
    firm_page = read_page(built_sample_site, "firms/moumou-wuye/")
    assert {"../../downloads/firms.csv", "../../downloads/firms.json"} <= {href for href, _ in firm_page.links}
    downloads = read_page(built_sample_site, "downloads/")
    assert "物业服务企业名录及行为记录" in downloads.text and "物业服务企业名录每行是一家企业所服务的一个小区" in downloads.text
