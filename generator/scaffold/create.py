"""`gongshi new KIND`: write a commented skeleton for the editor to fill in.

Files get the next free id and dates from the build date; a ledger entry is appended
to the period holding the build date (a new period file starts from the previous
closing balance); a committee member is appended to committee.yml. The command
prints the path it wrote and the lines still to fill in; `gongshi check` reports each
of them until they are filled.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from ..analysis.days import earliest_event_after, shortest_period_end
from ..analysis.periods import next_period, period_bounds, period_label, sort_periods
from ..analysis.status import voting_members
from ..load.discover import FIRMS_FOLDER
from ..exits import Stop
from ..load.yamlread import decode_source, parse_text
from ..model import labels
from ..model.portal import CommunityData, Portal
from ..pipeline import load_portal
from ..problems import display_path
from . import choices, indent, render, yaml_text
from .ids import free_stem, ledger_period_for, next_entry_id, previous_period
from .insert import CannotInsert, append_item

# KIND → (what it is, in Chinese; how it is written)
ENTRY_KINDS = {
    "expense": ("maintenance-fund", "fund-expense", "专项维修资金支出"),
    "entry": ("maintenance-fund", "fund-entry", "专项维修资金明细"),
    "fund-entry": ("maintenance-fund", "fund-entry", "专项维修资金明细"),
    "income": ("public-revenue", "revenue-income", "公共收益收入"),
    "revenue-entry": ("public-revenue", "revenue-entry", "公共收益明细"),
}
FILE_KINDS = {
    "notice": ("notices", "公示"),
    "correction": ("notices", "更正公示"),
    "vote": ("votes", "表决"),
    "inspection": ("inspections", "监督检查"),
    "evaluation": ("evaluations", "履约考评"),
    "document": ("documents", "制度文件"),
    "meeting": ("meetings", "会议记录"),
}
MEMBER_KINDS = ("member", "committee")
# The district's register (data/firms/), not a community's: no --community needed.
FIRM_KIND = "firm"
ALL_KINDS = (*FILE_KINDS, *ENTRY_KINDS, *MEMBER_KINDS, FIRM_KIND)
KIND_HELP = ("notice（公示）、correction（更正公示）、vote（表决）、inspection（监督检查）、evaluation（履约考评）、"
             "document（制度文件）、meeting（会议记录）、"
             "expense（专项维修资金支出）、entry（专项维修资金明细）、income（公共收益收入）、"
             "revenue-entry（公共收益明细）、member（业委会委员变动）、firm（全区物业服务企业名录）")


@dataclass
class Written:
    path: Path
    created: bool
    what: str               # 新建的…
    start_line: int         # where the new record starts
    text: str               # the lines added
    note: str = ""


def _schema_ref(data_dir: Path, folder: Path, kind: str) -> str:
    schemas = data_dir.resolve().parent / "schemas"
    return Path(os.path.relpath(schemas / f"{kind}.schema.json", folder.resolve())).as_posix()


def _pick_community(portal: Portal, data_dir: Path, slug: str | None) -> CommunityData:
    folder = data_dir / "communities"
    slugs = sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []
    if slug is None:
        if len(slugs) == 1:
            slug = slugs[0]
        elif not slugs:
            raise Stop.usage(f"{display_path(folder)} 下还没有小区文件夹。")
        else:
            raise Stop.usage(f"有多个小区，请用 --community 指定其中一个：{'、'.join(slugs)}。")
    if slug not in slugs:
        raise Stop.usage(f"找不到小区“{slug}”（{display_path(folder / slug)}）。已有：{'、'.join(slugs) or '无'}。")
    return portal.communities.get(slug) or CommunityData(slug=slug, folder=folder / slug)


def _refuse_unsafe_target(path: Path, data_dir: Path) -> None:
    """`new` writes only inside the data folder and never through a symbolic link: like the
    loader, it must not reach a file outside data/ (a link in a pull request could point
    anywhere), nor create one where the data folder has a link."""
    data = Path(os.path.abspath(data_dir))
    target = Path(os.path.abspath(path))
    if data.is_symlink():
        raise Stop.data(f"数据目录 {display_path(data)} 是符号链接：gongshi new 不通过符号链接写文件。"
                        "请把数据放在普通目录中（gongshi check 同样拒绝，见 file.symlink）。")
    try:
        parts = target.relative_to(data).parts
    except ValueError:
        raise Stop.data(f"{display_path(target)} 不在数据目录 {display_path(data)} 之内：gongshi new 只在数据目录中写文件。") from None
    for depth in range(1, len(parts) + 1):
        step = data.joinpath(*parts[:depth])
        if step.is_symlink():
            raise Stop.data(f"{display_path(step)} 是符号链接：gongshi new 不通过符号链接写文件，"
                            "数据目录中也不允许符号链接（gongshi check 报 file.symlink）。请换成普通的文件或文件夹后重试。")
    if not target.resolve().is_relative_to(data.resolve()):
        raise Stop.data(f"{display_path(target)} 不在数据目录 {display_path(data)} 之内：gongshi new 只在数据目录中写文件。")


def _publisher(portal: Portal) -> str:
    return portal.site.model.publisher if portal.site else ""


def _contact(community: CommunityData) -> str:
    committee = community.committee.model if community.committee else None
    if committee and committee.office_phone:
        return f"业委会办公室 {committee.office_phone}"
    profile = community.profile.model if community.profile else None
    manager = profile.property_manager if profile else None
    if manager and manager.office_phone:
        return f"物业服务中心 {manager.office_phone}"
    return ""


def _note(value: str) -> str:
    return "" if value else "必填："


def _common(portal: Portal, as_of: date, ident: str, schema: str) -> dict:
    rules = portal.rules
    period_to = shortest_period_end(as_of, rules.min_notice_days, rules.period_counting)
    issuer = _publisher(portal)
    return {"as_of": as_of, "ident": ident, "schema": schema, "year": as_of.year, "issuer": yaml_text(issuer),
            "issuer_note": _note(issuer), "period_to": period_to, "min_days": rules.min_notice_days}


def _new_file(kind: str, portal: Portal, community: CommunityData, data_dir: Path, as_of: date,
              base: str | None = None) -> Written:
    folder_name, what = FILE_KINDS[kind]
    folder = community.folder / folder_name
    rules = portal.rules
    if kind == "evaluation":
        periods = sort_periods(p.stem for p in folder.glob("*.yml")) if folder.is_dir() else []
        ident = next_period(periods[-1]) if periods else str(as_of.year)
    else:
        ident = free_stem(folder, f"{as_of:%Y-%m}-{kind}")
    schema = _schema_ref(data_dir, folder, {"correction": "notice"}.get(kind, kind))
    values = _common(portal, as_of, ident, schema)
    contact = _contact(community)
    values.update(contact=yaml_text(contact), contact_note=_note(contact))
    note = ""
    if kind in ("notice", "correction"):
        values["notice_kinds"] = choices({k: v for k, v in labels.NOTICE_KIND.items() if k != "correction"})
    if kind == "correction":
        note = _correction_values(values, portal, community, data_dir, as_of, base)
    elif kind == "vote":
        start = earliest_event_after(as_of, rules.pre_vote_notice_days, rules.period_counting)
        values.update(matters=choices(labels.MATTER), voting_start=start, voting_end=start + timedelta(days=14),
                      pre_vote_days=rules.pre_vote_notice_days, result_days=rules.result_notice_within_days)
    elif kind == "inspection":
        values.update(sources=choices(labels.INSPECTION_SOURCE), inspection_kinds=choices(labels.INSPECTION_KIND),
                      item_results=choices(labels.ITEM_RESULT))
    elif kind == "document":
        values["document_kinds"] = choices(labels.DOCUMENT_KIND)
    elif kind == "meeting":
        committee = community.committee.model if community.committee else None
        total = len(voting_members(committee.members, as_of)) if committee else ""
        values.update(meeting_kinds=choices(labels.MEETING_KIND), publish_days=rules.meeting_publish_days,
                      total=total, total_note="按 committee.yml 算出的" if total != "" else "必填：")
    elif kind == "evaluation":
        profile = community.profile.model if community.profile else None
        manager = profile.property_manager.name if profile and profile.property_manager else ""
        values.update(manager=yaml_text(manager), manager_note=_note(manager), period_label=period_label(ident),
                      publisher=values["issuer"],
                      grades=" | ".join([*rules.grades, "不合格"]))
    text = render(kind, **values)
    path = folder / f"{ident}.yml"
    _refuse_unsafe_target(path, data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8", newline="\n") as handle:   # never overwrite
        handle.write(text)
    return Written(path, True, f"{what} {ident}", 1, text, note)


def _correction_values(values: dict, portal: Portal, community: CommunityData, data_dir: Path, as_of: date,
                       base: str | None) -> str:
    """corrects, related and changes, from the difference with `base` (default: HEAD, the
    uncommitted changes) when the data folder is in a git repository; empty to fill in
    otherwise. Returns what the command says about them."""
    from ..gitrev import RevisionError
    from ..published.prefill import prefill_from_revision

    values.update(related="[]", related_note="相关的记录和原公示，例如 [maintenance-fund/2026-H1, notice/2026-h1-fund-report]",
                  corrects="", corrects_note="必填：被更正的记录，例如 entry/mf-2026-003、maintenance-fund/2026-H1、vote/2026-roof、committee",
                  changes="", changes_note="必填：更正内容，写明原为…、现为…，以及原因")
    try:
        prefill = prefill_from_revision(data_dir, base or "HEAD", portal, community.slug, as_of)
    except RevisionError:
        if base is not None:
            raise
        return ""      # not a git repository (or no git): nothing to compare with, fill in by hand
    compared = base or "HEAD"
    if prefill is None:
        return f"与 {compared} 相比，已公示的数据没有未更正的改动：corrects、changes 请自己填写（改动已提交时用 --base main 与默认分支比较）。"
    values.update(related="[" + ", ".join(prefill.related) + "]", related_note="相关的记录和原公示（按与 " + compared + " 的差异填好）",
                  corrects=prefill.corrects, corrects_note=f"被更正的记录（按与 {compared} 的差异填好）",
                  changes=yaml_text(prefill.changes), changes_note="必填：在“原因：”后写明为什么改")
    note = (f"已按与 {compared} 的差异填好 corrects（{prefill.corrects}）、related 和 changes 中的原值、新值："
            "请核对，并在 changes 末尾的“原因：”后写明原因。")
    if prefill.others:
        note += f"另有 {'、'.join(prefill.others)} 的已公示数据也改了：每条记录要另发一份更正公示，填好这一份后再运行 gongshi new correction。"
    return note


def _new_firm(data_dir: Path, as_of: date) -> Written:
    folder = data_dir / FIRMS_FOLDER
    ident = free_stem(folder, f"{as_of:%Y-%m}-firm")
    text = render(FIRM_KIND, as_of=as_of, ident=ident, schema=_schema_ref(data_dir, folder, FIRM_KIND))
    path = folder / f"{ident}.yml"
    folder.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8", newline="\n") as handle:   # never overwrite
        handle.write(text)
    return Written(path, True, f"物业服务企业 {ident}", 1, text,
                   "改好文件名后，在所服务小区的 community.yml 的 property_manager 下写 firm: <文件名>。")


# ---------------------------------------------------------------- entries and members

def _raw_entry_ids(portal: Portal, community: CommunityData) -> dict[str, list[str]]:
    """account → entry ids written in its files, valid or not (so a new id never collides)."""
    found: dict[str, list[str]] = {account: [] for account in labels.ACCOUNTS}
    for doc in portal.documents:
        path = Path(doc.path)
        if path.parent.parent != community.folder or path.parent.name not in labels.ACCOUNTS:
            continue
        entries = doc.data.get("entries") if isinstance(doc.data, dict) else None
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                found[path.parent.name].append(str(entry["id"]))
    return found


def _read(path: Path):
    raw = path.read_bytes()
    text, problems = decode_source(path, raw)
    if text is None:
        raise Stop.usage(f"{display_path(path)} 无法读取（{problems[0].message}），请先修正后再添加。")
    doc, problems = parse_text(path, text)
    if doc is None:
        raise Stop.usage(f"{display_path(path)} 有格式错误，请先运行 gongshi check 修正后再添加。")
    crlf = b"\r\n" in raw
    bom = raw.startswith(b"\xef\xbb\xbf")
    return text, doc, crlf, bom


def _write_back(path: Path, text: str, crlf: bool, bom: bool) -> None:
    data = text.replace("\n", "\r\n") if crlf else text
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data.encode("utf-8"))


def _append_to_list(path: Path, key: str, item: str) -> tuple[int, str]:
    """Append `item` to the block list `key` of the file, keeping its line ends and BOM;
    returns the line the item starts on and the lines as written."""
    text, doc, crlf, bom = _read(path)
    try:
        new_text, start = append_item(text, doc, key, item)
    except CannotInsert:
        raise Stop.usage(f"{display_path(path)} 的 {key} 写成了一行的列表，无法自动添加：请改成每项以“- ”开头的写法。") from None
    _write_back(path, new_text, crlf, bom)
    added = "\n".join(new_text.split("\n")[start - 1:start - 1 + item.rstrip("\n").count("\n") + 1])
    return start, added


def _new_entry(kind: str, portal: Portal, community: CommunityData, data_dir: Path, as_of: date) -> Written:
    account, template, what = ENTRY_KINDS[kind]
    folder = community.folder / account   # the account's folder is named as the account
    periods = [p.stem for p in folder.glob("*.yml")] if folder.is_dir() else []
    period, exists = ledger_period_for(as_of, periods)
    ids = _raw_entry_ids(portal, community)
    all_ids = {i for group in ids.values() for i in group}
    ident = next_entry_id(account, as_of.year, ids[account], all_ids)
    item = render(template, ident=ident, as_of=as_of, year=as_of.year,
                  fund_types=choices(labels.FUND_ENTRY), revenue_types=choices(labels.REVENUE_ENTRY),
                  revenue_sources=choices(labels.REVENUE_SOURCE))
    path = folder / f"{period}.yml"
    _refuse_unsafe_target(path, data_dir)
    account_label = labels.ACCOUNT_TITLE[account]
    if exists:
        start, added = _append_to_list(path, "entries", item)
        return Written(path, False, f"{what} {ident}（{account_label}{period_label(period)}）", start, added,
                       "填好金额后，请同时更新文件末尾的期末余额 closing_balance：期初 + 收入 − 支出 = 期末。")
    previous = previous_period(period, periods)
    opening, opening_note = "", "必填：期初余额，等于上一期的期末余额"
    ledgers = community.ledgers(account)
    if previous is not None and previous in ledgers:
        opening = f"{ledgers[previous].model.closing_balance:.2f}"
        opening_note = f"期初余额：等于上一期（{previous}）的期末余额"
    first, last = period_bounds(period)
    text = render("ledger", schema=_schema_ref(data_dir, folder, account), account_label=account_label,
                  period=period, first_day=first, last_day=last, as_of=as_of, opening=opening,
                  opening_note=opening_note, entry=indent(item, 2))
    folder.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    note = f"新的期间文件，期初余额取自 {previous}.yml 的期末余额。" if opening else ""
    return Written(path, True, f"{what} {ident}（{account_label}{period_label(period)}，新期间）", 1, text, note)


def _new_member(portal: Portal, community: CommunityData, data_dir: Path, as_of: date) -> Written:
    path = community.folder / "committee.yml"
    _refuse_unsafe_target(path, data_dir)
    if not path.is_file():
        raise Stop.usage(f"{display_path(path)} 不存在：请先按文档建立业委会名单，再添加委员。")
    item = render("member", as_of=as_of, roles=choices(labels.ROLE))
    start, added = _append_to_list(path, "members", item)
    return Written(path, False, "业委会委员", start, added,
                   "离任的委员不要删除：在他原来的记录里填写 until（离任日期）和 left_reason（离任原因）。"
                   "名单变动还要发布业主委员会公示：gongshi new notice，kind 填 committee，related 写 [committee]。")


# ---------------------------------------------------------------- command

def create(kind: str, community_slug: str | None, data_dir: Path, as_of: date, base: str | None = None) -> Written:
    """Write the new file (or the new item into its file); a wrong KIND, community or
    folder is a usage error (Stop). `base`: the git revision a correction is prefilled
    against (default HEAD)."""
    if kind not in ALL_KINDS:
        raise Stop.usage(f"不认识的类型“{kind}”。可用：{KIND_HELP}。")
    _refuse_unsafe_target(data_dir, data_dir)
    if not data_dir.is_dir():
        raise Stop.usage(f"找不到数据目录 {display_path(data_dir)}：请用 --data 指定，或在含有 data/ 的目录中运行。")
    if kind == FIRM_KIND:
        return _new_firm(data_dir, as_of)
    portal, _ = load_portal(data_dir)
    community = _pick_community(portal, data_dir, community_slug)
    if base is not None and kind != "correction":
        raise Stop.usage("--base 只用于 gongshi new correction：按与这个版本的差异填写更正内容。")
    if kind in FILE_KINDS:
        return _new_file(kind, portal, community, data_dir, as_of, base)
    if kind in ENTRY_KINDS:
        return _new_entry(kind, portal, community, data_dir, as_of)
    return _new_member(portal, community, data_dir, as_of)

