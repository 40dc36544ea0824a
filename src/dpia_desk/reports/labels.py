"""Words every writer shows the same way: status names, tiers, legal references, dates.

Risk levels are not here: their names come from the scoring rules with the report
(``DpiaReport.risk_scale``), so the documents never name a level the app does not have.
"""

from __future__ import annotations

import re
from datetime import date, datetime

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

STATUS = {
    "draft": "Draft",
    "in_review": "In review",
    "approved": "Approved",
    "rejected": "Rejected",
}

AI_ACT_TIER = {
    "prohibited": "Prohibited practice",
    "high": "High risk",
    "limited": "Limited risk (transparency duties)",
    "minimal": "Minimal risk",
    "out_of_scope": "Out of scope",
    "not_assessed": "Not assessed yet",
}

AI_ACT_ROLE = {
    "provider": "Provider",
    "deployer": "Deployer",
    "provider_and_deployer": "Provider and deployer",
    "importer": "Importer",
    "distributor": "Distributor",
}

DPIA_VERDICT = {
    "required": "DPIA required",
    "likely_required": "DPIA likely required",
    "consider": "DPIA to be considered (document the decision)",
    "not_required": "DPIA not required",
    "not_assessed": "Not screened yet",
}

DECISION = {
    "approved": "Approved",
    "approved_with_conditions": "Approved with conditions",
    "rejected": "Rejected",
    "pending": "Pending",
}

CONTRACT_STATUS = {
    "signed": "Signed",
    "in_negotiation": "In negotiation",
    "missing": "Missing",
    "not_needed": "Not needed",
    "expired": "Expired",
    "terminated": "Terminated",
    "draft": "Draft",
    "requested": "Requested",
    "in_review": "In review",
    "not_required": "Not required",
}

SEVERITY = {"low": "Low", "medium": "Medium", "high": "High", "critical": "Critical"}

ACTION_STATUS = {
    "open": "Open",
    "in_progress": "In progress",
    "done": "Done",
    "cancelled": "Cancelled",
}

_SOURCES = {
    "gdpr": "GDPR",
    "ai_act": "AI Act",
    "wp248": "WP248",
    "edpb": "EDPB",
    "cnil": "CNIL",
    "nyc_ll144": "NYC LL144",
    "ll144": "NYC LL144",
    "nist": "NIST",
    "iso27001": "ISO/IEC 27001",
}

_ARTICLE = re.compile(r"^art(\d+[a-z]?)((?:\.[0-9a-z]+)*)$")
_ANNEX = re.compile(r"^annex(\d+)(?:\.(\d+))?((?:\.[0-9a-z]+)*)$")
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV")


def humanise(value: str) -> str:
    """``in_negotiation`` -> ``In negotiation``: the fallback for values we have no label for."""
    text = value.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def label(table: dict[str, str], value: str) -> str:
    return table.get(value, humanise(value)) if value else "—"


def format_ref(ref: str) -> str:
    """``gdpr:art35.7.a`` -> ``GDPR Art. 35(7)(a)``; unknown shapes are shown as they are."""
    source, _, place = ref.partition(":")
    if not place:
        return ref
    name = _SOURCES.get(source, source.upper())
    match = _ARTICLE.match(place)
    if match:
        parts = "".join(f"({part})" for part in match.group(2).split(".") if part)
        return f"{name} Art. {match.group(1)}{parts}"
    annex = _ANNEX.match(place)
    if annex and 1 <= int(annex.group(1)) <= len(_ROMAN):
        text = f"{name} Annex {_ROMAN[int(annex.group(1)) - 1]}"
        if annex.group(2):
            text += f" point {annex.group(2)}"
            text += "".join(f"({part})" for part in annex.group(3).split(".") if part)
        return text
    kind, _, rest = place.partition(".")
    if kind in ("recital", "annex", "criterion", "section", "point") and rest:
        return f"{name} {kind.capitalize()} {rest.replace('.', ' ')}"
    return f"{name} {place}"


def format_refs(refs: tuple[str, ...]) -> str:
    return "; ".join(format_ref(ref) for ref in refs)


def format_date(value: date | None) -> str:
    """``14 March 2026``: unambiguous in every locale that reads the document."""
    if value is None:
        return "—"
    if isinstance(value, datetime):
        value = value.date()
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def format_datetime(value: datetime | None) -> str:
    if value is None:
        return "—"
    zone = value.strftime("%Z") if value.tzinfo is not None else ""
    return f"{format_date(value)} {value:%H:%M}" + (f" {zone}" if zone else "")


def format_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    amount = float(size)
    for unit in ("KB", "MB", "GB", "TB"):
        amount /= 1024
        if amount < 1024 or unit == "TB":
            return f"{amount:.1f} {unit}"
    raise AssertionError("unreachable")


def format_score(score: float | None) -> str:
    return "—" if score is None else f"{score:.0f}"


def format_share(share: float) -> str:
    return f"{share * 100:.0f}%"
