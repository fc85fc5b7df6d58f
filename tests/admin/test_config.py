"""config.yml of the web forms, pinned against the data models."""

from __future__ import annotations

import shutil
import typing

import pytest
import yaml

from generator.admin import config_text
from generator.admin.config import IDENTIFIERS
from generator.load.discover import RECORD_FOLDERS
from generator.model import labels
from generator.model.records import KINDS
from generator.pipeline import load_portal
from tests.conftest import SAMPLE_DATA

BACKENDS = {
    "local": "admin:\n  backend: local\n",
    "github": "admin:\n  backend: github\n  repo: shili/gongshi-data\n  base_url: https://auth.example.org/\n",
    "gitea": "admin:\n  backend: gitea\n  repo: shili/gongshi-data\n  branch: cms/forms\n  base_url: https://git.example.org/\n"
             "  app_id: 1a2b\n",
}


def _config(tmp_path, admin: str) -> dict:
    data = tmp_path / "data"
    shutil.copytree(SAMPLE_DATA, data)
    with (data / "site.yml").open("a", encoding="utf-8") as site:
        site.write(admin)
    portal, problems = load_portal(data)
    assert not [p for p in problems if p.is_error]
    return yaml.safe_load(config_text(portal))


@pytest.fixture(scope="module")
def config(tmp_path_factory) -> dict:
    return _config(tmp_path_factory.mktemp("forms"), BACKENDS["local"])


def _fields(fields: list[dict], prefix: str = ""):
    """(dotted name, field) of every field, nested ones too."""
    for field in fields:
        yield prefix + field["name"], field
        for nested in ("fields",):
            if nested in field:
                yield from _fields(field[nested], prefix + field["name"] + ".")
        if "field" in field:
            yield prefix + field["name"] + "[]", field["field"]


def _collection(config: dict, name: str) -> dict:
    return next(c for c in config["collections"] if c["name"] == name)


def test_editorial_workflow_in_chinese(config):
    assert config["publish_mode"] == "editorial_workflow"
    assert config["locale"] == "zh_Hans"


@pytest.mark.parametrize("backend, expected", [
    ("local", {"name": "proxy", "proxy_url": "http://localhost:8081/api/v1", "branch": "main"}),
    ("github", {"name": "github", "repo": "shili/gongshi-data", "branch": "main", "base_url": "https://auth.example.org/"}),
    ("gitea", {"name": "gitea", "repo": "shili/gongshi-data", "branch": "cms/forms", "base_url": "https://git.example.org",
               "api_root": "https://git.example.org/api/v1", "app_id": "1a2b"}),
])
def test_the_backend_comes_from_site_yml(tmp_path, backend, expected):
    config = _config(tmp_path, BACKENDS[backend])
    settings = config["backend"]
    # Decap's Gitea backend has no editorial workflow: it commits to the forms' own branch.
    assert config["publish_mode"] == ("simple" if backend == "gitea" else "editorial_workflow")
    assert {k: v for k, v in settings.items() if k != "commit_messages"} == expected
    assert settings["commit_messages"]["update"] == "修改{{collection}}“{{slug}}”（网页表单）"


def test_every_record_kind_has_a_collection_per_community(config):
    names = {c["name"] for c in config["collections"]}
    assert names == {"site", "firms", "shili-jiayuan--profile"} | {f"shili-jiayuan--{folder}" for folder in RECORD_FOLDERS}
    for folder, kind in RECORD_FOLDERS.items():
        collection = _collection(config, f"shili-jiayuan--{folder}")
        assert collection["folder"] == f"data/communities/shili-jiayuan/{folder}"
        assert (collection["format"], collection["extension"], collection["delete"]) == ("yml", "yml", False)
        assert [f["name"] for f in collection["fields"]] == [i.alias or n for n, i in KINDS[kind].model_fields.items()]
        assert collection["identifier_field"] == IDENTIFIERS[folder][0]
    files = _collection(config, "shili-jiayuan--profile")["files"]
    assert [(f["name"], f["file"]) for f in files] == [("community", "data/communities/shili-jiayuan/community.yml"),
                                                       ("committee", "data/communities/shili-jiayuan/committee.yml")]
    assert _collection(config, "site")["files"][0]["file"] == "data/site.yml"
    firms = _collection(config, "firms")    # the district's register: one, shared by every community
    assert (firms["folder"], firms["identifier_field"], firms["create"]) == ("data/firms", "name", False)
    assert [f["name"] for f in firms["fields"]] == list(KINDS["firm"].model_fields)


def test_new_files_only_where_decap_can_name_them(config):
    creatable = {c["name"] for c in config["collections"] if c.get("create")}
    assert creatable == {"shili-jiayuan--votes", "shili-jiayuan--notices", "shili-jiayuan--inspections",
                         "shili-jiayuan--documents", "shili-jiayuan--meetings"}
    assert _collection(config, "shili-jiayuan--votes")["slug"] == "{{year}}-{{month}}{{day}}-{{hour}}{{minute}}{{second}}"


def test_ledger_periods_edit_their_entries_as_a_list(config):
    entries = next(f for f in _collection(config, "shili-jiayuan--maintenance-fund")["fields"] if f["name"] == "entries")
    assert entries["widget"] == "list"
    assert [f["name"] for f in entries["fields"]] == ["id", "date", "type", "from", "amount", "summary", "counterparty",
                                                      "voucher", "vote", "apportionment", "emergency", "reason", "approved_by"]
    assert entries["summary"] == "{{fields.date}} · {{fields.summary}} · {{fields.amount}}"


def test_money_and_area_are_number_widgets_with_two_decimals(config):
    money_or_area = {"opening_balance", "closing_balance", "entries.amount", "budget", "electorate.area_m2",
                     "turnout.area_m2", "approve.area_m2", "oppose.area_m2", "abstain.area_m2", "exclusive_area_m2",
                     "property_manager.fees.price"}
    seen = set()
    for collection in config["collections"]:
        for entry in collection.get("files", [collection]):
            for name, field in _fields(entry["fields"]):
                if name in money_or_area:
                    seen.add(name)
                    assert (field["widget"], field["value_type"], field["step"]) == ("number", "float", 0.01), name
    assert seen == money_or_area
    amount = dict(_fields(_collection(config, "shili-jiayuan--maintenance-fund")["fields"]))["entries.amount"]
    assert (amount["min"], amount["label"], amount["required"]) == (0.01, "金额", True)
    assert amount["hint"] == "金额（元），正数；方向由 type 决定（字段 amount）"


def test_dates_are_written_as_yyyy_mm_dd(config):
    dates = [f for c in config["collections"] for e in c.get("files", [c]) for _, f in _fields(e["fields"])
             if f.get("widget") == "datetime"]
    assert len(dates) > 20
    for field in dates:
        assert (field["format"], field["date_format"], field["time_format"], field["picker_utc"]) == \
            ("YYYY-MM-DD", "YYYY-MM-DD", False, True)


def _choice_fields(model, prefix=""):
    """(dotted name, labels) of every choice() field of a model, from the model itself."""
    for name, info in model.model_fields.items():
        key = prefix + (info.alias or name)
        for meta in list(info.metadata) + [m for a in typing.get_args(info.annotation) for m in typing.get_args(a)[1:]]:
            if hasattr(meta, "labels"):
                yield key, dict(meta.labels)
        for arg in [info.annotation, *typing.get_args(info.annotation)]:
            inner = typing.get_args(arg)[0] if typing.get_origin(arg) is list else arg
            if isinstance(inner, type) and hasattr(inner, "model_fields"):
                yield from _choice_fields(inner, key + ".")


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_enum_is_a_select_with_chinese_labels(config, kind):
    forms = {c.get("folder", "").rsplit("/", 1)[-1]: c["fields"] for c in config["collections"] if "folder" in c}
    forms |= {f["name"]: f["fields"] for c in config["collections"] for f in c.get("files", [])}
    folder = {v: k for k, v in RECORD_FOLDERS.items()}.get(kind, {"firm": "firms"}.get(kind, kind))
    fields = dict(_fields(forms[folder]))
    choices = dict(_choice_fields(KINDS[kind]))
    assert choices or kind in ("evaluation", "firm")  # the only kinds without an enumerated field
    for name, labelled in choices.items():
        field = fields[name]
        assert field["widget"] == "select", name
        assert field["options"] == [{"label": label, "value": value} for value, label in labelled.items()], name


def test_select_labels_are_the_labels_of_the_site(config):
    fields = dict(_fields(_collection(config, "shili-jiayuan--votes")["fields"]))
    assert fields["matter"]["options"][4] == {"label": labels.MATTER["use_fund"], "value": "use_fund"}


def test_fields_naming_another_record_are_relation_widgets(config):
    fund = dict(_fields(_collection(config, "shili-jiayuan--maintenance-fund")["fields"]))["entries.vote"]
    assert fund == {
        "name": "vote", "label": "授权这笔明细的已通过表决的编号",
        "hint": "授权这笔明细的已通过表决的编号（支出、合理成本；经营收入为改变共有部分用途的表决）（字段 vote）", "required": False,
        "widget": "relation", "collection": "shili-jiayuan--votes", "value_field": "{{slug}}",
        "search_fields": ["title"], "display_fields": ["title"], "options_length": 100,
        "filters": [{"field": "declared_result", "values": ["passed"]}, {"field": "matter", "values": ["use_fund"]}]}
    revenue = dict(_fields(_collection(config, "shili-jiayuan--public-revenue")["fields"]))["entries.vote"]
    assert (revenue["collection"], revenue["filters"]) == ("shili-jiayuan--votes",
                                                           [{"field": "declared_result", "values": ["passed"]}])
    notice = dict(_fields(_collection(config, "shili-jiayuan--votes")["fields"]))["notice"]
    assert (notice["widget"], notice["collection"], notice["filters"]) == (
        "relation", "shili-jiayuan--notices", [{"field": "kind", "values": ["pre_vote"]}])
    document = dict(_fields(_collection(config, "shili-jiayuan--documents")["fields"]))["vote"]
    assert (document["collection"], document["filters"]) == ("shili-jiayuan--votes",
                                                             [{"field": "declared_result", "values": ["passed"]}])
    decision = dict(_fields(_collection(config, "shili-jiayuan--meetings")["fields"]))["decisions.vote"]
    assert (decision["widget"], decision["collection"]) == ("relation", "shili-jiayuan--votes")
    firm = dict(_fields(_collection(config, "shili-jiayuan--profile")["files"][0]["fields"]))["property_manager.firm"]
    assert (firm["widget"], firm["collection"], firm["display_fields"]) == ("relation", "firms", ["name"])


def test_the_schema_line_is_written_back_by_the_forms(config):
    first = _collection(config, "shili-jiayuan--votes")["fields"][0]
    assert first["comment"] == "yaml-language-server: $schema=../../../../schemas/vote.schema.json"
    site = _collection(config, "site")["files"][0]["fields"][0]
    assert site["comment"] == "yaml-language-server: $schema=../schemas/site.schema.json"


def test_optional_objects_never_block_saving(config):
    fields = dict(_fields(_collection(config, "shili-jiayuan--maintenance-fund")["fields"]))
    assert fields["entries.emergency"]["collapsed"] is True
    assert {f["required"] for f in fields["entries.emergency"]["fields"]} == {False}
    voting = dict(_fields(_collection(config, "shili-jiayuan--votes")["fields"]))["voting"]
    assert voting["collapsed"] is False and {f["required"] for f in voting["fields"]} == {True}


def test_without_admin_settings_the_forms_are_not_built(tmp_path):
    from generator.exits import ExitCode, Stop

    with pytest.raises(Stop) as stopped:
        _config(tmp_path, "")
    assert stopped.value.exit_code == ExitCode.DATA
    assert stopped.value.message.startswith("site.yml 中没有 admin 设置")


def test_a_notice_s_references_are_text_checked_against_the_reference_pattern(config):
    import re

    fields = dict(_fields(_collection(config, "shili-jiayuan--notices")["fields"]))
    corrects, related = fields["corrects"], fields["related"]
    assert (corrects["widget"], related["widget"], related["field"]["widget"]) == ("string", "list", "string")
    pattern = re.compile(corrects["pattern"][0])
    assert related["field"]["pattern"] == corrects["pattern"]
    for good in ("vote/2026-roof", "entry/mf-2026-003", "maintenance-fund/2026-H1", "committee"):
        assert pattern.fullmatch(good), good
    for bad in ("votes/2026-roof", "2026-roof", "committee/x", "vote/"):
        assert not pattern.fullmatch(bad), bad
    assert corrects["pattern"][1].startswith("写成“类别/编号”，类别为 vote、inspection、evaluation")
