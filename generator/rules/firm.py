"""Firms: the register's credit codes (firm.credit_code, GB 32100-2015) and a community's
property manager that names a firm of the register (firm.name_mismatch, ref.missing)."""

from __future__ import annotations

from ..analysis.credit_code import credit_code_fault
from ..problems import Problem, error


def check(ctx) -> list[Problem]:
    portal = ctx.portal
    problems: list[Problem] = []
    by_code: dict[str, str] = {}
    for ident in sorted(portal.firms):
        loaded = portal.firms[ident]
        code = loaded.model.credit_code.strip()
        fault = credit_code_fault(code)
        if fault:
            problems.append(error(loaded.doc.at("credit_code"), "firm.credit_code",
                                  f"统一社会信用代码“{code}”不对：{fault}。"))
        elif code in by_code:
            problems.append(error(loaded.doc.at("credit_code"), "id.duplicate",
                                  f"统一社会信用代码 {code} 已用于 firms/{by_code[code]}.yml：同一家企业只写一个文件。"))
        else:
            by_code[code] = ident
    for community in portal.communities.values():
        if community.profile is None or community.profile.model.property_manager is None:
            continue
        manager, doc = community.profile.model.property_manager, community.profile.doc
        if manager.firm is None:
            continue
        firm = portal.firms.get(manager.firm)
        if firm is None:
            if manager.firm not in portal.invalid_firms:
                problems.append(error(doc.at("property_manager", "firm"), "ref.missing",
                                      f"引用的物业服务企业“{manager.firm}”不存在：应有文件 firms/{manager.firm}.yml"
                                      "（在数据目录 data/ 下，与 communities/ 并列）。"))
            continue
        if manager.name.strip() != firm.model.name.strip():
            problems.append(error(doc.at("property_manager", "name"), "firm.name_mismatch",
                                  f"物业服务企业名称“{manager.name}”与全区名录 firms/{manager.firm}.yml 中的名称"
                                  f"“{firm.model.name}”不同：请照营业执照写同一个名称。"))
    return problems
