"""Rules: functions `check(ctx) -> list[Problem]`, one family per module.

The module is named after the code prefix, so `ledger.unbalanced` lives in
rules/ledger.py. A rule that crashes becomes a problem, never a traceback.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from datetime import date

from ..model.portal import Portal
from ..model.records import Rules
from ..problems import Location, Problem, error


@dataclass(frozen=True)
class RuleContext:
    portal: Portal
    as_of: date

    @property
    def rules(self) -> Rules:
        return self.portal.rules


def all_rules():
    from . import (
        committee, disclosure, document, evaluation, firm, ids, inspection, ledger, markdown, meeting, notice, party,
        privacy, refs, schema, site, text, vote,
    )
    return (refs.check, ids.check, schema.check, ledger.check, vote.check, notice.check, markdown.check,
            disclosure.check, committee.check, party.check, document.check, meeting.check, firm.check,
            evaluation.check, inspection.check, privacy.check, text.check, site.check)


def run_rules(portal: Portal, as_of: date) -> list[Problem]:
    ctx = RuleContext(portal, as_of)
    problems: list[Problem] = []
    for rule in all_rules():
        try:
            problems.extend(rule(ctx))
        except Exception:  # a bug in a rule must not hide the other rules' findings
            frame = traceback.extract_tb(__import__("sys").exc_info()[2])[-1]
            problems.append(error(
                Location(str(portal.data_dir)), "internal.rule_failed",
                f"检查规则 {rule.__module__} 内部出错（{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}），"
                "其余检查照常进行。请把这条信息报告给 gongshi 维护者。",
            ))
    return problems
