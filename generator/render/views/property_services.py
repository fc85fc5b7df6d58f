"""物业服务: the property manager, its contract and fees, and the community's party organisation."""

from __future__ import annotations

from ...formatting import cn_date, money
from ...model import labels
from .context import Context


def property_view(ctx: Context) -> dict:
    p = ctx.profile
    pm = p.property_manager if p else None
    party = p.party_organisation if p else None
    return {
        "manager": None if pm is None else {
            "name": pm.name, "project_manager": pm.project_manager or "", "office_phone": pm.office_phone or "",
            "contract": f"{cn_date(pm.contract.start)}至{cn_date(pm.contract.end)}" if pm.contract else "",
            "fees": [{"item": f.item, "price": money(f.price), "unit": f.unit} for f in pm.fees],
        },
        "party": None if party is None else {
            "name": party.name, "kind": labels.PARTY_KIND[party.kind],
            "established": cn_date(party.established) if party.established else "",
        },
    }
