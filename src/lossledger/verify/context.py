"""The context block: for the report an article quotes, what the other sources say nearby.

General Staff claims next to the confirmed lower bounds — Mediazona/BBC's named deaths, Oryx's
photo-confirmed tanks and equipment — and what each side acknowledges of its own losses, each
with its own date and documents, so a reader sees how far claims and evidence are apart.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .. import registry
from ..ledger.points import Point
from .view import LedgerView

__all__ = ["context_block"]

GS_METRICS = ("personnel", "tanks", "afv", "artillery", "aircraft", "helicopters", "ships", "submarines", "uav")


def _entry(
    view: LedgerView, source: str, metric: str, on: dt.date, category: str | None = None
) -> dict[str, Any] | None:
    """The figure of ``source`` nearest before ``on``: its newest total, reconciled as ``show`` does."""
    date = view.newest_total_date(source, metric, on, category)
    if date is None:
        return None
    point = view.points(source, start=date, end=date, metrics=[metric], category=category).get(metric, {}).get(date)
    if point is None or point.total is None:
        return None
    return {
        "value": point.total,
        "date": date.isoformat(),
        "days_before": (on - date).days,
        "documents": point.document_ids,
    }


def context_block(
    view: LedgerView, on: dt.date | None, gs: dict[str, dict[dt.date, Point]] | None = None
) -> dict[str, Any]:
    """Figures of every source nearest before ``on`` (the report date), each with its date;
    ``gs``: the General Staff's points around ``on`` when the caller has read them already."""
    if on is None:
        return {}
    if gs is None:
        gs = view.points(registry.CLAIMS, start=on, end=on)
    claims = {
        m: {"total": gs[m][on].total, "increase": gs[m][on].increase, "documents": gs[m][on].document_ids}
        for m in GS_METRICS
        if on in gs.get(m, {})
    }
    out: dict[str, Any] = {"date": on.isoformat(), "general_staff": claims}
    out["mediazona"] = {
        k: e for k in ("named_deaths", "probate_estimate") if (e := _entry(view, "mediazona", "personnel", on, k))
    }
    out["oryx"] = {
        m: e for m in ("tanks", "afv", "artillery", "aircraft", "all_equipment") if (e := _entry(view, "oryx", m, on))
    }
    acknowledged: dict[str, Any] = {}
    for source, side in (("russian-mod", "russia"), ("ukraine-own", "ukraine")):
        found = {k: e for k in ("killed", "wounded") if (e := _entry(view, source, "personnel", on, k))}
        if found:
            acknowledged[side] = {"source": source, **found}
    out["acknowledged_own_losses"] = acknowledged
    out["comparisons"] = _comparisons(claims, out)
    return out


def _pair(claim: str, claim_value: int, evidence: str, entry: dict[str, Any], explanation: str) -> dict[str, Any]:
    """A claimed figure beside an evidence figure (``entry``: its value and date), with their ratio."""
    return {
        "claim": claim, "claim_value": claim_value, "evidence": evidence, "evidence_value": entry["value"],
        "evidence_date": entry["date"], "ratio": round(claim_value / entry["value"], 2), "explanation": explanation,
    }  # fmt: skip


def _comparisons(claims: dict[str, Any], out: dict[str, Any]) -> list[dict[str, Any]]:
    pairs = []
    personnel = claims.get("personnel", {}).get("total")
    gs_personnel = "general-staff personnel (killed and wounded)"
    named = out["mediazona"].get("named_deaths")
    if personnel and named:
        pairs.append(
            _pair(
                gs_personnel,
                personnel,
                "mediazona named deaths",
                named,
                "The General Staff counts killed and wounded; Mediazona lists deaths confirmed by name, a lower bound of deaths alone.",
            )
        )
    tanks, confirmed_tanks = claims.get("tanks", {}).get("total"), out["oryx"].get("tanks")
    if tanks and confirmed_tanks:  # Oryx's all-equipment total has no General Staff counterpart
        pairs.append(
            _pair(
                "general-staff tanks",
                tanks,
                "oryx tanks (photo-confirmed)",
                confirmed_tanks,
                "Oryx lists only losses proven by a photo or video: a lower bound, not a competing estimate.",
            )
        )
    russia = out["acknowledged_own_losses"].get("russia", {}).get("killed")
    if personnel and russia:
        pairs.append(
            _pair(
                gs_personnel,
                personnel,
                "Russia's acknowledged dead",
                russia,
                "Russia's last official total of its own dead; the General Staff's figures far exceed what Russian authorities acknowledge.",
            )
        )
    return pairs
