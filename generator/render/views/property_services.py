"""物业服务: the property manager, its contract and fees, the firm it is in the district's
register (credit code, complaint phone, its page), the project's and the community's party
organisations."""

from __future__ import annotations

from ...analysis.firms import firm_of
from ...formatting import cn_date, money
from ...model import labels
from .. import links
from ..phones import phone_markup
from .context import Context, firm_href, organisation_text


def _firm(ctx: Context) -> dict | None:
    ident = firm_of(ctx.community, ctx.portal)
    if ident is None:
        return None
    firm = ctx.portal.firms[ident].model
    return {"credit_code": firm.credit_code, "complaint_phone": phone_markup(firm.complaint_phone),
            "href": firm_href(ctx, links.PROPERTY, ident)}


def property_view(ctx: Context) -> dict:
    p = ctx.profile
    pm = p.property_manager if p else None
    party = p.party_organisation if p else None
    return {
        "manager": None if pm is None else {
            "name": pm.name, "project_manager": pm.project_manager or "", "office_phone": phone_markup(pm.office_phone),
            "contract": f"{cn_date(pm.contract.start)}至{cn_date(pm.contract.end)}" if pm.contract else "",
            "fees": [{"item": f.item, "price": money(f.price), "unit": f.unit} for f in pm.fees],
            "firm": _firm(ctx),
            "project_party": organisation_text(pm.party_organisation) if pm.party_organisation else "",
        },
        "party": None if party is None else {
            "name": party.name, "kind": labels.PARTY_KIND[party.kind],
            "established": cn_date(party.established) if party.established else "",
        },
    }
