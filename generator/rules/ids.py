"""id.duplicate: ledger entry ids are unique within a community."""

from __future__ import annotations

from ..model.labels import ACCOUNTS
from ..problems import Problem, error


def check(ctx) -> list[Problem]:
    problems: list[Problem] = []
    for community in ctx.portal.communities.values():
        seen: dict[str, str] = {}
        for account in ACCOUNTS:
            ledgers = community.ledgers(account)
            for period in sorted(ledgers):
                ledger = ledgers[period]
                for i, entry in enumerate(ledger.model.entries):
                    where = f"{account}/{period}.yml 第 {ledger.doc.at('entries', i, 'id').line} 行"
                    if entry.id in seen:
                        problems.append(error(
                            ledger.doc.at("entries", i, "id"), "id.duplicate",
                            f"明细编号“{entry.id}”重复（已用于 {seen[entry.id]}）：小区内每条明细的编号必须唯一。",
                        ))
                    else:
                        seen[entry.id] = where
    return problems
