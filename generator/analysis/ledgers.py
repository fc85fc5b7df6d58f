"""Ledger statements: what came in, what went out, and the running balance."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..model.labels import REVENUE_SOURCE

# The entry types that bring money in; every other type takes it out. 退还 (refund)
# returns fund money to owners (住宅专项维修资金管理办法: refunds on 房屋灭失), so it is an outflow.
INFLOWS = {
    "maintenance-fund": ("deposit", "interest", "transfer_in"),
    "public-revenue": ("income",),
}
OUTFLOWS = {
    "maintenance-fund": ("expense", "refund"),
    "public-revenue": ("cost", "expense", "transfer_out"),
}


def is_inflow(account: str, entry_type: str) -> bool:
    return entry_type in INFLOWS[account]


@dataclass(frozen=True)
class RunningRow:
    index: int           # position of the entry in the file
    balance: Decimal     # after this entry


@dataclass
class Statement:
    opening: Decimal
    declared_closing: Decimal
    inflows_by_type: dict[str, Decimal] = field(default_factory=dict)
    outflows_by_type: dict[str, Decimal] = field(default_factory=dict)
    running: list[RunningRow] = field(default_factory=list)   # in date order

    @property
    def total_inflow(self) -> Decimal:
        return sum(self.inflows_by_type.values(), Decimal("0"))

    @property
    def total_outflow(self) -> Decimal:
        return sum(self.outflows_by_type.values(), Decimal("0"))

    @property
    def computed_closing(self) -> Decimal:
        return self.opening + self.total_inflow - self.total_outflow

    @property
    def reconciles(self) -> bool:
        return self.computed_closing == self.declared_closing

    def first_negative(self) -> RunningRow | None:
        return next((row for row in self.running if row.balance < 0), None)


def statement_of(account: str, ledger) -> Statement:
    st = Statement(opening=ledger.opening_balance, declared_closing=ledger.closing_balance)
    for entry in ledger.entries:
        bucket = st.inflows_by_type if is_inflow(account, entry.type) else st.outflows_by_type
        bucket[entry.type] = bucket.get(entry.type, Decimal("0")) + entry.amount
    balance = ledger.opening_balance
    # Entries in date order; on one day, in the order written (a stable sort).
    for index in sorted(range(len(ledger.entries)), key=lambda i: ledger.entries[i].date):
        entry = ledger.entries[index]
        balance += entry.amount if is_inflow(account, entry.type) else -entry.amount
        st.running.append(RunningRow(index, balance))
    return st


def income_by_source(entries) -> dict[str, Decimal]:
    """公共收益 income by source (停车、广告、场地租赁、其他), in the order of labels.REVENUE_SOURCE.

    An income without a source is an error of the data (schema.missing_field), so a build
    never shows one; should it get here, it is counted as 其他 rather than dropped."""
    found: dict[str, Decimal] = {}
    for e in entries:
        if e.type == "income":
            source = e.source or "other"
            found[source] = found.get(source, Decimal("0")) + e.amount
    return {source: found[source] for source in REVENUE_SOURCE if source in found}


def sources_of_inflow(account: str, ledger) -> dict[str, Decimal]:
    """Where an account's money came from in one period: public revenue's income by source,
    the fund's inflows by type (交存、增值收益、转入, in the order they first occur)."""
    if account == "public-revenue":
        return income_by_source(ledger.entries)
    return dict(statement_of(account, ledger).inflows_by_type)
