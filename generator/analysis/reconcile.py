"""Why a ledger does not reconcile: the entries whose likely typing slip explains the difference.

A wrong closing balance is rarely the mistake: a mistyped amount is (1250.00 for
12500.00). Telling the editor the computed closing balance invites them to copy it and
publish the wrong amount, so ledger.unbalanced names the entries that could explain the
difference instead. Every suspect is exact: changing that one entry as described makes
the ledger reconcile to the cent.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .ledgers import Statement, is_inflow

# What the suspect's slip is.
EQUAL = "equal"            # its amount is the difference itself (counted twice, wrong period, left out of the closing)
FACTOR = "factor"          # a zero too many or too few: the amount should be ×10, ×100, ÷10 or ÷100
TRANSPOSED = "transposed"  # two digits swapped (16850.00 for 18650.00)
WRONG_TYPE = "wrong_type"  # counted in the wrong direction (an inflow typed as an outflow, or back)

FACTORS = (Decimal(10), Decimal(100), Decimal("0.1"), Decimal("0.01"))
CENT = Decimal("0.01")
MAX_SUSPECTS = 5           # a message lists a few; past that the editor checks every entry anyway


@dataclass(frozen=True)
class Suspect:
    index: int                  # position of the entry in the file
    kind: str                   # EQUAL | FACTOR | TRANSPOSED | WRONG_TYPE
    amount: Decimal             # as written
    corrected: Decimal | None   # the amount that would reconcile (FACTOR, TRANSPOSED)


def _digits(amount: Decimal) -> str:
    return f"{amount:.2f}".replace(".", "")


def _one_swap(a: str, b: str) -> bool:
    """b is a with exactly two digits swapped (not necessarily adjacent)."""
    if len(a) != len(b):
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def suspects(account: str, entries, st: Statement) -> list[Suspect]:
    """Entries whose one slip explains declared − computed, in file order, at most MAX_SUSPECTS."""
    gap = st.declared_closing - st.computed_closing     # > 0: the declared figure is the larger
    if gap == 0:
        return []
    found: list[Suspect] = []
    for index, entry in enumerate(entries):
        amount = entry.amount
        sign = 1 if is_inflow(account, entry.type) else -1
        # The amount this entry would need for the entries to give the declared closing.
        wanted = amount + sign * gap
        if amount == abs(gap):
            found.append(Suspect(index, EQUAL, amount, None))
        if wanted == -amount:
            found.append(Suspect(index, WRONG_TYPE, amount, None))
        if wanted > 0 and wanted == wanted.quantize(CENT):
            if any(wanted == amount * f for f in FACTORS):
                found.append(Suspect(index, FACTOR, amount, wanted))
            elif _one_swap(_digits(amount), _digits(wanted)):
                found.append(Suspect(index, TRANSPOSED, amount, wanted))
        if len(found) >= MAX_SUSPECTS:
            break
    return found[:MAX_SUSPECTS]
