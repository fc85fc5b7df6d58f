"""Ledger statements: what came in, what went out, and the running balance."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

# Direction of each entry type. 退还 (refund) returns fund money to owners
# (住宅专项维修资金管理办法: refunds on 房屋灭失), so it is an outflow.
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
