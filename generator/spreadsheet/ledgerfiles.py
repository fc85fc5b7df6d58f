"""Where imported entries go, and the period files as they will be written.

Each entry goes to the period file holding its date (`--period` puts them all into one
period, and a date outside it is a problem). A period without a file is created like
`gongshi new` creates one: the previous period's closing balance as its opening. Entries
are appended after the existing ones, which stay byte for byte as they were; an entry
identical to one already in the account (same date, type, amount and every column the
sheet has) is not added again.

The closing balance of every period that received entries is moved by exactly what
was added (inflows − outflows), so a file that reconciled still does and a
discrepancy already there stays for `check` to report; a new period's closing is its
opening plus its entries. The report says so, and the reviewer checks it.

Nothing is written before every file has been composed and read back through the
loader and the model.
"""

from __future__ import annotations

import os
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..analysis.ledgers import is_inflow
from ..analysis.periods import period_bounds, sort_periods
from ..exits import Stop
from ..load.yamlread import MAX_FILE_BYTES, decode_source, parse_text
from ..model.headers import ACCOUNT_NAMES
from ..model.portal import CommunityData, Portal
from ..model.records import KINDS, PERIOD_RE
from ..problems import Problem, display_path, error
from ..scaffold import indent, render
from ..scaffold.ids import ENTRY_ID_RE, ledger_period_for, next_entry_id, previous_period
from ..scaffold.insert import CannotInsert, append_item
from ..validate import validate_document
from .rows import Entry
from .yamltext import entry_text


@dataclass
class PeriodChange:
    period: str
    path: Path
    created: bool
    entries: list[tuple[str, Entry]] = field(default_factory=list)   # (new id, entry)
    opening: Decimal | None = None          # new files: taken from `previous`
    previous: str | None = None
    old_closing: Decimal | None = None      # existing files
    closing: Decimal | None = None
    text: str = ""                          # the file as it will be written
    raw_prefix: bytes = b""                 # a byte-order mark the file had
    crlf: bool = False


@dataclass
class Plan:
    changes: list[PeriodChange]
    duplicates: list[tuple[Entry, str]]      # (row, id of the identical entry already there)
    later_periods: list[str]                 # existing periods after a changed one: their opening now differs


# ---------------------------------------------------------------- existing entries

def _existing(portal: Portal, community: CommunityData) -> tuple[dict[str, list[dict]], set[str]]:
    """account → raw entries of its files (valid or not); every entry id of the community."""
    found: dict[str, list[dict]] = defaultdict(list)
    ids: set[str] = set()
    for doc in portal.documents:
        path = Path(doc.path)
        if path.parent.parent != community.folder or path.parent.name not in ("maintenance-fund", "public-revenue"):
            continue
        entries = doc.data.get("entries") if isinstance(doc.data, dict) else None
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict):
                found[path.parent.name].append(entry)
                if isinstance(entry.get("id"), str):
                    ids.add(str(entry["id"]))
    return found, ids


def _text(value):
    return None if value is None else str(value).strip()


def _day(value):
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _projection(raw: dict, compared: tuple[str, ...]) -> tuple:
    """An existing entry in the shape of Entry.identity(compared)."""
    try:
        amount = Decimal(str(raw.get("amount")))
    except InvalidOperation:
        amount = None
    values = []
    for name in compared:
        value = raw.get(name)
        if name == "emergency":
            value = ((_text(value.get("reason")), _text(value.get("approved_by")), _day(value.get("reported_on")))
                     if isinstance(value, dict) else None)
        elif name == "apportionment":
            scope = value.get("scope") if isinstance(value, dict) else None
            value = ((_text(value.get("basis")), tuple(_text(s) for s in scope or ()))
                     if isinstance(value, dict) else None)
        else:
            value = _text(value) or None
        values.append(value)
    return (_day(raw.get("date")), _text(raw.get("type")), amount, *values)


def _without_duplicates(entries: list[Entry], existing: list[dict]) -> tuple[list[Entry], list[tuple[Entry, str]]]:
    """Entries not already in the account; an identical entry matches one row at most."""
    pools: dict[tuple, dict] = {}
    kept, duplicates = [], []
    for entry in entries:
        compared = tuple(sorted(entry.fields))
        pool = pools.get(compared)
        if pool is None:
            pool = pools[compared] = defaultdict(list)
            for raw in existing:
                pool[_projection(raw, compared)].append(str(raw.get("id")))
        matches = pool.get(entry.identity(compared))
        if matches:
            duplicates.append((entry, matches.pop(0)))
        else:
            kept.append(entry)
    return kept, duplicates


# ---------------------------------------------------------------- periods

def _assign(entries: list[Entry], periods: list[str], forced: str | None, table,
            date_column: int) -> tuple[dict[str, list[Entry]], list[Problem]]:
    by_period: dict[str, list[Entry]] = defaultdict(list)
    problems: list[Problem] = []
    first_existing = sort_periods(periods)[0] if periods else None
    for entry in entries:
        if forced is not None:
            first, last = period_bounds(forced)
            if not first <= entry.date <= last:
                problems.append(error(table.at(entry.row, date_column), "import.outside_period",
                                      f"日期 {entry.date} 不在指定的期间 {forced}（{first} 至 {last}）之内。"))
                continue
            by_period[forced].append(entry)
            continue
        period, exists = ledger_period_for(entry.date, periods)
        if not exists and first_existing and period_bounds(period)[1] < period_bounds(first_existing)[0]:
            problems.append(error(table.at(entry.row, date_column), "import.no_period",
                                  f"日期 {entry.date} 早于最早的期间 {first_existing}：没有可以放入的台账期间"
                                  "（新期间的期初余额取自上一期）。请核对日期，或先建立那一期的台账文件。"))
            continue
        by_period[period].append(entry)
    return by_period, problems


def _check_forced(forced: str, periods: list[str], folder: Path) -> None:
    if not PERIOD_RE.fullmatch(forced):
        raise Stop.usage(f"--period “{forced}”格式不对：应为 2024、2024-H1/2024-H2 或 2024-Q1…2024-Q4。")
    first, last = period_bounds(forced)
    for other in periods:
        bounds = period_bounds(other)
        if other != forced and bounds and bounds[0] <= last and first <= bounds[1]:
            raise Stop.usage(f"--period {forced} 与已有的期间 {other}（{display_path(folder / f'{other}.yml')}）重叠。")


# ---------------------------------------------------------------- composing files

def _schema_ref(data_dir: Path, folder: Path, account: str) -> str:
    schemas = data_dir.resolve().parent / "schemas"
    return Path(os.path.relpath(schemas / f"{account}.schema.json", folder.resolve())).as_posix()


def _net(account: str, entries) -> Decimal:
    return sum((e.amount if is_inflow(account, e.type) else -e.amount for _, e in entries), Decimal("0"))


def _ids(account: str, entries: list[Entry], account_ids: list[str], all_ids: set[str]) -> list[str]:
    """Ids as `gongshi new` gives them (the account's prefix, the entry's year, the next number)."""
    out = []
    next_number: dict[int, tuple[str, int, int]] = {}
    for entry in entries:
        year = entry.date.year
        if year not in next_number:
            match = ENTRY_ID_RE.fullmatch(next_entry_id(account, year, account_ids, all_ids))
            next_number[year] = (match.group(1), int(match.group(3)), len(match.group(3)))
        prefix, n, width = next_number[year]
        while f"{prefix}-{year}-{n:0{width}d}" in all_ids:
            n += 1
        ident = f"{prefix}-{year}-{n:0{width}d}"
        all_ids.add(ident)
        next_number[year] = (prefix, n + 1, width)
        out.append(ident)
    return out


def _read_existing(path: Path) -> tuple[str, bytes, bool]:
    raw = path.read_bytes()
    text, problems = decode_source(path, raw)
    if text is None:
        raise Stop.data(f"{display_path(path)} 无法读取（{problems[0].message}）：请先修正后再导入。")
    return text, (b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""), b"\r\n" in raw


def _set_closing(text: str, doc, closing: Decimal) -> str:
    lines = text.split("\n")
    position = doc.key_positions.get(("closing_balance",))
    value = f"{closing:.2f}"
    if position is None:
        end = len(lines) - 1 if lines and lines[-1] == "" else len(lines)
        lines.insert(end, f"closing_balance: {value}")
        return "\n".join(lines)
    line = lines[position[0] - 1]
    head, _, rest = line.partition(":")
    written = f"{head}: {value}"
    comment = rest.find(" #")
    if comment >= 0:       # keep the comment, at its column when the new figure leaves room
        column = len(head) + 1 + comment + 1
        written += " " * max(2, column - len(written)) + rest[comment + 1:]
    lines[position[0] - 1] = written
    return "\n".join(lines)


def _compose_existing(change: PeriodChange, account: str, origin) -> None:
    text, change.raw_prefix, change.crlf = _read_existing(change.path)
    doc, problems = parse_text(change.path, text)
    if doc is None:
        raise Stop.data(f"{display_path(change.path)} 有格式错误，请先运行 gongshi check 修正后再导入。")
    text = _set_closing(text, doc, change.closing)
    doc, _ = parse_text(change.path, text)
    block = "\n".join(entry_text(ident, entry, account, origin(entry)) for ident, entry in change.entries)
    try:
        change.text, _ = append_item(text, doc, "entries", block)
    except CannotInsert:
        raise Stop.data(f"{display_path(change.path)} 的 entries 写成了一行的列表，无法自动添加："
                        "请改成每项以“- ”开头的写法后再导入。") from None


def _compose_new(change: PeriodChange, account: str, origin, source_name: str, data_dir: Path) -> None:
    first, last = period_bounds(change.period)
    block = "\n".join(entry_text(ident, entry, account, origin(entry)) for ident, entry in change.entries)
    change.text = render("imported-ledger", schema=_schema_ref(data_dir, change.path.parent, account),
                         account_label=ACCOUNT_NAMES[account], period=change.period, first_day=first,
                         last_day=last, origin=source_name, opening=f"{change.opening:.2f}",
                         previous=change.previous, entries=indent(block, 2), closing=f"{change.closing:.2f}")


def _read_back(change: PeriodChange, account: str, table) -> list[Problem]:
    """The composed file through the loader and the model, as `check` will read it."""
    if len(change.text.encode("utf-8")) > MAX_FILE_BYTES:
        raise Stop.data(f"导入后 {display_path(change.path)} 会超过 5 MB：请把台账期间分得更短（例如按季度）后再导入。")
    doc, problems = parse_text(change.path, change.text)
    if doc is not None:
        problems += validate_document(doc, KINDS[account])[1]
    # A row gongshi read but could not write as `check` reads it: name the row as well.
    starts = sorted((doc.at("entries", i).line, entry.row) for i, entry in _new_items(doc, change)) if doc else []
    out = []
    for p in problems:
        row = next((row for line, row in reversed(starts) if line <= p.location.line), None)
        out.append(error(table.at(row, 1) if row else p.location, p.code,
                         f"导入后的台账无法读回（{display_path(change.path)}:{p.location.position}）：{p.message}"))
    return out


def _new_items(doc, change: PeriodChange):
    rows = dict(change.entries)
    entries = doc.data.get("entries") if isinstance(doc.data, dict) else None
    for i, raw in enumerate(entries if isinstance(entries, list) else []):
        if isinstance(raw, dict) and raw.get("id") in rows:
            yield i, rows[raw["id"]]


# ---------------------------------------------------------------- the plan

def plan(portal: Portal, community: CommunityData, account: str, entries: list[Entry], forced: str | None,
         table, date_column: int, source_name: str, origin) -> tuple[Plan | None, list[Problem]]:
    folder = community.folder / account
    periods = [p.stem for p in folder.glob("*.yml")] if folder.is_dir() else []
    if forced is not None:
        _check_forced(forced, periods, folder)
    existing, all_ids = _existing(portal, community)
    entries, duplicates = _without_duplicates(entries, existing[account])
    by_period, problems = _assign(entries, periods, forced, table, date_column)
    if problems:
        return None, problems
    ledgers = community.ledgers(account)
    account_ids = [str(raw.get("id")) for raw in existing[account]]
    changes: list[PeriodChange] = []
    closings = {p: ledgers[p].model.closing_balance for p in ledgers}
    for period in sort_periods(by_period):
        path = folder / f"{period}.yml"
        exists = period in periods
        change = PeriodChange(period, path, created=not exists)
        rows = by_period[period]
        change.entries = list(zip(_ids(account, rows, account_ids, all_ids), rows))
        if exists:
            if period not in ledgers:
                raise Stop.data(f"{display_path(path)} 有错误，导入前请先运行 gongshi check 修正它。")
            change.old_closing = ledgers[period].model.closing_balance
            change.closing = change.old_closing + _net(account, change.entries)
        else:
            change.previous = previous_period(period, [*periods, *closings])
            if change.previous is None or change.previous not in closings:
                what = (f"上一期 {change.previous} 的台账有错误" if change.previous
                        else f"{ACCOUNT_NAMES[account]}还没有任何一期台账")
                raise Stop.usage(f"无法新建 {display_path(path)}：{what}，期初余额无从得知。"
                                 "请先建立（或修正）上一期的台账文件，写明 period、opening_balance、entries 和 closing_balance，再导入。")
            change.opening = closings[change.previous]
            change.closing = change.opening + _net(account, change.entries)
        closings[period] = change.closing
        changes.append(change)
    later = _openings_left_behind(changes, ledgers, closings)
    for change in changes:
        if change.created:
            _compose_new(change, account, origin, source_name, portal.data_dir)
        else:
            _compose_existing(change, account, origin)
        problems += _read_back(change, account, table)
    if problems:
        return None, problems
    return Plan(changes, duplicates, later), []


def _openings_left_behind(changes: list[PeriodChange], ledgers: dict, closings: dict) -> list[str]:
    """Existing periods right after a changed one whose opening no longer equals its closing
    (the import never edits a period it adds nothing to)."""
    order = sort_periods(closings)
    changed = {c.period for c in changes}
    behind = []
    for before, after in zip(order, order[1:]):
        if before in changed and after in ledgers and ledgers[after].model.opening_balance != closings[before]:
            behind.append(after)
    return behind


def write(plan: Plan) -> None:
    """Write every composed file: new ones never over an existing file, changed ones by rename."""
    for change in plan.changes:
        text = change.text.replace("\n", "\r\n") if change.crlf else change.text
        data = change.raw_prefix + text.encode("utf-8")
        change.path.parent.mkdir(parents=True, exist_ok=True)
        if change.created:
            with open(change.path, "xb") as handle:
                handle.write(data)
            continue
        handle, temporary = tempfile.mkstemp(prefix=".gongshi-import-", dir=change.path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.chmod(temporary, change.path.stat().st_mode & 0o777)
            os.replace(temporary, change.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
