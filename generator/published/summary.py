"""The Chinese Markdown summary `gongshi diff` prints (and CI writes to the job summary).

Every data value goes through md_text: a title in a pull request is text, not markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..analysis.ledgers import statement_of
from ..analysis.periods import period_bounds, period_label
from ..analysis.votes import compute_outcome
from ..formatting import money
from ..model import labels
from ..model.portal import Portal
from ..problems import Problem, display_path
from ..markdown_text import md_text
from .changes import ADDED, CHANGED, REMOVED, RecordChange
from .snapshot import Record, field_label, show
from .spans import describe_text_change

STATE_LABEL = {ADDED: "新增", CHANGED: "修改", REMOVED: "删除"}
# What review() finds, each under its own heading: (code, heading, the banner at the top
# in bold, and what to do).
PROBLEM_SECTIONS = (
    ("published.silent_edit", "悄悄修改已公示的数据", "有 {n} 处已公示的数据被悄悄修改",
     "已公示的数据只能通过更正公示（kind: correction）修改。"),
    ("correction.changes_mismatch", "更正内容与数据不符", "有 {n} 处更正内容与数据不符",
     "更正公示的 changes 要写明每个改动的数字原为多少、现为多少。"),
    ("notice.stale", "尚未开始公示、所公示的数字已变的公示", "有 {n} 处尚未开始公示的公示所公示的数字变了",
     "请核对这些公示的正文是否仍然正确。"),
)
NOTICE_STATE_LABEL = {ADDED: "新增", CHANGED: "修改", REMOVED: "撤下"}
DASH = "—"


@dataclass
class DiffInput:
    base_name: str
    head_name: str
    as_of: date
    base: Portal
    head: Portal
    changes: list[RecordChange]
    problems: list[Problem]    # review(): silent edits, changes mismatches, stale notices
    head_errors: int
    head_is_worktree: bool = False
    roots: tuple = ()      # (folder a revision was loaded from, the data folder as the user names it)

    def path_of(self, record: Record) -> str:
        path = Path(record.doc.path)
        for loaded, shown in self.roots:
            if path.is_relative_to(loaded):
                path = Path(shown) / path.relative_to(loaded)
                break
        return md_text(display_path(path))


def _revision(name: str, working_tree: bool) -> str:
    if working_tree or "`" in name or "\n" in name:
        return md_text(name)
    return f"`{name}`"


def _row(*cells) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _table(header: list[str], rows: list[list]) -> list[str]:
    return [_row(*header), _row(*["---"] * len(header)), *(_row(*r) for r in rows)]


def _changed_fields(change: RecordChange) -> str:
    model_type = type(change.record.model)
    names = []
    for leaf in change.leaves:
        label = field_label(model_type, leaf.path)
        if leaf.old is None:
            names.append(f"{label}：新填 {show(leaf.new, leaf.path)}")
        elif leaf.new is None:
            names.append(f"{label}：删去（原为 {show(leaf.old, leaf.path)}）")
        elif isinstance(leaf.old, str) and isinstance(leaf.new, str) and (spans := describe_text_change(leaf.old, leaf.new)):
            names.append(f"{label}：{spans}")
        else:
            names.append(f"{label}：{show(leaf.old, leaf.path)} → {show(leaf.new, leaf.path)}")
    return md_text("；".join(names)) if names else DASH


def _community_name(portal: Portal, slug: str) -> str:
    community = portal.communities.get(slug)
    if community and community.profile:
        return community.profile.model.name
    return slug


# ---------------------------------------------------------------- sections

def _notices(changes: list[RecordChange], path_of) -> list[str]:
    rows = []
    for c in changes:
        n = c.record.model
        rows.append([NOTICE_STATE_LABEL[c.state], md_text(n.title), labels.NOTICE_KIND.get(n.kind, n.kind),
                     f"{n.period.from_} 至 {n.period.to}", path_of(c.record),
                     _changed_fields(c) if c.state == CHANGED else DASH])
    return ["### 公示", "", *_table(["变化", "标题", "类别", "公示期", "文件", "改动"], rows), ""]


def _amount(record: Record | None) -> str:
    return money(record.model.amount) if record is not None else DASH


def _entries(changes: list[RecordChange]) -> list[str]:
    rows = []
    for c in changes:
        e, record = c.record.model, c.record
        account, period = record.container.split("/", 1)
        other = [leaf for leaf in c.leaves if leaf.path != ("amount",)] if c.state == CHANGED else []
        where = f"{labels.ACCOUNT_TITLE[account]} {period_label(period)}"
        if c.state == CHANGED and c.base.container != c.head.container:
            where = f"{labels.ACCOUNT_TITLE[account]} {period_label(c.base.container.split('/', 1)[1])} → {period_label(period)}"
        rows.append([STATE_LABEL[c.state], where, md_text(e.id), str(e.date),
                     labels.ENTRY_TYPE[account].get(e.type, e.type), md_text(e.summary),
                     _amount(c.base), _amount(c.head),
                     _changed_fields(RecordChange(c.state, c.base, c.head, other)) if other else DASH])
    return ["### 账目明细", "", *_table(["变化", "账目", "编号", "日期", "类型", "摘要", "原金额（元）", "新金额（元）", "其他改动"], rows), ""]


def _closing(record: Record | None, account: str) -> str:
    if record is None:
        return DASH
    statement = statement_of(account, record.model)
    shown = money(statement.declared_closing)
    if not statement.reconciles:
        shown += f"（按明细应为 {money(statement.computed_closing)}）"
    return shown


def _balances(slug: str, changes: list[RecordChange], base: dict, head: dict) -> list[str]:
    touched: set[tuple[str, str]] = set()
    for c in changes:
        if c.record.kind in labels.ACCOUNTS:
            touched.add((c.record.kind, c.record.ident))
        elif c.record.kind == "entry":
            for r in (c.base, c.head):
                if r is not None:
                    touched.add(tuple(r.container.split("/", 1)))
    if not touched:
        return []

    def order(item):
        bounds = period_bounds(item[1])
        return (labels.ACCOUNTS.index(item[0]), bounds[0] if bounds else date.max, item[1])

    rows = []
    for account, period in sorted(touched, key=order):
        before = base.get((slug, account, period))
        after = head.get((slug, account, period))
        delta = DASH
        if before is not None and after is not None:
            diff = after.model.closing_balance - before.model.closing_balance
            delta = "不变" if diff == 0 else ("+" if diff > 0 else "−") + money(abs(diff))
        rows.append([labels.ACCOUNT_TITLE[account], period_label(period), _closing(before, account), _closing(after, account), delta])
    return ["### 各期期末余额", "", *_table(["账目", "期间", "变化前（元）", "变化后（元）", "差额"], rows), ""]


def _votes(changes: list[RecordChange], head: Portal, slug: str) -> list[str]:
    community = head.communities.get(slug)
    profile = community.profile.model if community and community.profile else None
    rows = []
    for c in changes:
        v = c.record.model
        computed = DASH
        if c.state != REMOVED:
            outcome = compute_outcome(v, profile)
            computed = "尚未计票" if outcome is None else f"{labels.DECLARED_RESULT[outcome.result]}：{outcome.reason}"
        declared = labels.DECLARED_RESULT.get(v.declared_result, DASH) if v.declared_result else DASH
        rows.append([STATE_LABEL[c.state], md_text(v.title), labels.MATTER.get(v.matter, v.matter),
                     f"{v.voting.start} 至 {v.voting.end}", computed, declared,
                     _changed_fields(c) if c.state == CHANGED else DASH])
    return ["### 表决", "", *_table(["变化", "事项", "类别", "表决期间", "计算结果", "公告结果", "改动"], rows), ""]


def _member_line(c: RecordChange) -> str:
    m = c.record.model
    role = labels.ROLE.get(m.role, m.role)
    building = f"，{md_text(m.building)}" if m.building else ""
    if c.state == ADDED:
        return f"- 新增：{md_text(m.name)}（{role}{building}，{m.since} 起）"
    if c.state == REMOVED:
        return f"- 从名单中删除：{md_text(m.name)}（{role}{building}）"
    left = next((leaf for leaf in c.leaves if leaf.path == ("until",) and leaf.old is None), None)
    if left is not None:
        reason = f"，原因：{md_text(m.left_reason)}" if m.left_reason else ""
        rest = [leaf for leaf in c.leaves if leaf.path not in (("until",), ("left_reason",))]
        more = f"；另有改动：{_changed_fields(RecordChange(CHANGED, c.base, c.head, rest))}" if rest else ""
        return f"- 离任：{md_text(m.name)}（{role}{building}，{m.until} 离任{reason}）{more}"
    return f"- 修改：{md_text(m.name)}（{role}{building}）：{_changed_fields(c)}"


def _roster(changes: list[RecordChange]) -> list[str]:
    lines = ["### 业委会名单", ""]
    for c in changes:
        if c.record.kind == "committee":
            state = {ADDED: "新增业委会名单文件", REMOVED: "删除了业委会名单文件"}.get(c.state)
            lines.append(f"- {state}" if state else f"- 名单信息：{_changed_fields(c)}")
        else:
            lines.append(_member_line(c))
    return lines + [""]


def _others(changes: list[RecordChange], path_of, heading: str = "监督检查与履约考评") -> list[str]:
    lines = [f"### {heading}", ""]
    for c in changes:
        detail = f"：{_changed_fields(c)}" if c.state == CHANGED else ""
        lines.append(f"- {STATE_LABEL[c.state]}：{md_text(c.record.title)}（{path_of(c.record)}）{detail}")
    return lines + [""]


def render_summary(diff: DiffInput) -> str:
    from .snapshot import portal_records

    base_records, head_records = portal_records(diff.base), portal_records(diff.head)
    lines = [f"# 公示数据变化：{_revision(diff.base_name, False)} → {_revision(diff.head_name, diff.head_is_worktree)}", "",
             f"按构建日期 {diff.as_of} 判断哪些记录已经公示。", ""]
    found = {code: [p for p in diff.problems if p.code == code] for code, *_ in PROBLEM_SECTIONS}
    for code, _, banner, advice in PROBLEM_SECTIONS:
        if found[code]:
            lines += [f"> **{banner.format(n=len(found[code]))}**：{advice}", ""]
    if diff.head_errors:
        lines += [f"> 新版本的数据有 {diff.head_errors} 个错误，请以 gongshi check 的结果为准。", ""]
    by_community: dict[str, list[RecordChange]] = {}
    for c in diff.changes:
        by_community.setdefault(c.record.community, []).append(c)
    if not by_community:
        lines += ["两个版本之间，公示数据没有变化。", ""]
    for slug in sorted(by_community):
        group = by_community[slug]
        name = _community_name(diff.head, slug) if slug in diff.head.communities else _community_name(diff.base, slug)
        lines += [f"## {md_text(name)}（{md_text(slug)}）", ""]
        pick = lambda *kinds: [c for c in group if c.record.kind in kinds]  # noqa: E731
        if notices := pick("notice"):
            lines += _notices(notices, diff.path_of)
        if entries := pick("entry"):
            lines += _entries(entries)
        lines += _balances(slug, pick("entry", *labels.ACCOUNTS), base_records, head_records)
        if votes := pick("vote"):
            lines += _votes(votes, diff.head, slug)
        if roster := pick("committee", "member"):
            lines += _roster(roster)
        if governance := pick("document", "meeting"):
            lines += _others(governance, diff.path_of, "制度文件与会议")
        if others := pick("inspection", "evaluation"):
            lines += _others(others, diff.path_of)
    for code, heading, *_ in PROBLEM_SECTIONS:
        if found[code]:
            lines += [f"## {heading}", ""]
            for p in found[code]:
                lines.append(f"- {md_text(display_path(p.location.path))}:{p.location.line}:{p.location.column}："
                             f"{md_text(p.message)}")
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
